"""``smedesk demo DIR``: write the demo documents as JSON files, to try the program out."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "demo",
        help="生成一套演示文档（JSON）",
        description="在指定文件夹中写入一套演示文档：各方案的申请报告、创建申请书、推荐表、"
        "推荐汇总表和专家评审意见表。数据均为虚构。",
    )
    parser.add_argument("folder", metavar="文件夹", help="写入的文件夹（不存在时自动创建）")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from smedesk.cli import UsageError
    from smedesk.demo import write_demo_set

    folder = Path(args.folder)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} 已存在且不是文件夹")
    written = write_demo_set(folder)
    for path in written:
        print(path)
    print(f"已生成 {len(written)} 份演示文档（数据均为虚构）。可用 smedesk check 文件 进行自查。")
    return 0
