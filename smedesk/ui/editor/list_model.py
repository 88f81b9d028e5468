"""A document list (served enterprises, staff, equipment …) as a Qt table model.

The rows are the document's own dicts (no copy), so a 10,000-row list costs nothing to
open; cells are formatted and validated only when a view asks for them, and a row's
problems are cached until that row changes. Structural edits (insert, remove, replace)
come from undo commands through the ``RowTarget`` methods, which tell the views.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from smedesk.forms.fields import FieldSpec, field_specs
from smedesk.forms.registry import _explain  # the one Chinese wording of pydantic errors
from smedesk.forms.walk import split_path
from smedesk.ui.editor.document_state import DocumentState
from smedesk.ui.editor.form_page import field_problem
from smedesk.ui.editor.values import display_text, is_valid_json_value, parse_text

_ERROR_BRUSH = QBrush(QColor("#fde2e1"))
_Index = QModelIndex | QPersistentModelIndex


class ListModel(QAbstractTableModel):
    """Rows of ``row_model`` at ``path`` in the document."""

    #: a cell edited in the view: (row, column key, new JSON value); the page makes it a command
    cell_edited = Signal(int, str, object)

    def __init__(
        self, state: DocumentState, path: str, row_model: type[BaseModel], parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.path = path
        self.row_model = row_model
        self.columns: list[FieldSpec] = field_specs(row_model, include_derived=False)
        self._problems: dict[int, dict[str, str]] = {}
        self._own_change = False
        self._rows: list[dict[str, Any]] | None = None
        state.value_changed.connect(self._on_change)

    @property
    def rows(self) -> list[dict[str, Any]]:
        # Views ask for the row count tens of thousands of times while scrolling: keep the
        # list object (edits change it in place) and look it up again only on a reset.
        if self._rows is None:
            self._rows = self.state.rows(self.path)
        return self._rows

    # Qt model interface ---------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            spec = self.columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return spec.header + (" *" if spec.required else "")
            if role == Qt.ItemDataRole.ToolTipRole:
                return spec.help or spec.header
        elif role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)  # 序号 as on paper
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, spec = index.row(), self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return display_text(spec, self.rows[row].get(spec.name))
        if role == Qt.ItemDataRole.BackgroundRole:
            return _ERROR_BRUSH if spec.name in self.problems(row) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.problems(row).get(spec.name)
        if role == Qt.ItemDataRole.TextAlignmentRole and spec.kind in ("int", "float"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.isValid() else base

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        spec = self.columns[index.column()]
        new, _error = parse_text(spec, str(value)) if isinstance(value, str) else (value, None)
        if new == self.rows[index.row()].get(spec.name):
            return False
        self.cell_edited.emit(index.row(), spec.name, new)  # the command sets it, undoably
        return True

    # validation -----------------------------------------------------------------------

    def problems(self, row: int) -> dict[str, str]:
        """Column key → Chinese message for one row (pydantic limits and format checks)."""
        cached = self._problems.get(row)
        if cached is not None:
            return cached
        data = self.rows[row]
        found: dict[str, str] = {}
        try:
            self.row_model.model_validate(data)
        except ValidationError as exc:
            for err in exc.errors():
                if err["loc"]:
                    found[str(err["loc"][0])] = _explain(err)
        for spec in self.columns:
            value = data.get(spec.name)
            if spec.name not in found and not is_valid_json_value(spec, value):
                found[spec.name] = parse_text(spec, str(value))[1] or "取值不正确"
            problem = field_problem(spec, value)
            if problem and spec.name not in found:
                found[spec.name] = problem
        self._problems[row] = found
        return found

    def cell_path(self, row: int, key: str) -> str:
        return f"{self.path}[{row}].{key}"

    def column_of(self, key: str) -> int:
        return next((i for i, s in enumerate(self.columns) if s.name == key), 0)

    # keeping up with field edits made through the document ------------------------------

    def _on_change(self, path: str) -> None:
        if self._own_change or not path.startswith(self.path):
            return
        rest = path[len(self.path) :]
        if rest == "":
            self._reset()  # the whole list replaced from elsewhere (an import)
            return
        if not rest.startswith("["):
            return
        parts = split_path(rest)
        row = parts[0] if parts and isinstance(parts[0], int) else None
        if row is None or row >= len(self.rows):
            self._reset()
            return
        self._problems.pop(row, None)
        left = self.index(row, 0)
        right = self.index(row, len(self.columns) - 1)
        self.dataChanged.emit(left, right)

    def _reset(self) -> None:
        self.beginResetModel()
        self._rows = None
        self._problems.clear()
        self.endResetModel()

    def _changed(self) -> None:
        self._own_change = True
        try:
            self.state.touch(self.path)
        finally:
            self._own_change = False

    # RowTarget (see undo.py) ----------------------------------------------------------

    def row_count(self) -> int:
        return len(self.rows)

    def insert_rows(self, index: int, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        self.beginInsertRows(QModelIndex(), index, index + len(rows) - 1)
        self.rows[index:index] = rows
        self._problems.clear()
        self.endInsertRows()
        self._changed()

    def remove_rows(self, index: int, count: int) -> list[dict[str, Any]]:
        if count <= 0:
            return []
        self.beginRemoveRows(QModelIndex(), index, index + count - 1)
        removed = self.rows[index : index + count]
        del self.rows[index : index + count]
        self._problems.clear()
        self.endRemoveRows()
        self._changed()
        return removed

    def replace_rows(self, index: int, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        if not rows:
            return []
        old = self.rows[index : index + len(rows)]
        self.rows[index : index + len(rows)] = rows
        for i in range(index, index + len(rows)):
            self._problems.pop(i, None)
        self.dataChanged.emit(
            self.index(index, 0), self.index(index + len(rows) - 1, len(self.columns) - 1)
        )
        self._changed()
        return old

    def replace_all(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        self.beginResetModel()
        live = self.rows
        old = list(live)
        live[:] = rows  # in place: the document keeps the same list object
        self._problems.clear()
        self.endResetModel()
        self._changed()
        return old


def sort_key(spec: FieldSpec) -> Any:
    """Empty cells last; numbers as numbers; everything else by its shown text."""

    def key(row: dict[str, Any]) -> tuple[int, Any]:
        value = row.get(spec.name)
        if value is None or value == "":
            return (2, "")
        if spec.kind in ("int", "float") and isinstance(value, int | float):
            return (0, value)
        return (1, display_text(spec, value))

    return key
