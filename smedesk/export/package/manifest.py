"""The manifest of a package: what it is, who made it, and the size and SHA-256 of every member.

The manifest is the one member a signature covers; every other member is bound to it by its
hash. It is strict (unknown keys are refused) so that a later format is never half-read.
"""

from __future__ import annotations

import datetime as dt
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, Field

FORMAT_NAME: Final = "smedesk-package"
#: The package format this release writes and reads (documents carry their own version).
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SIGNATURE = "signature.json"
#: Members every package may have besides those its manifest lists.
RESERVED = (MANIFEST, SIGNATURE)

PackageKind = Literal["application", "review", "opinion"]
Role = Literal["applicant", "recommender", "expert"]
MemberType = Literal["document", "attachment", "pdf"]

KIND_LABELS: dict[str, str] = {"application": "申报包", "review": "评审包", "opinion": "意见包"}
ROLE_LABELS: dict[str, str] = {
    "applicant": "申报单位",
    "recommender": "推荐单位",
    "expert": "评审专家",
}

_STRICT = ConfigDict(extra="forbid", frozen=True)


class Creator(BaseModel):
    """Who made the package: the role and the person or body named by the user."""

    model_config = _STRICT

    role: Role
    name: str = Field(max_length=200)


class SchemeStamp(BaseModel):
    """The scheme the package's documents were checked against."""

    model_config = _STRICT

    id: str = Field(max_length=64)
    version: str = Field(max_length=64)


class MemberEntry(BaseModel):
    """One member other than the manifest and the signature."""

    model_config = _STRICT

    path: str = Field(max_length=240)
    size: int = Field(ge=0)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    type: MemberType
    #: the document this member belongs to (attachments, PDFs); a document names itself
    document: str | None = Field(default=None, max_length=64)
    #: attachments: the material of the scheme's checklist and the file's own name
    material_id: str | None = Field(default=None, max_length=100)
    filename: str | None = Field(default=None, max_length=500)
    media_type: str | None = Field(default=None, max_length=200)


class DocumentEntry(BaseModel):
    """A document of the package, stored as JSON in the member ``path``."""

    model_config = _STRICT

    doc_id: str = Field(max_length=64)
    kind: str = Field(max_length=64)
    format_version: int = Field(ge=1)
    title: str = Field(max_length=500)
    path: str = Field(max_length=240)
    #: what the document is for in this package: an application, an opinion sheet, or the
    #: opinion-sheet template an expert fills
    purpose: Literal["application", "opinion", "template", "other"] = "other"


class Manifest(BaseModel):
    """``manifest.json``."""

    model_config = _STRICT

    format: Literal["smedesk-package"] = FORMAT_NAME
    format_version: int = FORMAT_VERSION
    kind: PackageKind
    created_at: dt.datetime
    creator: Creator
    scheme: SchemeStamp
    #: review packages: the expert they are meant for
    recipient: str | None = Field(default=None, max_length=200)
    documents: list[DocumentEntry] = Field(default_factory=list)
    members: list[MemberEntry] = Field(default_factory=list)

    def member(self, path: str) -> MemberEntry:
        for entry in self.members:
            if entry.path == path:
                return entry
        raise KeyError(path)

    def to_bytes(self) -> bytes:
        """The exact bytes written (and signed): UTF-8 JSON, Chinese kept readable."""
        return (self.model_dump_json(indent=2) + "\n").encode("utf-8")

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]
