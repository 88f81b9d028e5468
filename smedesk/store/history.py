"""Writing a document's revisions, and folding autosaves into them.

Every save is kept, but an editor that autosaves after each edit would leave thousands of
revisions a day. So a save is folded into the newest revision instead of starting a new one
when that revision is an ordinary edit by the same author begun less than ``coalesce_seconds``
ago. The window is counted from the revision's start, not from the last save, so an hour of
steady typing leaves one revision per window (60 an hour at the default 60 s) rather than one
revision for the whole hour. Created, restored and duplicated revisions never absorb edits,
so those points in the history stay exactly as they were.

Every revision can be restored directly from its own snapshot, with one economy: the newest
revision's snapshot is left NULL, meaning "the document's current data". Folding a save into
it then writes only the pieces of the document the edit touched (see ``parts.py``), not a
~1 MB snapshot. When a newer revision is started (at most once a window per author), the
previous one's snapshot is filled in with the whole text the document had until then.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import Connection, Table, bindparam, delete, exists, insert, select, update
from sqlalchemy.orm import Session

from smedesk.store.diff import (
    MAX_STORED_CHANGES,
    Change,
    compact_changes,
    summarise_changes,
)
from smedesk.store.errors import StoreError
from smedesk.store.models import RevisionRow
from smedesk.store.records import DocumentId, Revision

EDIT = "edit"

_revisions = cast(Table, RevisionRow.__table__)  # a mapped class's table is a Table
_newer = _revisions.alias("newer")
# Folding a save into the newest revision the store remembers (see ``Newest``): the row is
# named by its id, and the statement itself checks that no newer revision has come since,
# so a wrong memory changes nothing (0 rows) instead of folding into an old revision.
_still_newest = (
    _revisions.c.id == bindparam("rid"),
    ~exists().where(
        _newer.c.document_id == bindparam("doc"), _newer.c.number > bindparam("newest_number")
    ),
)
_FOLD = update(_revisions).where(*_still_newest)
_DROP = delete(_revisions).where(*_still_newest)


@dataclass(frozen=True)
class Newest:
    """A document's newest revision as the store last wrote or read it.

    Kept with the store's copy of the document, so that the next save can fold into it
    without reading it first; the statement that folds checks it is still the newest.
    ``changes`` is what its ``changes`` column holds (at most ``MAX_STORED_CHANGES``).
    """

    id: int
    number: int
    action: str
    author: str
    created_at: datetime
    changes: tuple[Change, ...]
    change_count: int


@dataclass(frozen=True)
class Written:
    """What a save did to the history: the revision written (None: the edits cancelled out
    and the revision was dropped) and the newest revision now (None: not known)."""

    revision: Revision | None
    newest: Newest | None


def _changes_json(changes: Sequence[Change]) -> str:
    return json.dumps(
        [change.to_json() for change in changes[:MAX_STORED_CHANGES]], ensure_ascii=False
    )


def _parse_changes(text: str) -> tuple[Change, ...]:
    return tuple(Change.from_json(item) for item in json.loads(text))


def read_newest(connection: Connection, doc_id: str) -> Newest | None:
    """The document's newest revision (None: it has none yet)."""
    row = connection.execute(
        select(
            _revisions.c.id,
            _revisions.c.number,
            _revisions.c.action,
            _revisions.c.author,
            _revisions.c.created_at,
            _revisions.c.changes,
            _revisions.c.change_count,
        )
        .where(_revisions.c.document_id == doc_id)
        .order_by(_revisions.c.number.desc())
        .limit(1)
    ).one_or_none()
    if row is None:
        return None
    return Newest(
        row.id, row.number, row.action, row.author, row.created_at,
        _parse_changes(row.changes), row.change_count,
    )  # fmt: skip


def write_revision(
    session: Session,
    doc_id: DocumentId,
    previous_text: Callable[[], str] | None,
    changes: Sequence[Change],
    *,
    author: str,
    now: datetime,
    action: str = EDIT,
    summary: str | None = None,
    coalesce_seconds: float = 0.0,
) -> Revision | None:
    """Record a save of the document (already written to its row) as a revision.

    ``previous_text`` gives the document's whole text before the save (None when creating
    it); it becomes the snapshot of the revision that stops being the newest, and is called
    only then, as building it costs a full serialisation.

    Returns the revision as it now stands, or None when folding in made the edits of the
    newest revision cancel out — that revision is then dropped, as it would be empty.
    """
    return record_save(
        session.connection(), doc_id, None, previous_text, changes, author=author, now=now,
        action=action, summary=summary, coalesce_seconds=coalesce_seconds,
    ).revision  # fmt: skip


def record_save(
    connection: Connection,
    doc_id: DocumentId,
    known: Newest | None,
    previous_text: Callable[[], str] | None,
    changes: Sequence[Change],
    *,
    author: str,
    now: datetime,
    action: str = EDIT,
    summary: str | None = None,
    coalesce_seconds: float = 0.0,
) -> Written:
    """``write_revision`` on a connection, given the newest revision if the store knows it.

    With ``known``, a save folded into it reads nothing: one statement, which changes nothing
    if ``known`` is no longer the newest — the newest is then read and the save recorded as
    if nothing had been known. Without it, the newest revision is read first.
    """
    latest = known if known is not None else read_newest(connection, doc_id)
    if (
        latest is not None
        and action == EDIT
        and latest.action == EDIT
        and latest.author == author
        and now - latest.created_at < timedelta(seconds=coalesce_seconds)
    ):
        merged = compact_changes(latest.changes, changes)
        # A capped list no longer knows every change; count what it dropped as still there.
        unseen = latest.change_count - len(latest.changes)
        total = unseen + len(merged)
        where = {"rid": latest.id, "doc": doc_id, "newest_number": latest.number}
        if total == 0:
            if connection.execute(_DROP, where).rowcount == 1:
                return Written(None, None)
        else:
            text_summary = summarise_changes(merged, total)
            changes_text = _changes_json(merged)
            values = {"changes": changes_text, "change_count": total, "summary": text_summary}
            # data: it may have been filled in when a newer revision was dropped
            if connection.execute(_FOLD, {**where, **values, "data": None}).rowcount == 1:
                revision = Revision(
                    number=latest.number,
                    action=EDIT,
                    author=author,
                    created_at=latest.created_at,
                    summary=text_summary,
                    change_count=total,
                    document_id=doc_id,
                    changes=tuple(merged[:MAX_STORED_CHANGES]),
                )
                # Parsed back from the text written, so the memory holds exactly what a
                # read would give (and none of the caller's objects, which it may change).
                newest = Newest(
                    latest.id, latest.number, EDIT, author, latest.created_at,
                    _parse_changes(changes_text), total,
                )  # fmt: skip
                return Written(revision, newest)
        if known is None:  # read just now, under the document's lock: cannot happen
            raise StoreError("保存时文档的修改记录被同时改动，本次修改未能保存，请稍后重试。")
        return record_save(
            connection, doc_id, None, previous_text, changes, author=author, now=now,
            action=action, summary=summary, coalesce_seconds=coalesce_seconds,
        )  # fmt: skip
    if known is not None:
        # A new revision is started at most once a window: read the newest for certain.
        latest = read_newest(connection, doc_id)
    if latest is not None and previous_text is not None:
        connection.execute(
            update(_revisions)
            .where(_revisions.c.id == latest.id, _revisions.c.data.is_(None))
            .values(data=previous_text())
        )
    number = 1 if latest is None else latest.number + 1
    text_summary = summary if summary is not None else summarise_changes(changes)
    changes_text = _changes_json(changes)
    result = connection.execute(
        insert(_revisions).values(
            document_id=doc_id,
            number=number,
            action=action,
            author=author,
            created_at=now,
            summary=text_summary,
            changes=changes_text,
            change_count=len(changes),
            data=None,
        )
    )
    revision = Revision(
        number=number,
        action=action,
        author=author,
        created_at=now,
        summary=text_summary,
        change_count=len(changes),
        document_id=doc_id,
        changes=tuple(changes[:MAX_STORED_CHANGES]),
    )
    (new_id,) = result.inserted_primary_key or (None,)
    if new_id is None:
        return Written(revision, None)
    newest = Newest(new_id, number, action, author, now, _parse_changes(changes_text), len(changes))
    return Written(revision, newest)


def revision_from_row(row: RevisionRow) -> Revision:
    changes: list[dict[str, Any]] = json.loads(row.changes)
    return Revision(
        number=row.number,
        action=row.action,
        author=row.author,
        created_at=row.created_at,
        summary=row.summary,
        change_count=row.change_count,
        document_id=DocumentId(row.document_id),
        changes=tuple(Change.from_json(item) for item in changes),
    )
