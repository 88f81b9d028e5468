"""Writing every file smedesk produces so that a failure never costs the previous file.

A PDF, workbook, template, JSON document, demo file, exchange package or backup is written
to a temporary file *in the target's folder*, flushed and ``fsync``-ed, given normal
permissions (``0666`` less the umask, i.e. 0644 usually), and only then renamed over the
target; the folder is fsynced so the rename itself survives a power cut. On a full disk,
a read-only folder or a USB stick pulled out mid-write the temporary file is removed, the
old file keeps every byte, and a :class:`WriteFailed` carries one Chinese sentence — never a
traceback and never a zero-byte file.

:func:`check_output_path` refuses, before any work, an output that is a folder, a device,
a pipe or another non-regular file, or that is one of the command's own inputs.

Typical use::

    write_bytes(path, data)                       # bytes ready in memory
    with atomic_path(path) as tmp:                # a library that wants a file name
        canvas.save(tmp)
    with atomic_file(path) as fh:                 # stream into an open file
        archive.write_to(fh)
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from smedesk.errors import UserError

StrPath = str | os.PathLike[str]


class WriteFailed(UserError):
    """A file could not be written; the previous file (if any) is untouched."""


class OutputRefused(UserError):
    """The output path cannot be used (a folder, a device, one of the inputs, ...)."""


def check_output_path(path: StrPath, *, inputs: Iterable[StrPath] = ()) -> Path:
    """The output path as a :class:`Path`, or :class:`OutputRefused` saying why not.

    Refused: a folder; an existing path that is not a regular file (a device node, a FIFO,
    a socket); a missing folder; a path that is (or links to) one of ``inputs`` — exporting
    a document onto itself would replace the document with its own export.
    """
    out = Path(path)
    try:
        st = os.stat(out)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise OutputRefused(f"无法使用输出路径「{out}」：{_reason(exc)}。") from None
    if st is not None:
        if stat.S_ISDIR(st.st_mode):
            raise OutputRefused(f"输出路径「{out}」是文件夹，请给出文件名。")
        if not stat.S_ISREG(st.st_mode):
            raise OutputRefused(
                f"输出路径「{out}」不是普通文件（是设备、管道或其他特殊文件），不能写入。"
            )
    parent = out.parent if str(out.parent) else Path(".")
    if not parent.is_dir():
        raise OutputRefused(f"输出文件夹「{parent}」不存在。")
    for item in inputs:
        if _same_file(out, Path(item)):
            raise OutputRefused(
                f"输出文件「{out}」就是输入文件「{item}」，写入会覆盖输入。请另选输出文件名。"
            )
    return out


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return a.resolve() == b.resolve()


def file_mode() -> int:
    """Permissions of a newly written file: what ``open()`` would give (0666 less umask)."""
    return 0o666 & ~_umask()


def _umask() -> int:
    # /proc tells the umask without changing it (os.umask must set one to read one, which
    # races with other threads creating files).
    with contextlib.suppress(OSError, ValueError), open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    old = os.umask(0o022)
    os.umask(old)
    return old


@contextlib.contextmanager
def atomic_path(path: StrPath, *, what: str = "文件") -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success it becomes ``path``.

    The body writes the temporary file by name (for libraries that open files
    themselves). If the body raises, the temporary file is removed and the error passes
    through (an ``OSError`` as :class:`WriteFailed`); ``path`` is never touched.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
        os.close(fd)
    except OSError as exc:
        raise WriteFailed(describe_write_error(exc, target, what)) from None
    tmp = Path(name)
    try:
        try:
            yield tmp
            _finish(tmp, target)
        except OSError as exc:
            raise WriteFailed(describe_write_error(exc, target, what)) from None
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


@contextlib.contextmanager
def atomic_file(path: StrPath, *, what: str = "文件") -> Iterator[IO[bytes]]:
    """Yield an open binary file beside ``path``; on success it becomes ``path``."""
    with atomic_path(path, what=what) as tmp, open(tmp, "wb") as fh:
        yield fh


def _finish(tmp: Path, target: Path) -> None:
    fd = os.open(tmp, os.O_RDWR)
    try:
        os.fsync(fd)  # the data is on disk before the name points at it
        os.fchmod(fd, file_mode())
    finally:
        os.close(fd)
    os.replace(tmp, target)
    _fsync_folder(target.parent if str(target.parent) else Path("."))


def _fsync_folder(folder: Path) -> None:
    # The rename is an entry in the folder; without this a power cut may undo it.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # not possible on every platform or filesystem; the data itself is synced
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def write_bytes(path: StrPath, data: bytes, *, what: str = "文件") -> Path:
    """Write ``data`` to ``path`` safely; returns the path."""
    target = Path(path)
    with atomic_file(target, what=what) as fh:
        fh.write(data)
        fh.flush()
    return target


def write_text(path: StrPath, text: str, *, what: str = "文件") -> Path:
    """Write ``text`` as UTF-8 to ``path`` safely; returns the path."""
    return write_bytes(path, text.encode("utf-8"), what=what)


def copy_file(source: StrPath, target: StrPath, *, what: str = "文件") -> Path:
    """Copy ``source`` over ``target`` safely (the old target stays until the copy is whole)."""
    import shutil

    with atomic_file(target, what=what) as out, open(source, "rb") as src:
        shutil.copyfileobj(src, out, 1024 * 1024)
        out.flush()
    return Path(target)


def save_workbook(workbook: Any, path: StrPath, *, what: str = "Excel 工作簿") -> Path:
    """Save an openpyxl workbook safely.

    openpyxl opens a ZipFile on the path itself; if the disk fills mid-write that ZipFile
    is left half-open and its ``__del__`` later prints a second traceback. Saving into
    memory first keeps every failure inside one plain file write.
    """
    import io

    buffer = io.BytesIO()
    workbook.save(buffer)
    return write_bytes(path, buffer.getvalue(), what=what)


def describe_write_error(exc: OSError, target: Path, what: str = "文件") -> str:
    """One Chinese sentence for a failed write of ``target``."""
    code = exc.errno
    head = f"无法保存{what}「{target.name}」"
    tail = "原有文件未被改动，也没有留下不完整的文件。"
    if code in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return f"{head}：磁盘空间不足。{tail}请清理磁盘空间或另选保存位置后重试。"
    if code in (errno.EROFS,):
        return f"{head}：文件夹「{target.parent}」所在的磁盘是只读的。{tail}请另选保存位置。"
    if code in (errno.EACCES, errno.EPERM):
        return f"{head}：没有写入文件夹「{target.parent}」的权限。{tail}请另选保存位置。"
    if code in (errno.EIO, errno.ENODEV, errno.ENXIO, errno.ENOENT, errno.ESTALE):
        return (
            f"{head}：存储设备无法写入（U 盘或移动硬盘可能已被拔出）。{tail}"
            "请重新连接设备或另选保存位置后重试。"
        )
    return f"{head}：{_reason(exc)}。{tail}"


def os_error_reason(exc: OSError) -> str:
    """A few Chinese words for an OSError (strerror is English on most systems)."""
    return _reason(exc)


def _reason(exc: OSError) -> str:
    # strerror is English on most systems; the few codes users meet get Chinese words.
    words = {
        errno.ENAMETOOLONG: "文件名过长",
        errno.ELOOP: "路径中的链接形成循环",
        errno.ENOTDIR: "路径中有一段不是文件夹",
        errno.EISDIR: "这是文件夹",
        errno.EACCES: "没有权限",
        errno.EPERM: "没有权限",
        errno.ENOSPC: "磁盘空间不足",
        errno.EROFS: "磁盘是只读的",
        errno.EIO: "读写设备出错",
    }
    return words.get(exc.errno or 0, f"系统错误代码 {exc.errno}")
