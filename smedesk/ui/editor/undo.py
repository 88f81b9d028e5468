"""Edits as undoable commands (git-cola style ``do``/``undo``) on one ``QUndoStack``.

A field edit is ``SetValueCommand``; list edits are row commands over a ``RowTarget`` (the
list's table model, which tells its views before and after). Typing into one field within
a short pause merges into one step, so Ctrl+Z takes back a burst of typing, not one letter.
"""

from __future__ import annotations

import copy
import time
from typing import Any, Protocol

from PySide6.QtGui import QUndoCommand

from smedesk.ui.editor.document_state import DocumentState
from smedesk.ui.i18n import tr

_MERGE_SECONDS = 1.5
_SET_VALUE_ID = 1001


class SetValueCommand(QUndoCommand):
    """One field (or one table cell) set to a new value."""

    def __init__(self, state: DocumentState, path: str, new: Any, label: str = "") -> None:
        super().__init__(tr("修改 {label}").format(label=label or path))
        self.state = state
        self.path = path
        self.old = copy.deepcopy(state.value(path))
        self.new = new
        self.when = time.monotonic()

    def redo(self) -> None:
        self.state.set_value(self.path, copy.deepcopy(self.new))

    def undo(self) -> None:
        self.state.set_value(self.path, copy.deepcopy(self.old))

    def id(self) -> int:
        return _SET_VALUE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # Qt override
        if not isinstance(other, SetValueCommand) or other.path != self.path:
            return False
        if other.when - self.when > _MERGE_SECONDS:
            return False
        self.new = other.new
        self.when = other.when
        return True


class RowTarget(Protocol):
    """What row commands need from a list: the table model implements it."""

    def row_count(self) -> int: ...

    def insert_rows(self, index: int, rows: list[dict[str, Any]]) -> None: ...

    def remove_rows(self, index: int, count: int) -> list[dict[str, Any]]: ...

    def replace_rows(self, index: int, rows: list[dict[str, Any]]) -> list[dict[str, Any]]: ...

    def replace_all(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]: ...


class InsertRowsCommand(QUndoCommand):
    def __init__(self, target: RowTarget, index: int, rows: list[dict[str, Any]]) -> None:
        super().__init__(tr("插入 {n} 行").format(n=len(rows)))
        self.target, self.index, self.rows = target, index, rows

    def redo(self) -> None:
        self.target.insert_rows(self.index, copy.deepcopy(self.rows))

    def undo(self) -> None:
        self.target.remove_rows(self.index, len(self.rows))


class RemoveRowsCommand(QUndoCommand):
    """Delete rows that need not be next to each other."""

    def __init__(self, target: RowTarget, indexes: list[int]) -> None:
        super().__init__(tr("删除 {n} 行").format(n=len(indexes)))
        self.target = target
        self.indexes = sorted(set(indexes))
        self.removed: list[tuple[int, dict[str, Any]]] = []

    def redo(self) -> None:
        self.removed = []
        for index in reversed(self.indexes):  # from the bottom so indexes stay valid
            (row,) = self.target.remove_rows(index, 1)
            self.removed.append((index, row))

    def undo(self) -> None:
        for index, row in reversed(self.removed):
            self.target.insert_rows(index, [row])


class MoveRowCommand(QUndoCommand):
    def __init__(self, target: RowTarget, source: int, destination: int) -> None:
        super().__init__(tr("移动行"))
        self.target, self.source, self.destination = target, source, destination

    def _move(self, a: int, b: int) -> None:
        (row,) = self.target.remove_rows(a, 1)
        self.target.insert_rows(b, [row])

    def redo(self) -> None:
        self._move(self.source, self.destination)

    def undo(self) -> None:
        self._move(self.destination, self.source)


class ReplaceAllCommand(QUndoCommand):
    """The whole list at once: sorting, importing a workbook."""

    def __init__(self, target: RowTarget, rows: list[dict[str, Any]], text: str) -> None:
        super().__init__(text)
        self.target, self.rows = target, rows
        self.old: list[dict[str, Any]] = []

    def redo(self) -> None:
        self.old = self.target.replace_all(copy.deepcopy(self.rows))

    def undo(self) -> None:
        self.target.replace_all(self.old)


class PasteRowsCommand(QUndoCommand):
    """A block pasted at ``index``: rows there are overwritten, the rest appended."""

    def __init__(self, target: RowTarget, index: int, rows: list[dict[str, Any]]) -> None:
        super().__init__(tr("粘贴 {n} 行").format(n=len(rows)))
        self.target, self.index, self.rows = target, index, rows
        self.overwritten: list[dict[str, Any]] = []
        self.appended = 0

    def redo(self) -> None:
        existing = max(0, min(len(self.rows), self.target.row_count() - self.index))
        self.overwritten = self.target.replace_rows(self.index, copy.deepcopy(self.rows[:existing]))
        self.appended = len(self.rows) - existing
        if self.appended:
            self.target.insert_rows(self.index + existing, copy.deepcopy(self.rows[existing:]))

    def undo(self) -> None:
        if self.appended:
            self.target.remove_rows(self.index + len(self.overwritten), self.appended)
        self.target.replace_rows(self.index, self.overwritten)
