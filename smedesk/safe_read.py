"""Reading an input file with a size limit, refusing anything that is not a regular file.

Documents, attachments and workbooks come from USB sticks and e-mail; a path may also be
``/dev/zero`` (endless), a FIFO (waits forever for a writer) or a 10 GB file. Every input
smedesk reads goes through :func:`read_input`: the file is opened without blocking, must
be a regular file, and is read only up to its limit — so no input can hang the program or
fill its memory. Each refusal is an :class:`InputRefused` naming the limit.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from smedesk.errors import UserError

StrPath = str | os.PathLike[str]


class InputRefused(UserError):
    """An input file that is not read: too large, not a regular file, unreadable."""


def megabytes(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB" if n >= 1024 * 1024 else f"{n // 1024} KB"


def check_regular_file(path: StrPath, *, what: str = "文件") -> os.stat_result:
    """``os.stat`` of ``path``, or :class:`InputRefused` unless it is a readable regular file."""
    p = Path(path)
    try:
        st = os.stat(p)
    except FileNotFoundError:
        raise InputRefused(f"找不到{what}「{p}」。") from None
    except OSError as exc:
        raise InputRefused(f"无法读取{what}「{p}」（系统错误代码 {exc.errno}）。") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputRefused(f"「{p}」是文件夹，不是{what}。")
    if not stat.S_ISREG(st.st_mode):
        raise InputRefused(
            f"「{p}」不是普通文件（是设备、管道或其他特殊文件），不能作为{what}读取。"
        )
    return st


def read_input(path: StrPath, *, limit: int, what: str = "文件") -> bytes:
    """The bytes of ``path``, at most ``limit`` of them; refused beyond that.

    The file is opened with ``O_NONBLOCK`` so that a FIFO cannot stall the open, then
    checked on the open descriptor (no race with a rename), then read with a cap that
    also holds when the size reported by ``stat`` lies (``/proc`` files, a growing file).
    """
    p = Path(path)
    check_regular_file(p, what=what)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(p, flags)
    except OSError as exc:
        if isinstance(exc, PermissionError):
            raise InputRefused(f"没有读取{what}「{p}」的权限。") from None
        raise InputRefused(f"无法打开{what}「{p}」（系统错误代码 {exc.errno}）。") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise InputRefused(f"「{p}」不是普通文件，不能作为{what}读取。")
        if st.st_size > limit:
            raise InputRefused(_too_large(p, what, st.st_size, limit))
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(1024 * 1024, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise InputRefused(_too_large(p, what, total, limit))
        return b"".join(chunks)
    except OSError as exc:
        raise InputRefused(f"读取{what}「{p}」时出错（系统错误代码 {exc.errno}）。") from None
    finally:
        os.close(fd)


def _too_large(p: Path, what: str, size: int, limit: int) -> str:
    shown = megabytes(size) if size <= limit * 10 else f"超过 {megabytes(limit)}"
    return (
        f"{what}「{p.name}」过大（{shown}），超过 {megabytes(limit)} 的上限，未读取。"
        "请确认选择的文件是否正确。"
    )
