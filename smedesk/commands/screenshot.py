"""``smedesk screenshot DIR``: render the program's screens offscreen to PNG files.

For looking at the interface without a display (review, documentation, CI artefacts):
the main window, the list, the dialogs, the other roles' pages and every page of the editor
for a demo application, at 1366×768. Qt is imported only inside the handler.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "screenshot",
        help="把界面各页面渲染为 PNG 图片（无需显示器）",
        description="用演示数据在后台渲染主窗口、申报列表、对话框和编辑器各页面，"
        "按 1366×768 保存为 PNG 文件。不读写您的真实数据和设置。",
    )
    parser.add_argument("dir", metavar="文件夹", help="保存图片的文件夹（不存在则新建）")
    parser.add_argument(
        "--language", choices=("zh_CN", "en"), default="zh_CN", help="界面语言（默认简体中文）"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    out_dir = Path(args.dir).expanduser()
    if out_dir.exists() and not out_dir.is_dir():
        from smedesk.cli import UsageError

        raise UsageError(f"「{out_dir}」是文件，不是文件夹")
    # Without a display (servers, CI) Qt must still render: the offscreen platform does.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from smedesk.ui.screenshot import render_screenshots, use_offscreen_screen

    use_offscreen_screen()

    files = render_screenshots(out_dir, language=args.language)
    for path in files:
        print(path)
    print(f"共 {len(files)} 张截图，保存在 {out_dir}")
    return 0
