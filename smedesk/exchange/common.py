"""Small pieces every exchange step shares: a document's JSON bytes and its attachments."""

from __future__ import annotations

import json
import re
from typing import Any

from smedesk.export.package import PackageBuilder
from smedesk.forms import Document
from smedesk.store import DocumentStore

_SAFE_SUFFIX = re.compile(r"^\.[A-Za-z0-9]{1,8}$")


def document_data(doc: Document) -> dict[str, Any]:
    """The document as JSON data (what the package's text holds, and the store keeps).

    ``model_dump(mode="json")`` builds the same data as parsing ``model_dump_json()`` back,
    without the text in between (a round import does this for hundreds of documents).
    """
    data: dict[str, Any] = doc.model_dump(mode="json")
    return data


def document_bytes(doc: Document) -> tuple[dict[str, Any], bytes]:
    """The document as JSON data and as the indented UTF-8 text the package holds."""
    data = document_data(doc)
    return data, (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def add_attachments(builder: PackageBuilder, store: DocumentStore, doc_id: str) -> int:
    """Put the document's attachments into the package; their own names go in the manifest
    (member names are plain numbers, so no file name can be an unsafe path)."""
    count = 0
    for info in store.attachments(doc_id):
        suffix = "." + info.filename.rsplit(".", 1)[-1] if "." in info.filename else ""
        suffix = suffix if _SAFE_SUFFIX.match(suffix) else ""
        builder.add_bytes(
            f"attachments/{doc_id}/{int(info.id):06d}{suffix.lower()}",
            store.attachment_content(info.id),
            "attachment",
            document=doc_id,
            material_id=info.material_id,
            filename=info.filename,
            media_type=info.media_type,
        )
        count += 1
    return count
