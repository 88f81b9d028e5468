"""Cost of one autosave: DocumentStore.save after a one-field edit on a 3,000-row document.

Compared with the least any store keeping the document as one JSON text in SQLite can pay:
a raw ``sqlite3`` UPDATE + COMMIT of text of the same size, in WAL mode with
synchronous=NORMAL (the store's settings). Also shown: the same raw write preceded by
``json.dumps`` of the document, which is what a naive store would do on every save.
Prints medians; asserts nothing. Run: ``python benchmarks/store_autosave.py [runs]``.
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


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    data = document()
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(f"sqlite:///{Path(folder) / 'bench.db'}")
        store = DocumentStore(database)
        doc_id = store.create(
            "application-report",
            "基准",
            data,
            scheme_id="miit-2017",
            scheme_version="1",
            author="bench",
        )

        def edit_and_save(run: int) -> None:
            data["form"]["served_enterprises"][run % ROWS]["fee"] = float(run)
            store.save(doc_id, data, author="bench")

        store_ms = median_ms(edit_and_save, runs)
        revisions = len(store.revisions(doc_id))
        database.close()

        # Distinct texts, made before timing, so SQLite really writes each one. Two kinds:
        # same length as the stored text (SQLite then overwrites the record in place and
        # writes only the pages whose bytes changed) and a different length (the usual case
        # when a field is typed into: the whole ~1 MB record is written again).
        base = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        same_length = [base.replace('"staff":48', f'"staff":{10 + i}') for i in range(16)]
        new_length = [base.replace('"staff":48', f'"staff":{"9" * (i % 7 + 1)}') for i in range(16)]
        raw = sqlite3.connect(Path(folder) / "raw.db", isolation_level=None)
        raw.execute("PRAGMA journal_mode=WAL")
        raw.execute("PRAGMA synchronous=NORMAL")
        raw.execute("CREATE TABLE documents (id TEXT PRIMARY KEY, data TEXT NOT NULL)")
        raw.execute("INSERT INTO documents VALUES ('a', ?)", (base,))

        def raw_write(texts: list[str]) -> Callable[[int], None]:
            def write(run: int) -> None:
                raw.execute("BEGIN")
                raw.execute("UPDATE documents SET data = ? WHERE id = 'a'", (texts[run % 16],))
                raw.execute("COMMIT")

            return write

        def dumps_and_raw_write(run: int) -> None:
            data["form"]["basic"]["staff"] = run
            text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
            raw.execute("BEGIN")
            raw.execute("UPDATE documents SET data = ? WHERE id = 'a'", (text,))
            raw.execute("COMMIT")

        same_ms = median_ms(raw_write(same_length), runs)
        raw_ms = median_ms(raw_write(new_length), runs)
        naive_ms = median_ms(dumps_and_raw_write, runs)
        raw.close()

    print(
        f"document: {ROWS} rows, {len(base.encode()) / 1024:.0f} KiB of JSON; medians of {runs} runs"
    )
    print(
        f"DocumentStore.save, one field edited        {store_ms:8.3f} ms  ({revisions} revisions)"
    )
    print(f"raw UPDATE+COMMIT, text of another length   {raw_ms:8.3f} ms")
    print(f"raw UPDATE+COMMIT, text of the same length  {same_ms:8.3f} ms  (in-place overwrite)")
    print(f"json.dumps + raw UPDATE+COMMIT              {naive_ms:8.3f} ms")
    print(f"ratio save / raw write (other length)       {store_ms / raw_ms:8.2f} x  (goal <= 3)")
    print(f"ratio save / raw write (same length)        {store_ms / same_ms:8.2f} x")
    print(f"ratio save / (dumps + raw write)            {store_ms / naive_ms:8.2f} x")


if __name__ == "__main__":
    main()
