"""Attachment rows: files stored in the database beside the document they belong to.

Kept in the database (not as loose files) so that one file holds a whole application and a
backup or an exchange package cannot lose the scans it refers to.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from smedesk.store.errors import StoreError
from smedesk.store.models import AttachmentRow
from smedesk.store.records import AttachmentId, AttachmentInfo, DocumentId

_INFO_COLUMNS = (
    AttachmentRow.id,
    AttachmentRow.document_id,
    AttachmentRow.material_id,
    AttachmentRow.filename,
    AttachmentRow.media_type,
    AttachmentRow.size,
    AttachmentRow.sha256,
    AttachmentRow.added_at,
)


def _info(row: Any) -> AttachmentInfo:
    # A mapped AttachmentRow or a row of the _INFO_COLUMNS select: same attribute names.
    return AttachmentInfo(
        id=AttachmentId(row.id),
        document_id=DocumentId(row.document_id),
        material_id=row.material_id,
        filename=row.filename,
        media_type=row.media_type,
        size=row.size,
        sha256=row.sha256,
        added_at=row.added_at,
    )


def add(
    session: Session,
    doc_id: DocumentId,
    material_id: str,
    filename: str,
    content: bytes,
    media_type: str,
    now: datetime,
) -> AttachmentInfo:
    row = AttachmentRow(
        document_id=doc_id,
        material_id=material_id,
        filename=filename,
        media_type=media_type,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        content=content,
        added_at=now,
    )
    session.add(row)
    session.flush()
    return _info(row)


def list_for(session: Session, doc_id: str) -> list[AttachmentInfo]:
    # Selecting columns, not rows, so the content blobs are never read.
    rows = session.execute(
        select(*_INFO_COLUMNS).where(AttachmentRow.document_id == doc_id).order_by(AttachmentRow.id)
    ).all()
    return [_info(row) for row in rows]


def _row(session: Session, attachment_id: int) -> AttachmentRow:
    row = session.get(AttachmentRow, attachment_id)
    if row is None:
        raise StoreError(f"找不到附件（编号 {attachment_id}），它可能已被删除。")
    return row


def content(session: Session, attachment_id: int) -> bytes:
    return _row(session, attachment_id).content


def remove(session: Session, attachment_id: int) -> None:
    session.delete(_row(session, attachment_id))


def copy_all(session: Session, source: str, target: str) -> None:
    """Copy every attachment of ``source`` to ``target`` (for a duplicated document)."""
    for row in session.scalars(select(AttachmentRow).where(AttachmentRow.document_id == source)):
        session.add(
            AttachmentRow(
                document_id=target,
                material_id=row.material_id,
                filename=row.filename,
                media_type=row.media_type,
                size=row.size,
                sha256=row.sha256,
                content=row.content,
                added_at=row.added_at,
            )
        )
