"""Keeping recommendation rounds: rounds, the applications in them, and what happened.

Storage only, with plain values (states and authority types as their code names): what the
states mean and which moves the procedure allows is the rounds layer's (``smedesk.rounds``),
which passes its check in (``set_state(..., allowed=...)``) to run inside the transaction.
Every write runs through ``run_write`` (the write lock up front, retried while busy), so
several staff on one PostgreSQL server can work on one round.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, bindparam, delete, func, insert, select, update
from sqlalchemy.orm import Session

from smedesk.store.errors import StoreError
from smedesk.store.models import DocumentRow
from smedesk.store.repository import DocumentStore, utc_now
from smedesk.store.round_tables import RoundEntryRow, RoundEventRow, RoundRow
from smedesk.store.transactions import run_read, run_write


@dataclass(frozen=True)
class RoundRecord:
    id: str
    scheme_id: str
    year: int
    authority_name: str
    authority_type: str
    deadline: dt.date | None


@dataclass(frozen=True)
class EntryRecord:
    round_id: str
    doc_id: str
    kind: str
    title: str
    organisation: str | None
    uscc: str | None
    state: str
    state_since: dt.date
    row: dict[str, Any] = field(default_factory=dict)
    served: tuple[str, ...] = ()


#: What an entry record is made of, in its fields' order (the last two are JSON texts).
_ENTRY_COLUMNS = (
    RoundEntryRow.round_id, RoundEntryRow.document_id, DocumentRow.kind, DocumentRow.title,
    DocumentRow.organisation, DocumentRow.uscc, RoundEntryRow.state, RoundEntryRow.state_since,
    RoundEntryRow.row, RoundEntryRow.served,
)  # fmt: skip


_entries = cast(Table, RoundEntryRow.__table__)  # a mapped class's table is a Table
_events = cast(Table, RoundEventRow.__table__)
_documents = cast(Table, DocumentRow.__table__)
_THIS_ENTRY = (
    _entries.c.round_id == bindparam("round"),
    _entries.c.document_id == bindparam("doc"),
)
_ROUND_EXISTS = select(RoundRow.id).where(RoundRow.id == bindparam("round"))
_DOCUMENT_OF_ENTRY = select(
    _documents.c.kind, _documents.c.title, _documents.c.organisation, _documents.c.uscc,
    _documents.c.version,
).where(_documents.c.id == bindparam("doc"))  # fmt: skip
_ENTRY_OF = select(_entries.c.state, _entries.c.state_since, _entries.c.row).where(*_THIS_ENTRY)
_ENTRY_COUNT = (
    select(func.count()).select_from(_entries).where(_entries.c.round_id == bindparam("round"))
)
_ADD_ENTRY = insert(_entries).values(
    round_id=bindparam("round"), document_id=bindparam("doc"), position=bindparam("position"),
    state=bindparam("state"), state_since=bindparam("since"), row=bindparam("row"),
    served=bindparam("served"), updated_at=bindparam("now"),
)  # fmt: skip
_REFRESH_ENTRY = (
    update(_entries)
    .where(*_THIS_ENTRY)
    .values(served=bindparam("served"), updated_at=bindparam("now"))
)
_ADD_EVENT = insert(_events).values(
    round_id=bindparam("round"), document_id=bindparam("doc"), action=bindparam("action"),
    detail=bindparam("detail"), author=bindparam("author"), created_at=bindparam("now"),
)  # fmt: skip


_NO_ROUND = "找不到这一轮推荐，它可能已被删除。"


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _round(row: RoundRow) -> RoundRecord:
    return RoundRecord(row.id, row.scheme_id, row.year, row.authority_name, row.authority_type,
                       row.deadline)  # fmt: skip


class RoundTables:
    """Rounds in the database of ``documents`` (the same sessions, the same transactions)."""

    def __init__(self, documents: DocumentStore, *,
                 clock: Callable[[], datetime] = utc_now) -> None:  # fmt: skip
        self._sessions = documents.database.sessions
        self._clock = clock

    def create_round(self, scheme_id: str, year: int, authority_name: str, authority_type: str,
                     deadline: dt.date | None, *, author: str) -> RoundRecord:  # fmt: skip
        if not authority_name.strip():
            raise StoreError("请填写推荐单位名称。")
        row = RoundRow(id=str(uuid.uuid4()), scheme_id=scheme_id, year=year,
                       authority_name=authority_name.strip(), authority_type=authority_type,
                       deadline=deadline, created_at=self._clock())  # fmt: skip

        def work(session: Session) -> RoundRecord:
            session.add(row)
            session.flush()
            self._event(session, row.id, None, "create", {}, author)
            return _round(row)

        return run_write(self._sessions, work)

    def rounds(self) -> list[RoundRecord]:
        def work(session: Session) -> list[RoundRecord]:
            query = select(RoundRow).order_by(RoundRow.year.desc(), RoundRow.created_at.desc())
            return [_round(r) for r in session.scalars(query)]

        return run_read(self._sessions, work)

    def get_round(self, round_id: str) -> RoundRecord:
        return run_read(self._sessions, lambda s: _round(self._round_row(s, round_id)))

    @staticmethod
    def _round_row(session: Session, round_id: str) -> RoundRow:
        row = session.get(RoundRow, round_id)
        if row is None:
            raise StoreError(_NO_ROUND)
        return row

    def add_entry(self, round_id: str, doc_id: str, *, state: str,
                  row: Callable[[str, str], dict[str, Any]], served: list[str],
                  author: str) -> EntryRecord:  # fmt: skip
        """Put a document into the round; again: refresh its served list, keep the rest.

        ``row(kind, title)`` gives a new entry's summary row from the document's kind and
        title, read in the same transaction; it raises (a UserError) to refuse the document.
        """
        return run_write(self._sessions, lambda session: self.add_entry_in(
            session, round_id, doc_id, state=state, row=row, served=served, author=author))  # fmt: skip

    def add_entry_in(self, session: Session, round_id: str, doc_id: str, *, state: str,
                     row: Callable[[str, str], dict[str, Any]], served: list[str],
                     author: str) -> EntryRecord:  # fmt: skip
        """``add_entry`` inside a write transaction the caller holds (a package import adds
        the entry in the transaction that stores the document: one commit, not two).

        Core statements on the session's connection: an import adds hundreds in a row, and
        the ORM's unit of work cost more than the statements.
        """
        today, now = self._clock().date(), self._clock()
        connection = session.connection()
        if connection.scalar(_ROUND_EXISTS, {"round": round_id}) is None:
            raise StoreError(_NO_ROUND)
        document = connection.execute(_DOCUMENT_OF_ENTRY, {"doc": doc_id}).one_or_none()
        if document is None:
            raise StoreError(f"找不到文档（编号 {doc_id}），它可能已被永久删除。")
        key = {"round": round_id, "doc": doc_id}
        found = connection.execute(_ENTRY_OF, key).one_or_none()
        if found is None:
            made = row(document.kind, document.title)
            position = connection.scalar(_ENTRY_COUNT, key) or 0
            connection.execute(_ADD_ENTRY, {**key, "position": position, "state": state,
                                            "since": today, "row": _dumps(made),
                                            "served": _dumps(served), "now": now})  # fmt: skip
            entry_state, since, action = state, today, "add"
        else:
            connection.execute(_REFRESH_ENTRY, {**key, "served": _dumps(served), "now": now})
            made, entry_state, since = json.loads(found.row), found.state, found.state_since
            action = "refresh"
        connection.execute(_ADD_EVENT, {"round": round_id, "doc": doc_id, "action": action,
                                        "detail": _dumps({"version": document.version}),
                                        "author": author, "now": now})  # fmt: skip
        return EntryRecord(round_id, doc_id, document.kind, document.title,
                           document.organisation, document.uscc, entry_state, since, made,
                           tuple(served))  # fmt: skip

    def remove_entries(self, round_id: str, doc_ids: list[str]) -> None:
        """Take documents out of the round with everything recorded on them there (an import
        the user cancelled, undoing the entries it had added)."""
        if not doc_ids:
            return

        def work(session: Session) -> None:
            for table in (RoundEventRow, RoundEntryRow):
                session.execute(delete(table).where(table.round_id == round_id,
                                                    table.document_id.in_(doc_ids)))  # fmt: skip

        run_write(self._sessions, work)

    def entries(self, round_id: str) -> list[EntryRecord]:
        """The round's entries in order, with their documents' summary columns.

        One query for all of them (a round holds hundreds): the columns it needs, joined,
        never the documents' data.
        """

        def work(session: Session) -> list[EntryRecord]:
            self._round_row(session, round_id)
            query = (
                select(*_ENTRY_COLUMNS)
                .join(DocumentRow, DocumentRow.id == RoundEntryRow.document_id)
                .where(RoundEntryRow.round_id == round_id)
                .order_by(RoundEntryRow.position)
            )
            return [EntryRecord(*r[:8], json.loads(r.row), tuple(json.loads(r.served)))
                    for r in session.execute(query)]  # fmt: skip

        return run_read(self._sessions, work)

    @staticmethod
    def _entry(session: Session, row: RoundEntryRow) -> EntryRecord:
        doc = session.get(DocumentRow, row.document_id)
        assert doc is not None  # the foreign key cascades
        return EntryRecord(row.round_id, row.document_id, doc.kind, doc.title, doc.organisation,
                           doc.uscc, row.state, row.state_since, json.loads(row.row),
                           tuple(json.loads(row.served)))  # fmt: skip

    def set_state(self, round_id: str, doc_id: str, state: str, *, author: str,
                  on: dt.date | None = None,
                  allowed: Callable[[str], None] | None = None) -> EntryRecord:  # fmt: skip
        """Change an entry's state; ``allowed(old)`` raises (a UserError) to refuse the move."""

        def work(session: Session) -> EntryRecord:
            entry = self._entry_row(session, round_id, doc_id)
            old = entry.state
            if allowed is not None:
                allowed(old)
            entry.state, entry.state_since = state, on or self._clock().date()
            entry.updated_at = self._clock()
            self._event(session, round_id, doc_id, "state", {"from": old, "to": state}, author)
            return self._entry(session, entry)

        return run_write(self._sessions, work)

    def set_row(self, round_id: str, doc_id: str, row: dict[str, Any], *,
                author: str) -> EntryRecord:  # fmt: skip
        """Store the summary-table row the authority filled for this application."""

        def work(session: Session) -> EntryRecord:
            entry = self._entry_row(session, round_id, doc_id)
            entry.row, entry.updated_at = _dumps(row), self._clock()
            self._event(session, round_id, doc_id, "row", {}, author)
            return self._entry(session, entry)

        return run_write(self._sessions, work)

    @staticmethod
    def _entry_row(session: Session, round_id: str, doc_id: str) -> RoundEntryRow:
        entry = session.get(RoundEntryRow, (round_id, doc_id), with_for_update=True)
        if entry is None:
            raise StoreError("这份申请不在这一轮推荐中。")
        return entry

    def record(self, round_id: str, doc_id: str | None, action: str, detail: dict[str, Any],
               *, author: str) -> None:  # fmt: skip
        """Record something done on the round (a draw, a paper check) with its details."""

        def work(session: Session) -> None:
            self._round_row(session, round_id)
            self._event(session, round_id, doc_id, action, detail, author)

        run_write(self._sessions, work)

    def events(self, round_id: str, doc_id: str | None = None,
               action: str | None = None) -> list[dict[str, Any]]:  # fmt: skip
        def work(session: Session) -> list[dict[str, Any]]:
            query = select(RoundEventRow).where(RoundEventRow.round_id == round_id)
            if doc_id is not None:
                query = query.where(RoundEventRow.document_id == doc_id)
            if action is not None:
                query = query.where(RoundEventRow.action == action)
            rows = session.scalars(query.order_by(RoundEventRow.id))
            return [{"doc_id": r.document_id, "action": r.action, "author": r.author,
                     "at": r.created_at, "detail": json.loads(r.detail)} for r in rows]  # fmt: skip

        return run_read(self._sessions, work)

    def _event(self, session: Session, round_id: str, doc_id: str | None, action: str,
               detail: dict[str, Any], author: str) -> None:  # fmt: skip
        session.add(RoundEventRow(round_id=round_id, document_id=doc_id, action=action,
                                  detail=_dumps(detail), author=author,
                                  created_at=self._clock()))  # fmt: skip
