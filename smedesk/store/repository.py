"""``DocumentStore``: every action on stored documents, one small typed method each.

Each method runs in its own transaction (``transactions.py``: writes take the lock up front
and retry while another process holds it; driver errors become ``StoreError``) and returns
plain records (``records.py``), so a screen can call it from a worker thread and refresh from
what it returns.

A document's data is stored in pieces (``parts.py``) so that an autosave after a field edit
writes only the piece it touched; ``stored.py`` holds the store's copy that makes it cheap,
and ``saving.py`` the save itself: versioned, merged when two saves cross.
"""

from __future__ import annotations

import builtins
import copy
import json
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Table, delete, func, insert, select
from sqlalchemy.orm import Session, defer

from smedesk.forms.summary import summary_values
from smedesk.store import attachments as _attachments
from smedesk.store.engine import Database
from smedesk.store.errors import SaveConflict, StoreError
from smedesk.store.history import record_creation, revision_from_row
from smedesk.store.models import AttachmentRow, DocumentPartRow, DocumentRow, RevisionRow
from smedesk.store.parts import assemble
from smedesk.store.records import (
    OWNER_ROLES,
    AttachmentId,
    AttachmentInfo,
    DocumentId,
    DocumentInfo,
    Revision,
    RevisionInfo,
    SaveResult,
    StoredDocument,
)
from smedesk.store.saving import SaveOutcome, SaveRequest, save_in_session
from smedesk.store.stored import (
    CachedDocument,
    DocumentCache,
    insert_chunks,
    read_chunks,
    split_checked,
)
from smedesk.store.transactions import run_read, run_write

DEFAULT_COALESCE_SECONDS = 60.0

#: A write transaction in progress, as the store hands it to a caller's ``also`` (opaque to
#: the layers above, which only pass it back to the store).
Transaction = Session

#: A new document's row, its columns given as the statement's parameters.
_ADD_DOCUMENT = insert(cast(Table, DocumentRow.__table__))  # a mapped class's table is a Table


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
        version=row.version,
        uscc=row.uscc,
        organisation=row.organisation,
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
        self.database = database  # rounds (store/rounds.py) share its sessions
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
        action: str = "create",
        summary: str = "新建",
        also: Callable[[Transaction], None] | None = None,
    ) -> DocumentId:
        """Store a new document (version 1, revision 1 "新建"); its id is ``data["doc_id"]``.

        ``action`` and ``summary`` name the first revision otherwise: a package import marks
        its documents there (``imports.import_mark``) in the same transaction. ``also(...)``
        writes more in that transaction (a round import adds the round's entry); what it
        raises undoes the document too.
        """
        if owner_role not in OWNER_ROLES:
            raise StoreError(f"未知的角色「{owner_role}」，应为申报单位、推荐单位或评审专家之一。")
        doc_id = DocumentId(str(data.get("doc_id") or uuid.uuid4()))
        head, chunks = split_checked(data)
        row = dict(
            id=doc_id, kind=kind, title=title, scheme_id=scheme_id, scheme_version=scheme_version,
            owner_role=owner_role, **summary_values(kind, data),
        )  # fmt: skip

        def work(session: Session) -> None:
            if session.scalar(select(DocumentRow.id).where(DocumentRow.id == doc_id)):
                raise StoreError(f"编号为 {doc_id} 的文档已经存在，不能重复新建。")
            self._insert(session, row, head, chunks, author, action, summary)
            if also is not None:
                also(session)

        run_write(self._sessions, work)
        return doc_id

    def _insert(
        self,
        session: Session,
        row: dict[str, Any],
        head: str,
        chunks: dict[str, str],
        author: str,
        action: str,
        summary: str,
    ) -> None:
        now = self._clock()
        # Core statements, not an ORM object to flush: an import creates hundreds in a row.
        connection = session.connection()
        connection.execute(
            _ADD_DOCUMENT,
            {**row, "data": head, "created_at": now, "updated_at": now, "version": 1,
             "deleted_at": None},
        )  # fmt: skip
        insert_chunks(session, row["id"], chunks)
        record_creation(
            connection, row["id"], author=author, now=now, action=action, summary=summary
        )

    def get(self, doc_id: str) -> StoredDocument:
        """The document with its data as last saved, and the version that data is."""

        def work(session: Session) -> StoredDocument:
            row = _document(session, doc_id)
            chunks = read_chunks(session, doc_id)
            # Two parses of the same texts: one copy for the caller to edit, one kept as the
            # base of a later merge should another save come in before the caller's.
            cached = CachedDocument.load_from(row.version, row.data, chunks)
            self._cache.put(doc_id, cached)
            return StoredDocument(**vars(_info(row)), data=assemble(row.data, chunks.items()))

        return run_read(self._sessions, work)

    def info(self, doc_id: str) -> DocumentInfo:
        """The document's summary columns and version, without reading its data."""

        def work(session: Session) -> DocumentInfo:
            query = select(DocumentRow).where(DocumentRow.id == doc_id)
            row = session.scalars(query.options(defer(DocumentRow.data))).one_or_none()
            if row is None:
                raise StoreError(f"找不到文档（编号 {doc_id}），它可能已被永久删除。")
            return _info(row)

        return run_read(self._sessions, work)

    def exists(self, doc_id: str) -> bool:
        """Whether the store holds the document (in the trash too), reading nothing else."""
        query = select(DocumentRow.id).where(DocumentRow.id == doc_id)
        return run_read(self._sessions, lambda session: session.scalar(query) is not None)

    def version(self, doc_id: str) -> int:
        """The document's current version (the base a save of fresh data names)."""

        def work(session: Session) -> int:
            version = session.scalar(select(DocumentRow.version).where(DocumentRow.id == doc_id))
            if version is None:
                raise StoreError(f"找不到文档（编号 {doc_id}），它可能已被永久删除。")
            return version

        return run_read(self._sessions, work)

    def list(
        self, kind: str | None = None, include_deleted: bool = False, search: str | None = None
    ) -> builtins.list[DocumentInfo]:
        """Documents, most recently changed first (summary columns only, never the data).

        ``search`` matches titles, organisations and 统一社会信用代码, any case.
        """
        query = select(DocumentRow).order_by(DocumentRow.updated_at.desc())
        if kind is not None:
            query = query.where(DocumentRow.kind == kind)
        if not include_deleted:
            query = query.where(DocumentRow.deleted_at.is_(None))
        if search:
            # LIKE's own wildcards in the user's text must match themselves.
            pattern = search.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            like = f"%{pattern}%"
            query = query.where(
                func.lower(DocumentRow.title).like(like, escape="\\")
                | func.lower(func.coalesce(DocumentRow.organisation, "")).like(like, escape="\\")
                | func.lower(func.coalesce(DocumentRow.uscc, "")).like(like, escape="\\")
            )
        return run_read(
            self._sessions,
            lambda session: [
                _info(row) for row in session.scalars(query.options(defer(DocumentRow.data)))
            ],
        )

    def rename(self, doc_id: str, title: str) -> None:
        def work(session: Session) -> None:
            _document(session, doc_id).title = title

        run_write(self._sessions, work)

    def duplicate(self, doc_id: str, new_title: str, *, author: str) -> DocumentId:
        """A copy under a new id (written into its ``data["doc_id"]``), with the attachments."""
        source = self.get(doc_id)
        data = copy.deepcopy(source.data)
        new_id = DocumentId(str(uuid.uuid4()))
        data["doc_id"] = new_id
        head, chunks = split_checked(data)
        row = dict(
            id=new_id, kind=source.kind, title=new_title, scheme_id=source.scheme_id,
            scheme_version=source.scheme_version, owner_role=source.owner_role,
            **summary_values(source.kind, data),
        )  # fmt: skip

        def work(session: Session) -> None:
            summary = f"复制自《{source.title}》"
            self._insert(session, row, head, chunks, author, "duplicate", summary)
            _attachments.copy_all(session, source.id, new_id)

        run_write(self._sessions, work)
        return new_id

    def trash(self, doc_id: str) -> None:
        """Move to the trash: hidden from the list, kept until the trash is emptied."""

        def work(session: Session) -> None:
            row = _document(session, doc_id)
            if row.deleted_at is None:
                row.deleted_at = self._clock()

        run_write(self._sessions, work)

    def restore_from_trash(self, doc_id: str) -> None:
        def work(session: Session) -> None:
            _document(session, doc_id).deleted_at = None

        run_write(self._sessions, work)

    def empty_trash(self) -> int:
        """Delete every trashed document with its revisions and attachments; how many."""

        def work(session: Session) -> builtins.list[str]:
            ids = builtins.list(
                session.scalars(select(DocumentRow.id).where(DocumentRow.deleted_at.is_not(None)))
            )
            if ids:
                # Children first and explicitly, so it works even where the database does
                # not enforce ON DELETE CASCADE.
                session.execute(delete(RevisionRow).where(RevisionRow.document_id.in_(ids)))
                session.execute(delete(DocumentPartRow).where(DocumentPartRow.document_id.in_(ids)))
                session.execute(delete(AttachmentRow).where(AttachmentRow.document_id.in_(ids)))
                session.execute(delete(DocumentRow).where(DocumentRow.id.in_(ids)))
            return ids

        ids = run_write(self._sessions, work)
        for doc_id in ids:
            self._cache.drop(doc_id)
        return len(ids)

    # saving and history ------------------------------------------------------------------

    def save(
        self,
        doc_id: str,
        data: dict[str, Any],
        *,
        base_version: int,
        author: str,
        scheme_id: str | None = None,
        scheme_version: str | None = None,
        base_data: dict[str, Any] | None = None,
    ) -> SaveResult:
        """Store the document's new data, edited from version ``base_version``.

        When another save came in since ``base_version``, the two are merged (the result's
        ``merged`` is then the data to adopt) or, if both changed the same field, a
        ``SaveConflict`` with both values is raised and nothing is written. ``base_data``,
        the data at ``base_version``, is needed only if this store did not read or write that
        version itself. Saves by ``author`` within ``coalesce_seconds`` of the newest
        revision's start are folded into it (see ``history.py``).
        """
        request = SaveRequest(
            doc_id, data, base_version, author, scheme_id=scheme_id,
            scheme_version=scheme_version, base_data=base_data,
        )  # fmt: skip
        return self._save(request)

    def _save(self, request: SaveRequest) -> SaveResult:
        # Taken out while we work: if anything below fails, no half-updated copy remains.
        prior = [self._cache.take(request.doc_id)]

        def work(session: Session) -> SaveOutcome:
            # A retry after a busy database must not reuse a copy the first try changed.
            mine, prior[0] = prior[0], None
            return save_in_session(
                session, request, mine, now=self._clock(), coalesce_seconds=self.coalesce_seconds
            )

        try:
            outcome = run_write(self._sessions, work)
        except SaveConflict as conflict:
            if conflict.stored_copy is not None:
                self._cache.put(request.doc_id, conflict.stored_copy)
            raise
        self._cache.put(request.doc_id, outcome.cached)
        return outcome.result

    def revisions(self, doc_id: str) -> builtins.list[RevisionInfo]:
        """The document's history, oldest first."""

        def work(session: Session) -> builtins.list[RevisionInfo]:
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

        return run_read(self._sessions, work)

    def revision(self, doc_id: str, number: int) -> Revision:
        """One revision with its list of changes."""
        return run_read(
            self._sessions,
            lambda session: revision_from_row(self._revision_row(session, doc_id, number)),
        )

    def revision_data(self, doc_id: str, number: int) -> dict[str, Any]:
        """The whole document as it was after revision ``number``."""

        def work(session: Session) -> dict[str, Any]:
            text = self._revision_row(session, doc_id, number).data
            if text is None:  # the newest revision: its snapshot is the document itself
                row = _document(session, doc_id)
                return assemble(row.data, read_chunks(session, doc_id).items())
            data: dict[str, Any] = json.loads(text)
            return data

        return run_read(self._sessions, work)

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
        version = self.get(doc_id).version
        result = self._save(
            SaveRequest(doc_id, data, version, author, "restore", f"恢复到第 {number} 版")
        )
        assert result.revision is not None  # restore revisions are written even if unchanged
        return result.revision

    # attachments -------------------------------------------------------------------------

    def add_attachment(
        self, doc_id: str, material_id: str, filename: str, content: bytes, media_type: str
    ) -> AttachmentInfo:
        """Attach a file for one materials-checklist item; its SHA-256 is recorded."""

        def work(session: Session) -> AttachmentInfo:
            _document(session, doc_id)
            return _attachments.add(
                session, DocumentId(doc_id), material_id, filename, content, media_type,
                self._clock(),
            )  # fmt: skip

        return run_write(self._sessions, work)

    def attachments(self, doc_id: str) -> builtins.list[AttachmentInfo]:
        """The document's attachments (without their content), in the order added."""

        def work(session: Session) -> builtins.list[AttachmentInfo]:
            _document(session, doc_id)
            return _attachments.list_for(session, doc_id)

        return run_read(self._sessions, work)

    def attachment_content(self, attachment_id: AttachmentId) -> bytes:
        return run_read(
            self._sessions, lambda session: _attachments.content(session, attachment_id)
        )

    def remove_attachment(self, attachment_id: AttachmentId) -> None:
        run_write(self._sessions, lambda session: _attachments.remove(session, attachment_id))
