"""One save of a document's data: based on a version, merged when another save came first.

The hot path is an autosave based on the stored version: diff against the store's own copy
(``stored.py``), write only the pieces touched, bump the version, fold the revision. When the
stored version is newer than the save's base (another window or colleague saved meanwhile),
the save is merged three ways against the base (``merge.py``): changes to different fields
are both kept and the merged data is handed back for the caller to adopt; changes to the same
field raise :class:`SaveConflict` with both values, and nothing is written.

The same logic runs on SQLite and PostgreSQL: the row is read ``FOR UPDATE`` inside a write
transaction (SQLite already holds its write lock from ``BEGIN IMMEDIATE``), and the version
column, not a timestamp or a file lock, decides whether a save is current.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from smedesk.forms.summary import summary_values
from smedesk.store.diff import apply_changes, diff_json
from smedesk.store.errors import SaveConflict, StoreError
from smedesk.store.history import write_revision
from smedesk.store.merge import MISSING, Conflict, three_way_merge
from smedesk.store.models import DocumentRow
from smedesk.store.parts import full_text
from smedesk.store.records import DocumentId, SaveResult
from smedesk.store.stored import CachedDocument, write_update


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
    doc_id = request.doc_id
    row = session.execute(
        select(
            DocumentRow.version,
            DocumentRow.deleted_at,
            DocumentRow.kind,
            DocumentRow.scheme_id,
            DocumentRow.scheme_version,
        )
        .where(DocumentRow.id == doc_id)
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
        head = session.scalars(select(DocumentRow.data).where(DocumentRow.id == doc_id)).one()
        current = CachedDocument.load(session, doc_id, row.version, head)
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
            _update_row(session, doc_id, values)
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
    _update_row(session, doc_id, values)
    write_update(session, doc_id, written)
    revision = write_revision(
        session,
        DocumentId(doc_id),
        _lazy_text(old_head, old_chunks),
        changes,
        author=request.author,
        now=now,
        action=request.action,
        summary=request.summary,
        coalesce_seconds=coalesce_seconds,
    )
    current.version = version
    return SaveOutcome(SaveResult(version, revision, merged), current)


def _update_row(session: Session, doc_id: str, values: dict[str, Any]) -> None:
    session.execute(
        update(DocumentRow)
        .where(DocumentRow.id == doc_id)
        .values(**values)
        .execution_options(synchronize_session=False)
    )


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
