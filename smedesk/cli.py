"""The ``smedesk`` command: starts the desktop program, or runs a headless sub-command.

Sub-commands live in :mod:`smedesk.commands`, one module each, found with pkgutil, so
a feature adds its command without touching this file. This module imports nothing
heavy at load time: ``smedesk --version`` must answer at once.

Exit codes: 0 done (for ``check``: nothing 不符合), 1 shortfalls found or the program
could not start, 2 bad input (a Chinese message on stderr), 3 internal error.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import pkgutil
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from smedesk import __version__
from smedesk.cli_help import VERSION_TEXT, ChineseParser

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 3

Handler = Callable[[argparse.Namespace], int]


class UsageError(Exception):
    """Bad input a handler detected itself; ``message`` is shown as is, exit 2."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class _Parser(ChineseParser):
    """argparse with its own words and messages in Chinese and exit code 2 kept."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"{self.prog}：参数错误：{_translate_argparse(message)}\n")


def _translate_argparse(message: str) -> str:
    # argparse words its errors in English; the few that users meet are translated.
    table = (
        ("the following arguments are required: ", "缺少参数："),
        ("unrecognized arguments: ", "无法识别的参数："),
        ("invalid choice: ", "无效的选项："),
        ("(choose from ", "（可选："),
        ("expected one argument", "需要一个取值"),
        ("argument ", "参数 "),
    )
    for english, chinese in table:
        message = message.replace(english, chinese)
    return message


def build_parser() -> argparse.ArgumentParser:
    """The full parser, with every sub-command module registered."""
    parser = _Parser(
        prog="smedesk",
        description="中小企业公共服务示范平台（基地）申报、推荐与评审的离线桌面工具。"
        "不带参数运行时启动图形界面。",
    )
    parser.add_argument(
        "--version", action="version", version=f"smedesk {__version__}", help=VERSION_TEXT
    )
    subparsers = parser.add_subparsers(
        dest="command", metavar="命令", title="命令", parser_class=_Parser
    )
    for register in _command_registrars():
        register(subparsers)
    return parser


def _command_registrars() -> list[Callable[[argparse._SubParsersAction[_Parser]], None]]:
    import smedesk.commands as package

    found = []
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        try:
            module = importlib.import_module(f"{package.__name__}.{info.name}")
        except ImportError as exc:
            # One feature's missing library must not take every other command down.
            print(f"提示：命令模块 {info.name} 无法加载（{exc}），已跳过", file=sys.stderr)
            continue
        register = getattr(module, "register", None)
        if callable(register):
            found.append(register)
    return found


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script and of ``python -m smedesk``."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list in (["--version"], ["-V"]):
        # Answered before the sub-command modules are imported: the fastest path.
        print(f"smedesk {__version__}")
        return EXIT_OK
    if len(args_list) == 1 and _is_document_path(args_list[0]):
        # smedesk FILE: what the desktop entry and the Windows file association run.
        return _run_desktop(open_path=args_list[0])
    try:
        parser = build_parser()
        args = parser.parse_args(args_list)
    except SystemExit as exc:  # --help, --version and argparse errors
        return exc.code if isinstance(exc.code, int) else EXIT_BAD_INPUT
    handler: Handler | None = getattr(args, "func", None)
    if handler is None:
        if args.command is None:
            return _run_desktop()
        parser.print_help()
        return EXIT_BAD_INPUT
    return run_handler(handler, args)


def run_handler(handler: Handler, args: argparse.Namespace) -> int:
    """Run one handler, turning every failure into a message and an exit code."""
    from pydantic import ValidationError

    from smedesk.errors import UserError
    from smedesk.forms import DocumentError
    from smedesk.schemes import SchemeError

    try:
        return handler(args)
    except UsageError as exc:
        return _fail(exc.message)
    except DocumentError as exc:
        return _fail(exc.message)
    except SchemeError as exc:
        return _fail(f"方案错误：{_message_of(exc)}")
    except UserError as exc:  # every other expected failure carries its Chinese sentence
        return _fail(exc.message)
    except BrokenPipeError:
        return _stdout_closed()
    except UnicodeDecodeError:
        return _fail("文件不是 UTF-8 文本，无法读取")
    except json.JSONDecodeError as exc:
        return _fail(f"JSON 格式错误：第 {exc.lineno} 行第 {exc.colno} 列")
    except ValidationError as exc:
        from smedesk.forms.registry import describe_validation_error

        return _fail(describe_validation_error(exc))
    except OSError as exc:
        return _fail(_describe_os_error(exc))
    except ValueError as exc:
        return _fail(f"输入有误：{exc}")
    except KeyboardInterrupt:
        print("已中断", file=sys.stderr)
        return 130
    except Exception as exc:
        if _debug():
            raise
        print(
            f"内部错误：{type(exc).__name__}: {exc}\n"
            "这是程序的缺陷，不是您的操作问题。设置环境变量 SMEDESK_DEBUG=1 后重试可看到详细信息，"
            "请连同输入文件一并反馈。",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


def _stdout_closed() -> int:
    """The reader went away (``smedesk check … | head``): stop quietly, as Unix tools do."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the flush at exit does not fail again
    except (OSError, ValueError):
        pass
    return 141  # 128 + SIGPIPE, what a shell reports for a command killed by a closed pipe


def _fail(message: str) -> int:
    if _debug():
        import traceback

        traceback.print_exc()
    print(message, file=sys.stderr)
    return EXIT_BAD_INPUT


def _message_of(exc: BaseException) -> str:
    message = getattr(exc, "message", None)
    return str(message) if message else str(exc)


def _describe_os_error(exc: OSError) -> str:
    where = f"：{exc.filename}" if exc.filename else ""
    if isinstance(exc, FileNotFoundError):
        return f"找不到文件或文件夹{where}"
    if isinstance(exc, IsADirectoryError):
        return f"这是文件夹，不是文件{where}"
    if isinstance(exc, NotADirectoryError):
        return f"路径中有一段不是文件夹{where}"
    if isinstance(exc, PermissionError):
        return f"没有读写权限{where}"
    from smedesk.safe_write import os_error_reason

    return f"读写文件失败{where}（{os_error_reason(exc)}）"


def _debug() -> bool:
    return os.environ.get("SMEDESK_DEBUG", "") not in ("", "0")


def _is_document_path(arg: str) -> bool:
    """A file to open rather than a command: a document's suffix or a path with a folder."""
    if arg.startswith("-"):
        return False
    return arg.lower().endswith((".smedesk", ".json")) or os.sep in arg or "/" in arg


def _run_desktop(open_path: str | None = None) -> int:
    """Start the desktop program, or say clearly why it cannot start."""
    problem = _display_problem()
    if problem:
        # Asked before Qt loads: without a display Qt aborts the process (exit 134).
        print(problem, file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        app = importlib.import_module("smedesk.ui.app")
    except ImportError as exc:
        if _debug():
            raise
        if exc.name == "smedesk.ui.app":
            print(
                "此版本尚未包含图形界面（smedesk.ui.app）。可先使用命令行：smedesk --help",
                file=sys.stderr,
            )
        else:
            print(
                f"无法启动图形界面：缺少组件 {exc.name or exc}。"
                "请重新安装：python3 -m pip install .",
                file=sys.stderr,
            )
        return EXIT_FINDINGS
    run = getattr(app, "run", None)
    if not callable(run):
        print("图形界面入口 smedesk.ui.app.run 不存在", file=sys.stderr)
        return EXIT_FINDINGS
    try:
        result = run(open_path=open_path) if open_path else run()
    except Exception as exc:
        if _debug():
            raise
        print(f"内部错误：图形界面启动失败：{type(exc).__name__}: {exc}", file=sys.stderr)
        print("设置环境变量 SMEDESK_DEBUG=1 后重试可看到详细信息。", file=sys.stderr)
        return EXIT_INTERNAL
    return result if isinstance(result, int) else EXIT_OK


def _display_problem() -> str | None:
    """The Chinese message if no window can open here (see smedesk.ui.display), else None."""
    try:
        from smedesk.ui.display import display_problem
    except ImportError:
        return None  # the GUI is not installed: _run_desktop says so itself
    problem = display_problem()
    return problem.message if problem else None


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
