"""What the store hands out: typed ids and frozen records, never live ORM rows.

Records are plain values, so screens and worker threads can hold them after the session that
read them has closed, and tests can build them directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, NewType

from smedesk.store.diff import Change

DocumentId = NewType("DocumentId", str)
AttachmentId = NewType("AttachmentId", int)

OWNER_ROLES = ("applicant", "recommender", "expert")


@dataclass(frozen=True)
class DocumentInfo:
    """A document without its data: a line of the document list."""

    id: DocumentId
    kind: str
    title: str
    scheme_id: str
    scheme_version: str
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None
    owner_role: str

    @property
    def in_trash(self) -> bool:
        return self.deleted_at is not None


@dataclass(frozen=True)
class StoredDocument(DocumentInfo):
    """A document with its whole data, as last saved."""

    data: dict[str, Any]


@dataclass(frozen=True)
class RevisionInfo:
    """A line of a document's history."""

    number: int
    action: str  # "create", "edit", "restore", "duplicate"
    author: str
    created_at: datetime  # when the revision began (later saves may have been folded in)
    summary: str
    change_count: int


@dataclass(frozen=True)
class Revision(RevisionInfo):
    """A revision with its changes (at most ``MAX_STORED_CHANGES`` of ``change_count``)."""

    document_id: DocumentId
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class AttachmentInfo:
    """An attached file without its content."""

    id: AttachmentId
    document_id: DocumentId
    material_id: str
    filename: str
    media_type: str
    size: int
    sha256: str
    added_at: datetime
