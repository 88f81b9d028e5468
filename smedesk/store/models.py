"""SQLAlchemy 2.0 mapping of the store's tables: documents (and their parts), revisions, attachments.

The schema is created and changed only by the Alembic migrations in ``migrations/versions``;
these classes must describe the schema those migrations produce (a test compares them).
Document JSON is kept in plain TEXT columns holding text we serialise ourselves, rather than
SQLAlchemy's ``JSON`` type, so that one save serialises the document exactly once and reuses
that text for both the document row and its revision snapshot.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class UtcDateTime(TypeDecorator[datetime]):
    """A timestamp stored as naive UTC and always handed back timezone-aware.

    SQLite has no timezone-aware type, so without this a value would come back naive and
    comparisons with ``datetime.now(UTC)`` would raise.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    """Declarative base of the store; its metadata is the migrations' autogenerate target."""


class DocumentRow(Base):
    """One document (a report, a form, an opinion sheet) with its current data."""

    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(64), index=True)
    title: Mapped[str] = mapped_column(String(500))
    scheme_id: Mapped[str] = mapped_column(String(64))
    scheme_version: Mapped[str] = mapped_column(String(64))
    # JSON text of the document's head: all of it but its long lists (see parts.py)
    data: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)
    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    owner_role: Mapped[str] = mapped_column(String(32))
    # Counts the saves of ``data``: a save names the version it started from (merge.py).
    version: Mapped[int] = mapped_column(Integer, server_default="1")
    # Copied from the data on every save (forms.summary), for lists and cross-checks.
    uscc: Mapped[str | None] = mapped_column(String(18), nullable=True, index=True)
    organisation: Mapped[str | None] = mapped_column(String(500), nullable=True)

    revisions: Mapped[list[RevisionRow]] = relationship(
        back_populates="document", cascade="all, delete-orphan", passive_deletes=True
    )
    attachments: Mapped[list[AttachmentRow]] = relationship(
        back_populates="document", cascade="all, delete-orphan", passive_deletes=True
    )
    parts: Mapped[list[DocumentPartRow]] = relationship(
        back_populates="document", cascade="all, delete-orphan", passive_deletes=True
    )


class DocumentPartRow(Base):
    """A chunk of one of a document's long lists, e.g. ``/served_enterprises#3`` (parts.py)."""

    __tablename__ = "document_parts"

    document_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    part: Mapped[str] = mapped_column(String(500), primary_key=True)
    data: Mapped[str] = mapped_column(Text)  # JSON array: the chunk's items

    document: Mapped[DocumentRow] = relationship(back_populates="parts")


class RevisionRow(Base):
    """One saved state of a document, numbered 1, 2, 3… within the document."""

    __tablename__ = "revisions"
    __table_args__ = (UniqueConstraint("document_id", "number", name="uq_revisions_doc_number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("documents.id", ondelete="CASCADE")
    )
    number: Mapped[int] = mapped_column(Integer)
    # "create", "edit", "restore", "duplicate": only "edit" revisions absorb later saves.
    action: Mapped[str] = mapped_column(String(16))
    author: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    summary: Mapped[str] = mapped_column(Text)
    changes: Mapped[str] = mapped_column(Text)  # JSON list of {path, op, old, new}
    change_count: Mapped[int] = mapped_column(Integer)  # may exceed len(changes): list is capped
    # JSON snapshot of the document after this revision. NULL on the newest revision means
    # "the document's current data": autosaves folded into the newest revision then write
    # the big text once (to the document), not twice. See history.py.
    data: Mapped[str | None] = mapped_column(Text, nullable=True)

    document: Mapped[DocumentRow] = relationship(back_populates="revisions")


class AttachmentRow(Base):
    """A file attached to a document for one item of the materials checklist."""

    __tablename__ = "attachments"
    __table_args__ = (Index("ix_attachments_doc_material", "document_id", "material_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("documents.id", ondelete="CASCADE")
    )
    material_id: Mapped[str] = mapped_column(String(100))
    filename: Mapped[str] = mapped_column(String(500))
    media_type: Mapped[str] = mapped_column(String(200))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    added_at: Mapped[datetime] = mapped_column(UtcDateTime())

    document: Mapped[DocumentRow] = relationship(back_populates="attachments")
