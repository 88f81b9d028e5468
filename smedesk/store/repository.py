"""``DocumentStore``: every action on stored documents, one small typed method each.

Each method runs in its own transaction and returns plain records (``records.py``), so a
screen can call it from a worker thread and refresh from what it returns.

A document's data is stored in pieces (``parts.py``) so that an autosave after a field edit
writes only the piece it touched; ``stored.py`` holds the store's copy that makes it cheap.
"""

from __future__ import annotations

import builtins
import copy
import json
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session, defer

from smedesk.store import attachments as _attachments
from smedesk.store.diff import apply_changes, diff_json
from smedesk.store.engine import Database
from smedesk.store.errors import StoreError
from smedesk.store.history import revision_from_row, write_revision
from smedesk.store.models import AttachmentRow, DocumentPartRow, DocumentRow, RevisionRow
from smedesk.store.parts import full_text
from smedesk.store.records import (
    OWNER_ROLES,
    AttachmentId,
    AttachmentInfo,
    DocumentId,
    DocumentInfo,
    Revision,
    RevisionInfo,
    StoredDocument,
)
from smedesk.store.stored import (
    CachedDocument,
    DocumentCache,
    insert_chunks,
    read_data,
    split_checked,
    write_update,
)

DEFAULT_COALESCE_SECONDS = 60.0


def utc_now() -> datetime:
    return datetime.now(UTC)


def _info(row: DocumentRow) -> DocumentInfo:
    return DocumentInfo(
        id=DocumentId(row.id),
        kind=row.kind,
        title=row.title,
        scheme_id=row.scheme_id,
        scheme_version=row.scheme_version,
        created_at=row.created_at,
        updated_at=row.updated_at,
        deleted_at=row.deleted_at,
        owner_role=row.owner_role,
    )


def _document(session: Session, doc_id: str) -> DocumentRow:
    row = session.get(DocumentRow, doc_id)
    if row is None:
        raise StoreError(f"找不到文档（编号 {doc_id}），它可能已被永久删除。")
    return row


class DocumentStore:
    """Documents, their revisions and attachments in one database."""

    def __init__(
        self,
        database: Database,
        *,
        coalesce_seconds: float = DEFAULT_COALESCE_SECONDS,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self._sessions = database.sessions
        self.coalesce_seconds = coalesce_seconds
        self._clock = clock  # injectable so tests can step through the coalescing window
        self._cache = DocumentCache()

    # documents -----------------------------------------------------------------------------

    def create(
        self,
        kind: str,
        title: str,
        data: dict[str, Any],
        *,
        scheme_id: str,
        scheme_version: str,
        owner_role: str = "applicant",
        author: str,
    ) -> DocumentId:
        """Store a new document (revision 1, "新建"); its id is ``data["doc_id"]`` if set."""
        if owner_role not in OWNER_ROLES:
            raise StoreError(f"未知的角色「{owner_role}」，应为申报单位、推荐单位或评审专家之一。")
        doc_id = DocumentId(str(data.get("doc_id") or uuid.uuid4()))
        head, chunks = split_checked(data)
        now = self._clock()
        with self._sessions.begin() as session:
            if session.get(DocumentRow, doc_id) is not None:
                raise StoreError(f"编号为 {doc_id} 的文档已经存在，不能重复新建。")
            session.add(
                DocumentRow(
                    id=doc_id,
                    kind=kind,
                    title=title,
                    scheme_id=scheme_id,
                    scheme_version=scheme_version,
                    data=head,
                    created_at=now,
                    updated_at=now,
                    owner_role=owner_role,
                )
            )
            session.flush()
            insert_chunks(session, doc_id, chunks)
            write_revision(
                session, doc_id, None, [], author=author, now=now, action="create", summary="新建"
            )
        return doc_id

    def get(self, doc_id: str) -> StoredDocument:
        """The document with its data as last saved."""
        with self._sessions() as session:
            row = _document(session, doc_id)
            info = _info(row)
            data = read_data(session, doc_id, row.data)
        return StoredDocument(**vars(info), data=data)

    def list(
        self, kind: str | None = None, include_deleted: bool = False, search: str | None = None
    ) -> builtins.list[DocumentInfo]:
        """Documents, most recently changed first; ``search`` matches titles, any case."""
        query = select(DocumentRow).order_by(DocumentRow.updated_at.desc())
        if kind is not None:
            query = query.where(DocumentRow.kind == kind)
        if not include_deleted:
            query = query.where(DocumentRow.deleted_at.is_(None))
        if search:
            # LIKE's own wildcards in the user's text must match themselves.
            pattern = search.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            query = query.where(func.lower(DocumentRow.title).like(f"%{pattern}%", escape="\\"))
        # Deferring data keeps listing a thousand big documents cheap.
        with self._sessions() as session:
            rows = session.scalars(query.options(defer(DocumentRow.data))).all()
            return [_info(row) for row in rows]

    def rename(self, doc_id: str, title: str) -> None:
        with self._sessions.begin() as session:
            _document(session, doc_id).title = title

    def duplicate(self, doc_id: str, new_title: str, *, author: str) -> DocumentId:
        """A copy under a new id (written into its ``data["doc_id"]``), with the attachments."""
        source = self.get(doc_id)
        data = copy.deepcopy(source.data)
        new_id = DocumentId(str(uuid.uuid4()))
        data["doc_id"] = new_id
        head, chunks = split_checked(data)
        now = self._clock()
        with self._sessions.begin() as session:
            session.add(
                DocumentRow(
                    id=new_id,
                    kind=source.kind,
                    title=new_title,
                    scheme_id=source.scheme_id,
                    scheme_version=source.scheme_version,
                    data=head,
                    created_at=now,
                    updated_at=now,
                    owner_role=source.owner_role,
                )
            )
            session.flush()
            insert_chunks(session, new_id, chunks)
            write_revision(
                session,
                new_id,
                None,
                [],
                author=author,
                now=now,
                action="duplicate",
                summary=f"复制自《{source.title}》",
            )
            _attachments.copy_all(session, source.id, new_id)
        return new_id

    def trash(self, doc_id: str) -> None:
        """Move to the trash: hidden from the list, kept until the trash is emptied."""
        with self._sessions.begin() as session:
            row = _document(session, doc_id)
            if row.deleted_at is None:
                row.deleted_at = self._clock()

    def restore_from_trash(self, doc_id: str) -> None:
        with self._sessions.begin() as session:
            _document(session, doc_id).deleted_at = None

    def empty_trash(self) -> int:
        """Delete every trashed document with its revisions and attachments; how many."""
        with self._sessions.begin() as session:
            ids = session.scalars(
                select(DocumentRow.id).where(DocumentRow.deleted_at.is_not(None))
            ).all()
            if ids:
                # Children first and explicitly, so it works even where the database does
                # not enforce ON DELETE CASCADE.
                session.execute(delete(RevisionRow).where(RevisionRow.document_id.in_(ids)))
                session.execute(delete(DocumentPartRow).where(DocumentPartRow.document_id.in_(ids)))
                session.execute(delete(AttachmentRow).where(AttachmentRow.document_id.in_(ids)))
                session.execute(delete(DocumentRow).where(DocumentRow.id.in_(ids)))
        for doc_id in ids:
            self._cache.drop(doc_id)
        return len(ids)

    # saving and history ------------------------------------------------------------------

    def save(
        self,
        doc_id: str,
        data: dict[str, Any],
        *,
        author: str,
        scheme_id: str | None = None,
        scheme_version: str | None = None,
    ) -> Revision | None:
        """Store the document's new data; the revision written, or None if nothing changed.

        Saves by ``author`` within ``coalesce_seconds`` of the newest revision's start are
        folded into it (see ``history.py``).
        """
        return self._write(
            doc_id,
            data,
            author=author,
            scheme_id=scheme_id,
            scheme_version=scheme_version,
            action="edit",
        )

    def _write(
        self,
        doc_id: str,
        data: dict[str, Any],
        *,
        author: str,
        action: str,
        summary: str | None = None,
        scheme_id: str | None = None,
        scheme_version: str | None = None,
    ) -> Revision | None:
        now = self._clock()
        # Taken out while we work: if anything below fails, no half-updated copy remains.
        cached = self._cache.take(doc_id)
        with self._sessions.begin() as session:
            row = session.execute(
                select(
                    DocumentRow.updated_at,
                    DocumentRow.deleted_at,
                    DocumentRow.scheme_id,
                    DocumentRow.scheme_version,
                ).where(DocumentRow.id == doc_id)
            ).one_or_none()
            if row is None:
                raise StoreError(f"找不到文档（编号 {doc_id}），无法保存。")
            if row.deleted_at is not None:
                raise StoreError("这份文档在回收站中，请先把它恢复出来再修改。")
            if cached is None or cached.updated_at != row.updated_at:
                head = session.scalars(select(DocumentRow.data).where(DocumentRow.id == doc_id))
                cached = CachedDocument.load(session, doc_id, row.updated_at, head.one())
            changes = diff_json(cached.data, data)
            values: dict[str, Any] = {"updated_at": now}
            if scheme_id is not None and scheme_id != row.scheme_id:
                values["scheme_id"] = scheme_id
            if scheme_version is not None and scheme_version != row.scheme_version:
                values["scheme_version"] = scheme_version
            if not changes and action == "edit":
                if len(values) > 1:  # only the scheme it was checked against moved on
                    self._update_row(session, doc_id, values)
                    cached.updated_at = now
                self._cache.put(doc_id, cached)
                return None
            old_head, old_chunks = cached.head, cached.chunks
            try:
                cached.data = apply_changes(cached.data, changes)
                written = cached.update(changes)
            except (TypeError, ValueError) as exc:
                raise StoreError(f"文档数据中有无法保存的值：{exc}") from exc
            if written.head is not None:
                values["data"] = written.head
            self._update_row(session, doc_id, values)
            write_update(session, doc_id, written)
            revision = write_revision(
                session,
                DocumentId(doc_id),
                lambda: full_text(old_head, old_chunks),
                changes,
                author=author,
                now=now,
                action=action,
                summary=summary,
                coalesce_seconds=self.coalesce_seconds,
            )
        cached.updated_at = now
        self._cache.put(doc_id, cached)
        return revision

    @staticmethod
    def _update_row(session: Session, doc_id: str, values: dict[str, Any]) -> None:
        session.execute(
            update(DocumentRow)
            .where(DocumentRow.id == doc_id)
            .values(**values)
            .execution_options(synchronize_session=False)
        )

    def revisions(self, doc_id: str) -> builtins.list[RevisionInfo]:
        """The document's history, oldest first."""
        with self._sessions() as session:
            _document(session, doc_id)
            rows = session.execute(
                select(
                    RevisionRow.number,
                    RevisionRow.action,
                    RevisionRow.author,
                    RevisionRow.created_at,
                    RevisionRow.summary,
                    RevisionRow.change_count,
                )
                .where(RevisionRow.document_id == doc_id)
                .order_by(RevisionRow.number)
            ).all()
        return [RevisionInfo(*row) for row in rows]

    def revision(self, doc_id: str, number: int) -> Revision:
        """One revision with its list of changes."""
        with self._sessions() as session:
            return revision_from_row(self._revision_row(session, doc_id, number))

    def revision_data(self, doc_id: str, number: int) -> dict[str, Any]:
        """The whole document as it was after revision ``number``."""
        with self._sessions() as session:
            text = self._revision_row(session, doc_id, number).data
            if text is None:  # the newest revision: its snapshot is the document itself
                return read_data(session, doc_id, _document(session, doc_id).data)
            data: dict[str, Any] = json.loads(text)
        return data

    @staticmethod
    def _revision_row(session: Session, doc_id: str, number: int) -> RevisionRow:
        row = session.scalars(
            select(RevisionRow).where(
                RevisionRow.document_id == doc_id, RevisionRow.number == number
            )
        ).one_or_none()
        if row is None:
            raise StoreError(f"文档（编号 {doc_id}）没有第 {number} 版。")
        return row

    def restore(self, doc_id: str, number: int, *, author: str) -> Revision:
        """Make revision ``number`` current again, as a new revision "恢复到第 N 版"."""
        data = self.revision_data(doc_id, number)
        revision = self._write(
            doc_id, data, author=author, action="restore", summary=f"恢复到第 {number} 版"
        )
        assert revision is not None  # restore revisions are written even if nothing changed
        return revision

    # attachments -------------------------------------------------------------------------

    def add_attachment(
        self, doc_id: str, material_id: str, filename: str, content: bytes, media_type: str
    ) -> AttachmentInfo:
        """Attach a file for one materials-checklist item; its SHA-256 is recorded."""
        with self._sessions.begin() as session:
            _document(session, doc_id)
            return _attachments.add(
                session,
                DocumentId(doc_id),
                material_id,
                filename,
                content,
                media_type,
                self._clock(),
            )

    def attachments(self, doc_id: str) -> builtins.list[AttachmentInfo]:
        """The document's attachments (without their content), in the order added."""
        with self._sessions() as session:
            _document(session, doc_id)
            return _attachments.list_for(session, doc_id)

    def attachment_content(self, attachment_id: AttachmentId) -> bytes:
        with self._sessions() as session:
            return _attachments.content(session, attachment_id)

    def remove_attachment(self, attachment_id: AttachmentId) -> None:
        with self._sessions.begin() as session:
            _attachments.remove(session, attachment_id)
