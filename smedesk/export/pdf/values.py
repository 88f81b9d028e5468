"""How a field's value is printed: blanks for what was not entered, Chinese for the rest.

Paper is filled by hand where the data is missing, so an empty field prints as white
space of a sensible width — never "None", "0" or "False". Labels always come from the
models' field specs (:func:`label_of`), never typed here.
"""

from __future__ import annotations

import datetime as dt
import enum
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from pydantic import BaseModel

from smedesk.export.pdf.linebreak import explode, fill, segments
from smedesk.export.pdf.styles import FONT, register_font
from smedesk.forms.fields import FieldSpec, field_specs

#: An ideographic space: keeps its width in ReportLab (ASCII runs would collapse).
BLANK = "\u3000"


@cache
def _specs(model: type[BaseModel]) -> dict[str, FieldSpec]:
    return {s.name: s for s in field_specs(model)}


def spec(model: type[BaseModel], name: str) -> FieldSpec:
    """The spec of ``model.name`` (cached: layouts ask for the same specs per row)."""
    return _specs(model)[name]


def label_of(model: type[BaseModel], name: str) -> str:
    return spec(model, name).label


def header_of(model: type[BaseModel], name: str) -> str:
    return spec(model, name).header


def number(value: float | int) -> str:
    """12.0 → "12", 12.5 → "12.5", 1234567.891 → "1234567.89" (no exponent, no grouping)."""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, int):
        return str(value)
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def date_text(value: dt.date | None, *, blank_width: int = 4) -> str:
    """2024-03-05 → "2024年3月5日"; missing → "    年  月  日" for the pen."""
    if value is None:
        return f"{BLANK * blank_width}年{BLANK * 2}月{BLANK * 2}日"
    return f"{value.year}年{value.month}月{value.day}日"


def text(value: Any) -> str:
    """Any field value as printed text; empty string when nothing was entered."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, enum.Enum):
        return str(getattr(value, "label", value.value))
    if isinstance(value, int | float):
        return number(value)
    if isinstance(value, dt.date):
        return date_text(value)
    if isinstance(value, list | tuple):
        return "、".join(t for t in (text(v) for v in value) if t)
    return str(value)


def inline(value: Any, width: int = 4) -> str:
    """A value set inside a sentence ("注册资本 ___ 万元"): blanks keep the gap open."""
    shown = text(value)
    return shown if shown else BLANK * width


def para_text(value: Any) -> str:
    """Text for a Paragraph: escaped, line breaks kept."""
    return escape(text(value)).replace("\n", "<br/>")


@cache
def _char_width(ch: str, size: float) -> float:
    return _string_width(ch, size)


def _string_width(value: str, size: float) -> float:
    from reportlab.pdfbase import pdfmetrics

    return float(pdfmetrics.stringWidth(value, FONT, size))


def wrap(value: str, size: float, width: float, max_lines: int = 0) -> str:
    """Break ``value`` into lines of at most ``width`` points, as plain text with "\\n".

    Table cells of long lists are plain strings, not Paragraphs: a Paragraph per cell
    makes a 3,000-row list several times slower. Lines break by the shared rule of
    :mod:`smedesk.export.pdf.linebreak`, as every Paragraph does.
    """
    if not value:
        return ""
    register_font()
    if "\n" not in value and _string_width(value, size) <= width:
        return value  # the common case: one measurement, no per-character walk
    lines: list[str] = []
    for raw in value.splitlines() or [""]:
        pieces = segments(raw)
        widths = [sum(_char_width(ch, size) for ch in p) for p in pieces]
        pieces, widths = explode(pieces, widths, width, lambda ch: _char_width(ch, size))
        ranges = fill(pieces, widths, lambda _n: width)
        lines += ["".join(pieces[a:b]) for a, b in ranges] or [""]
    if max_lines and len(lines) > max_lines:
        lines = lines[:max_lines]
    return "\n".join(lines)
