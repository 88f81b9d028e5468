"""Where each list lives in the documents, and putting imported rows there.

``smedesk import LIST FILE --into DOC.json`` replaces one list of a document file. It
edits the JSON object itself, not a re-serialised model, so every other part of the
file stays as it was; the result is validated as a whole document before it is
written, and written atomically (a temporary file in the same folder, then a rename),
so a power cut leaves either the old file or the new one.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from smedesk.forms.registry import DOCUMENT_KINDS, DocumentError, parse_document

#: list key → document kind → path of the list inside that kind of document.
LIST_PLACES: dict[str, dict[str, tuple[str, ...]]] = {
    "served-enterprises": {"application-report": ("served_enterprises",)},
    "equipment": {"application-report": ("equipment",)},
    "staff": {"application-report": ("staff",)},
    "investors": {"application-report": ("form", "basic", "investors")},
    "services": {"application-report": ("form", "capability", "services")},
    "sampled-enterprises": {"recommendation-form": ("survey", "sampled")},
}


def place_of(key: str, kind: str) -> tuple[str, ...]:
    """The path of list ``key`` in a ``kind`` document; DocumentError if it has none."""
    places = LIST_PLACES.get(key, {})
    if kind not in places:
        where = "、".join(DOCUMENT_KINDS[k].TITLE for k in places) or "（无）"
        title = DOCUMENT_KINDS[kind].TITLE if kind in DOCUMENT_KINDS else kind
        raise DocumentError(f"{title}中没有“{key}”名单；该名单属于：{where}")
    return places[kind]


def list_of(data: dict[str, Any], key: str) -> list[Any]:
    """The raw rows of list ``key`` in a document object (empty if absent)."""
    node: Any = data
    for part in place_of(key, str(data.get("kind"))):
        node = node.get(part) if isinstance(node, dict) else None
    return node if isinstance(node, list) else []


def replace_list(data: dict[str, Any], key: str, rows: Sequence[BaseModel]) -> dict[str, Any]:
    """A copy of the document object with list ``key`` replaced by ``rows``, validated."""
    path = place_of(key, str(data.get("kind")))
    result: dict[str, Any] = json.loads(json.dumps(data))  # deep copy; the caller keeps its own
    node = result
    for part in path[:-1]:
        child = node.get(part)
        if not isinstance(child, dict):
            child = node[part] = {}
        node = child
    node[path[-1]] = [row.model_dump(mode="json") for row in rows]
    parse_document(result)  # the whole document must still be valid
    return result


def import_into_file(doc_path: str | os.PathLike[str], key: str, rows: Sequence[BaseModel]) -> int:
    """Replace list ``key`` of the document file at ``doc_path``; returns the rows written."""
    p = Path(doc_path)
    raw = p.read_bytes()
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise DocumentError(f"{p} 不是有效的 JSON 文档") from None
    parse_document(data)  # a clear message for a file that was bad before the import
    updated = replace_list(data, key, rows)
    write_atomically(p, json.dumps(updated, ensure_ascii=False, indent=2) + "\n")
    return len(rows)


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
