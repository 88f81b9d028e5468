"""Three-way merge of two saves of one document against the revision both started from.

Two people (two windows, two staff on a shared database) edit the same document. When a save
arrives that was based on an older version than the stored one, the store merges: what only
one side changed is taken from that side; what both changed to the same value is taken once;
what both changed differently is a :class:`Conflict` carrying the base value and both new
values, so the user sees them side by side and picks — nothing is discarded.

Pure functions over JSON-able values. Objects merge key by key. Lists of table rows merge
position by position over the rows all three share; rows appended on both sides are all kept
(theirs first, then ours), since two people adding firms to a list both mean to add them.
Any other shape change of a list both sides changed (rows removed on one side and edited on
the other) is one conflict on the whole list.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from smedesk.store.diff import PathPart, format_path


class _Missing:
    """A key absent from one side (deleted, or never there)."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


@dataclass(frozen=True)
class Conflict:
    """One place both sides changed differently; ``MISSING`` stands for "no value"."""

    parts: tuple[PathPart, ...]
    base: Any
    mine: Any
    theirs: Any

    @property
    def path(self) -> str:
        return format_path(self.parts)


@dataclass
class MergeResult:
    """The merged document (theirs where in conflict) and the conflicts found."""

    data: Any
    conflicts: list[Conflict] = field(default_factory=list)


def three_way_merge(base: Any, mine: Any, theirs: Any) -> MergeResult:
    """Merge ``mine`` and ``theirs``, both derived from ``base``.

    In the merged data a conflicting place holds ``theirs`` (what is stored now), so the
    result is a valid document the user then resolves place by place.
    """
    conflicts: list[Conflict] = []
    merged = _merge((), base, mine, theirs, conflicts)
    return MergeResult(merged, conflicts)


def _merge(
    parts: tuple[PathPart, ...], base: Any, mine: Any, theirs: Any, out: list[Conflict]
) -> Any:
    if _same(mine, theirs):
        return theirs
    if _same(mine, base):
        return theirs
    if _same(theirs, base):
        return mine
    if isinstance(mine, dict) and isinstance(theirs, dict):
        return _merge_dicts(parts, base if isinstance(base, dict) else {}, mine, theirs, out)
    if isinstance(mine, list) and isinstance(theirs, list) and isinstance(base, list):
        return _merge_lists(parts, base, mine, theirs, out)
    out.append(Conflict(parts, base, mine, theirs))
    return theirs


def _merge_dicts(
    parts: tuple[PathPart, ...],
    base: dict[str, Any],
    mine: dict[str, Any],
    theirs: dict[str, Any],
    out: list[Conflict],
) -> Any:
    merged: dict[str, Any] = {}
    keys = list(theirs) + [k for k in mine if k not in theirs]
    keys += [k for k in base if k not in theirs and k not in mine]
    for key in keys:
        value = _merge(
            (*parts, key), base.get(key, MISSING), mine.get(key, MISSING),
            theirs.get(key, MISSING), out,
        )  # fmt: skip
        if value is not MISSING:
            merged[key] = value
    return merged


def _merge_lists(
    parts: tuple[PathPart, ...], base: list[Any], mine: list[Any], theirs: list[Any],
    out: list[Conflict],
) -> Any:  # fmt: skip
    shared = min(len(base), len(mine), len(theirs))
    base_tail, mine_tail, theirs_tail = base[shared:], mine[shared:], theirs[shared:]
    if _same(mine_tail, base_tail) or _same(mine_tail, theirs_tail):
        tail = theirs_tail
    elif _same(theirs_tail, base_tail):
        tail = mine_tail
    elif not base_tail:  # both appended rows: keep all of them
        tail = theirs_tail + mine_tail
    else:
        # One side removed rows the other edited or added to: the user decides for the list.
        out.append(Conflict(parts, base, mine, theirs))
        return theirs
    head = [_merge((*parts, i), base[i], mine[i], theirs[i], out) for i in range(shared)]
    return head + tail


def _same(a: Any, b: Any) -> bool:
    """Equal as JSON values: Python's ``==`` alone calls ``0``, ``0.0`` and ``False`` equal.

    Merges are rare (two saves crossing), so the strict walk is affordable; ``==`` first
    settles the common unequal case in C.
    """
    if a is b:
        return True
    if type(a) is not type(b) or a != b:
        return False
    if isinstance(a, dict):
        return all(_same(value, b[key]) for key, value in a.items())
    if isinstance(a, list):
        return all(_same(x, y) for x, y in zip(a, b, strict=True))
    return True
