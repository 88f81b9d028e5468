"""The list page's workbook buttons: import (all or nothing), blank template, export.

They call the Excel engineer's code: ``smedesk.export.xlsx`` for templates and export,
and ``smedesk.ui.xlsx_import_dialog.import_list_dialog`` for the import with its error
report. Either may be missing in a partial build; the buttons then do not appear.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from smedesk.forms.lists import LIST_KINDS
from smedesk.ui.editor.document_state import lenient_validate
from smedesk.ui.editor.text import tr

if TYPE_CHECKING:
    from smedesk.ui.editor.list_page import ListPage


def _optional(module: str, name: str) -> Any:
    try:
        return getattr(importlib.import_module(module), name, None)
    except ImportError:
        return None


def list_key(page: ListPage) -> str | None:
    """The workbook list kind whose rows are this page's rows."""
    for key, kind in LIST_KINDS.items():
        if kind.row_model is page.model.row_model:
            return key
    return None


def actions(page: ListPage) -> list[tuple[str, Callable[[], None]]]:
    """(button text, slot) for what is available for this list."""
    key = list_key(page)
    if key is None:
        return []
    found: list[tuple[str, Callable[[], None]]] = []
    dialog = _optional("smedesk.ui.xlsx_import_dialog", "import_list_dialog")
    if dialog is not None:
        found.append((tr("从 Excel 导入…"), lambda: _import(page, key, dialog)))
    template = _optional("smedesk.export.xlsx.template", "write_template")
    if template is not None:
        found.append((tr("下载模板…"), lambda: _save(page, key, tr("模板"), template, None)))
    export = _optional("smedesk.export.xlsx.lists_export", "write_list")
    if export is not None:
        found.append((tr("导出 Excel…"), lambda: _save(page, key, "", export, page)))
    return found


def _import(page: ListPage, key: str, dialog: Callable[[QWidget, str], Any]) -> None:
    rows = dialog(page, key)
    if rows is None:
        return
    data = [r.model_dump(mode="json") if hasattr(r, "model_dump") else dict(r) for r in rows]
    page.replace_rows(data, tr("从 Excel 导入 {n} 行").format(n=len(data)))


def _save(
    page: ListPage, key: str, suffix: str, writer: Callable[..., Any], rows_of: ListPage | None
) -> None:
    name = f"{LIST_KINDS[key].title}{suffix}.xlsx"
    path, _filter = QFileDialog.getSaveFileName(page, tr("保存为"), name, "Excel (*.xlsx)")
    if not path:
        return
    try:
        if rows_of is None:
            writer(key, path)
        else:
            model = rows_of.model.row_model
            # cells typed as text a number column cannot read are left out, not refused
            rows = [lenient_validate(model, r)[0] for r in rows_of.model.rows]
            writer(key, rows, path)
    except Exception as exc:  # a message, never a traceback (architecture.md)
        QMessageBox.warning(page, tr("未能保存"), str(exc))
