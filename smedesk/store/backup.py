"""Backups of the SQLite database: made with SQLite's online backup API, checked, thinned.

A backup is never a file copy (a copy taken while a commit is half in the WAL is not a
database): it is SQLite's backup API reading one consistent snapshot while the program
keeps saving, written through :mod:`smedesk.safe_write` (temporary file, fsync, rename),
switched to a single self-contained file, and kept only if ``PRAGMA integrity_check``
says ``ok``. Backups live in ``backups/`` beside the database, one file each, named by
their UTC time and reason (``smedesk-20261201T125934Z-auto.db``); the ID the user types is
the time part.

When: before every migration and every import (callers name the reason), every 30 minutes
while data changed (:class:`BackupSchedule`, driven by a timer in the UI with the real
clock and by tests with a fake one), on request (``smedesk backup create``) and before a
restore. :func:`thin` keeps a series: everything of the last day, one a day for two
weeks, one a week for three months.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from smedesk.safe_write import atomic_path, describe_write_error
from smedesk.store.errors import StoreError

BACKUP_DIRNAME = "backups"
INTERVAL = timedelta(minutes=30)
_NAME = re.compile(r"^(?P<stem>.+)-(?P<id>\d{8}T\d{6}Z(?:-\d+)?)-(?P<reason>[a-z-]+)\.db$")
_STAMP = "%Y%m%dT%H%M%SZ"

#: Why a backup was made, as the list shows it.
REASONS = {
    "auto": "定时",
    "manual": "手动",
    "migration": "升级数据库前",
    "import": "导入前",
    "before-restore": "恢复前",
}


class BackupError(StoreError):
    """A backup that could not be made, found or restored; the database is unchanged."""


@dataclass(frozen=True)
class BackupInfo:
    id: str
    path: Path
    created: datetime
    reason: str
    size: int

    @property
    def reason_text(self) -> str:
        return REASONS.get(self.reason, self.reason)


def backup_folder(db_path: str | os.PathLike[str]) -> Path:
    return Path(db_path).parent / BACKUP_DIRNAME


def sqlite_path(database: object) -> Path:
    """The SQLite file behind a DocumentStore, a :class:`~smedesk.store.Database`, an engine
    or a path; :class:`BackupError` for a database that is not a local SQLite file."""
    if isinstance(database, (str, os.PathLike)):
        return Path(database)
    sessions = getattr(database, "_sessions", None)  # a DocumentStore: its sessions' engine
    if sessions is not None and "bind" in getattr(sessions, "kw", {}):
        database = sessions.kw["bind"]
    engine = getattr(database, "engine", database)
    url = getattr(engine, "url", None)
    name = getattr(url, "database", None)
    if url is None or url.get_backend_name() != "sqlite" or not name or name == ":memory:":
        raise BackupError("只有保存在本机文件中的数据库（SQLite）可以在这里备份。")
    return Path(name)


def _connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    uri = f"{path.resolve().as_uri()}?mode={'ro' if readonly else 'rw'}"
    connection = sqlite3.connect(uri, uri=True, timeout=30, isolation_level=None)
    return connection


def integrity_ok(path: str | os.PathLike[str], *, quick: bool = False) -> bool:
    """Whether the SQLite file passes ``PRAGMA integrity_check`` (or ``quick_check``)."""
    p = Path(path)
    if not p.is_file():
        return False
    try:
        with contextlib.closing(_connect(p)) as connection:
            pragma = "quick_check" if quick else "integrity_check"
            rows = connection.execute(f"PRAGMA {pragma}").fetchall()
    except sqlite3.Error:
        return False
    return rows == [("ok",)]


def create_backup(
    database: object, reason: str = "manual", *, now: datetime | None = None
) -> BackupInfo:
    """Back the database up now; returns the new backup (already checked)."""
    source = sqlite_path(database)
    if not source.is_file():
        raise BackupError(f"找不到数据库文件「{source}」，无法备份。")
    folder = backup_folder(source)
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise BackupError(describe_write_error(exc, folder, "备份文件夹")) from None
    when = (now or datetime.now(UTC)).astimezone(UTC)
    target = _free_name(folder, source.stem, when, reason)
    with atomic_path(target, what="备份") as tmp:
        try:
            with (
                contextlib.closing(_connect(source)) as src,
                contextlib.closing(sqlite3.connect(tmp, isolation_level=None)) as dst,
            ):
                # One step (pages=-1): a read transaction on the source while writers go on
                # in the WAL; a stepwise copy would restart on every commit of a busy store.
                src.backup(dst, pages=-1)
                dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
                rows = dst.execute("PRAGMA integrity_check").fetchall()
        except sqlite3.Error as exc:
            raise BackupError(f"备份失败：数据库无法读取（{_sqlite_reason(exc)}）。") from None
        if rows != [("ok",)]:
            raise BackupError("备份未通过完整性检查，已丢弃；数据库本身未被改动。")
    return _info(target)  # type: ignore[return-value]


def _sqlite_reason(exc: sqlite3.Error) -> str:
    text = str(exc)
    if "malformed" in text or "not a database" in text:
        return "文件已损坏"
    if "locked" in text or "busy" in text:
        return "数据库正忙"
    if "disk" in text or "full" in text:
        return "磁盘空间不足或无法写入"
    return "SQLite 错误"


def _free_name(folder: Path, stem: str, when: datetime, reason: str) -> Path:
    stamp = when.strftime(_STAMP)
    ident, n = stamp, 2
    while any(folder.glob(f"{stem}-{ident}-*.db")):
        ident, n = f"{stamp}-{n}", n + 1
    return folder / f"{stem}-{ident}-{reason}.db"


def _info(path: Path) -> BackupInfo | None:
    m = _NAME.match(path.name)
    if m is None:
        return None
    created = datetime.strptime(m["id"][:16], _STAMP).replace(tzinfo=UTC)
    try:
        size = path.stat().st_size
    except OSError:
        return None
    return BackupInfo(m["id"], path, created, m["reason"], size)


def list_backups(database: object) -> list[BackupInfo]:
    """Every backup of the database, newest first."""
    source = sqlite_path(database)
    folder = backup_folder(source)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob(f"{source.stem}-*.db"):
        info = _info(path)
        if info is not None:
            found.append(info)
    return sorted(found, key=lambda b: (b.created, b.id), reverse=True)


def find_backup(database: object, backup_id: str) -> BackupInfo:
    for info in list_backups(database):
        if info.id == backup_id.strip():
            return info
    raise BackupError(f"没有编号为 {backup_id} 的备份。可用 smedesk backup list 查看全部备份。")


def restore_backup(database: object, backup_id: str, *, now: datetime | None = None) -> BackupInfo:
    """Put backup ``backup_id`` back as the database; the current state is backed up first.

    The copy goes through SQLite's backup API into the live file, so connections that are
    open see the restored content at their next transaction. Returns the backup of the
    state before the restore (the user can go back to it).
    """
    target = sqlite_path(database)
    chosen = find_backup(target, backup_id)
    if not integrity_ok(chosen.path):
        raise BackupError(f"备份 {backup_id} 未通过完整性检查，不能用来恢复；数据库未被改动。")
    before = create_backup(target, "before-restore", now=now)
    try:
        with (
            contextlib.closing(_connect(chosen.path, readonly=True)) as src,
            contextlib.closing(_connect(target)) as dst,
        ):
            src.backup(dst, pages=-1)
    except sqlite3.Error as exc:
        raise BackupError(
            f"恢复失败（{_sqlite_reason(exc)}）；恢复前的状态已备份为 {before.id}。"
        ) from None
    return before


def recover_damaged(db_path: str | os.PathLike[str], *, now: datetime | None = None) -> BackupInfo:
    """Replace a damaged database by its newest good backup; the damaged file is kept aside.

    The damaged file (with its -wal and -shm) is renamed to ``….damaged-<time>``, never
    deleted: someone may still recover from it what the backup lacks.
    """
    path = Path(db_path)
    good = newest_good_backup(path)
    if good is None:
        raise BackupError("数据库已损坏，且没有可用的备份。损坏的文件未被改动。")
    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime(_STAMP)
    for suffix in ("", "-wal", "-shm"):
        part = Path(f"{path}{suffix}")
        if part.exists():
            part.rename(Path(f"{path}.damaged-{stamp}{suffix}"))
    with (
        atomic_path(path, what="数据库") as tmp,
        contextlib.closing(_connect(good.path, readonly=True)) as src,
        contextlib.closing(sqlite3.connect(tmp, isolation_level=None)) as dst,
    ):
        src.backup(dst, pages=-1)
    return good


def newest_good_backup(db_path: str | os.PathLike[str]) -> BackupInfo | None:
    for info in list_backups(db_path):
        if integrity_ok(info.path):
            return info
    return None


def thin(backups: Iterable[BackupInfo], now: datetime) -> list[BackupInfo]:
    """The backups to delete so that a series remains.

    Kept: every backup of the last 24 hours; the newest of each day for 14 days; the
    newest of each ISO week for 13 weeks; always the newest three. Pure: no file is touched.
    """
    ordered = sorted(backups, key=lambda b: b.created, reverse=True)
    keep: set[str] = {b.id for b in ordered[:3]}
    days: set[object] = set()
    weeks: set[object] = set()
    for b in ordered:
        age = now - b.created
        if age <= timedelta(days=1):
            keep.add(b.id)
        elif age <= timedelta(days=14):
            day = b.created.date()
            if day not in days:
                days.add(day)
                keep.add(b.id)
        elif age <= timedelta(weeks=13):
            week = b.created.isocalendar()[:2]
            if week not in weeks:
                weeks.add(week)
                keep.add(b.id)
    return [b for b in ordered if b.id not in keep]


def prune(database: object, now: datetime | None = None) -> list[BackupInfo]:
    """Delete the backups :func:`thin` lets go; returns them."""
    removed = thin(list_backups(database), now or datetime.now(UTC))
    for info in removed:
        with contextlib.suppress(OSError):
            info.path.unlink()
    return removed


def _signature(path: Path) -> tuple[int, ...]:
    # Every commit writes the WAL (or the file): its size and time change. A backup
    # only reads, so it leaves them as they were.
    out: list[int] = []
    for suffix in ("", "-wal"):
        try:
            st = os.stat(f"{path}{suffix}")
            out += [st.st_mtime_ns, st.st_size]
        except OSError:
            out += [0, 0]
    return tuple(out)


@dataclass
class BackupSchedule:
    """Every :data:`INTERVAL` while data changed: call :meth:`maybe_backup` from a timer.

    ``maybe_backup(now)`` takes the time as an argument, so a test drives it with a fake
    clock. The first call only records the state: opening the program is not a change.
    """

    database: object
    interval: timedelta = INTERVAL
    last: datetime | None = None
    _seen: tuple[int, ...] | None = field(default=None, repr=False)

    def maybe_backup(self, now: datetime) -> BackupInfo | None:
        path = sqlite_path(self.database)
        signature = _signature(path)
        if self.last is None:
            newest = next(iter(list_backups(path)), None)
            self.last = newest.created if newest is not None else now
            self._seen = signature
            return None
        if signature == self._seen or now - self.last < self.interval:
            return None
        made = create_backup(path, "auto", now=now)
        prune(path, now)
        self.last = now
        self._seen = _signature(path)
        return made


def maybe_backup(schedule: BackupSchedule, now: datetime) -> BackupInfo | None:
    """Function form of :meth:`BackupSchedule.maybe_backup` (what the UI's timer calls)."""
    return schedule.maybe_backup(now)


def backup_before(database: object, reason: str) -> BackupInfo | None:
    """A backup before a risky step (import, migration); None for a non-SQLite store."""
    try:
        path = sqlite_path(database)
    except BackupError:
        return None
    if not path.is_file() or path.stat().st_size == 0:
        return None
    return create_backup(path, reason)
