"""A document's data stored in pieces, so that a field edit rewrites only the piece it touched.

A document's JSON is kept in two places:

* ``documents.data``, the *head*: the whole document except its long lists (more than
  ``SPLIT_ABOVE`` items), each of which stands there as an empty list ``[]``, keeping its key's
  place. A document without long lists is its head alone, so a small document is still one
  readable JSON text in one row.
* ``document_parts``, one row per *chunk* of ``CHUNK_ITEMS`` items of a long list, named by
  the list's JSON Pointer and the chunk's number: ``/served_enterprises#0`` holds items
  0–99, ``/served_enterprises#1`` items 100–199, and so on.

Only lists reached from the root through objects are split (not lists inside list items), so
finding them is a walk over the document's objects, never over its table rows. Editing a
field of row 2,500 then rewrites chunk ``#25`` (~30 KB) instead of the whole ~1 MB text.
Reading needs no rule: whatever chunks are stored are put back in their lists, in order.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from smedesk.store.diff import Change
from smedesk.store.errors import StoreError
from smedesk.store.jsontext import dumps

CHUNK_ITEMS = 100
SPLIT_ABOVE = 200  # lists up to this long stay in the head

Pointer = tuple[str, ...]


def pointer_text(path: Pointer) -> str:
    """RFC 6901 JSON Pointer of an object path: ``("form", "a/b")`` → ``/form/a~1b``."""
    return "".join("/" + key.replace("~", "~0").replace("/", "~1") for key in path)


def parse_pointer(text: str) -> Pointer:
    if not text:
        return ()
    if not text.startswith("/"):
        raise StoreError(f"文档数据分段的名称「{text}」无法识别，数据库可能已损坏。")
    return tuple(t.replace("~1", "/").replace("~0", "~") for t in text[1:].split("/"))


def chunk_name(path: Pointer, index: int) -> str:
    return f"{pointer_text(path)}#{index}"


def parse_chunk_name(name: str) -> tuple[Pointer, int]:
    pointer, _, index = name.rpartition("#")
    if not index.isdigit():
        raise StoreError(f"文档数据分段的名称「{name}」无法识别，数据库可能已损坏。")
    return parse_pointer(pointer), int(index)


def long_lists(data: Any) -> list[Pointer]:
    """Paths of the lists to split, in document order: reached through objects only."""
    found: list[Pointer] = []

    def walk(node: dict[str, Any], path: Pointer) -> None:
        for key, value in node.items():
            if isinstance(value, dict):
                walk(value, (*path, key))
            elif isinstance(value, list) and len(value) > SPLIT_ABOVE:
                found.append((*path, key))

    if isinstance(data, dict):
        walk(data, ())
    return found


def _at(data: Any, path: Pointer) -> Any:
    for key in path:
        data = data[key]
    return data


def head_of(data: dict[str, Any], lists: Sequence[Pointer]) -> dict[str, Any]:
    """``data`` with each list at ``lists`` replaced by ``[]`` (copying only the objects above)."""
    if not lists:
        return data
    head = dict(data)
    for path in lists:
        node = head
        source: Any = data
        for key in path[:-1]:
            source = source[key]
            if node[key] is source:  # not yet copied
                node[key] = dict(source)
            node = node[key]
        node[path[-1]] = []
    return head


def chunk_count(items: int) -> int:
    return -(-items // CHUNK_ITEMS)


def chunk_text(data: Any, path: Pointer, index: int) -> str:
    items = _at(data, path)
    return dumps(items[index * CHUNK_ITEMS : (index + 1) * CHUNK_ITEMS])


def split(data: dict[str, Any]) -> tuple[str, dict[str, str]]:
    """The head text and the chunks' texts by name."""
    lists = long_lists(data)
    chunks = {
        chunk_name(path, index): chunk_text(data, path, index)
        for path in lists
        for index in range(chunk_count(len(_at(data, path))))
    }
    return dumps(head_of(data, lists)), chunks


def assemble(head: str, chunks: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """The document from its head text and its chunks (any order)."""
    data: dict[str, Any] = json.loads(head)
    by_list: dict[Pointer, list[tuple[int, str]]] = {}
    for name, text in chunks:
        path, index = parse_chunk_name(name)
        by_list.setdefault(path, []).append((index, text))
    for path, pieces in by_list.items():
        pieces.sort()
        if [index for index, _ in pieces] != list(range(len(pieces))) or not path:
            raise StoreError("文档数据的分段不完整，数据库可能已损坏。")
        items: list[Any] = []
        for _index, text in pieces:
            items.extend(json.loads(text))
        try:
            _at(data, path[:-1])[path[-1]] = items
        except (KeyError, TypeError) as exc:
            raise StoreError("文档数据的分段与文档不符，数据库可能已损坏。") from exc
    return data


def full_text(head: str, chunks: dict[str, str]) -> str:
    """The whole document's canonical text (for revision snapshots)."""
    if not chunks:
        return head
    return dumps(assemble(head, chunks.items()))


@dataclass
class PartsUpdate:
    """What a save must write: a new head (or None), chunks to write, chunk names to delete."""

    head: str | None
    chunks: dict[str, str]
    deleted: set[str]
    inserted: set[str]


def plan_update(
    data: dict[str, Any],
    changes: Sequence[Change],
    old_lists: Sequence[Pointer],
    old_head: str,
    old_chunks: dict[str, str],
) -> tuple[list[Pointer], PartsUpdate]:
    """The writes that bring the stored parts from ``old_*`` to ``data`` (``changes`` apart).

    Only the pieces the changes lead into are serialised again; of those, only the ones whose
    text really differs are written.
    """
    lists = long_lists(data)
    head_touched = lists != list(old_lists)
    dirty: set[tuple[Pointer, int]] = set()
    for change in changes:
        parts = change.parts
        inside = False
        for path in lists:
            depth = len(path)
            item = parts[depth] if len(parts) > depth else None
            if isinstance(item, int) and parts[:depth] == path:
                dirty.add((path, item // CHUNK_ITEMS))  # an item of the list
                inside = True
                break
            if path[: len(parts)] == parts:  # the list itself or what holds it replaced
                dirty.update((path, i) for i in range(chunk_count(len(_at(data, path)))))
        if not inside:
            head_touched = True
    wanted: dict[str, tuple[Pointer, int]] = {}
    for path in lists:
        for index in range(chunk_count(len(_at(data, path)))):
            wanted[chunk_name(path, index)] = (path, index)
    new_chunks: dict[str, str] = {}
    for name, (path, index) in wanted.items():
        if name not in old_chunks or (path, index) in dirty:
            text = chunk_text(data, path, index)
            if old_chunks.get(name) != text:
                new_chunks[name] = text
    head = dumps(head_of(data, lists)) if head_touched else None
    return lists, PartsUpdate(
        head=None if head == old_head else head,
        chunks=new_chunks,
        deleted={name for name in old_chunks if name not in wanted},
        inserted={name for name in new_chunks if name not in old_chunks},
    )
