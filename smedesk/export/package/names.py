"""Which member names a package may use: nothing that could point outside the folder it is
unpacked into, on Linux, macOS or Windows, and no two names one file system would merge."""

from __future__ import annotations

import re
import stat
import unicodedata
import zipfile

from smedesk.export.package.errors import PackageUnreadable
from smedesk.export.package.limits import Limits

_DRIVE = re.compile(r"^[A-Za-z]:")
# Windows refuses these as file names whatever the extension.
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_FORBIDDEN_CHARS = set('\\:*?"<>|')


def check_name(name: str, limits: Limits) -> None:
    """Refuse a member name that is not a plain relative path of ordinary file names."""
    shown = name[:80]
    if not name:
        raise PackageUnreadable("包中有一个没有名称的成员，已拒绝", member=name)
    if len(name) > limits.max_name_length:
        raise PackageUnreadable(f"成员「{shown}…」的名称过长，已拒绝", member=name)
    if _CONTROL.search(name):
        raise PackageUnreadable(f"成员「{shown!r}」的名称含有控制字符，已拒绝", member=name)
    if name.startswith("/") or _DRIVE.match(name):
        raise PackageUnreadable(f"成员「{shown}」使用了绝对路径或盘符，已拒绝", member=name)
    if name.endswith("/"):
        raise PackageUnreadable(f"成员「{shown}」是文件夹条目，包中不应有此类成员", member=name)
    if any(c in _FORBIDDEN_CHARS for c in name):
        raise PackageUnreadable(
            f"成员「{shown}」的名称含有反斜杠、冒号或其他不允许的字符，已拒绝", member=name
        )
    for part in name.split("/"):
        if part in ("", ".", ".."):
            raise PackageUnreadable(
                f"成员「{shown}」的路径含有「..」「.」或空段，可能指向导入文件夹之外，已拒绝",
                member=name,
            )
        if part != part.rstrip(" .") or _RESERVED.match(part):
            raise PackageUnreadable(
                f"成员「{shown}」的名称在 Windows 上不能作为文件名，已拒绝", member=name
            )


def name_key(name: str) -> str:
    """Names equal on a case-insensitive, normalising file system (Windows, macOS) share a key."""
    return unicodedata.normalize("NFC", name).casefold()


def check_info(info: zipfile.ZipInfo, limits: Limits) -> None:
    """Refuse links, special files, encrypted members and unknown compression."""
    name = info.filename
    check_name(name, limits)
    mode = info.external_attr >> 16
    if mode and stat.S_IFMT(mode) not in (0, stat.S_IFREG):
        kind = "符号链接" if stat.S_ISLNK(mode) else "特殊文件"
        raise PackageUnreadable(f"成员「{name}」是{kind}，包中只允许普通文件，已拒绝", member=name)
    if info.flag_bits & 0x1:
        raise PackageUnreadable(f"成员「{name}」已加密，无法校验，已拒绝", member=name)
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise PackageUnreadable(
            f"成员「{name}」使用了不支持的压缩方式（{info.compress_type}），已拒绝", member=name
        )
