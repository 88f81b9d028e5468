"""The start-up check: a damaged database is found on opening, and a backup offered.

:func:`check_database` runs SQLite's ``quick_check`` on the file before the program works on
it (a fraction of a second for a normal database). When it fails, the program does not
crash: :func:`damaged_message` says what happened and which backup can be used, the UI asks
(``smedesk.ui.recovery_prompt``) and :func:`smedesk.store.backup.recover_damaged` puts the
newest good backup in place, keeping the damaged file aside.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from smedesk.store.backup import BackupInfo, integrity_ok, newest_good_backup


@dataclass(frozen=True)
class StartupCheck:
    path: Path
    ok: bool
    backup: BackupInfo | None = None  # the newest good backup, when the check failed

    @property
    def message(self) -> str:
        return damaged_message(self) if not self.ok else ""


def check_database(db_path: str | os.PathLike[str]) -> StartupCheck:
    """Quick-check the SQLite file at ``db_path`` (a missing or empty file is fine: new)."""
    path = Path(db_path)
    if not path.exists() or (path.is_file() and path.stat().st_size == 0):
        return StartupCheck(path, True)
    if integrity_ok(path, quick=True):
        return StartupCheck(path, True)
    return StartupCheck(path, False, newest_good_backup(path))


def damaged_message(check: StartupCheck) -> str:
    head = f"数据库文件「{check.path}」已损坏（未通过完整性检查），无法正常打开。"
    if check.backup is None:
        return head + "没有找到可用的备份。损坏的文件未被改动，请联系技术支持。"
    when = check.backup.created.astimezone().strftime("%Y-%m-%d %H:%M")
    return (
        head + f"可以改用最近一次完好的备份（编号 {check.backup.id}，{when}）："
        "损坏的文件会改名保留，不会删除。"
    )
