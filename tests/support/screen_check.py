"""Every dialog and page on a small screen: none larger than the screen, no label cut.

Run as a script (a screen's size is fixed when Qt starts, so each size is a process of
its own): ``python tests/support/screen_check.py 1280x720 zh_CN`` prints one JSON list of
problems. ``tests/ui/test_screens_fit.py`` runs it.

To check a new screen, add a function to :data:`VISITS`: it receives the :class:`Env`
(the main window over a store of demo documents) and yields ``(name, widget)`` for
each state worth looking at — a page shown in the main window, or a dialog it opened
(the checker shows it first and closes dialogs afterwards).
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_TAG = re.compile(r"<[^>]+>")


@dataclass
class Env:
    window: Any  # the MainWindow
    store: Any
    ids: list[str]  # demo documents: applications first
    tmp: Path


Visit = Callable[[Env], Iterator[tuple[str, Any]]]


def _settle() -> None:
    from PySide6.QtCore import QCoreApplication, QEventLoop

    for _ in range(6):
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def visit_list(env: Env) -> Iterator[tuple[str, Any]]:
    env.window.show_list()
    yield "申报列表", env.window
    env.window.list_page.set_showing_trash(True)
    yield "回收站", env.window
    env.window.list_page.set_showing_trash(False)


def visit_roles(env: Env) -> Iterator[tuple[str, Any]]:
    for role in ("recommender", "expert"):
        env.window.set_role(role)
        yield f"角色 {role}", env.window
    env.window.set_role("applicant")


def visit_dialogs(env: Env) -> Iterator[tuple[str, Any]]:
    from smedesk.ui.app import open_settings
    from smedesk.ui.new_document_dialog import NewDocumentDialog
    from smedesk.ui.settings_dialog import SettingsDialog

    dialog = NewDocumentDialog(env.window)
    yield "新建申报", dialog
    dialog.select_scheme("miit-creation")
    yield "新建申报（创建）", dialog
    yield "设置", SettingsDialog(open_settings(env.tmp / "settings.ini"))


def visit_editor(env: Env) -> Iterator[tuple[str, Any]]:
    kinds: dict[str, str] = {}
    for doc_id in env.ids:  # one document of each kind
        kinds.setdefault(env.store.get(doc_id).kind, doc_id)
    for doc_id in kinds.values():
        if not env.window.open_document(doc_id):
            continue
        editor = env.window.editor
        yield f"编辑器 {doc_id[:8]}", env.window
        for name in editor.page_names():
            editor.show_page(name)
            yield f"编辑器 {doc_id[:8]} {name}", env.window
        env.window.show_list()


def visit_export_dialogs(env: Env) -> Iterator[tuple[str, Any]]:
    from smedesk.ui.pdf_export_dialog import PdfExportDialog
    from smedesk.ui.xlsx_import_dialog import XlsxImportDialog

    doc = env.store.get(env.ids[0])
    model = _document(doc)
    pdf = PdfExportDialog(model, [], env.tmp / "out.pdf")
    yield "导出 PDF", pdf
    workbook = env.tmp / "empty.xlsx"
    _empty_workbook(workbook)
    yield "从 Excel 导入", XlsxImportDialog("staff", workbook)


#: Every state checked, in order. Append a visit for each new workspace or dialog.
VISITS: list[Visit] = [visit_list, visit_roles, visit_dialogs, visit_editor, visit_export_dialogs]


def _document(stored: Any) -> Any:
    from smedesk.forms.registry import parse_document

    return parse_document(stored.data)


def _empty_workbook(path: Path) -> None:
    from openpyxl import Workbook

    Workbook().save(path)


# --- the checks -----------------------------------------------------------------------------


def too_large(widget: Any) -> list[str]:
    window = widget.window()
    screen = window.screen()
    area = screen.availableGeometry()
    size, least = window.size(), window.minimumSizeHint().expandedTo(window.minimumSize())
    out = []
    if size.width() > area.width() or size.height() > area.height():
        out.append(f"{size.width()}×{size.height()} 大于屏幕 {area.width()}×{area.height()}")
    if least.width() > area.width() or least.height() > area.height():
        out.append(f"最小尺寸 {least.width()}×{least.height()} 大于屏幕")
    return out


def cut_texts(root: Any) -> list[str]:
    """Visible labels and buttons whose text does not fit in the room they have."""
    from PySide6.QtWidgets import QAbstractButton, QCheckBox, QLabel, QRadioButton

    out = []
    for label in root.findChildren(QLabel):
        if not label.isVisible() or not label.text() or (label.pixmap() and not label.text()):
            continue
        if label.wordWrap():
            need = label.heightForWidth(label.width())
            if need > label.height() + 1:
                out.append(f"标签被截断（高 {label.height()} < {need}）：{_plain(label.text())}")
        elif label.sizeHint().width() > label.width() + 1:
            out.append(f"标签被截断（宽 {label.width()} < {label.sizeHint().width()}）："
                       f"{_plain(label.text())}")  # fmt: skip
    for button in root.findChildren(QAbstractButton):
        text = button.text().replace("&", "")
        if not button.isVisible() or not text:
            continue
        need = button.fontMetrics().horizontalAdvance(text)
        if isinstance(button, QCheckBox | QRadioButton):
            need += 24  # the box and its gap
        if need > button.width():
            out.append(f"按钮文字被截断（宽 {button.width()} < {need}）：{text}")
    return out


def _plain(text: str) -> str:
    return _TAG.sub("", text)[:40]


def check(size: str, language: str) -> list[str]:
    width, height = (int(v) for v in size.split("x"))
    from smedesk.ui.screenshot import use_offscreen_screen

    use_offscreen_screen(width, height)
    from PySide6.QtWidgets import QApplication, QDialog

    from smedesk.store import DocumentStore, open_database
    from smedesk.ui.app import open_settings, prepare_application
    from smedesk.ui.context import AppContext
    from smedesk.ui.main_window import MainWindow
    from smedesk.ui.screenshot import demo_documents

    app = QApplication(["screen-check", "-style", "Fusion"])
    prepare_application(app, language, style_set=True)
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="smedesk-screens-") as tmp:
        database = open_database(f"sqlite:///{Path(tmp) / 'demo.db'}")
        try:
            store = DocumentStore(database)
            ids = demo_documents(store)
            ctx = AppContext(store, open_settings(Path(tmp) / "settings.ini"),
                             user_name="演示", language=language)  # fmt: skip
            window = MainWindow(ctx)
            window.show()
            env = Env(window, store, ids, Path(tmp))
            for visit in VISITS:
                for name, widget in visit(env):
                    widget.show()
                    _settle()
                    found = too_large(widget) + cut_texts(widget.window())
                    problems += [f"[{size} {language}] {name}：{p}" for p in found]
                    if isinstance(widget, QDialog):
                        widget.close()
                        widget.deleteLater()
            window.close()
            _settle()
        finally:
            database.close()
    return problems


if __name__ == "__main__":
    print(json.dumps(check(sys.argv[1], sys.argv[2]), ensure_ascii=False))
