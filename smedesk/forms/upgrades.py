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
FORMAT_VERSION = 2


def _from_1(data: JsonDict) -> JsonDict:
    """Format 1 (releases up to 0.1) → 2: same fields; 2 refuses unknown fields on reading.

    Format 1 was written with the models ignoring unknown fields, so a document of that
    release holds only fields the models declare: nothing to move.
    """
    return data


#: ``STEPS[n]`` turns a document of format ``n`` into format ``n + 1``.
STEPS: dict[int, Callable[[JsonDict], JsonDict]] = {
    1: _from_1,
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
