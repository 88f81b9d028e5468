"""JSON text of a document that is re-serialised only where it changed.

Serialising a 3,000-row document takes ~10 ms in CPython, far more than SQLite needs to write
it, and autosave happens after every edit. So the text is kept as a tree of fragments that
mirrors the document's containers down to the containers of plain values (a table row is one
fragment); after an edit only the fragments on the changed paths are serialised again and the
rest are joined as they are. The result is byte for byte what ``dumps`` gives.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from smedesk.store.diff import Change, PathPart

_encoder = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def dumps(value: Any) -> str:
    """The canonical text of a JSON value: compact, UTF-8 characters kept, no NaN.

    Raises TypeError or ValueError for what JSON cannot hold (NaN, dates, non-string keys).
    """
    _check_keys(value)
    return _encoder.encode(value)


def _check_keys(value: Any) -> None:
    # The encoder would silently turn a key 1 into "1"; the text would then no longer read
    # back as the value we diff against.
    if isinstance(value, dict) and not all(isinstance(key, str) for key in value):
        raise TypeError("JSON object keys must be strings")


@dataclass(slots=True)
class _Node:
    text: str
    children: dict[str, _Node] | list[_Node] | None = None


def _is_container(value: Any) -> bool:
    return isinstance(value, dict | list)


def _build(value: Any) -> _Node:
    if isinstance(value, dict) and any(_is_container(v) for v in value.values()):
        _check_keys(value)
        fields = {key: _build(item) for key, item in value.items()}
        return _Node(_join_object(fields), fields)
    if isinstance(value, list) and any(_is_container(v) for v in value):
        items = [_build(item) for item in value]
        return _Node(_join_array(items), items)
    return _Node(dumps(value))


def _join_object(fields: dict[str, _Node]) -> str:
    return (
        "{" + ",".join(_encoder.encode(key) + ":" + node.text for key, node in fields.items()) + "}"
    )


def _join_array(items: list[_Node]) -> str:
    return "[" + ",".join([node.text for node in items]) + "]"


def _group(paths: Iterable[tuple[PathPart, ...]]) -> dict[PathPart, list[tuple[PathPart, ...]]]:
    groups: dict[PathPart, list[tuple[PathPart, ...]]] = {}
    for path in paths:
        groups.setdefault(path[0], []).append(path[1:])
    return groups


def _refresh(node: _Node | None, value: Any, paths: list[tuple[PathPart, ...]]) -> _Node:
    """``node`` brought up to ``value``, where only the subtrees at ``paths`` changed."""
    if node is None or node.children is None or any(not path for path in paths):
        return _build(value)
    if isinstance(node.children, dict):
        if not isinstance(value, dict):
            return _build(value)
        _check_keys(value)
        groups = _group(paths)
        old_fields = node.children
        fields: dict[str, _Node] = {}
        for key, item in value.items():
            previous = old_fields.get(key)
            if key in groups or previous is None:
                fields[key] = _refresh(previous, item, groups.get(key, [()]))
            else:
                fields[key] = previous
        return _Node(_join_object(fields), fields)
    if not isinstance(value, list):
        return _build(value)
    old_items = node.children
    # diff_json only adds and removes list items at the end, so indices below the old length
    # that no change names still hold the same items.
    items = old_items[: len(value)]
    items.extend(_build(item) for item in value[len(items) :])
    for index, rest in _group(paths).items():
        if isinstance(index, int) and index < len(old_items) and index < len(value):
            items[index] = _refresh(old_items[index], value[index], rest)
    return _Node(_join_array(items), items)


class JsonText:
    """The serialised text of one JSON value, kept in step with edits to it."""

    def __init__(self, value: Any) -> None:
        self._root = _build(value)

    @property
    def text(self) -> str:
        return self._root.text

    def update(self, value: Any, changes: Iterable[Change]) -> str:
        """The text of ``value``, which differs from the previous value exactly by ``changes``."""
        paths = [change.parts for change in changes]
        if paths:
            self._root = _refresh(self._root, value, paths)
        return self._root.text
