"""Cost of one autosave: DocumentStore.save after a one-field edit on a 3,000-row document.

Compared (issue 3) with a raw ``sqlite3`` UPDATE + COMMIT on the same database file, in WAL
mode with synchronous=NORMAL (the store's settings), of two sizes of row:

* the whole document's JSON (~1 MB) in one row: what any store keeping the document as one
  text must write at least, and what this store wrote before it kept documents in pieces;
* one row of the size of the chunk the edit lands in (100 table rows, ~30 KB): the least a
  field edit must touch in the store's layout (``smedesk/store/parts.py``).

Each baseline writes texts of alternating length, as typing does (same-length text lets
SQLite overwrite the record in place, which a real edit rarely allows). Prints medians;
asserts nothing. Run: ``python benchmarks/store_autosave.py [runs]``.
"""

from __future__ import annotations

import json
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from smedesk.store import DocumentStore, open_database

ROWS = 3000
FUNCTIONS = ("information", "technology", "entrepreneurship", "training", "financing")


def served_enterprise(i: int) -> dict[str, Any]:
    return {
        "name": f"沈阳市示范科技有限公司{i:04d}",
        "uscc": f"91210100MA0{i:07d}X",
        "contact": "张晓明",
        "phone": f"139{i:08d}",
        "service_function": FUNCTIONS[i % 5],
        "service_date": f"2023-{i % 12 + 1:02d}-{i % 28 + 1:02d}",
        "content": "为企业提供技术咨询、检验检测与人才培训服务",
        "fee": 1200.5 + i,
        "satisfaction": "满意",
        "free_of_charge": i % 2 == 0,
    }


def document() -> dict[str, Any]:
    return {
        "doc_id": "00000000-0000-4000-8000-000000000001",
        "form": {
            "basic": {"name": "辽宁省中小企业公共服务平台", "total_assets": 250.0, "staff": 48},
            "served_enterprises": [served_enterprise(i) for i in range(ROWS)],
        },
    }


def median_ms(action: Callable[[int], object], runs: int) -> float:
    times = []
    for run in range(runs):
        start = time.perf_counter()
        action(run)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def raw_update_ms(connection: sqlite3.Connection, text: str, runs: int) -> float:
    """Median of UPDATE + COMMIT of one row holding ``text``, its length changing each time."""
    connection.execute("CREATE TABLE IF NOT EXISTS raw_bench (id TEXT PRIMARY KEY, data TEXT)")
    connection.execute("INSERT OR REPLACE INTO raw_bench VALUES ('a', ?)", (text,))
    # Distinct texts, made before timing, so SQLite really writes each one.
    texts = [text + " " * (i % 7 + 1) for i in range(16)]

    def write(run: int) -> None:
        connection.execute("BEGIN")
        connection.execute("UPDATE raw_bench SET data = ? WHERE id = 'a'", (texts[run % 16],))
        connection.execute("COMMIT")

    return median_ms(write, runs)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    data = document()
    with tempfile.TemporaryDirectory() as folder:
        db_file = Path(folder) / "bench.db"
        database = open_database(f"sqlite:///{db_file}")
        store = DocumentStore(database)
        doc_id = store.create(
            "application-report",
            "基准",
            data,
            scheme_id="miit-2017",
            scheme_version="1",
            author="bench",
        )
        data = store.get(doc_id).data  # the store's copy, as after opening
        version = [1]

        def edit_and_save(run: int) -> None:
            data["form"]["served_enterprises"][(run * 37) % ROWS]["fee"] = float(run)
            version[0] = store.save(doc_id, data, base_version=version[0], author="bench").version

        store_ms = median_ms(edit_and_save, runs)
        revisions = len(store.revisions(doc_id))
        database.close()

        whole = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        raw = sqlite3.connect(db_file, isolation_level=None)  # the same file, WAL already on
        raw.execute("PRAGMA journal_mode=WAL")
        raw.execute("PRAGMA synchronous=NORMAL")
        (chunk,) = raw.execute(
            "SELECT data FROM document_parts WHERE part = '/form/served_enterprises#25'"
        ).fetchone()
        whole_ms = raw_update_ms(raw, whole, runs)
        chunk_ms = raw_update_ms(raw, chunk, runs)
        raw.close()

    print(
        f"document: {ROWS} rows, {len(whole.encode()) / 1024:.0f} KiB of JSON; "
        f"a chunk of 100 rows: {len(chunk.encode()) / 1024:.0f} KiB; medians of {runs} runs"
    )
    print(f"DocumentStore.save, one field edited       {store_ms:8.3f} ms  ({revisions} revisions)")
    print(f"raw UPDATE+COMMIT of the whole document    {whole_ms:8.3f} ms  (one ~1 MB row)")
    print(f"raw UPDATE+COMMIT of one chunk-sized row   {chunk_ms:8.3f} ms  (what an edit touches)")
    print(f"ratio save / raw whole-document write      {store_ms / whole_ms:8.2f} x  (goal <= 3)")
    print(f"ratio save / raw chunk-sized write         {store_ms / chunk_ms:8.2f} x")


if __name__ == "__main__":
    main()
