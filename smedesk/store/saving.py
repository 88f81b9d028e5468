"""One save of a document's data: based on a version, merged when another save came first.

The hot path is an autosave based on the stored version: diff against the store's own copy
(``stored.py``), write only the pieces touched, bump the version, fold the revision. When the
stored version is newer than the save's base (another window or colleague saved meanwhile),
the save is merged three ways against the base (``merge.py``): changes to different fields
are both kept and the merged data is handed back for the caller to adopt; changes to the same
field raise :class:`SaveConflict` with both values, and nothing is written.

The same logic runs on SQLite and PostgreSQL, and the version column, not a timestamp or a
file lock, decides whether a save is current. When the store's copy is of the version the save
is based on (an autosave after the store's own last save), the save is written at once: one
``UPDATE documents … WHERE id = … AND version = <base>`` both checks and writes (on
PostgreSQL it waits for, then sees, any save committed meanwhile), then the changed chunks and
the revision, folded into the newest one the store remembers (``history.Newest``). Only when
that ``UPDATE`` matches no row — another save came first, the document was trashed or deleted,
the base is wrong — does the full path below run, in the same transaction and with nothing
written yet: the row is read ``FOR UPDATE`` (SQLite already holds its write lock from
``BEGIN IMMEDIATE``), then merged, refused or written as the stored version dictates.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Connection, Table, bindparam, select, update
from sqlalchemy.orm import Session

from smedesk.forms.summary import summary_values
from smedesk.store import pgsave
from smedesk.store.diff import Change, apply_changes, diff_json, replayed
from smedesk.store.errors import SaveConflict, StoreError
from smedesk.store.history import Newest, Written, plan_fold, record_save
from smedesk.store.merge import MISSING, Conflict, three_way_merge
from smedesk.store.models import DocumentRow
from smedesk.store.parts import full_text, plan_update
from smedesk.store.records import DocumentId, SaveResult
from smedesk.store.sharing import shared_with
from smedesk.store.stored import CachedDocument, write_update

_documents = cast(Table, DocumentRow.__table__)  # a mapped class's table is a Table
# The columns to set are the parameters' other keys (data, version, updated_at, summaries).
_WRITE_IF_CURRENT = update(_documents).where(
    _documents.c.id == bindparam("doc"),
    _documents.c.version == bindparam("base"),
    _documents.c.deleted_at.is_(None),
)


@dataclass
class SaveRequest:
    """What the caller asks to store, and what it started from."""

    doc_id: str
    data: dict[str, Any]
    base_version: int
    author: str
    action: str = "edit"
    summary: str | None = None
    scheme_id: str | None = None
    scheme_version: str | None = None
    #: The data at ``base_version``, if the caller has it; else the store's copy is used.
    base_data: dict[str, Any] | None = None


@dataclass
class SaveOutcome:
    """The result, and the store's copy of the document as it now stands (for the cache)."""

    result: SaveResult
    cached: CachedDocument


def save_in_session(
    session: Session,
    request: SaveRequest,
    prior: CachedDocument | None,
    *,
    now: datetime,
    coalesce_seconds: float,
) -> SaveOutcome:
    """Store ``request`` in the open write transaction.

    ``prior`` is the store's copy from its last read or write of the document (any version);
    it may be changed in place, so the caller must not reuse it if this raises.
    """
    connection = session.connection()
    if prior is not None and prior.kind is not None and prior.version == request.base_version:
        outcome = _save_current(connection, request, prior, now, coalesce_seconds)
        if outcome is not None:
            return outcome
    doc_id = request.doc_id
    row = connection.execute(
        select(
            _documents.c.version,
            _documents.c.deleted_at,
            _documents.c.kind,
            _documents.c.scheme_id,
            _documents.c.scheme_version,
        )
        .where(_documents.c.id == doc_id)
        .with_for_update()
    ).one_or_none()
    if row is None:
        raise StoreError(f"找不到文档（编号 {doc_id}），无法保存。")
    if row.deleted_at is not None:
        raise StoreError("这份文档在回收站中，请先把它恢复出来再修改。")
    if request.base_version > row.version:
        raise StoreError(
            f"保存所依据的版本（第 {request.base_version} 版）比数据库中的还新，无法保存。"
        )
    current = prior if prior is not None and prior.version == row.version else None
    if current is None:
        head = connection.scalars(select(_documents.c.data).where(_documents.c.id == doc_id)).one()
        current = CachedDocument.load(session, doc_id, row.version, head)
    current.kind = row.kind
    target, merged = request.data, None
    if request.base_version != row.version:
        base = request.base_data
        if base is None and prior is not None and prior.version == request.base_version:
            base = prior.data
        outcome = _merge(base, request.data, current.data)
        if outcome.conflicts:
            conflict = SaveConflict(doc_id, outcome.conflicts, row.version, outcome.data)
            # The caller resolves on top of the stored version: the store keeps that version
            # as the base of the resolution's save, should yet another save come first.
            conflict.stored_copy = current
            raise conflict
        target = merged = outcome.data
    changes = diff_json(current.data, target)
    values: dict[str, Any] = {}
    if request.scheme_id is not None and request.scheme_id != row.scheme_id:
        values["scheme_id"] = request.scheme_id
    if request.scheme_version is not None and request.scheme_version != row.scheme_version:
        values["scheme_version"] = request.scheme_version
    if not changes and request.action == "edit":
        if values:  # only the scheme it was checked against moved on: no new revision
            _update_row(connection, doc_id, values)
        return SaveOutcome(SaveResult(row.version, None, merged), current)
    version = row.version + 1
    old_head, old_chunks = current.head, current.chunks
    try:
        current.data = apply_changes(current.data, changes)
        written = current.update(changes)
    except (TypeError, ValueError) as exc:
        raise StoreError(f"文档数据中有无法保存的值：{exc}") from exc
    values.update(updated_at=now, version=version, **summary_values(row.kind, current.data))
    if written.head is not None:
        values["data"] = written.head
    _update_row(connection, doc_id, values)
    write_update(connection, doc_id, written)
    recorded = _record(connection, request, DocumentId(doc_id), current.newest,
                       _lazy_text(old_head, old_chunks), changes, now, coalesce_seconds)  # fmt: skip
    current.version, current.newest = version, recorded.newest
    return SaveOutcome(SaveResult(version, recorded.revision, merged), current)


def _save_current(
    connection: Connection,
    request: SaveRequest,
    prior: CachedDocument,
    now: datetime,
    coalesce_seconds: float,
) -> SaveOutcome | None:
    """The save, written without reading first if the stored version is still ``prior``'s.

    None, with nothing written and ``prior`` as it was, when it is not (or when the save
    changes nothing, or holds what JSON cannot): the full path then decides.
    """
    changes = diff_json(prior.data, request.data)
    if not changes:
        return None
    try:
        data = replayed(prior.data, changes)  # prior stays the base, should a merge follow
        lists, written = plan_update(data, changes, prior.lists, prior.head, prior.chunks)
    except (TypeError, ValueError):
        return None
    assert prior.kind is not None
    version = prior.version + 1
    values: dict[str, Any] = {"updated_at": now, "version": version}
    values.update(summary_values(prior.kind, data))
    if request.scheme_id is not None:
        values["scheme_id"] = request.scheme_id
    if request.scheme_version is not None:
        values["scheme_version"] = request.scheme_version
    if written.head is not None:
        values["data"] = written.head
    doc_id = DocumentId(request.doc_id)
    recorded: Written | None = None
    known = prior.newest
    if pgsave.usable(connection, written):
        fold = plan_fold(
            known, doc_id, changes, author=request.author, now=now, action=request.action,
            coalesce_seconds=coalesce_seconds,
        )  # fmt: skip
        current, folded = pgsave.write(connection, doc_id, prior.version, values, written, fold)
        if not current:
            return None
        if folded:
            assert fold is not None
            recorded = fold.written
        elif fold is not None and fold.values:
            known = None  # the fold was refused: that revision is no longer the newest
    else:
        where = {"doc": doc_id, "base": prior.version}
        if connection.execute(_WRITE_IF_CURRENT, {**where, **values}).rowcount != 1:
            return None
        write_update(connection, doc_id, written)
    if recorded is None:
        recorded = _record(connection, request, doc_id, known,
                           _lazy_text(prior.head, prior.chunks), changes, now, coalesce_seconds)  # fmt: skip
    shares = prior.shares_texts
    if not shares:  # once per copy: later diffs against the caller's data cost half
        data, shares = shared_with(data, request.data), True
    cached = CachedDocument(
        version, data, prior.head, prior.chunks, prior.lists, prior.kind, recorded.newest, shares
    )
    cached.adopt(lists, written)
    return SaveOutcome(SaveResult(version, recorded.revision, None), cached)


def _record(connection: Connection, request: SaveRequest, doc_id: DocumentId,
            known: Newest | None, previous_text: Callable[[], str], changes: Sequence[Change],
            now: datetime, coalesce_seconds: float) -> Written:  # fmt: skip
    """The save as a revision (``history.record_save``), with the request's author and action."""
    return record_save(connection, doc_id, known, previous_text, changes, author=request.author,
                       now=now, action=request.action, summary=request.summary,
                       coalesce_seconds=coalesce_seconds)  # fmt: skip


def _update_row(connection: Connection, doc_id: str, values: dict[str, Any]) -> None:
    connection.execute(update(_documents).where(_documents.c.id == doc_id).values(**values))


def _merge(base: dict[str, Any] | None, mine: dict[str, Any], theirs: dict[str, Any]) -> Any:
    if base is not None:
        return three_way_merge(base, mine, theirs)
    # The base is no longer known (the store's copy was dropped): every difference between
    # the two is put to the user rather than guessed at.
    from smedesk.store.merge import MergeResult

    conflicts = [
        Conflict(change.parts, MISSING, _value(change.new, change.op, "remove"),
                 _value(change.old, change.op, "add"))
        for change in diff_json(theirs, mine)
    ]  # fmt: skip
    return MergeResult(theirs, conflicts)


def _value(value: Any, op: str, missing_when: str) -> Any:
    return MISSING if op == missing_when else value


def _lazy_text(head: str, chunks: dict[str, str]) -> Callable[[], str]:
    return lambda: full_text(head, chunks)
