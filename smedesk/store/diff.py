"""What changed between two versions of a document: JSON diff, its summary, and replay.

Pure functions over JSON-able values (dict, list, str, int, float, bool, None; str keys).
Lists are compared index by index — what a form's table rows are: row 3 edited is
``form.investors[2].ratio``, a row appended is an ``add`` at the next index, the last row
removed is a ``remove``. Values compare as Python compares them: 1, 1.0 and True are equal, so
a field changing only between those is not a change (typed form models never do that).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import compress, count
from operator import ne
from typing import Any, Literal

PathPart = str | int
Op = Literal["add", "remove", "replace"]
MAX_STORED_CHANGES = 50


@dataclass(frozen=True)
class Change:
    """One difference: the value at ``parts`` was added, removed or replaced.

    ``old`` is None for an add and ``new`` is None for a remove.
    """

    parts: tuple[PathPart, ...]
    op: Op
    old: Any = None
    new: Any = None

    @property
    def path(self) -> str:
        return format_path(self.parts)

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "parts": list(self.parts),
            "op": self.op,
            "old": self.old,
            "new": self.new,
        }

    @classmethod
    def from_json(cls, item: dict[str, Any]) -> Change:
        return cls(tuple(item["parts"]), item["op"], item.get("old"), item.get("new"))


def format_path(parts: Sequence[PathPart]) -> str:
    """``("form", "investors", 2, "ratio")`` → ``form.investors[2].ratio``."""
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


def diff_json(old: Any, new: Any) -> list[Change]:
    """Every difference from ``old`` to ``new``, in document order; empty iff they are equal.

    Equal subtrees are skipped with one C-level ``==``, so an edit in a 3,000-row table costs
    a comparison of the rows, not a walk over every field.
    """
    changes: list[Change] = []
    _diff((), old, new, changes)
    return changes


def _diff(parts: tuple[PathPart, ...], old: Any, new: Any, out: list[Change]) -> None:
    # Containers of the same kind are walked without comparing them whole first: comparing
    # at every level would pass over a deep table once per level above the changed row.
    if isinstance(old, dict) and isinstance(new, dict):
        for key, value in old.items():
            if key not in new:
                out.append(Change((*parts, key), "remove", old=value))
                continue
            other = new[key]
            if value is other:
                continue
            if _same_container(value, other):
                _diff((*parts, key), value, other, out)
            elif value != other:
                out.append(Change((*parts, key), "replace", old=value, new=other))
        out.extend(Change((*parts, key), "add", new=new[key]) for key in new if key not in old)
    elif isinstance(old, list) and isinstance(new, list):
        common = min(len(old), len(new))
        # The comparison runs in C (map, compress); only differing rows pay for a Python call.
        for index in compress(count(), map(ne, old, new)):
            _diff((*parts, index), old[index], new[index], out)
        out.extend(Change((*parts, i), "add", new=new[i]) for i in range(common, len(new)))
        # Highest index first, so replaying the removals one by one never shifts a later one.
        out.extend(
            Change((*parts, i), "remove", old=old[i]) for i in reversed(range(common, len(old)))
        )
    elif old != new:
        out.append(Change(parts, "replace", old=old, new=new))


def _same_container(a: Any, b: Any) -> bool:
    return (isinstance(a, dict) and isinstance(b, dict)) or (
        isinstance(a, list) and isinstance(b, list)
    )


def apply_changes(value: Any, changes: Iterable[Change]) -> Any:
    """Replay ``changes`` on ``value`` in place (copying the values put in); returns the root.

    A change at the root path replaces the whole value, hence the return.
    """
    for change in changes:
        if not change.parts:
            value = copy.deepcopy(change.new)
            continue
        parent = value
        for part in change.parts[:-1]:
            parent = parent[part]
        last = change.parts[-1]
        if change.op == "remove":
            del parent[last]
        elif change.op == "add" and isinstance(parent, list) and isinstance(last, int):
            parent.insert(last, copy.deepcopy(change.new))
        else:
            parent[last] = copy.deepcopy(change.new)
    return value


def replayed(value: Any, changes: Iterable[Change]) -> Any:
    """``changes`` replayed on a copy of ``value``, which is left as it was.

    Only the objects and lists on the changes' paths are copied (shallowly); everything else
    is shared with ``value``, so an edit in a 3,000-row table copies the row, the table's
    list of rows and the objects above it, not the table. The values put in are copies.
    """
    # The containers made here (by id; held, so no id is reused): these may be changed.
    copies: dict[int, Any] = {}

    def own(node: Any) -> Any:
        if id(node) in copies:
            return node
        mine = dict(node) if isinstance(node, dict) else list(node)
        copies[id(mine)] = mine
        return mine

    for change in changes:
        if not change.parts:
            value = copy.deepcopy(change.new)
            continue
        value = parent = own(value)
        for part in change.parts[:-1]:
            child = own(parent[part])
            parent[part] = child
            parent = child
        apply_changes(parent, [Change(change.parts[-1:], change.op, change.old, change.new)])
    return value


def _blocks(a: Change, b: Change) -> bool:
    """Whether ``b`` may not be folded past ``a``: their order matters.

    It does when one path lies inside the other, and when both lead through the same list
    and either adds or removes an item of it (that shifts the other's index).
    """
    shorter = min(len(a.parts), len(b.parts))
    for depth in range(shorter):
        if a.parts[depth] != b.parts[depth]:
            if not isinstance(a.parts[depth], int):
                return False
            return any(len(c.parts) == depth + 1 and c.op != "replace" for c in (a, b))
    return True


def _merge(first: Change, second: Change) -> Change | None:
    """Two successive changes at the same path as one (None: they cancel out)."""
    if first.op == "add":
        return None if second.op == "remove" else Change(first.parts, "add", new=second.new)
    if second.op == "remove":
        return Change(first.parts, "remove", old=first.old)
    if not diff_json(first.old, second.new):
        return None
    return Change(first.parts, "replace", old=first.old, new=second.new)


def compact_changes(earlier: Sequence[Change], later: Sequence[Change]) -> list[Change]:
    """``earlier`` followed by ``later``, folding repeated edits of one path into one.

    Replaying the result still turns the state before ``earlier`` into the state after
    ``later``: a change is folded only into the most recent change at the same path, and not
    across any change in between whose order relative to it matters (see ``_blocks``).
    """
    result = list(earlier)
    for change in later:
        for index in range(len(result) - 1, -1, -1):
            previous = result[index]
            if previous.parts == change.parts:
                merged = _merge(previous, change)
                if merged is None:
                    del result[index]
                else:
                    result[index] = merged
                break
            if _blocks(previous, change):
                result.append(change)
                break
        else:
            result.append(change)
    return result


def _short(value: Any, limit: int = 24) -> str:
    if value is None:
        return "空"
    if isinstance(value, dict):
        return "{…}"
    if isinstance(value, list):
        return f"[{len(value)} 项]"
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe_change(change: Change) -> str:
    """One change in Chinese, e.g. ``修改 form.basic.total_assets：250 → 320``."""
    path = change.path or "整个文档"
    if change.op == "add":
        return f"新增 {path}：{_short(change.new)}"
    if change.op == "remove":
        return f"删除 {path}"
    return f"修改 {path}：{_short(change.old)} → {_short(change.new)}"


def summarise_changes(changes: Sequence[Change], total: int | None = None) -> str:
    """A one-line Chinese summary: the first change, and how many there are in all."""
    count = len(changes) if total is None else total
    if count == 0:
        return "无修改"
    first = describe_change(changes[0])
    return first if count == 1 else f"{first} 等 {count} 处修改"
