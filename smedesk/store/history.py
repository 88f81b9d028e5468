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
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from smedesk.store.diff import (
    MAX_STORED_CHANGES,
    Change,
    compact_changes,
    summarise_changes,
)
from smedesk.store.models import RevisionRow
from smedesk.store.records import DocumentId, Revision

EDIT = "edit"


def _changes_json(changes: Sequence[Change]) -> str:
    return json.dumps(
        [change.to_json() for change in changes[:MAX_STORED_CHANGES]], ensure_ascii=False
    )


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
    latest = session.execute(
        select(
            RevisionRow.id,
            RevisionRow.number,
            RevisionRow.action,
            RevisionRow.author,
            RevisionRow.created_at,
            RevisionRow.changes,
            RevisionRow.change_count,
        )
        .where(RevisionRow.document_id == doc_id)
        .order_by(RevisionRow.number.desc())
        .limit(1)
    ).one_or_none()
    if (
        latest is not None
        and action == EDIT
        and latest.action == EDIT
        and latest.author == author
        and now - latest.created_at < timedelta(seconds=coalesce_seconds)
    ):
        stored = [Change.from_json(item) for item in json.loads(latest.changes)]
        merged = compact_changes(stored, changes)
        # A capped list no longer knows every change; count what it dropped as still there.
        unseen = latest.change_count - len(stored)
        total = unseen + len(merged)
        if total == 0:
            session.execute(delete(RevisionRow).where(RevisionRow.id == latest.id))
            return None
        text_summary = summarise_changes(merged, total)
        session.execute(
            update(RevisionRow)
            .where(RevisionRow.id == latest.id)
            .values(
                data=None,  # it may have been filled in when a newer revision was dropped
                changes=_changes_json(merged),
                change_count=total,
                summary=text_summary,
            )
            .execution_options(synchronize_session=False)
        )
        return Revision(
            number=latest.number,
            action=EDIT,
            author=author,
            created_at=latest.created_at,
            summary=text_summary,
            change_count=total,
            document_id=doc_id,
            changes=tuple(merged[:MAX_STORED_CHANGES]),
        )
    if latest is not None and previous_text is not None:
        session.execute(
            update(RevisionRow)
            .where(RevisionRow.id == latest.id, RevisionRow.data.is_(None))
            .values(data=previous_text())
            .execution_options(synchronize_session=False)
        )
    number = 1 if latest is None else latest.number + 1
    text_summary = summary if summary is not None else summarise_changes(changes)
    session.execute(
        insert(RevisionRow).values(
            document_id=doc_id,
            number=number,
            action=action,
            author=author,
            created_at=now,
            summary=text_summary,
            changes=_changes_json(changes),
            change_count=len(changes),
            data=None,
        )
    )
    return Revision(
        number=number,
        action=action,
        author=author,
        created_at=now,
        summary=text_summary,
        change_count=len(changes),
        document_id=doc_id,
        changes=tuple(changes[:MAX_STORED_CHANGES]),
    )


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
