"""What the store hands out: typed ids and frozen records, never live ORM rows.

Records are plain values, so screens and worker threads can hold them after the session that
read them has closed, and tests can build them directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
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
    #: Counts the saves of the data; a save names the version it started from.
    version: int = 1
    #: Summary columns copied from the data on every save (``forms.summary``).
    uscc: str | None = None
    organisation: str | None = None

    @property
    def in_trash(self) -> bool:
        return self.deleted_at is not None


@dataclass(frozen=True)
class StoredDocument(DocumentInfo):
    """A document with its whole data, as last saved (at ``version``)."""

    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class SaveResult:
    """What a save did.

    ``version`` is the document's version after it: the base of the next save. ``merged`` is
    None when the save was based on the stored version; when another save had come in between
    and was merged with this one, it is the merged data, which the caller must adopt (it holds
    the other save's changes too). ``revision`` is the revision written or extended, or None
    when nothing changed.
    """

    version: int
    revision: Revision | None = None
    merged: dict[str, Any] | None = None


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
