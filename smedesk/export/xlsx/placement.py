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


def replace_list(
    data: dict[str, Any], key: str, rows: Sequence[BaseModel | dict[str, Any]]
) -> dict[str, Any]:
    """A copy of the document object with list ``key`` replaced by ``rows``, validated."""
    path = place_of(key, str(data.get("kind")))
    result: dict[str, Any] = json.loads(json.dumps(data))  # deep copy; the caller keeps its own
    node = result
    for part in path[:-1]:
        child = node.get(part)
        if not isinstance(child, dict):
            child = node[part] = {}
        node = child
    node[path[-1]] = [r.model_dump(mode="json") if isinstance(r, BaseModel) else r for r in rows]
    parse_document(result)  # the whole document must still be valid
    return result


def read_document_object(doc_path: str | os.PathLike[str]) -> dict[str, Any]:
    """The JSON object of a document file, checked to be a valid document."""
    from smedesk.forms.jsonload import MAX_DOCUMENT_BYTES, load_json_text
    from smedesk.safe_read import read_input

    p = Path(doc_path)
    raw = read_input(p, limit=MAX_DOCUMENT_BYTES, what="文档")
    try:
        data = load_json_text(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise DocumentError(f"{p} 不是有效的 JSON 文档") from None
    parse_document(data)  # a clear message for a file that was bad before the import
    if not isinstance(data, dict):
        raise DocumentError(f"{p} 不是有效的 JSON 文档")
    return data


def import_into_file(
    doc_path: str | os.PathLike[str],
    key: str,
    rows: Sequence[BaseModel],
    *,
    replace: bool = False,
    append: bool = False,
) -> int:
    """Put ``rows`` into list ``key`` of the document file at ``doc_path``; returns the count.

    Existing rows are never erased unasked: with rows already in the list, ``replace`` or
    ``append`` must be given (ImportRefused otherwise); an empty import is always refused.
    """
    from smedesk.export.xlsx.import_plan import (
        ImportMode,
        ImportRefused,
        choice_question,
        merged_rows,
        needs_choice,
        refuse_empty,
    )

    p = Path(doc_path)
    data = read_document_object(p)
    existing = list_of(data, key)
    refuse_empty(key, rows, len(existing))
    if needs_choice(len(existing)) and not (replace or append):
        raise ImportRefused(
            choice_question(key, len(existing), len(rows))
            + "为免误删，命令行须加 --replace（替换）或 --append（追加），未导入任何数据。"
        )
    mode = ImportMode.APPEND if append else ImportMode.REPLACE
    updated = replace_list(data, key, merged_rows(key, existing, rows, mode))
    write_atomically(p, json.dumps(updated, ensure_ascii=False, indent=2) + "\n")
    return len(rows)


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a synced temporary file and a rename."""
    from smedesk.safe_write import write_text

    write_text(path, text, what="文档")
