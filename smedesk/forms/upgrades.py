"""Bring a stored or exported document of an earlier format up to this release's format.

Every document carries ``format_version``. A release that changes what a document holds
(a field renamed, split or moved) bumps :data:`FORMAT_VERSION` and adds one step to
:data:`STEPS` that turns a document of the previous version into the next. Steps work on
plain JSON data, before the model sees it, and run one after another, so a document of any
earlier version is upgraded by the same tested path. Steps never drop what they do not
understand: the model refuses unknown fields, so a step that forgets one fails loudly.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from smedesk.errors import UserError

JsonDict = dict[str, Any]

#: The format this release writes.
FORMAT_VERSION = 3


def _from_1(data: JsonDict) -> JsonDict:
    """Format 1 (releases up to 0.1) → 2: same fields; 2 refuses unknown fields on reading.

    Format 1 was written with the models ignoring unknown fields, so a document of that
    release holds only fields the models declare: nothing to move.
    """
    return data


def _from_2(data: JsonDict) -> JsonDict:
    """Format 2 → 3: the 申请表 part 四 recognition becomes structured rows.

    Format 2 held «…相关认定的文件名称及文号» as one free text. It becomes one row with the
    text kept as the document name and the level left for the applicant to choose (the
    self-check reports the missing level; nothing is guessed). The service-staff figures
    added in 3 (Art. 12(6)) start empty: 从业人数 is not the same count, so it is not copied.
    """
    if data.get("kind") != "application-report":
        return data
    out = dict(data)
    form: Any = out.get("form") or {}
    support: Any = {}
    if isinstance(form, dict):
        support = form.get("support") or {}
    if not isinstance(form, dict) or not isinstance(support, dict):
        return out  # not the shape of a 申请表: validation names what is wrong
    form, support = dict(form), dict(support)
    if "recognition_documents" in support:
        text = support.pop("recognition_documents")
        rows = []
        if isinstance(text, str) and text.strip():
            rows.append({"level": None, "issuer": None, "kind": None, "document": text})
        support["recognitions"] = rows
    form["support"] = support
    out["form"] = form
    return out


#: ``STEPS[n]`` turns a document of format ``n`` into format ``n + 1``.
STEPS: dict[int, Callable[[JsonDict], JsonDict]] = {
    1: _from_1,
    2: _from_2,
}


class FormatError(UserError):
    """A document whose format this release cannot read."""


def upgrade(data: JsonDict) -> JsonDict:
    """Return ``data`` in :data:`FORMAT_VERSION`, upgraded step by step (a new dict)."""
    version = data.get("format_version", 1)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise FormatError(f"文档的格式版本 {version!r} 无效（应为正整数）")
    if version > FORMAT_VERSION:
        raise FormatError(
            f"文档的格式版本为 {version}，高于本程序支持的 {FORMAT_VERSION}；"
            "请升级 smedesk 后再打开"
        )
    out = dict(data)
    while version < FORMAT_VERSION:
        out = STEPS[version](out)
        version += 1
        out["format_version"] = version
    return out
