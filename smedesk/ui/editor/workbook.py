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
    """Replace the list with a workbook's rows (one undoable step); rows imported."""
    rows = _dialog("import_list_dialog")(page, key, path)
    if rows is None:
        return None
    row_model = page.model.row_model
    data = [strip_derived(row_model, r.model_dump(mode="json")) for r in rows]
    page.replace_rows(data, tr("从 Excel 导入 {n} 行").format(n=len(data)))
    return len(data)


def export_rows(page: ListPage, key: str) -> None:
    model = page.model.row_model
    # cells holding text a number column cannot read are left out, not refused
    rows = [lenient_validate(model, r)[0] for r in page.model.rows]
    _dialog("export_list_dialog")(page, key, rows)
