"""Turning what people type or paste into the JSON values a document holds, and back.

Documents are held as plain JSON-able dicts (what the store saves): dates as
``YYYY-MM-DD``, choices as their code value. Typed text that cannot be read as the field's
kind is kept as typed (a string) so nothing is lost; it is shown in red until corrected
and left out of the self-check.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from smedesk.forms.enums import Labelled
from smedesk.forms.fields import FieldSpec
from smedesk.forms.text import clean_text

_TRUE = {"是", "√", "✓", "true", "yes", "y", "1", "有", "具备"}
_FALSE = {"否", "×", "✗", "false", "no", "n", "0", "无", "不具备"}
_DATE = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")
# Excel counts days from 1899-12-30 (its 1900 leap-year bug is absorbed by the offset).
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_FULLWIDTH = str.maketrans("０１２３４５６７８９．－，", "0123456789.-,")


def choice_label(spec: FieldSpec, value: Any) -> str:
    for member in spec.choices:
        if member.value == value:
            return str(getattr(member, "label", member.value))
    return str(value)


def display_text(spec: FieldSpec, value: Any) -> str:
    """How a stored value reads in a table cell or a read-only box."""
    if value is None:
        return ""
    if spec.kind == "choice":
        return choice_label(spec, value)
    if spec.kind == "multichoice" and isinstance(value, list):
        return "、".join(choice_label(spec, v) for v in value)
    if spec.kind == "textlist" and isinstance(value, list):
        return "\n".join(str(v) for v in value)
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return f"{value:g}" if abs(value) < 1e15 else str(value)
    return str(value)


def _match_choice(spec: FieldSpec, text: str) -> str | None:
    for member in spec.choices:
        if isinstance(member, Labelled) and text in (member.label, member.value):
            return member.value
        if text == member.value:
            return str(member.value)
    return None


def parse_text(spec: FieldSpec, text: str) -> tuple[Any, str | None]:
    """The JSON value for ``text`` typed into ``spec``'s field, and an error if unreadable.

    Empty text is ``None`` (an untouched field stays empty, never 0). An unreadable
    value comes back as the text itself with a Chinese message. Characters XML cannot
    hold are cleaned here (typing and pasting both come through), and text over the
    field's cap is cut at the cap with a message naming it.
    """
    text = clean_text(text)
    if len(text) > spec.max_length and spec.kind in ("text", "multiline"):
        kept, _ = parse_text(spec, text[: spec.max_length])
        return kept, f"内容过长，超过该项 {spec.max_length:,} 字的上限，超出部分未保存"
    raw = text.strip()
    if spec.kind == "textlist":
        return [line.strip() for line in text.splitlines() if line.strip()], None
    if spec.kind == "multichoice":
        parts = [p for p in re.split(r"[、,，;；\s]+", raw) if p]
        values = [_match_choice(spec, p) for p in parts]
        if any(v is None for v in values):
            return raw, f"不是可选的值之一（可选：{_labels(spec)}）"
        return values, None
    if not raw:
        return None, None
    if spec.kind in ("int", "float"):
        number = raw.translate(_FULLWIDTH).replace(",", "").replace(" ", "")
        try:
            value: Any = float(number)
        except ValueError:
            return raw, "应为数字"
        if spec.kind == "int":
            if not value.is_integer():
                return raw, "应为整数"
            value = int(value)
        return value, None
    if spec.kind == "date":
        return _parse_date(raw)
    if spec.kind == "bool":
        low = raw.lower()
        if low in _TRUE:
            return True, None
        if low in _FALSE:
            return False, None
        return raw, "应为 是 或 否"
    if spec.kind == "choice":
        match = _match_choice(spec, raw)
        if match is None:
            return raw, f"不是可选的值之一（可选：{_labels(spec)}）"
        return match, None
    if spec.kind == "multiline":
        return text.rstrip() or None, None
    return raw, None


def _labels(spec: FieldSpec) -> str:
    return "、".join(str(getattr(m, "label", m.value)) for m in spec.choices)


def _parse_date(raw: str) -> tuple[Any, str | None]:
    match = _DATE.match(raw)
    try:
        if match:
            y, m, d = (int(g) for g in match.groups())
            return dt.date(y, m, d).isoformat(), None
        if raw.isdigit() and 1 <= int(raw) <= 2958465:  # a date cell pasted as its serial
            return (_EXCEL_EPOCH + dt.timedelta(days=int(raw))).isoformat(), None
    except ValueError:
        pass
    return raw, "日期格式应为 YYYY-MM-DD（如 2024-06-30）"


def is_valid_json_value(spec: FieldSpec, value: Any) -> bool:
    """False when ``value`` is typed text kept because it could not be read as the kind."""
    if value is None:
        return True
    if spec.kind in ("int", "float"):
        return isinstance(value, int | float) and not isinstance(value, bool)
    if spec.kind == "bool":
        return isinstance(value, bool)
    if spec.kind == "date":
        return isinstance(value, str) and _DATE.match(value) is not None
    if spec.kind == "choice":
        return bool(_match_choice(spec, str(value)) == value)
    return True
