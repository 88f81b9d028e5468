"""An autosave on PostgreSQL in one statement: the document row, its changed chunks, the revision.

The sub-statements of a data-modifying ``WITH`` run in one round trip and see each other's
``RETURNING`` rows, so the save's writes are chained through them: the chunks and the revision
are written only if the document row was (``… IN (SELECT id FROM d)``). When the row's version
is no longer the save's base, nothing at all is written and ``saving.py`` takes the full path.
Three statements become one; on a local server each statement is a round trip plus the
driver's and SQLAlchemy's work, which cost as much as the statement itself.

The statement returns how many rows each part wrote. SQLite has no data-modifying ``WITH``;
there ``saving.py`` runs the same writes one by one, which in-process costs no round trips.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, cast

from sqlalchemy import Connection, Select, Table, bindparam, func, select, update

from smedesk.store.history import STILL_NEWEST, Fold
from smedesk.store.models import DocumentPartRow, DocumentRow, RevisionRow
from smedesk.store.parts import PartsUpdate

#: A save that rewrites more chunks than this (a sort, a pasted table) goes one by one.
MAX_CHUNKS = 4

_documents = cast(Table, DocumentRow.__table__)  # a mapped class's table is a Table
_parts = cast(Table, DocumentPartRow.__table__)
_revisions = cast(Table, RevisionRow.__table__)


def usable(connection: Connection, written: PartsUpdate) -> bool:
    """Whether the save can be one statement: PostgreSQL, and only existing chunks rewritten."""
    return (
        connection.dialect.name == "postgresql"
        and not written.inserted
        and not written.deleted
        and len(written.chunks) <= MAX_CHUNKS
    )


def write(
    connection: Connection,
    doc_id: str,
    base: int,
    values: dict[str, Any],
    written: PartsUpdate,
    fold: Fold | None,
) -> tuple[bool, bool]:
    """Write the save if the stored version is ``base``: (row written, fold written).

    ``values`` are the document row's new columns; ``fold``, if given, is written into the
    newest revision (only if it still is the newest).
    """
    folds = fold is not None and bool(fold.values)
    statement = _statement(tuple(sorted(values)), len(written.chunks), folds)
    params: dict[str, Any] = {"doc": doc_id, "base": base}
    params.update({f"set_{key}": value for key, value in values.items()})
    for index, (name, text) in enumerate(written.chunks.items()):
        params[f"name{index}"], params[f"text{index}"] = name, text
    if fold is not None and folds:
        params.update(fold.where(doc_id))
        params.update({f"rev_{key}": value for key, value in fold.values.items()})
    counts = connection.execute(statement, params).one()
    return counts.documents == 1, folds and counts.revision == 1


@lru_cache(maxsize=64)
def _statement(columns: tuple[str, ...], chunks: int, fold: bool) -> Select[Any]:
    """The statement for one shape of save (built once: SQLAlchemy caches its compiled form)."""
    d = (
        update(_documents)
        .where(
            _documents.c.id == bindparam("doc"),
            _documents.c.version == bindparam("base"),
            _documents.c.deleted_at.is_(None),
        )
        .values({name: _bind(f"set_{name}", _documents, name) for name in columns})
        .returning(_documents.c.id)
        .cte("d")
    )
    counts = [_count(d).label("documents")]
    for index in range(chunks):
        part = (
            update(_parts)
            .where(
                _parts.c.document_id.in_(select(d.c.id)),
                _parts.c.part == bindparam(f"name{index}"),
            )
            .values(data=bindparam(f"text{index}", type_=_parts.c.data.type))
            .returning(_parts.c.part)
            .cte(f"p{index}")
        )
        counts.append(_count(part).label(f"part{index}"))
    if fold:
        revision = (
            update(_revisions)
            .where(*STILL_NEWEST, _revisions.c.document_id.in_(select(d.c.id)))
            .values(
                {
                    name: _bind(f"rev_{name}", _revisions, name)
                    for name in ("changes", "change_count", "summary", "data")
                }
            )
            .returning(_revisions.c.id)
            .cte("r")
        )
        counts.append(_count(revision).label("revision"))
    return select(*counts)


def _bind(key: str, table: Table, column: str) -> Any:
    return bindparam(key, type_=table.c[column].type)


def _count(cte: Any) -> Any:
    return select(func.count()).select_from(cte).scalar_subquery()
