"""Two editor windows on one document, in two processes: merged, or both values shown.

The test's editor opens the document; a second process opens it in its own editor, edits
and saves; then the test's editor saves. A different field merges (and appears in the
first window); the same field raises the conflict dialog with both values; nothing is lost.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QLabel, QRadioButton

from smedesk.store import DocumentStore, open_database

pytest_plugins = ["support.editor_fixtures"]

CHILD = Path(__file__).with_name("editor_child.py")


def second_window(db_url: str, doc_id: str, tmp_path: Path, *edits: str) -> int:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    done = subprocess.run(
        [sys.executable, str(CHILD), db_url, doc_id, str(tmp_path / "child.ini"), *edits],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return int(done.stdout.split()[-1])


def stored(db_url: str, doc_id: str) -> dict[str, Any]:
    database = open_database(db_url)
    try:
        return DocumentStore(database).get(doc_id).data
    finally:
        database.close()


def test_same_field_shows_both_values_and_loses_nothing(
    qtbot: Any, open_editor: Any, application_id: str, db_url: str, tmp_path: Path
) -> None:
    editor = open_editor(application_id)
    assert editor.state.version == 1
    version = second_window(
        db_url, application_id, tmp_path,
        "form.basic.address=乙写的地址", "form.basic.contact=乙填的联系人",
    )  # fmt: skip
    assert version == 2
    editor.request_edit("form.basic.address", "甲写的地址", "注册地址")
    qtbot.waitUntil(lambda: editor.conflict_dialog is not None, timeout=10000)
    dialog = editor.conflict_dialog
    choices = {b.text() for b in dialog.findChildren(QRadioButton)}
    assert {"甲写的地址", "乙写的地址"} <= choices
    labels = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "注册地址（form.basic.address）" in labels
    # Nothing written while the user decides.
    assert stored(db_url, application_id)["form"]["basic"]["address"] == "乙写的地址"
    dialog.accept()  # this window's value (the default choice)
    qtbot.waitUntil(lambda: editor.conflict_dialog is None, timeout=10000)
    qtbot.waitUntil(lambda: not editor.autosaver.pending, timeout=10000)
    data = stored(db_url, application_id)
    assert data["form"]["basic"]["address"] == "甲写的地址"
    assert data["form"]["basic"]["contact"] == "乙填的联系人"  # the other field merged
    assert editor.state.value("form.basic.contact") == "乙填的联系人"  # and is shown here
    # The value not kept is still in the history.
    database = open_database(db_url)
    try:
        store = DocumentStore(database)
        history = [
            store.revision_data(application_id, r.number)["form"]["basic"].get("address")
            for r in store.revisions(application_id)
        ]
    finally:
        database.close()
    assert "乙写的地址" in history and "甲写的地址" in history


def test_different_fields_merge_without_asking(
    qtbot: Any, open_editor: Any, application_id: str, db_url: str, tmp_path: Path
) -> None:
    editor = open_editor(application_id)
    second_window(db_url, application_id, tmp_path, "form.basic.contact=乙填的联系人")
    editor.request_edit("form.basic.address", "甲写的地址", "注册地址")
    qtbot.waitUntil(lambda: not editor.autosaver.pending, timeout=10000)
    assert editor.conflict_dialog is None
    data = stored(db_url, application_id)
    assert data["form"]["basic"]["address"] == "甲写的地址"
    assert data["form"]["basic"]["contact"] == "乙填的联系人"
    assert editor.state.value("form.basic.contact") == "乙填的联系人"
    assert "合并" in editor.save_status.text()
