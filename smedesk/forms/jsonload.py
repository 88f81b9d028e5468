"""Parsing a document's JSON text within limits: size, nesting depth, no repeated keys.

A document file is untrusted input. ``json.loads`` alone accepts a 100,000-deep nesting
(and then overflows the stack later), silently keeps the last of two equal keys (so what
one program shows is not what another reads), and takes any size. :func:`load_json_text`
refuses each of these with a Chinese sentence naming the limit, and cleans control
characters XML cannot hold (:mod:`smedesk.forms.text`).
"""

from __future__ import annotations

import json
import re
from typing import Any

from smedesk.errors import UserError
from smedesk.forms.text import clean_tree

#: A document is a form plus lists of a few thousand rows: a few MB. 64 MB is far beyond
#: any real one and still parses in a couple of seconds.
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024
#: The deepest real document nests about 6 levels (form → part → list → row → value).
MAX_DEPTH = 32

#: A JSON escape of a character XML cannot hold (raw control characters are invalid JSON).
_CONTROL_ESCAPE = re.compile(r"\\u(?:00[01][0-9a-fA-F]|[dD][89a-fA-F][0-9a-fA-F]{2}|[fF]{3}[eEfF])")


class JsonRefused(UserError):
    """JSON text outside the limits; ``message`` names the limit."""


class DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise DuplicateKey(key)
            seen.add(key)
    return result


def load_json_text(text: str) -> Any:
    """The JSON value of ``text``, within :data:`MAX_DOCUMENT_BYTES` and :data:`MAX_DEPTH`."""
    if len(text) > MAX_DOCUMENT_BYTES:
        raise JsonRefused(
            f"文档过大（超过 {MAX_DOCUMENT_BYTES // 1024 // 1024} MB 的上限），未读取。"
        )
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates)
    except RecursionError:
        raise JsonRefused(_too_deep()) from None
    except DuplicateKey as exc:
        shown = exc.key if len(exc.key) <= 40 else exc.key[:40] + "…"
        raise JsonRefused(
            f"文档中同一对象里出现了重复的键“{shown}”，无法确定取哪一个值，未读取。"
        ) from None
    if depth_of(data) > MAX_DEPTH:
        raise JsonRefused(_too_deep())
    if _CONTROL_ESCAPE.search(text):
        clean_tree(data)
    return data


def _too_deep() -> str:
    return f"文档的嵌套层数超过 {MAX_DEPTH} 层的上限，不是 smedesk 文档，未读取。"


def depth_of(data: Any) -> int:
    """Nesting depth of a JSON value (a scalar is 0); iterative, so it cannot overflow."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            children: Any = node.values()
        elif isinstance(node, list):
            children = node
        else:
            continue
        depth += 1
        if depth > deepest:
            deepest = depth
            if deepest > MAX_DEPTH:
                return deepest
        stack.extend((child, depth) for child in children if isinstance(child, (dict, list)))
    return deepest
