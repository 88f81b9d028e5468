"""The smoke test on a real display: window up, a document open in it, its PDF out, clean quit.

``smedesk smoke`` runs this on whatever platform Qt picks (on Linux with ``DISPLAY`` set:
xcb, the plugin a user's desktop loads, not the offscreen one the test suite uses), so a
missing system library, a plugin left out of a bundle or a broken font shows here. It is
what ``.ci/run`` runs on Xvfb, what ``installer/build.sh`` runs on the built bundle and
what ``installer/fresh-machine-test.sh`` runs on the installed ``.deb``.

Nothing of the user's is read or written: the database, settings and error log go to a
temporary folder that is removed afterwards. Every wait is for a condition, with a long
deadline, never a fixed sleep.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from smedesk.forms import Document

DEADLINE_SECONDS = 120.0  # a slow CI machine loading Qt for the first time


class SmokeFailed(Exception):
    """A step of the smoke test did not happen; the message says which, in Chinese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class SmokeResult:
    platform: str
    title: str
    pdf: Path
    pdf_pages: int
    screenshot: Path | None
    seconds: float


def run_smoke(
    document: Document,
    pdf_out: Path,
    *,
    screenshot: Path | None = None,
    say: Callable[[str], None] = print,
) -> SmokeResult:
    """Open ``document`` in the main window, export its PDF to ``pdf_out``, quit."""
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="smedesk-smoke-") as scratch:
        private = {
            "SMEDESK_DATA_DIR": scratch,
            "SMEDESK_SETTINGS": str(Path(scratch, "settings.ini")),
            "SMEDESK_DB": str(Path(scratch, "smedesk.db")),
        }
        saved = {name: os.environ.get(name) for name in private}
        os.environ.update(private)
        try:
            return _run(document, pdf_out, screenshot, say, started)
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value


def _run(
    document: Document,
    pdf_out: Path,
    screenshot: Path | None,
    say: Callable[[str], None],
    started: float,
) -> SmokeResult:
    from PySide6.QtWidgets import QApplication

    from smedesk.store import DocumentStore, open_database
    from smedesk.ui.app import install_excepthook, open_settings, prepare_application
    from smedesk.ui.context import AppContext
    from smedesk.ui.main_window import MainWindow
    from smedesk.ui.style import STYLE

    install_excepthook()
    app = QApplication.instance() or QApplication(["smedesk", "-style", STYLE])
    assert isinstance(app, QApplication)
    platform = app.platformName()
    say(f"平台：{platform}")
    prepare_application(app, "zh_CN", style_set=True)
    database = open_database()
    try:
        store = DocumentStore(database)
        doc_id = store.create(
            document.kind,
            document.display_title(),
            json.loads(document.model_dump_json()),
            scheme_id=document.scheme.id,
            scheme_version=document.scheme.version,
            author="smoke",
        )
        ctx = AppContext(store, open_settings(), user_name="smoke")
        window = MainWindow(ctx)
        window.show()
        _wait(app, lambda: window.isVisible() and window.windowHandle().isExposed(), "主窗口显示")
        say("主窗口已显示")
        if not window.open_document(doc_id):
            raise SmokeFailed("文档未能在编辑器中打开")
        editor = window.editor
        _wait(app, lambda: editor is not None and editor.isVisible(), "编辑器显示")
        title = window.windowTitle()
        say(f"已打开：{title}")
        shot = _grab(window, screenshot)
        if shot:
            say(f"截图：{shot}")
        pages = _export(store.get(doc_id).data, pdf_out)
        say(f"PDF：{pdf_out}（{pages} 页）")
        window.close()  # saves the editor and finishes queued operations (save_state)
        _wait(app, lambda: not window.isVisible(), "主窗口关闭")
        app.processEvents()
    finally:
        database.close()
    return SmokeResult(platform, title, pdf_out, pages, shot, time.monotonic() - started)


def _wait(app: object, condition: Callable[[], bool], what: str) -> None:
    """Process events until ``condition`` holds; fail after DEADLINE_SECONDS."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    assert isinstance(app, QApplication)
    deadline = time.monotonic() + DEADLINE_SECONDS
    while not condition():
        if time.monotonic() > deadline:
            raise SmokeFailed(f"等待「{what}」超过 {DEADLINE_SECONDS:.0f} 秒")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def _grab(window: object, path: Path | None) -> Path | None:
    from PySide6.QtWidgets import QWidget

    if path is None:
        return None
    assert isinstance(window, QWidget)
    path.parent.mkdir(parents=True, exist_ok=True)
    # The screen's pixels, not a render of the widget: proves the window system drew it.
    # repaint() paints and flushes to the window system now, so the grab (a later request
    # on the same connection) sees the editor rather than the frame before it.
    window.repaint()
    screen = window.screen()
    pixmap = screen.grabWindow(0) if screen is not None else window.grab()
    if pixmap.isNull() or not pixmap.save(str(path), "PNG"):
        raise SmokeFailed(f"截图未能保存：{path}")
    return path


def _export(data: dict[str, object], pdf_out: Path) -> int:
    from smedesk.export.pdf import export_pdf
    from smedesk.forms import parse_document

    result = export_pdf(parse_document(data), pdf_out)
    head = pdf_out.read_bytes()[:5]
    if head != b"%PDF-" or result.pages < 1:
        raise SmokeFailed(f"导出的文件不是有效的 PDF：{pdf_out}")
    return result.pages
