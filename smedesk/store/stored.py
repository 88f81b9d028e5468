"""A document's data as stored (head and chunks, see ``parts.py``) and the store's copy of it.

Saving is the hot path (autosave after every edit), so the store keeps, per recently saved
document, its own copy of the last saved data and the texts of its stored pieces. A save then
diffs against the copy instead of reading and parsing the stored text, serialises only the
pieces the changes lead into, and writes only those whose text changed. The copy is trusted
only while the document row's ``version`` is the copy's, so a save by another program or store
is never overwritten blindly; the copy of an older version serves as the base of a merge.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Connection, Table, bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from smedesk.store.diff import Change
from smedesk.store.errors import StoreError
from smedesk.store.history import Newest
from smedesk.store.models import DocumentPartRow
from smedesk.store.parts import PartsUpdate, Pointer, assemble, long_lists, plan_update, split

_CACHED_DOCUMENTS = 4  # each holds a parsed copy of a document: bounded memory


def split_checked(data: dict[str, Any]) -> tuple[str, dict[str, str]]:
    """``parts.split``, with what JSON cannot hold refused in plain words."""
    try:
        return split(data)
    except (TypeError, ValueError) as exc:
        raise StoreError(
            f"文档数据中有无法保存的值（只能是文字、数字、是否、列表和表格）：{exc}"
        ) from exc


def read_chunks(session: Session, doc_id: str) -> dict[str, str]:
    rows = session.execute(
        select(DocumentPartRow.part, DocumentPartRow.data).where(
            DocumentPartRow.document_id == doc_id
        )
    ).all()
    return {row.part: row.data for row in rows}


def read_data(session: Session, doc_id: str, head: str) -> dict[str, Any]:
    """The whole document from its head text (``documents.data``) and its stored chunks."""
    return assemble(head, read_chunks(session, doc_id).items())


def insert_chunks(session: Session, doc_id: str, chunks: dict[str, str]) -> None:
    if chunks:
        session.connection().execute(
            _ADD_PART,
            [{"doc": doc_id, "name": name, "text": text} for name, text in chunks.items()],
        )


_parts = cast(Table, DocumentPartRow.__table__)  # a mapped class's table is a Table
_PART = (_parts.c.document_id == bindparam("doc"), _parts.c.part == bindparam("name"))
_WRITE_PART = update(_parts).where(*_PART).values(data=bindparam("text"))
_ADD_PART = insert(_parts).values(document_id=bindparam("doc"), part=bindparam("name"),
                                  data=bindparam("text"))  # fmt: skip
_DROP_PARTS = delete(_parts).where(
    _parts.c.document_id == bindparam("doc"), _parts.c.part.in_(bindparam("names", expanding=True))
)


def write_update(connection: Connection, doc_id: str, change: PartsUpdate) -> None:
    """Write the chunks a save changed (the head goes with the document row's update).

    Core statements built once, on the connection: a field edit rewrites one chunk, and the
    ORM's bulk-update machinery cost more than the statement itself.
    """
    added = [
        {"doc": doc_id, "name": name, "text": text}
        for name, text in change.chunks.items()
        if name in change.inserted
    ]
    if added:
        connection.execute(_ADD_PART, added)
    for name, text in change.chunks.items():
        if name not in change.inserted:
            connection.execute(_WRITE_PART, {"doc": doc_id, "name": name, "text": text})
    if change.deleted:
        connection.execute(_DROP_PARTS, {"doc": doc_id, "names": sorted(change.deleted)})


@dataclass
class CachedDocument:
    """The store's copy of a document as it last wrote or read it."""

    version: int
    data: dict[str, Any]
    head: str
    chunks: dict[str, str]
    lists: list[Pointer] = field(default_factory=list)
    #: The document's kind and newest revision, once a save has read or written them: with
    #: both known, the next save is written without reading anything first (saving.py).
    kind: str | None = None
    newest: Newest | None = None
    #: Whether ``data`` was rebuilt to share the caller's keys and texts (sharing.py).
    shares_texts: bool = False

    @classmethod
    def load(cls, session: Session, doc_id: str, version: int, head: str) -> CachedDocument:
        return cls.load_from(version, head, read_chunks(session, doc_id))

    @classmethod
    def load_from(cls, version: int, head: str, chunks: dict[str, str]) -> CachedDocument:
        data = assemble(head, chunks.items())
        return cls(version, data, head, chunks, long_lists(data))

    def update(self, changes: Sequence[Change]) -> PartsUpdate:
        """Bring the texts up to ``self.data`` (already changed); what must be written."""
        lists, change = plan_update(self.data, changes, self.lists, self.head, self.chunks)
        self.adopt(lists, change)
        return change

    def adopt(self, lists: list[Pointer], change: PartsUpdate) -> None:
        """Take the texts ``change`` writes as the stored ones (``self.data`` already changed)."""
        chunks = dict(self.chunks)
        chunks.update(change.chunks)
        for name in change.deleted:
            del chunks[name]
        self.lists, self.chunks = lists, chunks
        if change.head is not None:
            self.head = change.head


class DocumentCache:
    """The few most recently saved documents' copies (least recently used dropped first)."""

    def __init__(self) -> None:
        self._entries: OrderedDict[str, CachedDocument] = OrderedDict()

    def take(self, doc_id: str) -> CachedDocument | None:
        """Remove and return the copy: while a save works on it, no half-updated copy stays."""
        return self._entries.pop(doc_id, None)

    def put(self, doc_id: str, cached: CachedDocument) -> None:
        self._entries[doc_id] = cached
        while len(self._entries) > _CACHED_DOCUMENTS:
            self._entries.popitem(last=False)

    def drop(self, doc_id: str) -> None:
        self._entries.pop(doc_id, None)
