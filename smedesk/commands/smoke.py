"""``smedesk smoke [FILE]``: check on a real display that the program works end to end.

Starts the window on the platform Qt picks for this machine (xcb under X11), opens a
document in the editor (FILE, or the demo application), exports its PDF and quits. For
installers, CI and support staff after an installation. Exit 0 when every step happened;
1 with the step that did not; 2 when there is no usable display (said as at start-up).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any

DEMO_DOCUMENT = "application-miit-2017-shenyang-info.json"


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "smoke",
        help="安装后自检：在显示器上打开文档、导出 PDF 后退出",
        description="在当前显示器上启动主窗口，打开一份文档（默认为演示申请报告），"
        "导出其 PDF 后退出，用于检查安装是否完整。不读写您的真实数据和设置。",
    )
    parser.add_argument(
        "file", nargs="?", metavar="文件", help="要打开的文档 JSON 文件（默认：演示申请报告）"
    )
    parser.add_argument("--pdf", metavar="输出", help="导出的 PDF 保存到此处（默认：用后删除）")
    parser.add_argument("--screenshot", metavar="PNG", help="窗口打开后把屏幕保存为 PNG")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from smedesk.cli import UsageError
    from smedesk.commands.check import read_document
    from smedesk.ui.display import display_problem

    problem = display_problem()
    if problem is not None:
        raise UsageError(problem.message)
    if args.file:
        document = read_document(args.file)
    else:
        from smedesk.demo import build_demo_set

        document = build_demo_set()[DEMO_DOCUMENT]
    from smedesk.ui.smoke import SmokeFailed, run_smoke

    screenshot = Path(args.screenshot) if args.screenshot else None
    with tempfile.TemporaryDirectory(prefix="smedesk-smoke-pdf-") as scratch:
        pdf = Path(args.pdf) if args.pdf else Path(scratch, "smoke.pdf")
        try:
            result = run_smoke(document, pdf, screenshot=screenshot)
        except SmokeFailed as exc:
            print(f"自检失败：{exc.message}", file=sys.stderr)
            return 1
    print(
        f"自检通过：{result.platform} 平台，{result.pdf_pages} 页 PDF，用时 {result.seconds:.1f} 秒"
    )
    return 0
