"""Documents that arrived in an exchange package: marked read-only, and undone as a whole.

No new column is needed: a document made by an import has its first revision recorded with
the action ``"import"`` (instead of ``"create"``) and a summary naming the package. That
revision is the mark every screen can read (:func:`import_origin`); an import that fails
halfway removes the documents it made (:func:`remove_imported`), so a package reaches the
database whole or not at all.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from smedesk.store.engine import Database
from smedesk.store.models import AttachmentRow, DocumentPartRow, DocumentRow, RevisionRow
from smedesk.store.transactions import run_read, run_write

IMPORT_ACTION = "import"


def import_mark(summary: str) -> dict[str, str]:
    """The first revision of a document an import creates: ``DocumentStore.create(...,
    **import_mark(summary))`` marks it in the same transaction as it is written."""
    return {"action": IMPORT_ACTION, "summary": summary[:2000]}


def mark_imported(database: Database, doc_id: str, summary: str) -> None:
    """Record that ``doc_id`` (just created) came from a package: its first revision says so."""
    run_write(
        database.sessions,
        lambda session: session.execute(
            update(RevisionRow)
            .where(RevisionRow.document_id == doc_id, RevisionRow.number == 1)
            .values(action=IMPORT_ACTION, summary=summary[:2000])
        ),
    )


def import_origin(database: Database, doc_id: str) -> str | None:
    """The import's summary if ``doc_id`` came from a package (so it is read-only), else None."""
    row = run_read(
        database.sessions,
        lambda session: session.execute(
            select(RevisionRow.action, RevisionRow.summary).where(
                RevisionRow.document_id == doc_id, RevisionRow.number == 1
            )
        ).first(),
    )
    if row is None or row[0] != IMPORT_ACTION:
        return None
    return str(row[1])


def is_read_only(database: Database, doc_id: str) -> bool:
    return import_origin(database, doc_id) is not None


def remove_imported(database: Database, doc_ids: Iterable[str]) -> None:
    """Remove documents an import made before it failed (with their revisions, attachments)."""
    ids = list(doc_ids)
    if not ids:
        return

    def work(session: Session) -> None:
        for table, column in (
            (AttachmentRow, AttachmentRow.document_id),
            (RevisionRow, RevisionRow.document_id),
            (DocumentPartRow, DocumentPartRow.document_id),
        ):
            session.execute(delete(table).where(column.in_(ids)))
        session.execute(delete(DocumentRow).where(DocumentRow.id.in_(ids)))

    run_write(database.sessions, work)
