"""Reading a package defensively: names, sizes, counts, ratios, the manifest, every hash.

:func:`open_package` refuses a package unless every check passes; only then does the caller
see its manifest and documents. :func:`extract_package` unpacks into a fresh folder inside the
folder it is given, hashing as it writes, and keeps nothing if any member fails.

A hostile zip may lie in its headers; nothing here trusts them further than the caps: every
member is read in chunks and counted, so a bomb stops at the cap, not at the end of memory.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import struct
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from pydantic import ValidationError

from smedesk.export.package.errors import PackageError, PackageTampered, PackageUnreadable
from smedesk.export.package.limits import DEFAULT_LIMITS, Limits
from smedesk.export.package.manifest import (
    FORMAT_NAME,
    FORMAT_VERSION,
    MANIFEST,
    RESERVED,
    SIGNATURE,
    DocumentEntry,
    Manifest,
)
from smedesk.export.package.names import check_info, check_name, name_key
from smedesk.progress import Progress

CHUNK = 1024 * 1024
#: ``progress(done_bytes, total_bytes)``; it raises ``Cancelled`` to stop (smedesk.progress).

# What zipfile and zlib raise on a broken archive (a truncated file, a lying header).
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    struct.error,
    NotImplementedError,
    OverflowError,
    UnicodeDecodeError,
    ValueError,
)


@dataclass
class Package:
    """A package whose structure, manifest and (unless told otherwise) hashes were checked."""

    path: Path
    manifest: Manifest
    manifest_bytes: bytes
    signature_bytes: bytes | None
    limits: Limits = DEFAULT_LIMITS
    _sizes: dict[str, int] = field(default_factory=dict, repr=False)
    #: Document members' bytes as hashed when the package was opened: read() hands these
    #: out instead of unzipping and hashing them again (and they are the bytes checked).
    _verified: dict[str, bytes] = field(default_factory=dict, repr=False)

    @property
    def signed(self) -> bool:
        return self.signature_bytes is not None

    def read(self, member: str) -> bytes:
        """A member's bytes, checked again against the manifest (the file may have changed)."""
        try:
            entry = self.manifest.member(member)
        except KeyError:
            raise PackageError(f"清单中没有成员「{member}」", member=member) from None
        if entry.size > self.limits.max_json_bytes and entry.type == "document":
            raise PackageUnreadable(f"成员「{member}」过大，无法读入内存", member=member)
        if member in self._verified:
            return self._verified[member]
        with _open_zip(self.path) as zf:
            try:
                info = zf.getinfo(member)
            except KeyError:  # the file was replaced since it was checked
                raise PackageTampered(f"包中已没有成员「{member}」", member=member) from None
            data = b"".join(_chunks(zf, info, self.limits, entry.size))
        if hashlib.sha256(data).hexdigest() != entry.sha256:
            raise PackageTampered(
                f"成员「{member}」的内容与清单记录的校验值不一致，包已被改动", member=member
            )
        return data

    def document_data(self, entry: DocumentEntry) -> dict[str, Any]:
        """A document member as JSON data (not yet parsed into a model)."""
        raw = self.read(entry.path)
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
            raise PackageUnreadable(
                f"成员「{entry.path}」不是有效的 UTF-8 JSON 文档", member=entry.path
            ) from None
        if not isinstance(data, dict):
            raise PackageUnreadable(f"成员「{entry.path}」不是一个文档对象", member=entry.path)
        if data.get("doc_id") != entry.doc_id or data.get("kind") != entry.kind:
            raise PackageTampered(
                f"成员「{entry.path}」的文档编号或类型与清单不符", member=entry.path
            )
        return data


def open_package(
    path: str | os.PathLike[str],
    *,
    limits: Limits = DEFAULT_LIMITS,
    verify_hashes: bool = True,
    progress: Progress | None = None,
) -> Package:
    """Check the package at ``path`` and return it; every refusal is a :class:`PackageError`."""
    source = Path(path)
    with _open_zip(source) as zf:
        package, infos = _check_structure(source, zf, limits)
        if verify_hashes:
            total = sum(e.size for e in package.manifest.members)
            done = 0
            for entry in package.manifest.members:
                digest = hashlib.sha256()
                keep = entry.type == "document" and entry.size <= limits.max_json_bytes
                kept: list[bytes] = []
                for chunk in _chunks(zf, infos[entry.path], limits, entry.size):
                    digest.update(chunk)
                    if keep:
                        kept.append(chunk)
                    done += len(chunk)
                    if progress is not None:
                        progress(done, total)  # raises Cancelled to stop
                _compare(entry.path, digest.hexdigest(), entry.sha256)
                if keep:
                    package._verified[entry.path] = b"".join(kept)
    return package


def extract_package(
    path: str | os.PathLike[str],
    folder: str | os.PathLike[str],
    *,
    limits: Limits = DEFAULT_LIMITS,
    progress: Progress | None = None,
) -> Package:
    """Unpack into ``folder`` (created; must be empty), with the manifest and signature.

    Members go first into a fresh folder inside ``folder``, hashed as they are written; only
    when all match are they moved into place. On any failure nothing is left behind.
    """
    source = Path(path)
    target = Path(folder)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise PackageError(f"目标文件夹「{target}」不是空文件夹；请选择一个新的或空的文件夹")
    made = not target.exists()
    target.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".unpacking-", dir=target))
    done_ok = False
    try:
        with _open_zip(source) as zf:
            package, infos = _check_structure(source, zf, limits)
            total = sum(e.size for e in package.manifest.members)
            done = 0
            for entry in package.manifest.members:
                dest = _inside(staging, entry.path)
                dest.parent.mkdir(parents=True, exist_ok=True)
                digest = hashlib.sha256()
                # "xb": never opens an existing file or follows a link planted there.
                with open(dest, "xb") as out:
                    for chunk in _chunks(zf, infos[entry.path], limits, entry.size):
                        digest.update(chunk)
                        out.write(chunk)
                        done += len(chunk)
                        if progress is not None:
                            progress(done, total)  # raises Cancelled to stop
                _compare(entry.path, digest.hexdigest(), entry.sha256)
        (staging / MANIFEST).write_bytes(package.manifest_bytes)
        if package.signature_bytes is not None:
            (staging / SIGNATURE).write_bytes(package.signature_bytes)
        for child in staging.iterdir():
            os.replace(child, target / child.name)
        done_ok = True
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if made and not done_ok:
            shutil.rmtree(target, ignore_errors=True)  # the folder we made, empty again
    return package


# ----------------------------------------------------------------------------- checks


def _open_zip(path: Path) -> zipfile.ZipFile:
    try:
        if not path.is_file():
            raise PackageUnreadable(f"找不到包文件「{path}」，或它不是一个文件")
        return zipfile.ZipFile(path)
    except PackageError:
        raise
    except _ZIP_ERRORS:
        raise PackageUnreadable(
            f"「{path.name}」不是有效的 smedesk 包（不是完整的 zip 文件，可能已损坏或被截断）"
        ) from None
    except OSError as exc:
        raise PackageUnreadable(f"无法读取包文件「{path}」：{exc.strerror or exc}") from None


def _check_structure(
    source: Path, zf: zipfile.ZipFile, limits: Limits
) -> tuple[Package, dict[str, zipfile.ZipInfo]]:
    infos = zf.infolist()
    if len(infos) > limits.max_members:
        raise PackageUnreadable(f"包中成员过多（{len(infos)} 个，上限 {limits.max_members} 个）")
    by_name: dict[str, zipfile.ZipInfo] = {}
    keys: dict[str, str] = {}
    total = 0
    for info in infos:
        check_info(info, limits)
        name = info.filename
        key = name_key(name)
        if key in keys:
            raise PackageUnreadable(
                f"成员「{name}」与「{keys[key]}」重名（同名或仅大小写不同），已拒绝", member=name
            )
        keys[key] = name
        _check_size(info, limits)
        total += info.file_size
        if total > limits.max_total_bytes:
            raise PackageUnreadable(
                f"包解压后的总大小超过上限 {limits.max_total_bytes // 1024**2} MB，已拒绝",
                member=name,
            )
        by_name[name] = info
    if MANIFEST not in by_name:
        raise PackageUnreadable(f"包中缺少清单「{MANIFEST}」，不是 smedesk 包", member=MANIFEST)
    manifest_bytes = _read_small(zf, by_name[MANIFEST], limits)
    manifest = _parse_manifest(manifest_bytes)
    signature = _read_small(zf, by_name[SIGNATURE], limits) if SIGNATURE in by_name else None
    _check_members(manifest, by_name, limits)
    package = Package(source, manifest, manifest_bytes, signature, limits)
    return package, by_name


def _check_size(info: zipfile.ZipInfo, limits: Limits) -> None:
    name = info.filename
    if info.file_size > limits.max_member_bytes:
        raise PackageUnreadable(
            f"成员「{name}」解压后过大（{info.file_size} 字节，上限 {limits.max_member_bytes}）",
            member=name,
        )
    if info.file_size >= limits.ratio_floor_bytes:
        ratio = info.file_size / max(info.compress_size, 1)
        if ratio > limits.max_ratio:
            raise PackageUnreadable(
                f"成员「{name}」的压缩比异常（{ratio:.0f} 倍，上限 {limits.max_ratio:.0f} 倍），"
                "疑似压缩炸弹，已拒绝",
                member=name,
            )


def _parse_manifest(raw: bytes) -> Manifest:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise PackageUnreadable(
            f"清单「{MANIFEST}」不是有效的 UTF-8 JSON", member=MANIFEST
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise PackageUnreadable(f"清单「{MANIFEST}」不是 smedesk 包的清单", member=MANIFEST)
    version = data.get("format_version")
    if version != FORMAT_VERSION:
        raise PackageUnreadable(
            f"包的格式版本 {version!r} 不受支持（本程序读取版本 {FORMAT_VERSION}）；"
            "如为更新版本的 smedesk 所制，请升级后再打开",
            member=MANIFEST,
        )
    try:
        return Manifest.model_validate(data)
    except ValidationError as exc:
        where = ".".join(str(p) for p in exc.errors()[0]["loc"]) or "（顶层）"
        raise PackageUnreadable(
            f"清单「{MANIFEST}」的内容有误（{where}），无法读取", member=MANIFEST
        ) from None


def _check_members(manifest: Manifest, by_name: dict[str, zipfile.ZipInfo], limits: Limits) -> None:
    listed: set[str] = set()
    for entry in manifest.members:
        check_name(entry.path, limits)
        if entry.path in RESERVED or entry.path in listed:
            raise PackageUnreadable(
                f"清单重复列出或占用了保留名称「{entry.path}」", member=entry.path
            )
        listed.add(entry.path)
        info = by_name.get(entry.path)
        if info is None:
            raise PackageTampered(f"包中缺少清单列出的成员「{entry.path}」", member=entry.path)
        if info.file_size != entry.size:
            raise PackageTampered(
                f"成员「{entry.path}」的大小（{info.file_size} 字节）与清单记录的 {entry.size} 字节不符",
                member=entry.path,
            )
    for name in by_name:
        if name not in listed and name not in RESERVED:
            raise PackageTampered(f"包中有清单未列出的成员「{name}」，已拒绝", member=name)
    for doc in manifest.documents:
        if doc.path not in listed or manifest.member(doc.path).type != "document":
            raise PackageUnreadable(
                f"清单中的文档「{doc.title}」指向的成员「{doc.path}」不存在", member=doc.path
            )


def _read_small(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limits: Limits) -> bytes:
    if info.file_size > limits.max_json_bytes:
        raise PackageUnreadable(f"成员「{info.filename}」过大，已拒绝", member=info.filename)
    return b"".join(_chunks(zf, info, limits, info.file_size))


def _chunks(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, limits: Limits, expected: int
) -> Iterator[bytes]:
    """The member's bytes in chunks, never more than ``expected`` (a lying header stops here)."""
    name = info.filename
    read = 0
    try:
        with zf.open(info) as stream:
            while True:
                chunk = _read(stream, min(CHUNK, expected - read + 1))
                if not chunk:
                    break
                read += len(chunk)
                if read > expected:
                    raise PackageTampered(
                        f"成员「{name}」解压后比记录的 {expected} 字节更大，已拒绝", member=name
                    )
                yield chunk
    except PackageError:
        raise
    except _ZIP_ERRORS:
        # The archive's directory was readable, so a member that fails to inflate or whose
        # CRC fails was changed after packing (or damaged in transit): not what was sent.
        raise PackageTampered(
            f"成员「{name}」已损坏或被改动，无法解压（校验失败）", member=name
        ) from None
    if read != expected:
        raise PackageTampered(
            f"成员「{name}」解压后为 {read} 字节，与记录的 {expected} 字节不符", member=name
        )


def _read(stream: IO[bytes], size: int) -> bytes:
    return stream.read(max(size, 1))


def _compare(member: str, found: str, expected: str) -> None:
    if found != expected:
        raise PackageTampered(
            f"成员「{member}」的内容与清单记录的 SHA-256 校验值不一致，包已被改动", member=member
        )


def _inside(root: Path, member: str) -> Path:
    dest = root.joinpath(*member.split("/"))
    # The name rules already forbid leaving the folder; this catches a rule ever missed.
    if not dest.resolve().is_relative_to(root.resolve()):
        raise PackageUnreadable(f"成员「{member}」会写到导入文件夹之外，已拒绝", member=member)
    return dest
