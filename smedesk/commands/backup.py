"""``smedesk backup list|create|restore ID|check``: the database's backups, headless.

The database is the one the program uses (``SMEDESK_DB`` or the user data folder). Every
backup is made with SQLite's online backup API and checked (:mod:`smedesk.store.backup`);
restoring first backs up the current state. ``check`` runs the start-up integrity check
and, with ``--recover``, replaces a damaged database by its newest good backup.
Exit 0 done; 2 with a Chinese message when something cannot be done.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "backup",
        help="数据库备份：列出、创建、恢复、检查",
        description="备份用 SQLite 在线备份接口生成并经完整性检查；恢复前会先备份当前状态。",
    )
    actions = parser.add_subparsers(dest="backup_action", metavar="操作", title="操作")

    def usage(args: argparse.Namespace) -> int:
        parser.print_help()
        return 2

    parser.set_defaults(func=usage)
    p = actions.add_parser("list", help="列出全部备份（最新的在前）")
    p.set_defaults(func=run_list)
    p = actions.add_parser("create", help="立即备份数据库")
    p.set_defaults(func=run_create)
    p = actions.add_parser("restore", help="恢复到某个备份（会先备份当前状态）")
    p.add_argument("backup_id", metavar="编号", help="备份编号，见 smedesk backup list")
    p.set_defaults(func=run_restore)
    p = actions.add_parser("check", help="检查数据库是否完好；损坏时可改用最近的完好备份")
    p.add_argument("--recover", action="store_true", help="数据库损坏时，改用最近一次完好的备份")
    p.set_defaults(func=run_check)


def _database_path() -> Path:
    from smedesk.cli import UsageError
    from smedesk.store.engine import sqlite_file

    path = sqlite_file()
    if path is None:
        raise UsageError("只有保存在本机文件中的数据库（SQLite）可以用此命令备份。")
    return path


def _checked_path() -> Path:
    from smedesk.cli import UsageError
    from smedesk.store.startup import check_database

    path = _database_path()
    if not path.exists():
        raise UsageError(f"数据库文件「{path}」还不存在（尚未保存过任何文档），无需备份。")
    check = check_database(path)
    if not check.ok:
        raise UsageError(check.message + "\n可运行 smedesk backup check --recover 改用该备份。")
    return path


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{max(1, n // 1024)} KB"


def run_list(args: argparse.Namespace) -> int:
    from smedesk.store.backup import list_backups

    path = _database_path()
    backups = list_backups(path)
    if not backups:
        print(f"数据库「{path}」还没有备份。")
        return 0
    print(f"数据库「{path}」的备份（共 {len(backups)} 个，最新的在前）：")
    for b in backups:
        when = b.created.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        print(f"{b.id}\t{when}\t{b.reason_text}\t{_size(b.size)}")
    return 0


def run_create(args: argparse.Namespace) -> int:
    from smedesk.store.backup import create_backup, prune

    path = _checked_path()
    made = create_backup(path, "manual")
    prune(path)
    print(f"已备份（已通过完整性检查）：{made.id}\t{made.path}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from smedesk.store.backup import find_backup, restore_backup

    path = _database_path()
    chosen = find_backup(path, args.backup_id)
    before = restore_backup(path, chosen.id)
    print(f"已恢复到备份 {chosen.id}。恢复前的状态已备份为 {before.id}，如需可再恢复回去。")
    return 0


def run_check(args: argparse.Namespace) -> int:
    from smedesk.cli import UsageError
    from smedesk.store.backup import recover_damaged
    from smedesk.store.startup import check_database

    path = _database_path()
    check = check_database(path)
    if check.ok:
        print(f"数据库「{path}」完好（已通过完整性检查）。")
        return 0
    if not args.recover or check.backup is None:
        raise UsageError(
            check.message + ("" if check.backup is None else "\n加 --recover 改用该备份。")
        )
    used = recover_damaged(path)
    print(f"已改用备份 {used.id}；损坏的文件已改名保留在「{path.parent}」。")
    return 0
