"""A live backup while the store commits ten edits a second for a minute.

Every backup must pass ``integrity_check`` and hold exactly the content of one commit made
while it ran (no torn state), and restoring it must give that content back. The writer
paces itself at 10/s; what is asserted does not depend on the timing (each backup's
content is bracketed by the commits done before it started and after it ended).
"""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from smedesk.store import DocumentStore, open_database
from smedesk.store.backup import create_backup, integrity_ok, restore_backup

pytestmark = pytest.mark.slow

SECONDS = 60
RATE = 10


def content(n: int) -> dict[str, Any]:
    return {"n": n, "text": "改" * (n % 50) * 40, "rows": [{"i": i} for i in range(n % 25)]}


def test_live_backups_are_consistent_and_restore_to_their_moment(tmp_path: Path) -> None:
    db = tmp_path / "smedesk.db"
    store = DocumentStore(open_database(f"sqlite:///{db}"), coalesce_seconds=0)
    doc = store.create(
        "application-report", "报告", content(0), scheme_id="miit-2017",
        scheme_version="2017", author="测试",
    )  # fmt: skip
    committed = [0]  # the last n whose save() has returned
    stop = threading.Event()
    errors: list[BaseException] = []

    def writer() -> None:
        n = 0
        start = time.monotonic()
        try:
            while not stop.is_set():
                n += 1
                store.save(doc, content(n), base_version=store.version(doc), author="测试")
                committed[0] = n
                delay = start + n / RATE - time.monotonic()
                if delay > 0:
                    stop.wait(delay)
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)

    thread = threading.Thread(target=writer)
    thread.start()
    taken: list[tuple[str, int, int]] = []  # id, committed before, committed after
    deadline = time.monotonic() + SECONDS
    try:
        while time.monotonic() < deadline and not errors:
            low = committed[0]
            made = create_backup(db, "manual")
            taken.append((made.id, low, committed[0]))
            time.sleep(1.5)
    finally:
        stop.set()
        thread.join()
    assert not errors, errors
    assert committed[0] >= SECONDS * RATE * 0.5, "the writer hardly ran"
    assert len(taken) >= 20
    reader = DocumentStore(open_database(f"sqlite:///{db}"))
    for backup_id, low, high in taken:
        path = next((tmp_path / "backups").glob(f"*-{backup_id}-manual.db"))
        assert integrity_ok(path)
        probe = tmp_path / "probe.db"  # read a copy: opening sets WAL mode on the file
        shutil.copyfile(path, probe)
        opened = open_database(f"sqlite:///{probe}")
        seen = DocumentStore(opened).get(doc).data
        opened.close()
        for leftover in tmp_path.glob("probe.db*"):
            leftover.unlink()
        assert low <= seen["n"] <= high + 1, (backup_id, low, seen["n"], high)
        assert seen == content(seen["n"])  # the whole document of one commit, not a mix
        restore_backup(db, backup_id)
        assert reader.get(doc).data == seen
    print(f"\n{committed[0]} commits in {SECONDS} s, {len(taken)} live backups, all consistent")
