"""The editor's import question, the backups page in the settings, the start-up recovery."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from smedesk.export.xlsx.import_plan import ImportMode
from smedesk.store import DocumentStore, open_database
from smedesk.store.backup import create_backup, list_backups
from smedesk.ui.editor import workbook
from smedesk.ui.editor.list_page import ListPage
from smedesk.ui.import_choice import APPEND, CANCEL, REPLACE, decide_import

from support.xlsx_helpers import rows_for

pytest_plugins = ["support.editor_fixtures"]


def test_decide_import_refuses_zero_rows_and_asks_with_the_counts() -> None:
    warned: list[str] = []
    asked: list[str] = []
    assert decide_import(None, "staff", 24, 0, warn=lambda p, t: warned.append(t)) is None
    assert "0 行" in warned[0] and "24 行保持不变" in warned[0]
    assert decide_import(None, "staff", 0, 5) is ImportMode.REPLACE  # nothing to lose
    for answer, mode in ((REPLACE, ImportMode.REPLACE), (APPEND, ImportMode.APPEND)):
        got = decide_import(
            None,
            "staff",
            24,
            5,
            ask=lambda p, q, a=answer: asked.append(q) or a,  # type: ignore[misc]
        )
        assert got is mode
    assert decide_import(None, "staff", 24, 5, ask=lambda p, q: CANCEL) is None
    assert "已有 24 行" in asked[0] and "5 行" in asked[0]


def staff_page(editor: Any) -> ListPage:
    page = editor.show_page("staff")
    assert isinstance(page, ListPage)
    return page


@pytest.mark.parametrize(("answer", "expected"), [(CANCEL, 3), (REPLACE, 2), (APPEND, 5)])
def test_editor_import_over_existing_rows(
    answer: str,
    expected: int,
    qtbot: Any,
    open_editor: Any,
    application_id: str,
    editor_store: DocumentStore,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    editor = open_editor(application_id)
    page = staff_page(editor)
    page.replace_rows([r.model_dump(mode="json") for r in rows_for("staff", 3)], "三行")
    imported = rows_for("staff", 2)
    for r in imported:
        r.name = "新" + str(r.name)
    monkeypatch.setattr(workbook, "_dialog", lambda name: lambda *a: imported)
    monkeypatch.setattr(
        "smedesk.ui.import_choice.ask_replace_append", lambda parent, question: answer
    )
    workbook.import_rows(page, "staff")
    assert page.model.rowCount() == expected
    backups = [b.reason for b in list_backups(editor_store)]
    assert backups == ([] if answer == CANCEL else ["import"])


def test_editor_refuses_an_empty_import(
    qtbot: Any, open_editor: Any, application_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = open_editor(application_id)
    page = staff_page(editor)
    page.replace_rows([r.model_dump(mode="json") for r in rows_for("staff", 3)], "三行")
    warned: list[str] = []
    monkeypatch.setattr(workbook, "_dialog", lambda name: lambda *a: [])
    monkeypatch.setattr(
        "smedesk.ui.import_choice.QMessageBox.warning", lambda p, t, text: warned.append(text)
    )
    assert workbook.import_rows(page, "staff") is None
    assert page.model.rowCount() == 3 and "0 行" in warned[0]


def test_settings_dialog_backups_page(qtbot: Any, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    from smedesk.ui.settings_dialog import SettingsDialog

    db = tmp_path / "smedesk.db"
    store = DocumentStore(open_database(f"sqlite:///{db}"))
    doc = store.create(
        "application-report", "报告", {"n": 1}, scheme_id="miit-2017",
        scheme_version="2017", author="测试",
    )  # fmt: skip
    create_backup(db, "manual")
    dialog = SettingsDialog(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
                            database=db)  # fmt: skip
    qtbot.addWidget(dialog)
    page = dialog.backups
    assert page is not None and page.table.rowCount() == 1
    first = page.selected_id()
    store.save(doc, {"n": 2}, base_version=store.version(doc), author="测试")
    made = page.back_up_now()
    assert made is not None and page.table.rowCount() == 2
    page.table.selectRow(1)
    assert page.selected_id() == first
    with qtbot.waitSignal(page.restored):
        assert page.restore_selected(confirm=False) == first
    assert store.get(doc).data == {"n": 1}
    assert page.table.rowCount() == 3  # the state before the restore was backed up
    assert "恢复前的状态已备份为" in page.status.text()
    dialog.resize(1366 // 2, 700)
    dialog.show()
    qtbot.waitExposed(dialog)
    shots = Path("/tmp/shots-issue10")
    shots.mkdir(exist_ok=True)
    dialog.grab().save(str(shots / "settings-backups.png"))


def test_start_up_recovery_prompt(qtbot: Any, tmp_path: Path) -> None:
    from smedesk.ui.recovery_prompt import check_and_offer_recovery

    db = tmp_path / "smedesk.db"
    database = open_database(f"sqlite:///{db}")
    store = DocumentStore(database)
    doc = store.create(
        "application-report", "报告", {"pad": "x" * 20000}, scheme_id="miit-2017",
        scheme_version="2017", author="测试",
    )  # fmt: skip
    create_backup(db, "manual")
    database.close()
    assert check_and_offer_recovery(None, db, ask=lambda *a: pytest.fail("asked when healthy"))
    with sqlite3.connect(db) as c:
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with open(db, "r+b") as fh:
        fh.seek(4096)
        fh.write(b"\xa5" * (db.stat().st_size - 8192))
    questions: list[str] = []
    told: list[str] = []
    assert not check_and_offer_recovery(None, db, ask=lambda p, t, ok: questions.append(t) or False)
    assert "已损坏" in questions[0]
    assert check_and_offer_recovery(
        None, db, ask=lambda p, t, ok: True, tell=lambda p, t: told.append(t)
    )
    assert "已改用备份" in told[0]
    assert DocumentStore(open_database(f"sqlite:///{db}")).get(doc).data["pad"] == "x" * 20000


def test_backup_timer_backs_up_a_changed_store(qtbot: Any, tmp_path: Path) -> None:
    from datetime import timedelta

    from PySide6.QtWidgets import QMainWindow

    from smedesk.ui.backup_timer import start_backup_timer

    db = tmp_path / "smedesk.db"
    store = DocumentStore(open_database(f"sqlite:///{db}"))
    doc = store.create(
        "application-report", "报告", {"n": 1}, scheme_id="miit-2017",
        scheme_version="2017", author="测试",
    )  # fmt: skip
    window = QMainWindow()
    qtbot.addWidget(window)
    # the schedule's interval is shortened instead of the clock being waited for
    timer = start_backup_timer(window, store, tick_ms=10, interval=timedelta(0))
    assert timer is not None
    store.save(doc, {"n": 2}, base_version=store.version(doc), author="测试")
    qtbot.waitUntil(lambda: len(list_backups(db)) == 1, timeout=5000)
    timer.stop()
    assert list_backups(db)[0].reason == "auto"


def test_typed_and_pasted_text_is_cleaned_and_capped() -> None:
    from smedesk.forms.application import BasicInfo
    from smedesk.forms.fields import TEXT_LIMIT, spec_of
    from smedesk.ui.editor.values import parse_text

    spec = spec_of(BasicInfo, "applicant_name")
    assert parse_text(spec, "甲\u000b乙\u0002") == ("甲\n乙", None)
    value, message = parse_text(spec, "名" * (TEXT_LIMIT + 50))
    assert value == "名" * TEXT_LIMIT and message is not None and "1,000 字的上限" in message
