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

An autosave folds into the newest revision without reading it first when the store remembers
it (:class:`Newest`, kept with the store's copy of the document): the ``UPDATE`` names the
revision and itself checks that no newer one exists, so a memory gone stale writes nothing and
the newest revision is read instead. Starting a new revision always reads the newest first.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import Connection, Table, bindparam, delete, exists, insert, select, update

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
STILL_NEWEST = (
    _revisions.c.id == bindparam("rid"),
    ~exists().where(
        _newer.c.document_id == bindparam("doc"), _newer.c.number > bindparam("newest_number")
    ),
)
FOLD = update(_revisions).where(*STILL_NEWEST)
DROP = delete(_revisions).where(*STILL_NEWEST)
_ADD_REVISION = insert(_revisions).values(
    document_id=bindparam("doc"), number=bindparam("number"), action=bindparam("action"),
    author=bindparam("author"), created_at=bindparam("now"), summary=bindparam("summary"),
    changes=bindparam("changes"), change_count=bindparam("count"), data=None,
)  # fmt: skip


@dataclass(frozen=True)
class StoredChanges:
    """What a revision's ``changes`` column holds: the changes (at most
    ``MAX_STORED_CHANGES``) and each one's JSON text.

    Folding a save into a revision keeps most of its changes as they were, so only the new
    ones are encoded; and each new one is read back from its text, so that none of the
    caller's objects (which it may go on changing) is held.
    """

    changes: tuple[Change, ...]
    texts: tuple[str, ...]

    @classmethod
    def parse(cls, text: str) -> StoredChanges:
        changes = tuple(Change.from_json(item) for item in json.loads(text))
        return cls(changes, tuple(_encode(change) for change in changes))

    @classmethod
    def of(cls, changes: Sequence[Change], known: StoredChanges | None = None) -> StoredChanges:
        """``changes`` as stored; those taken from ``known`` (the same objects) keep their text."""
        texts = dict(zip(map(id, known.changes), known.texts, strict=True)) if known else {}
        kept: list[Change] = []
        encoded: list[str] = []
        for change in changes[:MAX_STORED_CHANGES]:
            text = texts.get(id(change))
            if text is None:
                text = _encode(change)
                change = Change.from_json(json.loads(text))
            kept.append(change)
            encoded.append(text)
        return cls(tuple(kept), tuple(encoded))

    @property
    def text(self) -> str:
        """The column's text: ``json.dumps`` of the list, item by item."""
        return "[" + ", ".join(self.texts) + "]"


def _encode(change: Change) -> str:
    return json.dumps(change.to_json(), ensure_ascii=False)


@dataclass(frozen=True)
class Newest:
    """A document's newest revision as the store last wrote or read it.

    Kept with the store's copy of the document, so that the next save can fold into it
    without reading it first; the statement that folds checks it is still the newest.
    """

    id: int
    number: int
    action: str
    author: str
    created_at: datetime
    changes: StoredChanges
    change_count: int


@dataclass(frozen=True)
class Written:
    """What a save did to the history: the revision written (None: the edits cancelled out
    and the revision was dropped) and the newest revision now (None: not known)."""

    revision: Revision | None
    newest: Newest | None


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
        StoredChanges.parse(row.changes), row.change_count,
    )  # fmt: skip


def record_creation(
    connection: Connection,
    doc_id: DocumentId,
    *,
    author: str,
    now: datetime,
    action: str,
    summary: str,
) -> None:
    """The first revision of a document being created: written without reading the newest,
    as a new document has none (a package import creates hundreds in a row)."""
    _insert_revision(connection, doc_id, 1, (), author=author, now=now, action=action,
                     summary=summary)  # fmt: skip


@dataclass(frozen=True)
class Fold:
    """A save folded into the newest revision: what to write into it, and what results.

    ``values`` are the revision's new column values; empty when the edits cancelled out
    and the revision is to be dropped.
    """

    into: Newest
    values: dict[str, Any]
    written: Written

    def where(self, doc_id: str) -> dict[str, Any]:
        """The parameters naming the revision in ``FOLD`` and ``DROP``."""
        return {"rid": self.into.id, "doc": doc_id, "newest_number": self.into.number}


def plan_fold(
    latest: Newest | None,
    doc_id: DocumentId,
    changes: Sequence[Change],
    *,
    author: str,
    now: datetime,
    action: str,
    coalesce_seconds: float,
) -> Fold | None:
    """How the save folds into ``latest``; None when it starts a new revision instead.

    It folds when ``latest`` is an ordinary edit by the same author begun less than
    ``coalesce_seconds`` ago.
    """
    if not (
        latest is not None
        and action == EDIT
        and latest.action == EDIT
        and latest.author == author
        and now - latest.created_at < timedelta(seconds=coalesce_seconds)
    ):
        return None
    merged = compact_changes(latest.changes.changes, changes)
    # A capped list no longer knows every change; count what it dropped as still there.
    unseen = latest.change_count - len(latest.changes.changes)
    total = unseen + len(merged)
    if total == 0:
        return Fold(latest, {}, Written(None, None))
    text_summary = summarise_changes(merged, total)
    stored = StoredChanges.of(merged, latest.changes)
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
    newest = Newest(latest.id, latest.number, EDIT, author, latest.created_at, stored, total)
    # data: it may have been filled in when a newer revision was dropped
    values = {"changes": stored.text, "change_count": total, "summary": text_summary, "data": None}
    return Fold(latest, values, Written(revision, newest))


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
    if ``known`` is no longer the newest. Whenever ``known`` does not lead to a fold written,
    the newest revision is read and the save recorded as if nothing had been known.
    """
    latest = known if known is not None else read_newest(connection, doc_id)
    fold = plan_fold(
        latest, doc_id, changes, author=author, now=now, action=action,
        coalesce_seconds=coalesce_seconds,
    )  # fmt: skip
    if fold is not None:
        statement = FOLD if fold.values else DROP
        if connection.execute(statement, {**fold.where(doc_id), **fold.values}).rowcount == 1:
            return fold.written
        if known is None:  # read just now, under the document's lock: cannot happen
            raise StoreError("保存时文档的修改记录被同时改动，本次修改未能保存，请稍后重试。")
    if known is not None:
        return record_save(
            connection, doc_id, None, previous_text, changes, author=author, now=now,
            action=action, summary=summary, coalesce_seconds=coalesce_seconds,
        )  # fmt: skip
    if latest is not None and previous_text is not None:
        connection.execute(
            update(_revisions)
            .where(_revisions.c.id == latest.id, _revisions.c.data.is_(None))
            .values(data=previous_text())
        )
    number = 1 if latest is None else latest.number + 1
    return _insert_revision(connection, doc_id, number, changes, author=author, now=now,
                            action=action, summary=summary)  # fmt: skip


def _insert_revision(
    connection: Connection, doc_id: DocumentId, number: int, changes: Sequence[Change], *,
    author: str, now: datetime, action: str, summary: str | None,
) -> Written:  # fmt: skip
    text_summary = summary if summary is not None else summarise_changes(changes)
    stored = StoredChanges.of(changes)
    result = connection.execute(
        _ADD_REVISION,
        {"doc": doc_id, "number": number, "action": action, "author": author, "now": now,
         "summary": text_summary, "changes": stored.text, "count": len(changes)},
    )  # fmt: skip
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
    return Written(revision, Newest(new_id, number, action, author, now, stored, len(changes)))


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
