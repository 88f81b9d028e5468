"""Small packages for the package tests, and a way to rebuild one with a member changed."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from smedesk.export.package import Creator, PackageBuilder
from smedesk.export.package.manifest import SchemeStamp
from smedesk.export.signing import Identity, make_signer


def small_package(path: Path, identity: Identity | None = None) -> Path:
    builder = PackageBuilder(
        "opinion" if identity else "application",
        Creator(
            role="expert" if identity else "applicant", name=identity.name if identity else "申报人"
        ),
        SchemeStamp(id="miit-2017", version="2017.1"),
    )
    data = {"doc_id": "doc-1", "kind": "expert-opinion", "format_version": 2, "note": "同意推荐"}
    builder.add_document(data, json.dumps(data, ensure_ascii=False).encode(), title="意见表")
    builder.add_bytes(
        "attachments/doc-1/000001.pdf",
        b"%PDF-1.4 " + bytes(range(256)) * 40,
        "attachment",
        document="doc-1",
        filename="执照.pdf",
    )
    builder.add_bytes("pdf/doc-1.pdf", b"%PDF-1.7 signed sheet" * 50, "pdf", document="doc-1")
    builder.write(path, sign=make_signer(identity) if identity else None)
    return path


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def rezip(path: Path, contents: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in contents.items():
            zf.writestr(name, data)
    return path
