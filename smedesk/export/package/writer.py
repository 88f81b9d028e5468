"""Writing a package: members streamed in with their hashes, then the manifest, then the
signature; the file appears at its name only when complete (temporary file + rename)."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from smedesk.export.package.errors import PackageError
from smedesk.export.package.limits import DEFAULT_LIMITS, Limits
from smedesk.export.package.manifest import (
    RESERVED,
    SIGNATURE,
    Creator,
    DocumentEntry,
    Manifest,
    MemberEntry,
    MemberType,
    PackageKind,
    SchemeStamp,
)
from smedesk.export.package.names import check_name, name_key
from smedesk.progress import Progress
from smedesk.safe_write import atomic_path

CHUNK = 1024 * 1024
#: A member whose first 64 KiB deflate by less than this is stored as is (scans, PDFs,
#: photos are compressed already; deflating them again costs time and saves nothing).
_WORTH_COMPRESSING = 0.9
_SAMPLE = 64 * 1024
#: ``progress(done_bytes, total_bytes)``; it raises ``Cancelled`` to stop (smedesk.progress).
#: Signs the manifest's bytes and returns the bytes of ``signature.json``.
Signer = Callable[[bytes], bytes]


@dataclass(frozen=True)
class _Source:
    path: str
    type: MemberType
    data: bytes | None
    file: Path | None
    meta: dict[str, Any]

    @property
    def size(self) -> int:
        return len(self.data) if self.data is not None else self.file.stat().st_size  # type: ignore[union-attr]


class PackageBuilder:
    """Collect a package's members, then :meth:`write` it."""

    def __init__(
        self,
        kind: PackageKind,
        creator: Creator,
        scheme: SchemeStamp,
        *,
        recipient: str | None = None,
        limits: Limits = DEFAULT_LIMITS,
    ) -> None:
        self.kind = kind
        self.creator = creator
        self.scheme = scheme
        self.recipient = recipient
        self.limits = limits
        self._sources: list[_Source] = []
        self._documents: list[DocumentEntry] = []
        self._keys: set[str] = {name_key(n) for n in RESERVED}

    def add_document(
        self, data: dict[str, Any], text: bytes, *, purpose: str = "other", title: str = ""
    ) -> str:
        """A document as its JSON ``text``; ``data`` is the same document, for the manifest."""
        doc_id = str(data["doc_id"])
        path = f"documents/{doc_id}.json"
        self._add(_Source(path, "document", text, None, {"document": doc_id}))
        self._documents.append(
            DocumentEntry(
                doc_id=doc_id,
                kind=str(data["kind"]),
                format_version=int(data.get("format_version", 1)),
                title=title or str(data.get("title") or doc_id),
                path=path,
                purpose=purpose,
            )
        )
        return path

    def add_bytes(self, path: str, data: bytes, type: MemberType, **meta: Any) -> str:
        self._add(_Source(path, type, data, None, meta))
        return path

    def add_file(
        self, path: str, source: str | os.PathLike[str], type: MemberType, **meta: Any
    ) -> str:
        self._add(_Source(path, type, None, Path(source), meta))
        return path

    def _add(self, source: _Source) -> None:
        check_name(source.path, self.limits)
        key = name_key(source.path)
        if key in self._keys:
            raise PackageError(f"包中已有名为「{source.path}」的成员", member=source.path)
        self._keys.add(key)
        self._sources.append(source)

    def _check_limits(self, total: int) -> None:
        """Refuse to write what no reader (this program included) would accept."""
        limits = self.limits
        if len(self._sources) + len(RESERVED) > limits.max_members:
            raise PackageError(
                f"包中文件过多（{len(self._sources)} 个，上限 {limits.max_members} 个）"
            )
        if total > limits.max_total_bytes:
            raise PackageError(
                f"包中文件总大小超过上限 {limits.max_total_bytes // 1024**2} MB，请分成几个包"
            )
        for source in self._sources:
            cap = limits.max_json_bytes if source.type == "document" else limits.max_member_bytes
            if source.size > cap:
                raise PackageError(
                    f"文件「{source.meta.get('filename') or source.path}」过大"
                    f"（上限 {cap // 1024**2} MB），无法打包",
                    member=source.path,
                )

    def write(
        self,
        out: str | os.PathLike[str],
        *,
        sign: Signer | None = None,
        progress: Progress | None = None,
        now: dt.datetime | None = None,
    ) -> Manifest:
        """Write the package to ``out``; an existing file is replaced only on success."""
        target = Path(out)
        total = sum(s.size for s in self._sources)
        self._check_limits(total)
        # Temp file beside the target, fsynced, renamed over it only when whole
        # (smedesk.safe_write): a full disk or a pulled stick leaves the old file as it was.
        with atomic_path(target, what="交换包") as tmp:
            members: list[MemberEntry] = []
            with zipfile.ZipFile(tmp, "w", allowZip64=True) as zf:
                done = 0
                for source in self._sources:
                    entry, done = _write_member(zf, source, done, total, progress)
                    members.append(entry)
                manifest = Manifest(
                    kind=self.kind,
                    created_at=(now or dt.datetime.now(dt.UTC)).replace(microsecond=0),
                    creator=self.creator,
                    scheme=self.scheme,
                    recipient=self.recipient,
                    documents=self._documents,
                    members=members,
                )
                manifest_bytes = manifest.to_bytes()
                zf.writestr(_info("manifest.json", zipfile.ZIP_DEFLATED), manifest_bytes)
                if sign is not None:
                    zf.writestr(_info(SIGNATURE, zipfile.ZIP_DEFLATED), sign(manifest_bytes))
        return manifest


def write_package(builder: PackageBuilder, out: str | os.PathLike[str], **kw: Any) -> Manifest:
    return builder.write(out, **kw)


def _info(name: str, compression: int, size: int = 0) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = compression
    info.external_attr = 0o100644 << 16  # a regular file, rw-r--r--
    info.file_size = size
    return info


def _compression(source: _Source) -> int:
    if source.type == "document":
        return zipfile.ZIP_DEFLATED
    if source.data is not None:
        sample = source.data[:_SAMPLE]
    else:
        with open(source.file, "rb") as f:  # type: ignore[arg-type]
            sample = f.read(_SAMPLE)
    if not sample:
        return zipfile.ZIP_STORED
    packed = len(zlib.compress(sample, 1))
    return zipfile.ZIP_DEFLATED if packed < _WORTH_COMPRESSING * len(sample) else zipfile.ZIP_STORED


def _write_member(
    zf: zipfile.ZipFile, source: _Source, done: int, total: int, progress: Progress | None
) -> tuple[MemberEntry, int]:
    digest = hashlib.sha256()
    size = 0
    info = _info(source.path, _compression(source), source.size)
    with zf.open(info, "w", force_zip64=source.size > 2**31 - 1) as out:
        if source.data is not None:
            chunks: Any = (source.data[i : i + CHUNK] for i in range(0, len(source.data), CHUNK))
            handle = None
        else:
            handle = open(source.file, "rb")  # type: ignore[arg-type]  # noqa: SIM115
            chunks = iter(lambda: handle.read(CHUNK), b"")
        try:
            for chunk in chunks:
                digest.update(chunk)
                out.write(chunk)
                size += len(chunk)
                done += len(chunk)
                if progress is not None:
                    progress(done, total)  # raises Cancelled to stop
        finally:
            if handle is not None:
                handle.close()
    entry = MemberEntry(
        path=source.path, size=size, sha256=digest.hexdigest(), type=source.type, **source.meta
    )
    return entry, done
