"""Cost of one autosave on a shared PostgreSQL server, against a raw psycopg UPDATE.

Issue 13, item 7: one field edit stored through ``DocumentStore.save`` (diff against the
store's copy, then one statement that checks the version and writes the row, the changed piece
and the revision, commit; the save path is in ``smedesk/store/saving.py``) versus
the least any program must do for the same edit: one ``UPDATE`` + ``COMMIT`` of a row of the
same size (a copy of the store's row, in a table of its own in the same database, so the
store's rows stay as the store wrote them) over an open psycopg connection. The two are
timed in turn, save and UPDATE alternating, so both meet the same disk. Two documents:

* a 推荐表 (recommendation form): the edit is a text field in the document's head row, so the
  raw baseline rewrites the ``documents`` row;
* an application report with 3,000 served firms: the edit lands in one 100-row chunk, so the
  raw baseline rewrites that ``document_parts`` row.

Needs a server: ``SMEDESK_TEST_PG_URL`` (``source .ci/postgres.sh`` starts one) or the URL as
first argument. A throw-away database is created and dropped. Prints medians; asserts nothing.
Run: ``python benchmarks/pg_autosave.py [URL] [runs]``.
"""

from __future__ import annotations

import copy
import os
import statistics
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
from sqlalchemy import create_engine, make_url, text

from smedesk.demo.reports import shenyang_information_platform
from smedesk.demo.review import recommendation_form
from smedesk.store import DocumentStore, open_database

ROWS = 3000


def median_ms(action: Callable[[int], object], runs: int) -> float:
    times = []
    for run in range(runs):
        start = time.perf_counter()
        action(run)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


@contextmanager
def scratch_database(server: str) -> Iterator[str]:
    base = make_url(server)
    name = f"smedesk_bench_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def libpq_dsn(url: str) -> str:
    """The same server and database as a plain libpq URL (no SQLAlchemy driver suffix)."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def big_application() -> dict[str, Any]:
    report = shenyang_information_platform().model_dump(mode="json")
    firms = report["served_enterprises"]
    report["served_enterprises"] = [
        dict(firms[i % len(firms)], name=f"沈阳市示范科技有限公司{i:04d}") for i in range(ROWS)
    ]
    return report


def measure_pair(store: DocumentStore, doc_id: str, edit: Callable[[dict[str, Any], int], None],
                 dsn: str, sql: str, key: tuple[str, ...], raw_value: Callable[[], str],
                 runs: int) -> tuple[float, float]:  # fmt: skip
    """Medians of a store save and a raw UPDATE+COMMIT, taken in turn.

    Interleaved, so both see the same disk: a shared machine's fsync time swings tenfold
    from one second to the next, and two runs one after the other would compare weather.
    The raw UPDATE writes a text of the same size as the store's row, its length changing
    each time as typing does.
    """
    document = store.get(doc_id)
    state = {"data": document.data, "version": document.version}
    value = raw_value()
    texts = [value + " " * (i % 7 + 1) for i in range(16)]
    store_times, raw_times = [], []
    with psycopg.connect(dsn) as connection:
        connection.execute(
            "CREATE TABLE IF NOT EXISTS raw_bench (id text PRIMARY KEY, part text, data text)"
        )
        connection.execute("INSERT INTO raw_bench VALUES (%s, %s, %s) ON CONFLICT DO NOTHING",
                           (*key, value) if len(key) == 2 else (key[0], "", value))  # fmt: skip
        connection.commit()
        for run in range(runs):
            edit(state["data"], run)
            start = time.perf_counter()
            result = store.save(doc_id, state["data"], base_version=state["version"],
                                author="bench")  # fmt: skip
            store_times.append(time.perf_counter() - start)
            state["version"] = result.version
            start = time.perf_counter()
            connection.execute(sql, (texts[run % 16], *key))
            connection.commit()
            raw_times.append(time.perf_counter() - start)
    return statistics.median(store_times) * 1000, statistics.median(raw_times) * 1000


def main() -> None:
    args = sys.argv[1:]
    server = args.pop(0) if args and "://" in args[0] else os.environ.get("SMEDESK_TEST_PG_URL")
    runs = int(args[0]) if args else 200
    if not server:
        sys.exit("no server: set SMEDESK_TEST_PG_URL (source .ci/postgres.sh) or pass a URL")
    with scratch_database(server) as url:
        database = open_database(url)
        store = DocumentStore(database)
        form = recommendation_form(shenyang_information_platform()).model_dump(mode="json")
        form_id = store.create("recommendation-form", "推荐表", copy.deepcopy(form),
                               scheme_id="miit-2017", scheme_version="1",
                               owner_role="recommender", author="bench")  # fmt: skip
        app = big_application()
        app_id = store.create("application-report", "申请报告", copy.deepcopy(app),
                              scheme_id="miit-2017", scheme_version="1", author="bench")  # fmt: skip

        def edit_form(data: dict[str, Any], run: int) -> None:
            data["regional_impact"] = form["regional_impact"] + "。" * (run % 7 + 1)

        def edit_app(data: dict[str, Any], run: int) -> None:
            data["served_enterprises"][2500 + run % 100]["fee"] = 1000.0 + run

        dsn = libpq_dsn(url)

        def head_text() -> str:
            with psycopg.connect(dsn) as connection:
                row = connection.execute("SELECT data FROM documents WHERE id = %s", (form_id,))
                return str((row.fetchone() or ("",))[0])

        def chunk_text() -> str:
            with psycopg.connect(dsn) as connection:
                row = connection.execute(
                    "SELECT data FROM document_parts WHERE document_id = %s AND part LIKE %s",
                    (app_id, "%#25"),
                ).fetchone()
            assert row is not None, "the 3,000-row list should be stored in chunks"
            return str(row[0])

        # The raw baseline updates a copy of the row in its own table (same size, same server),
        # so the store's rows stay as the store wrote them.
        update = "UPDATE raw_bench SET data = %s WHERE id = %s"
        form_head, chunk = head_text(), chunk_text()
        form_store_ms, form_raw_ms = measure_pair(store, form_id, edit_form, dsn, update,
                                                  ("form",), lambda: form_head, runs)  # fmt: skip
        app_store_ms, app_raw_ms = measure_pair(store, app_id, edit_app, dsn, update,
                                                ("chunk",), lambda: chunk, runs)  # fmt: skip
        database.close()

    print(f"PostgreSQL {make_url(server).render_as_string(hide_password=True)}; medians of {runs}")
    print(f"推荐表 (head row {len(form_head.encode()) / 1024:.1f} KiB), one text field edited:")
    print(f"  DocumentStore.save            {form_store_ms:8.3f} ms")
    print(f"  raw psycopg UPDATE+COMMIT     {form_raw_ms:8.3f} ms  (a row like the documents row)")
    print(f"  ratio                         {form_store_ms / form_raw_ms:8.2f} x  (goal <= 3)")
    print(
        f"申请报告, {ROWS} served firms, one fee edited (chunk {len(chunk.encode()) / 1024:.0f} KiB):"
    )
    print(f"  DocumentStore.save            {app_store_ms:8.3f} ms")
    print(f"  raw psycopg UPDATE+COMMIT     {app_raw_ms:8.3f} ms  (a row like the chunk's row)")
    print(f"  ratio                         {app_store_ms / app_raw_ms:8.2f} x  (goal <= 3)")


if __name__ == "__main__":
    main()
