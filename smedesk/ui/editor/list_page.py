"""A list section: the table with add, insert, delete, move, sort, search, paste, import.

Every change is an undo command on the document's stack; the table model validates cells
as they are shown (red with the Chinese message as tooltip). Workbook import, template and
export come from the Excel engineer's modules when those are installed.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from smedesk.ui.editor import workbook
from smedesk.ui.editor.document_state import DocumentState, lenient_validate
from smedesk.ui.editor.form_page import page_title
from smedesk.ui.editor.layout_rules import derived_anchor
from smedesk.ui.editor.list_model import ListModel, sort_key
from smedesk.ui.editor.paste import rows_from_text
from smedesk.ui.editor.sections import Section
from smedesk.ui.editor.undo import (
    InsertRowsCommand,
    MoveRowCommand,
    PasteRowsCommand,
    RemoveRowsCommand,
    ReplaceAllCommand,
    SetValueCommand,
)
from smedesk.ui.editor.values import display_text
from smedesk.ui.i18n import tr

#: Rows read to fit a column to its contents.
SIZE_SAMPLE = 50


class ListPage(QWidget):
    """Table page of one list of the document."""

    def __init__(
        self,
        section: Section,
        state: DocumentState,
        undo_stack: QUndoStack,
        owner_type: type[BaseModel],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        assert section.model_type is not None
        self.section = section
        self.state = state
        self.undo_stack = undo_stack
        self.model = ListModel(state, section.key, section.model_type, self)
        self.model.cell_edited.connect(self._cell_edited)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.owner_path, _, self.field_name = section.key.rpartition(".")
        self.owner_type = owner_type
        self.status = QLabel()
        self.status.setStyleSheet("color: #555;")
        self.table = self._make_table()
        column = QVBoxLayout(self)
        column.setContentsMargins(18, 14, 18, 10)
        column.addWidget(page_title(section.title, section.help))
        column.addLayout(self._make_toolbar())
        column.addWidget(self.table, 1)
        column.addWidget(self.status)
        self._derived_timer = QTimer(self, singleShot=True, interval=400)
        self._derived_timer.timeout.connect(self._update_status)
        state.value_changed.connect(self._on_change)
        self._update_status()

    # building -------------------------------------------------------------------------

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.proxy)
        table.setAlternatingRowColors(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setWordWrap(False)
        vertical = table.verticalHeader()
        # Fixed row heights keep scrolling a 10,000-row list smooth (no per-row measuring).
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(26)
        header = table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.sectionClicked.connect(self.sort_by)
        metrics = table.fontMetrics()
        # The first rows' contents (a sample: long lists stay quick) narrow a column that
        # holds short values, so a list as wide as the 推荐表's survey shows its result column.
        vertical.setResizeContentsPrecision(SIZE_SAMPLE)
        for i, spec in enumerate(self.model.columns):
            wide = spec.kind in ("text", "multiline") and spec.format is None
            width = metrics.horizontalAdvance(spec.header + " *") + 28
            if self.model.rowCount() and wide:
                content = min(table.sizeHintForColumn(i) + 16, 200)
                table.setColumnWidth(i, max(width, content))
            else:
                table.setColumnWidth(i, max(width, 200 if wide else 90))
        header.setStretchLastSection(True)
        for keys, slot in (
            (QKeySequence.StandardKey.Paste, self.paste_clipboard),
            (QKeySequence.StandardKey.Copy, self.copy_selection),
            (QKeySequence.StandardKey.Delete, self.clear_cells),
        ):
            shortcut = QShortcut(QKeySequence(keys), table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        return table

    def _make_toolbar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        for text, slot, tip in (
            (tr("添加行"), self.add_row, tr("在表格末尾添加一行")),
            (tr("插入行"), self.insert_row, tr("在当前行上方插入一行")),
            (tr("删除行"), self.delete_rows, tr("删除选中的行（可撤销）")),
            (tr("上移"), lambda: self.move_current(-1), ""),
            (tr("下移"), lambda: self.move_current(1), ""),
            (tr("粘贴"), self.paste_clipboard, tr("粘贴从 Excel 或 WPS 复制的单元格（Ctrl+V）")),
        ):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            bar.addWidget(button)
        actions = workbook.actions(self)
        if actions:  # one menu button: the toolbar must fit a 1366-pixel screen
            excel = QToolButton()
            excel.setText(tr("Excel 导入导出…"))
            excel.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
            excel.setToolTip(tr("从 Excel 导入整张表、下载空白模板或导出"))
            excel.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            menu = QMenu(excel)
            for text, slot in actions:
                menu.addAction(text).triggered.connect(slot)
            excel.setMenu(menu)
            bar.addWidget(excel)
        bar.addStretch(1)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("查找…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(220)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        bar.addWidget(self.search)
        return bar

    # commands -------------------------------------------------------------------------

    def _cell_edited(self, row: int, key: str, value: Any) -> None:
        label = self.model.columns[self.model.column_of(key)].label
        self.undo_stack.push(
            SetValueCommand(self.state, self.model.cell_path(row, key), value, label)
        )

    def current_source_row(self) -> int | None:
        index = self.table.currentIndex()
        return self.proxy.mapToSource(index).row() if index.isValid() else None

    def selected_source_rows(self) -> list[int]:
        rows = {
            self.proxy.mapToSource(i).row() for i in self.table.selectionModel().selectedIndexes()
        }
        current = self.current_source_row()
        if not rows and current is not None:
            rows = {current}
        return sorted(rows)

    def add_row(self) -> None:
        self.undo_stack.push(InsertRowsCommand(self.model, self.model.row_count(), [{}]))
        self.focus_cell(self.model.row_count() - 1, 0)

    def insert_row(self) -> None:
        row = self.current_source_row()
        row = self.model.row_count() if row is None else row
        self.undo_stack.push(InsertRowsCommand(self.model, row, [{}]))
        self.focus_cell(row, 0)

    def delete_rows(self) -> None:
        rows = self.selected_source_rows()
        if rows:
            self.undo_stack.push(RemoveRowsCommand(self.model, rows))

    def move_current(self, step: int) -> None:
        row = self.current_source_row()
        if row is None or not 0 <= row + step < self.model.row_count():
            return
        column = self.table.currentIndex().column()
        self.undo_stack.push(MoveRowCommand(self.model, row, row + step))
        self.focus_cell(row + step, column)

    def sort_by(self, column: int) -> None:
        """Sort the stored rows (the paper prints them in this order); undoable."""
        header = self.table.horizontalHeader()
        descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        spec = self.model.columns[column]
        rows = sorted(self.model.rows, key=sort_key(spec), reverse=descending)
        text = tr("按“{label}”排序").format(label=spec.label)
        self.undo_stack.push(ReplaceAllCommand(self.model, rows, text))

    def paste_clipboard(self) -> None:
        self.paste_text(QApplication.clipboard().text())

    def paste_text(self, text: str, row: int | None = None, column: int | None = None) -> int:
        """Paste a tab-separated block at (row, column), default the current cell; rows pasted."""
        current = self.table.currentIndex()
        if row is None:
            row = self.current_source_row() if current.isValid() else self.model.row_count()
        if column is None:
            column = current.column() if current.isValid() else 0
        row = self.model.row_count() if row is None else row
        columns = self.model.columns[column:]
        base = self.model.rows[row:]
        result = rows_from_text(text, columns, base)
        if not result.rows:
            return 0
        self.undo_stack.push(PasteRowsCommand(self.model, row, result.rows))
        note = tr("已粘贴 {n} 行").format(n=len(result.rows))
        if result.problems:
            note += tr("；{n} 处需要修改（红色单元格）").format(n=len(result.problems))
        self.status.setText(note)
        return len(result.rows)

    def copy_selection(self) -> None:
        indexes = sorted(
            self.table.selectionModel().selectedIndexes(), key=lambda i: (i.row(), i.column())
        )
        if not indexes:
            return
        lines: dict[int, list[str]] = {}
        for index in indexes:
            lines.setdefault(index.row(), []).append(str(index.data() or "").replace("\t", " "))
        QApplication.clipboard().setText("\n".join("\t".join(c) for c in lines.values()))

    def clear_cells(self) -> None:
        indexes = [self.proxy.mapToSource(i) for i in self.table.selectionModel().selectedIndexes()]
        if not indexes:
            return
        self.undo_stack.beginMacro(tr("清除单元格"))
        for index in indexes:
            spec = self.model.columns[index.column()]
            empty: Any = [] if spec.kind in ("multichoice", "textlist") else None
            path = self.model.cell_path(index.row(), spec.name)
            self.undo_stack.push(SetValueCommand(self.state, path, empty, spec.label))
        self.undo_stack.endMacro()

    def replace_rows(self, rows: list[dict[str, Any]], text: str) -> None:
        """The whole list at once (a workbook import), as one undoable step."""
        self.undo_stack.push(ReplaceAllCommand(self.model, rows, text))

    # navigation and figures -----------------------------------------------------------

    def focus_cell(self, row: int, column: int) -> None:
        index = self.proxy.mapFromSource(self.model.index(row, column))
        if not index.isValid():  # hidden by the search: show everything again
            self.search.clear()
            index = self.proxy.mapFromSource(self.model.index(row, column))
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_path(self, path: str) -> bool:
        rest = path[len(self.section.key) :]
        row, column = 0, 0
        if rest.startswith("["):
            row = int(rest[1 : rest.index("]")])
            column = self.model.column_of(rest.partition("].")[2].split(".")[0])
        if self.model.row_count() and row < self.model.row_count():
            self.focus_cell(row, column)
        else:
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _on_change(self, path: str) -> None:
        if path.startswith(self.section.key):
            self._derived_timer.start()

    def _update_status(self) -> None:
        parts = [tr("共 {n} 行").format(n=self.model.row_count())]
        derived = [
            name
            for name in self.owner_type.model_computed_fields
            if derived_anchor(self.owner_type, name) == self.field_name
        ]
        if derived:
            if self.owner_path:
                data = self.state.value(self.owner_path) or {}
            else:  # the document root: only the envelope and this list matter here
                data = {k: self.state.data.get(k) for k in ("kind", "scheme", self.field_name)}
            model, _errors = lenient_validate(self.owner_type, data)
            for name in derived:
                info = self.owner_type.model_computed_fields[name]
                value = display_text_for(getattr(model, name, None))
                unit = (info.json_schema_extra or {}).get("x-unit", "")  # type: ignore[union-attr]
                parts.append(f"{info.title}：{value or '—'} {unit}".rstrip())
        self.status.setText(" · ".join(parts))


def display_text_for(value: Any) -> str:
    from smedesk.forms.fields import FieldSpec

    return display_text(FieldSpec("", "", None, "float"), value)
