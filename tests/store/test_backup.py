"""Backups: online backup API, integrity-checked, scheduled on a fake clock, thinned, restored."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from smedesk.cli import main
from smedesk.store import DocumentStore, open_database
from smedesk.store.backup import (
    BackupInfo,
    BackupSchedule,
    create_backup,
    integrity_ok,
    list_backups,
    maybe_backup,
    recover_damaged,
    restore_backup,
    thin,
)
from smedesk.store.startup import check_database

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def make_store(path: Path) -> tuple[DocumentStore, str]:
    store = DocumentStore(open_database(f"sqlite:///{path}"))
    doc = store.create(
        "application-report", "报告", {"n": 0}, scheme_id="miit-2017",
        scheme_version="2017", author="测试",
    )  # fmt: skip
    return store, doc


def test_a_backup_is_a_checked_self_contained_database(tmp_path: Path) -> None:
    make_store(tmp_path / "smedesk.db")
    made = create_backup(tmp_path / "smedesk.db", "manual", now=T0)
    assert made.id == "20260302T090000Z" and made.reason_text == "手动"
    assert integrity_ok(made.path)
    with sqlite3.connect(made.path) as c:
        assert c.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        assert c.execute("SELECT count(*) FROM documents").fetchone() == (1,)
    again = create_backup(tmp_path / "smedesk.db", "manual", now=T0)
    assert again.id == "20260302T090000Z-2"
    assert [b.id for b in list_backups(tmp_path / "smedesk.db")] == [again.id, made.id]
    assert not list((tmp_path / "backups").glob(".*"))  # no temporary file left


def info(created: datetime, n: int = 0) -> BackupInfo:
    return BackupInfo(f"{created:%Y%m%dT%H%M%SZ}-{n}", Path("x"), created, "auto", 1)


def test_thinning_keeps_recent_daily_weekly() -> None:
    now = T0
    series = [info(now - timedelta(minutes=30 * k)) for k in range(0, 48 * 120)]  # 120 days
    doomed = {b.id for b in thin(series, now)}
    kept = [b for b in series if b.id not in doomed]
    recent = [b for b in kept if now - b.created <= timedelta(days=1)]
    assert len(recent) == 49  # every half hour of the last day, both ends
    daily = [b for b in kept if timedelta(days=1) < now - b.created <= timedelta(days=14)]
    assert len({b.created.date() for b in daily}) == len(daily) >= 13
    weekly = [b for b in kept if now - b.created > timedelta(days=14)]
    assert len({b.created.isocalendar()[:2] for b in weekly}) == len(weekly) >= 10
    assert all(now - b.created <= timedelta(weeks=13) for b in weekly)
    assert thin(series[:3], now + timedelta(days=400)) == []  # the newest three always stay


def test_schedule_backs_up_every_30_minutes_only_while_data_changed(tmp_path: Path) -> None:
    db = tmp_path / "smedesk.db"
    store, doc = make_store(db)
    schedule = BackupSchedule(db)
    assert maybe_backup(schedule, T0) is None  # the first call only records the state
    assert maybe_backup(schedule, T0 + timedelta(hours=2)) is None  # nothing changed
    store.save(doc, {"n": 1}, base_version=store.version(doc), author="测试")
    assert maybe_backup(schedule, T0 + timedelta(hours=2)) is not None  # changed, 2 h since
    store.save(doc, {"n": 2}, base_version=store.version(doc), author="测试")
    assert maybe_backup(schedule, T0 + timedelta(hours=2, minutes=29)) is None
    made = maybe_backup(schedule, T0 + timedelta(hours=2, minutes=30))
    assert made is not None and made.reason == "auto"
    with sqlite3.connect(made.path) as c:
        (data,) = c.execute("SELECT count(*) FROM documents").fetchone()
    assert data == 1
    assert maybe_backup(schedule, T0 + timedelta(hours=5)) is None  # no change since


def test_restore_backs_up_the_current_state_first(tmp_path: Path) -> None:
    db = tmp_path / "smedesk.db"
    store, doc = make_store(db)
    store.save(doc, {"n": 1}, base_version=store.version(doc), author="测试")
    kept = create_backup(db, "manual", now=T0)
    store.save(doc, {"n": 2}, base_version=store.version(doc), author="测试")
    before = restore_backup(db, kept.id, now=T0 + timedelta(minutes=1))
    assert before.reason == "before-restore"
    assert store.get(doc).data == {"n": 1}  # the open store sees the restored content
    restore_backup(db, before.id, now=T0 + timedelta(minutes=2))
    assert store.get(doc).data == {"n": 2}
    assert integrity_ok(db)


def test_a_migration_is_preceded_by_a_backup(tmp_path: Path) -> None:
    from sqlalchemy import create_engine

    from smedesk.store import migrate

    db = tmp_path / "smedesk.db"
    engine = create_engine(f"sqlite:///{db}")
    migrate.upgrade(engine, "0002")
    engine.dispose()
    open_database(f"sqlite:///{db}").close()
    reasons = [b.reason for b in list_backups(db)]
    assert reasons == ["migration"]
    with sqlite3.connect(list_backups(db)[0].path) as c:
        assert c.execute("SELECT version_num FROM alembic_version").fetchone() == ("0002",)


def damage(path: Path) -> None:
    """Overwrite the middle of the file (its b-tree pages), as a bad sector would."""
    size = path.stat().st_size
    with open(path, "r+b") as fh:
        fh.seek(4096)
        fh.write(b"\xa5" * (size - 8192))


def test_start_up_check_offers_and_uses_the_newest_good_backup(tmp_path: Path) -> None:
    db = tmp_path / "smedesk.db"
    store, doc = make_store(db)
    store.save(doc, {"n": 7, "pad": "x" * 20000}, base_version=store.version(doc), author="测试")
    good = create_backup(db, "manual", now=T0)
    store._sessions.kw["bind"].dispose()  # the program is closed
    with sqlite3.connect(db) as c:
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    damage(db)
    check = check_database(db)
    assert not check.ok and check.backup is not None and check.backup.id == good.id
    assert "已损坏" in check.message and good.id in check.message
    used = recover_damaged(db, now=T0 + timedelta(hours=1))
    assert used.id == good.id
    assert list(tmp_path.glob("smedesk.db.damaged-*"))  # kept aside, not deleted
    assert check_database(db).ok
    reopened = DocumentStore(open_database(f"sqlite:///{db}"))
    assert reopened.get(doc).data["n"] == 7


def test_cli_backup_create_list_restore_check(
    smedesk_home: object, capsys: pytest.CaptureFixture[str]
) -> None:
    db = Path(str(smedesk_home.db))
    store, doc = make_store(db)
    assert main(["backup", "create"]) == 0
    made = capsys.readouterr().out.split("：", 1)[1].split()[0]
    store.save(doc, {"n": 5}, base_version=store.version(doc), author="测试")
    assert main(["backup", "list"]) == 0
    assert made in capsys.readouterr().out
    assert main(["backup", "restore", made]) == 0
    assert "恢复前的状态已备份为" in capsys.readouterr().out
    assert store.get(doc).data == {"n": 0}
    assert main(["backup", "restore", "19990101T000000Z"]) == 2
    assert "没有编号为" in capsys.readouterr().err
    assert main(["backup", "check"]) == 0
    assert "完好" in capsys.readouterr().out


def test_cli_check_says_the_database_is_damaged_and_recovers(
    smedesk_home: object, capsys: pytest.CaptureFixture[str]
) -> None:
    db = Path(str(smedesk_home.db))
    store, doc = make_store(db)
    store.save(doc, {"n": 3, "pad": "x" * 20000}, base_version=store.version(doc), author="测试")
    assert main(["backup", "create"]) == 0
    store._sessions.kw["bind"].dispose()
    with sqlite3.connect(db) as c:
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    damage(db)
    capsys.readouterr()
    assert main(["backup", "create"]) == 2
    err = capsys.readouterr().err
    assert "已损坏" in err and "--recover" in err and "Traceback" not in err
    assert main(["backup", "check"]) == 2
    assert main(["backup", "check", "--recover"]) == 0
    assert "已改用备份" in capsys.readouterr().out
    assert DocumentStore(open_database(f"sqlite:///{db}")).get(doc).data["n"] == 3
