"""A FUSE filesystem that forgets every write not fsynced when "power" is cut.

Run as ``python powerfs.py BACKING MOUNT LOG``. File data written through MOUNT is held in
memory (the "page cache") and reaches BACKING only when the file is fsynced; metadata
(create, rename, unlink, truncate to a new file) reaches BACKING at once, as on a journalled
filesystem in ordered mode — so a file written and never synced comes back empty, as after
a real crash. Looking up the name ``/.power-cut`` is the power cut: every unsynced byte is dropped, and
BACKING is then exactly what a disk would hold (a lookup, not a signal: the FUSE loop runs
in C and a Python signal handler would wait for it). Each fsync is logged to LOG as ``<monotonic start> <path>``
so the test knows which commits were made durable.

fusepy (ctypes over libfuse 2) is the only dependency; the test skips without libfuse.
"""

from __future__ import annotations

import errno
import os
import sys
import threading
import time
from typing import Any

from fuse import FUSE, FuseOSError, Operations  # type: ignore[import-untyped]


class DropUnsynced(Operations):  # type: ignore[misc]
    def __init__(self, root: str, log: str) -> None:
        self.root = root
        self.dirty: dict[str, bytearray] = {}
        self._mutex = threading.RLock()
        self.log = open(log, "a", buffering=1, encoding="utf-8")  # noqa: SIM115

    def _full(self, path: str) -> str:
        return os.path.join(self.root, path.lstrip("/"))

    def _content(self, path: str) -> bytearray:
        buf = self.dirty.get(path)
        if buf is None:
            with open(self._full(path), "rb") as fh:
                buf = bytearray(fh.read())
            self.dirty[path] = buf
        return buf

    def power_cut(self) -> None:
        with self._mutex:
            self.dirty.clear()

    # metadata -----------------------------------------------------------------------------
    def getattr(self, path: str, fh: Any = None) -> dict[str, Any]:
        if path == "/.power-cut":
            self.power_cut()
            self.log.write("cut\n")
            raise FuseOSError(errno.ENOENT)
        with self._mutex:
            try:
                st = os.lstat(self._full(path))
            except FileNotFoundError:
                raise FuseOSError(errno.ENOENT) from None
            attrs = {
                key: getattr(st, key)
                for key in (
                    "st_atime", "st_ctime", "st_gid", "st_mode", "st_mtime", "st_nlink",
                    "st_size", "st_uid",
                )
            }  # fmt: skip
            if path in self.dirty:
                attrs["st_size"] = len(self.dirty[path])
            return attrs

    def readdir(self, path: str, fh: Any) -> list[str]:
        return [".", "..", *os.listdir(self._full(path))]

    def access(self, path: str, mode: int) -> None:
        if not os.access(self._full(path), mode):
            raise FuseOSError(errno.EACCES)

    def chmod(self, path: str, mode: int) -> None:
        os.chmod(self._full(path), mode)

    def chown(self, path: str, uid: int, gid: int) -> None:
        os.chown(self._full(path), uid, gid)

    def utimens(self, path: str, times: Any = None) -> None:
        os.utime(self._full(path), times)

    def mkdir(self, path: str, mode: int) -> None:
        os.mkdir(self._full(path), mode)

    def rmdir(self, path: str) -> None:
        os.rmdir(self._full(path))

    def unlink(self, path: str) -> None:
        with self._mutex:
            os.unlink(self._full(path))
            self.dirty.pop(path, None)

    def rename(self, old: str, new: str) -> None:
        with self._mutex:
            os.rename(self._full(old), self._full(new))
            self.dirty.pop(new, None)
            if old in self.dirty:
                self.dirty[new] = self.dirty.pop(old)

    def statfs(self, path: str) -> dict[str, Any]:
        st = os.statvfs(self._full(path))
        keys = ("f_bavail", "f_bfree", "f_blocks", "f_bsize", "f_favail", "f_ffree", "f_files",
                "f_flag", "f_frsize", "f_namemax")  # fmt: skip
        return {key: getattr(st, key) for key in keys}

    # data ---------------------------------------------------------------------------------
    def create(self, path: str, mode: int, fi: Any = None) -> int:
        with self._mutex:
            fd = os.open(self._full(path), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
            os.close(fd)
            self.dirty[path] = bytearray()
            return 0

    def open(self, path: str, flags: int) -> int:
        with self._mutex:
            if not os.path.exists(self._full(path)):
                raise FuseOSError(errno.ENOENT)
            if flags & os.O_TRUNC:
                self.dirty[path] = bytearray()
            return 0

    def read(self, path: str, size: int, offset: int, fh: Any) -> bytes:
        with self._mutex:
            if path in self.dirty:
                return bytes(self.dirty[path][offset : offset + size])
            with open(self._full(path), "rb") as f:
                f.seek(offset)
                return f.read(size)

    def write(self, path: str, data: bytes, offset: int, fh: Any) -> int:
        with self._mutex:
            buf = self._content(path)
            end = offset + len(data)
            if len(buf) < offset:
                buf.extend(b"\0" * (offset - len(buf)))
            buf[offset:end] = data
            return len(data)

    def truncate(self, path: str, length: int, fh: Any = None) -> None:
        with self._mutex:
            buf = self._content(path)
            if length < len(buf):
                del buf[length:]
            else:
                buf.extend(b"\0" * (length - len(buf)))

    def flush(self, path: str, fh: Any) -> None:
        return None  # close() does not make data durable

    def release(self, path: str, fh: Any) -> None:
        return None

    def fsync(self, path: str, datasync: int, fh: Any) -> None:
        start = time.monotonic()
        with self._mutex:
            buf = self.dirty.pop(path, None)
            if buf is not None:
                tmp = self._full(path)
                with open(tmp, "r+b") as f:
                    f.write(buf)
                    f.truncate(len(buf))
            self.log.write(f"{start:.6f} {path}\n")

    def fsyncdir(self, path: str, datasync: int, fh: Any) -> None:
        return None


def main() -> None:
    backing, mount, log = sys.argv[1:4]
    fs = DropUnsynced(backing, log)
    FUSE(
        fs, mount, foreground=True, nothreads=False, allow_other=False,
        attr_timeout=0, entry_timeout=0, negative_timeout=0, big_writes=True,
    )  # fmt: skip


if __name__ == "__main__":
    main()
