"""Three processes on one SQLite file for 30 s: no driver error, no save lost, conflicts shown.

Two processes edit different fields of one document (and, every fourth edit, one field they
share); a third creates documents. Every save that returned successfully must survive: for
each field, the value of the newest successful save that set it is the final value.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from smedesk.store import DocumentStore, open_database

CHILD = Path(__file__).with_name("stress_child.py")
SECONDS = float(os.environ.get("SMEDESK_STRESS_SECONDS", "30"))


def read_log(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.slow
def test_three_processes_lose_nothing(tmp_path: Path) -> None:
    db_path = tmp_path / "shared.db"
    url = f"sqlite:///{db_path}"
    database = open_database(url)
    store = DocumentStore(database)
    data = {"form": {"alpha": "", "beta": "", "shared": ""}}
    doc_id = store.create(
        "application-report", "共享", data, scheme_id="miit-2017", scheme_version="1", author="t"
    )
    database.close()
    logs = {name: tmp_path / f"{name}.log" for name in ("alpha", "beta", "creator")}
    procs = [
        subprocess.Popen(
            [sys.executable, str(CHILD), url, role, doc_id, str(logs[name]), str(SECONDS), field]
        )
        for name, role, field in (
            ("alpha", "editor", "alpha"),
            ("beta", "editor", "beta"),
            ("creator", "creator", ""),
        )
    ]
    for proc in procs:
        assert proc.wait(timeout=SECONDS + 120) == 0
    entries = {name: read_log(path) for name, path in logs.items()}
    errors = [e for log in entries.values() for e in log if e["event"] == "error"]
    assert errors == [], errors[:5]
    saves = [e for name in ("alpha", "beta") for e in entries[name] if e["event"] == "saved"]
    created = [e for e in entries["creator"] if e["event"] == "created"]
    conflicts = [e for name in ("alpha", "beta") for e in entries[name] if e["event"] == "conflict"]
    print(
        f"\n{len(saves)} saves, {len(conflicts)} conflicts, {len(created)} documents created"
        f" in {SECONDS:.0f} s"
    )
    assert len(saves) > 50 and created
    # Both editors' fields are present: each holds the newest successful save that set it.
    final = open_database(url)
    try:
        stored = DocumentStore(final).get(doc_id)
        for field in ("alpha", "beta", "shared"):
            newest = max((s for s in saves if s["field"] == field), key=lambda s: s["version"])
            assert stored.data["form"][field] == newest["value"], field
        versions = [s["version"] for s in saves]
        assert len(versions) == len(set(versions)), "two successful saves got one version"
        assert stored.version == max(versions)
        assert len(DocumentStore(final).list()) == 1 + len(created)
    finally:
        final.close()
    # Same-field collisions were reported with both values.
    for conflict in conflicts:
        for item in conflict["items"]:
            assert item["path"] == "form.shared"
            assert item["mine"] != item["theirs"] and item["mine"] and item["theirs"]
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
