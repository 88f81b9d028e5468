"""Peak memory with a 3,000-enterprise application open in the main window (goal ≤ 300 MB).

The parent builds a temporary database holding one complete demo application report
(``smedesk.demo``) whose served-enterprise list is extended to 3,000 firms. A child process
then starts the program's window offscreen, opens that application in the editor, shows
every editor page (the 3,000-row table included) and reads its peak RSS with
``resource.getrusage`` — before the window, with the window, and after the editor.
Prints the figures; asserts nothing.

Run: ``python benchmarks/ui_memory.py [rows]`` (default 3000).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT))

CHILD = r"""
import json, os, resource, sys
from smedesk.ui.screenshot import use_offscreen_screen
use_offscreen_screen()

def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kB

figures = {"python + imports": 0.0}
from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QApplication
from smedesk.store import DocumentStore, open_database
from smedesk.ui.app import open_settings, prepare_application
from smedesk.ui.context import AppContext
from smedesk.ui.main_window import MainWindow
figures["python + imports"] = peak_mb()

def settle():
    for _ in range(5):
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)

app = QApplication([])
prepare_application(app, "zh_CN")
database = open_database(os.environ["SMEDESK_DB"])
store = DocumentStore(database)
ctx = AppContext(store, open_settings(os.environ["SMEDESK_SETTINGS"]))
window = MainWindow(ctx)
window.resize(1366, 768)
window.show()
settle()
figures["main window with the list"] = peak_mb()
doc_id = sys.argv[1]
assert window.open_document(doc_id)
settle()
figures["editor open"] = peak_mb()
editor = window.editor
for name in getattr(editor, "page_names", lambda: [])():
    editor.show_page(name)
    settle()
figures["every editor page shown"] = peak_mb()
window.close()
print(json.dumps(figures))
"""


def build_database(db_path: Path, rows: int) -> str:
    from smedesk.demo import build_demo_set
    from smedesk.store import DocumentStore, open_database

    report = next(d for d in build_demo_set().values() if d.kind == "application-report")
    data = json.loads(report.model_dump_json())
    # The demo city has fewer distinct firm names than 3,000: repeat its rows with a number.
    base = data["served_enterprises"]
    data["served_enterprises"] = [
        dict(base[i % len(base)], name=f"{base[i % len(base)]['name']}（{i + 1:04d}）")
        for i in range(rows)
    ]
    database = open_database(f"sqlite:///{db_path}")
    try:
        store = DocumentStore(database)
        return store.create(
            report.kind,
            f"{report.display_title()} · {rows} 家服务企业",
            data,
            scheme_id=report.scheme.id,
            scheme_version=report.scheme.version,
            author="benchmark",
        )
    finally:
        database.close()


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    with tempfile.TemporaryDirectory(prefix="smedesk-memory-") as tmp:
        db_path = Path(tmp) / "smedesk.db"
        doc_id = build_database(db_path, rows)
        env = dict(
            os.environ,
            SMEDESK_DB=f"sqlite:///{db_path}",
            SMEDESK_SETTINGS=str(Path(tmp) / "settings.ini"),
            SMEDESK_DATA_DIR=tmp,
            PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        )
        done = subprocess.run(
            [sys.executable, "-c", CHILD, doc_id],
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
    if done.returncode != 0:
        raise SystemExit(f"child failed ({done.returncode}):\n{done.stderr}")
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"application with {rows} served enterprises; peak RSS (resource.getrusage):")
    for label, mb in figures.items():
        print(f"  {label:<28} {mb:7.1f} MB")
    print(f"peak {max(figures.values()):.1f} MB  (goal <= 300 MB)")


if __name__ == "__main__":
    main()
