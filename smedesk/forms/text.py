"""Cleaning text where it enters the program: characters XML (so xlsx and PDF) cannot hold.

Word's soft line break pastes as a vertical tab (U+000B); other C0 control characters arrive
from old databases and copied web pages. XML 1.0 — and with it every .xlsx part — cannot
hold them, so a name carrying one passed the self-check and then broke every Excel export.
They are cleaned where text enters (typed, pasted, imported, read from a document file):
vertical tab and form feed become a line break, the rest are removed.
"""

from __future__ import annotations

import re
from typing import Any

#: C0 controls other than tab, line feed and carriage return; the two non-characters
#: U+FFFE/U+FFFF; lone surrogates (they cannot be encoded as UTF-8 at all).
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_BREAKS = {"\x0b": "\n", "\x0c": "\n"}


def clean_text(text: str) -> str:
    """``text`` without characters XML cannot hold (vertical tab / form feed → line break)."""
    if not _ILLEGAL.search(text):
        return text  # the common case costs one scan
    return _ILLEGAL.sub(lambda m: _BREAKS.get(m.group(), ""), text)


def has_illegal(text: str) -> bool:
    return _ILLEGAL.search(text) is not None


def clean_tree(data: Any) -> Any:
    """A JSON value with every string (keys too) cleaned; iterative, so depth cannot overflow."""
    if isinstance(data, str):
        return clean_text(data)
    if not isinstance(data, (dict, list)):
        return data
    stack: list[Any] = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for key in list(node):
                value = node[key]
                if isinstance(value, str):
                    value = clean_text(value)
                elif isinstance(value, (dict, list)):
                    stack.append(value)
                if isinstance(key, str) and has_illegal(key):
                    del node[key]
                    node[clean_text(key)] = value
                else:
                    node[key] = value
        else:
            for i, value in enumerate(node):
                if isinstance(value, str):
                    node[i] = clean_text(value)
                elif isinstance(value, (dict, list)):
                    stack.append(value)
    return data
