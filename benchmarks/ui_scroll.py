"""Opening an application with 3,000 served enterprises and scrolling its list to the end.

Times, offscreen at 1366×768: building the editor over the stored document; showing the
served-enterprise page; jumping to the last row; and scrolling through the whole list a
screen at a time with every screen painted (average per screen). Prints; asserts nothing.
Run: ``python benchmarks/ui_scroll.py [rows]``.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from ui_bench_data import store_application

import smedesk.ui.editor  # noqa: F401  (forms before Qt; None kept alive)
from smedesk.store import DocumentStore, open_database
from smedesk.ui.app import open_settings, prepare_application
from smedesk.ui.context import AppContext
from smedesk.ui.editor import EditorWidget
from smedesk.ui.editor.list_page import ListPage


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    app = QApplication([])
    prepare_application(app, "zh_CN")
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(f"sqlite:///{Path(folder) / 'bench.db'}")
        store = DocumentStore(database)
        doc_id = store_application(store, rows)
        ctx = AppContext(store, open_settings(Path(folder) / "s.ini"), user_name="基准")

        started = time.perf_counter()
        editor = EditorWidget(ctx, doc_id)
        editor.resize(1366, 768)
        editor.show()
        QTest.qWaitForWindowExposed(editor)
        editor.repaint()
        opened = time.perf_counter() - started

        started = time.perf_counter()
        page = editor.show_page("served_enterprises")
        assert isinstance(page, ListPage)
        page.table.repaint()
        shown = time.perf_counter() - started

        started = time.perf_counter()
        page.table.scrollToBottom()
        page.table.viewport().repaint()
        to_end = time.perf_counter() - started

        bar = page.table.verticalScrollBar()
        bar.setValue(0)
        screens = 0
        started = time.perf_counter()
        while bar.value() < bar.maximum():
            bar.setValue(bar.value() + bar.pageStep())
            page.table.viewport().repaint()  # paint now, as the screen would
            screens += 1
        per_screen = (time.perf_counter() - started) / max(screens, 1)

        started = time.perf_counter()
        QTest.qWait(1)
        editor.self_check_panel.wait()
        checked = time.perf_counter() - started + opened
        editor.close()
        database.close()
    print(f"{rows} served enterprises, window 1366x768")
    print(f"open editor (tree, first page, shown):  {opened * 1000:7.1f} ms")
    print(f"show the served-enterprise list page:    {shown * 1000:7.1f} ms")
    print(f"jump to the last row and paint:          {to_end * 1000:7.1f} ms")
    print(
        f"scroll to the end a screen at a time:    {screens} screens, {per_screen * 1000:.1f} ms each"
    )
    print(f"first self-check finished (background):  {checked * 1000:7.1f} ms after opening began")


if __name__ == "__main__":
    main()
