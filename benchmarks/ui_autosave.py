"""Cost of one field edit's autosave through the editor, against a raw sqlite3 write.

The editor's path: ``DocumentState.set_value`` (what an undo command does) then
``Autosaver.flush`` (``DocumentStore.save`` plus the title check) on an application with
3,000 served enterprises. The floors: a raw ``sqlite3`` UPDATE + COMMIT on the same file, WAL
mode, synchronous=NORMAL (the store's settings), of one row holding (a) the whole document's
JSON, ~1 MB — issue 3's baseline, and what the store wrote before it kept documents in pieces;
(b) the document's head, what this edit (``form.basic.address``) must touch in the store's
layout (``smedesk/store/parts.py``: all but the long lists). Prints medians and ratios (goal
≤ 3×); asserts nothing. Run: ``python benchmarks/ui_autosave.py [runs] [rows]``.
"""

from __future__ import annotations

import json
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import QCoreApplication
from ui_bench_data import store_application

import smedesk.ui.editor  # noqa: F401  (forms before Qt)
from smedesk.forms import DOCUMENT_KINDS
from smedesk.store import DocumentStore, open_database
from smedesk.ui.editor.autosave import Autosaver
from smedesk.ui.editor.document_state import DocumentState


def editor_saves(store: DocumentStore, doc_id: str, runs: int) -> list[float]:
    stored = store.get(doc_id)
    state = DocumentState(doc_id, DOCUMENT_KINDS[stored.kind], stored.data, version=stored.version)
    saver = Autosaver(state, store, "基准")
    saver.flush()
    times = []
    for i in range(runs + 3):
        started = time.perf_counter()
        state.set_value("form.basic.address", f"沈阳市浑南区创新路{i}号")
        saver.flush()
        times.append(time.perf_counter() - started)
    return times[3:]  # the first saves warm the store's cache


def store_saves(store: DocumentStore, doc_id: str, runs: int) -> list[float]:
    """``DocumentStore.save`` alone: what the editor adds on top is the difference."""
    stored = store.get(doc_id)
    data, version = stored.data, stored.version
    times = []
    for i in range(runs + 3):
        data["form"]["basic"]["address"] = f"沈阳市和平区南京街{i}号"
        started = time.perf_counter()
        version = store.save(doc_id, data, base_version=version, author="基准").version
        times.append(time.perf_counter() - started)
    return times[3:]


def raw_saves(db_file: Path, text: str, runs: int) -> list[float]:
    """UPDATE + COMMIT of one row holding ``text`` (its content changing) on ``db_file``."""
    connection = sqlite3.connect(db_file, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")
    connection.execute("CREATE TABLE IF NOT EXISTS raw_bench (id TEXT PRIMARY KEY, data TEXT)")
    connection.execute("INSERT OR REPLACE INTO raw_bench VALUES ('a', ?)", (text,))
    times = []
    for i in range(runs + 3):
        new_text = text.replace("沈阳", "沈阳" + "9" * (i % 7 + 1), 1)  # length too, as typing
        started = time.perf_counter()
        connection.execute("BEGIN")
        connection.execute("UPDATE raw_bench SET data = ? WHERE id = 'a'", (new_text,))
        connection.execute("COMMIT")
        times.append(time.perf_counter() - started)
    connection.close()
    return times[3:]


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
    _app = QCoreApplication([])
    with tempfile.TemporaryDirectory() as folder:
        db_file = Path(folder) / "bench.db"
        database = open_database(f"sqlite:///{db_file}")
        store = DocumentStore(database)
        doc_id = store_application(store, rows)
        whole = json.dumps(store.get(doc_id).data, ensure_ascii=False, separators=(",", ":"))
        editor = statistics.median(editor_saves(store, doc_id, runs))
        alone = statistics.median(store_saves(store, doc_id, runs))
        database.close()
        with sqlite3.connect(db_file) as connection:
            (head,) = connection.execute(
                "SELECT data FROM documents WHERE id = ?", (doc_id,)
            ).fetchone()
        raw_whole = statistics.median(raw_saves(db_file, whole, runs))
        raw_head = statistics.median(raw_saves(db_file, head, runs))
    print(
        f"document: {rows} served enterprises, {len(whole.encode()) / 1e6:.2f} MB of JSON, "
        f"head {len(head.encode()) / 1e3:.1f} kB; {runs} saves each"
    )
    print(f"editor autosave (set_value + flush):   median {editor * 1000:.2f} ms")
    print(f"DocumentStore.save alone:              median {alone * 1000:.2f} ms")
    print(f"raw UPDATE+COMMIT, whole document row: median {raw_whole * 1000:.2f} ms")
    print(f"raw UPDATE+COMMIT, head-sized row:     median {raw_head * 1000:.2f} ms")
    print(f"ratio editor / raw whole document: {editor / raw_whole:.2f}x (goal <= 3x)")
    print(f"ratio editor / raw head-sized row: {editor / raw_head:.2f}x")
    print(f"editor's own share (state, title): {(editor - alone) * 1000:.2f} ms")


if __name__ == "__main__":
    main()
