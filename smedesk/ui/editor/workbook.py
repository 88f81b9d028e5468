"""The list page's workbook buttons: import (all or nothing), blank template, export.

They open the Excel engineer's dialogs in ``smedesk.ui.xlsx_import_dialog`` (import with
its error report, template and export save helpers). That module pulls in openpyxl,
which takes most of a second to load, so it is imported on the first click, not when a
list page opens. openpyxl is a declared dependency: the buttons are always there, and a
broken import fails the test that imports every module, not silently here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from smedesk.forms.keys import strip_derived
from smedesk.forms.lists import LIST_KINDS
from smedesk.ui.editor.document_state import lenient_validate
from smedesk.ui.i18n import tr

if TYPE_CHECKING:
    from smedesk.ui.editor.list_page import ListPage


def _dialog(name: str) -> Any:
    from smedesk.ui import xlsx_import_dialog  # on first click: openpyxl is slow to load

    return getattr(xlsx_import_dialog, name)


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
    return [
        (tr("从 Excel 导入…"), lambda: import_rows(page, key)),
        (tr("下载模板…"), lambda: _dialog("save_template_dialog")(page, key)),
        (tr("导出 Excel…"), lambda: export_rows(page, key)),
    ]


def import_rows(page: ListPage, key: str, path: Any = None) -> int | None:
    """Put a workbook's rows into the list (one undoable step); rows imported.

    0 rows are refused; with rows already in the list the user chooses replace, append or
    cancel (``smedesk.ui.import_choice``); the database is backed up before the change.
    """
    from smedesk.errors import UserError
    from smedesk.export.xlsx.import_plan import ImportMode, merged_rows
    from smedesk.ui.import_choice import backup_before_import, decide_import

    rows = _dialog("import_list_dialog")(page, key, path)
    if rows is None:
        return None
    existing = [dict(r) for r in page.model.rows]
    mode = decide_import(page, key, len(existing), len(rows))
    if mode is None or not backup_before_import(page):
        return None
    try:
        merged = merged_rows(key, existing, rows, mode)
    except UserError as exc:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(page, tr("未导入"), exc.message)
        return None
    # The rows as the document stores them: derived figures are recomputed, not stored.
    row_model = page.model.row_model
    data = [strip_derived(row_model, row) for row in merged]
    text = "从 Excel 追加 {n} 行" if mode is ImportMode.APPEND else "从 Excel 导入 {n} 行"
    page.replace_rows(data, tr(text).format(n=len(rows)))
    return len(rows)


def export_rows(page: ListPage, key: str) -> None:
    model = page.model.row_model
    # cells holding text a number column cannot read are left out, not refused
    rows = [lenient_validate(model, r)[0] for r in page.model.rows]
    _dialog("export_list_dialog")(page, key, rows)
