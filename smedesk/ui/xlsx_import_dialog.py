"""Importing a list from Excel, with progress, the error table and the annotated copy.

The list pages call :func:`import_list_dialog` (their «从 Excel 导入» button),
:func:`save_template_dialog` («下载模板») and :func:`export_list_dialog` («导出 Excel»).
The import is an operation on the runner's ``export`` lane (a 10,000-row list takes a second
or two) while a progress bar moves; rows come back only when every row is valid, otherwise the table
lists sheet, row, column and message, and the user can save a copy of the workbook with
the bad cells highlighted and commented. Nothing is changed until the user accepts.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smedesk.errors import UserError
from smedesk.export.xlsx.errors import CellError, ImportFailed
from smedesk.export.xlsx.importer import ImportResult, import_list
from smedesk.ui import spacing
from smedesk.ui.i18n import tr
from smedesk.ui.operations import Handle, Operation, OperationRunner, Reporter

_XLSX_FILTER = "Excel 工作簿 (*.xlsx);;所有文件 (*)"


class XlsxImportDialog(QDialog):
    """Imports list ``key`` from ``path``; ``rows`` holds the result once accepted."""

    COLUMNS = ("工作表", "行", "列", "表头", "错误说明")

    def __init__(
        self,
        key: str,
        path: Path,
        parent: QWidget | None = None,
        *,
        runner: OperationRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner or OperationRunner(parent=self)
        from smedesk.export.xlsx.template import list_kind

        self.key, self.path = key, path
        self.rows: list[Any] | None = None
        self.errors: list[CellError] = []
        self.result_info: ImportResult | None = None
        self._handle: Handle | None = None

        self.setWindowTitle(tr("从 Excel 导入：{title}").format(title=list_kind(key).title))
        self.setMinimumWidth(spacing.TEXT_WIDTH + 2 * spacing.MARGIN)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*(spacing.MARGIN,) * 4)
        layout.setSpacing(spacing.SPACING)
        self.status = QLabel(tr("正在读取 {name}……").format(name=path.name))
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy until the first report gives a total
        layout.addWidget(self.bar)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([tr(c) for c in self.COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(spacing.ROW_HEIGHT)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setVisible(False)
        layout.addWidget(self.table, 1)
        self.buttons = QDialogButtonBox()
        self.save_copy = QPushButton(tr("保存带批注的副本…"))
        self.save_copy.setVisible(False)
        self.save_copy.clicked.connect(lambda: self.save_annotated_copy())
        self.buttons.addButton(self.save_copy, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    # --- running ----------------------------------------------------------------------------

    def start(self) -> None:
        """Start the import as an operation (exec() calls this; tests call it directly)."""
        if self._handle is not None:
            return
        path, key = self.path, self.key

        def work(reporter: Reporter) -> ImportResult | list[CellError]:
            try:
                return import_list(path, key, progress=reporter)
            except ImportFailed as exc:  # an outcome the dialog shows as a table
                return exc.errors

        self._handle = self.runner.run(
            Operation(tr("正在导入 Excel 名单……"), work, long=True, lane="export"),
            on_success=self._on_done,
            on_failure=self._on_failed,
            on_progress=self._on_progress,
            on_cancelled=lambda: None,
            parent=self,
        )

    def exec(self) -> int:
        self.start()
        return super().exec()

    def is_running(self) -> bool:
        return self._handle is not None and self._handle.running

    def _on_done(self, outcome: ImportResult | list[CellError]) -> None:
        if isinstance(outcome, list):
            self._on_rejected(outcome)
        else:
            self._on_succeeded(outcome)

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        self.status.setText(tr("正在校验，已读 {done} 行……").format(done=done))

    @Slot(object)
    def _on_succeeded(self, result: ImportResult) -> None:
        self.result_info = result
        self.rows = list(result.rows)
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self.accept()

    @Slot(object)
    def _on_rejected(self, errors: list[CellError]) -> None:
        self.errors = list(errors)
        rows = len({(e.sheet, e.row) for e in errors})
        self.status.setText(
            tr("有 {rows} 行共 {count} 处错误，未导入任何数据。请改正后重新导入，"
               "或保存一份标出错误单元格的副本，在 Excel 中逐一修改。").format(
                rows=rows, count=len(errors)
            )
        )  # fmt: skip
        self.bar.setVisible(False)
        self.table.setRowCount(len(errors))
        for r, e in enumerate(errors):
            for c, value in enumerate((e.sheet, str(e.row), e.column, e.header, e.message)):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setVisible(True)
        self.save_copy.setVisible(True)
        self.close_button.setText(tr("关闭"))
        self.resize(max(self.width(), 900), max(self.height(), 480))

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.errors = []
        self.bar.setVisible(False)
        self.status.setText(message)
        self.close_button.setText(tr("关闭"))

    def reject(self) -> None:
        if self._handle is not None and self.is_running():
            self._handle.cancel()  # checked every few hundred rows
            self.runner.wait(lane="export")
        super().reject()

    # --- the annotated copy -----------------------------------------------------------------

    def save_annotated_copy(self, target: Path | None = None) -> Path | None:
        """Ask where (unless ``target`` is given) and save the marked copy."""
        from smedesk.export.xlsx.error_report import save_annotated_copy

        if target is None:
            suggested = self.path.with_name(f"{self.path.stem}（错误标注）.xlsx")
            chosen, _ = QFileDialog.getSaveFileName(
                self, tr("保存带批注的副本"), str(suggested), _XLSX_FILTER
            )
            if not chosen:
                return None
            target = Path(chosen)
        try:
            save_annotated_copy(self.path, target, self.errors)
        except UserError as exc:  # WorkbookError, or a write that failed (old file kept)
            QMessageBox.warning(self, tr("无法保存副本"), exc.message)
            return None
        except OSError as exc:
            QMessageBox.warning(self, tr("无法保存副本"), f"{target}：{exc.strerror or exc}")
            return None
        self.status.setText(tr("已保存带批注的副本：{path}").format(path=target))
        return target


def _choose_open(parent: QWidget | None) -> Path | None:
    chosen, _ = QFileDialog.getOpenFileName(parent, tr("选择要导入的 Excel 名单"), "", _XLSX_FILTER)
    return Path(chosen) if chosen else None


def import_list_dialog(
    parent: QWidget | None,
    list_key: str,
    path: Path | None = None,
    *,
    runner: OperationRunner | None = None,
) -> list[Any] | None:
    """Ask for a workbook (unless ``path``), import list ``list_key``; the rows, or None."""
    path = path or _choose_open(parent)
    if path is None:
        return None
    dialog = XlsxImportDialog(list_key, path, parent, runner=runner)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        return dialog.rows
    return None


def save_template_dialog(parent: QWidget | None, list_key: str) -> Path | None:
    """Ask where, and write the blank template of list ``list_key``."""
    from smedesk.export.xlsx.template import list_kind, write_template

    name = f"{list_kind(list_key).title}（模板）.xlsx"
    chosen, _ = QFileDialog.getSaveFileName(parent, tr("保存名单模板"), name, _XLSX_FILTER)
    if not chosen:
        return None
    return _write(parent, Path(chosen), lambda p: write_template(list_key, p))


def export_list_dialog(parent: QWidget | None, list_key: str, rows: Sequence[Any]) -> Path | None:
    """Ask where, and export ``rows`` of list ``list_key`` as a workbook."""
    from smedesk.export.xlsx.lists_export import write_list
    from smedesk.export.xlsx.template import list_kind

    name = f"{list_kind(list_key).title}.xlsx"
    chosen, _ = QFileDialog.getSaveFileName(parent, tr("导出名单"), name, _XLSX_FILTER)
    if not chosen:
        return None
    return _write(parent, Path(chosen), lambda p: write_list(list_key, rows, p))


def _write(parent: QWidget | None, path: Path, write: Any) -> Path | None:
    if path.suffix.lower() != ".xlsx":
        path = path.with_suffix(".xlsx")
    try:
        write(path)
    except UserError as exc:  # smedesk.safe_write: full disk, read-only folder; nothing lost
        QMessageBox.warning(parent, tr("无法保存"), exc.message)
        return None
    except OSError as exc:
        QMessageBox.warning(parent, tr("无法保存"), f"{path}：{exc.strerror or exc}")
        return None
    return path
