"""Sheet columns built from the field declarations, header matching and cell normalisation.

A list's columns are its row model's declared fields (:func:`field_specs`); the header
text is ``spec.header`` (label with unit) and the rule line is composed from the
declaration (required, kind, limits, choices, format), so the template, the export and
the importer can never disagree with the screens.

Cell values come from people's own sheets: numbers stored as text, full-width digits
(１２３), stray and full-width spaces, dates typed as text or stored as serial numbers,
choices typed with spaces. :meth:`Column.convert` turns one raw cell into the value
the row model expects, or returns a Chinese message saying what is wrong.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from smedesk.forms.checks import FORMAT_RULES
from smedesk.forms.fields import FieldSpec, field_specs
from smedesk.forms.text import clean_text

#: What a column of each value kind accepts, for the rule line of a template (the
#: descriptions of formats such as uscc live beside their checks in forms.checks).
_KIND_RULES = {
    "int": "整数",
    "float": "数字",
    "date": "日期，如 2024-03-01",
    "bool": "填“是”或“否”",
    "text": "文字",
    "multiline": "文字",
}

# Whitespace people leave in cells: ordinary, non-breaking, full-width (U+3000), zero-width.
_SPACES = re.compile(r"[\s\u00a0\u3000\u200b\ufeff]+")
_DATE_TEXT = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_DATE_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_TRUE = {"是", "有", "√", "✓", "✔", "true", "yes", "y", "1", "对"}
_FALSE = {"否", "无", "×", "✗", "false", "no", "n", "0", "不是"}
# Serial day numbers Excel can hold as dates (1900-01-01 .. 9999-12-31).
_SERIAL_RANGE = (1, 2_958_465)
_EXCEL_EPOCH = dt.date(1899, 12, 30)

Converter = Callable[[Any], tuple[Any, str | None]]


def squeeze(text: str) -> str:
    """Text without any whitespace, full-width forms folded (for headers and codes)."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", text))


def header_key(text: object) -> str:
    """A header cell reduced to what identifies it: no spaces, half-width, no line breaks."""
    return squeeze(str(text)).lower() if text is not None else ""


@dataclass(frozen=True)
class Column:
    """One column of a list sheet, tied to one declared field."""

    spec: FieldSpec
    convert: Converter = field(compare=False, repr=False)

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def header(self) -> str:
        return self.spec.header

    @property
    def required(self) -> bool:
        return self.spec.required

    @property
    def choice_labels(self) -> list[str]:
        return [_label(c) for c in self.spec.choices]

    @property
    def rule(self) -> str:
        """The rule of this column in one line, composed from the declaration."""
        s = self.spec
        parts = ["必填" if s.required else "选填"]
        if s.kind == "choice":
            parts.append("从下拉列表选择：" + "、".join(self.choice_labels))
        elif s.format in FORMAT_RULES:
            parts.append(FORMAT_RULES[s.format])
        else:
            parts.append(_KIND_RULES.get(s.kind, "文字"))
        if s.ge is not None and s.le is not None:
            parts.append(f"{_num(s.ge)}～{_num(s.le)}")
        elif s.ge is not None:
            parts.append(f"不小于 {_num(s.ge)}")
        elif s.le is not None:
            parts.append(f"不大于 {_num(s.le)}")
        if s.max_chars:
            parts.append(f"不超过 {s.max_chars} 字")
        if s.help:
            parts.append(s.help)
        return "；".join(parts)

    @property
    def keys(self) -> tuple[str, ...]:
        """Header texts this column answers to: with unit, and the bare label."""
        return tuple(dict.fromkeys((header_key(self.spec.header), header_key(self.spec.label))))

    def to_cell(self, value: Any) -> Any:
        """A model value as a cell value (choices by their printed label)."""
        if value is None:
            return None
        if isinstance(value, enum.Enum):
            return _label(value)
        if isinstance(value, bool):
            return "是" if value else "否"
        return value


def columns_for(model: type[BaseModel]) -> list[Column]:
    """The sheet columns of a row model, in declaration order (derived fields left out)."""
    columns = []
    for spec in field_specs(model, include_derived=False):
        if spec.kind in ("model", "list", "multichoice", "textlist"):
            continue  # not a single cell; no list row model has one today
        columns.append(Column(spec, _converter(spec)))
    return columns


def _label(member: enum.Enum) -> str:
    return str(getattr(member, "label", member.value))


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def _converter(spec: FieldSpec) -> Converter:
    if spec.kind == "int":
        return _to_int
    if spec.kind == "float":
        return _to_float
    if spec.kind == "date":
        return _to_date
    if spec.kind == "bool":
        return _to_bool
    if spec.kind == "choice":
        return _choice_converter(spec)
    if spec.format:
        upper = spec.format == "uscc"
        return lambda v: _to_code(v, upper)
    return _to_text


def _to_text(value: Any) -> tuple[Any, str | None]:
    if value is None:
        return None, None
    if isinstance(value, str):
        # Characters XML cannot hold are cleaned here, where imported text enters.
        text = clean_text(value).strip(" \t\r\n\u00a0\u3000\u200b\ufeff")
        return (text or None), None
    if isinstance(value, bool):
        return ("是" if value else "否"), None
    if isinstance(value, float) and value.is_integer():
        return str(int(value)), None
    if isinstance(value, dt.datetime):
        return value.date().isoformat(), None
    return str(value), None


def _to_code(value: Any, upper: bool) -> tuple[Any, str | None]:
    # Codes and phone numbers never contain spaces; Excel keeps long digit runs as numbers.
    text, _ = _to_text(value)
    if text is None:
        return None, None
    text = squeeze(text)
    return (text.upper() if upper else text) or None, None


def _number_text(value: str) -> str:
    return squeeze(value).replace(",", "").replace("，", "")


def _to_int(value: Any) -> tuple[Any, str | None]:
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value, None
    if isinstance(value, float):
        return (int(value), None) if value.is_integer() else (None, f"应为整数，现为 {value}")
    if isinstance(value, str):
        text = _number_text(value)
        if not text:
            return None, None
        try:
            number = float(text)
        except ValueError:
            return None, f"应为整数，现为“{value.strip()}”"
        if number.is_integer():
            return int(number), None
        return None, f"应为整数，现为 {text}"
    return None, f"应为整数，现为“{value}”"


def _to_float(value: Any) -> tuple[Any, str | None]:
    if value is None or isinstance(value, float):
        return value, None
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value), None
    if isinstance(value, str):
        text = _number_text(value).removesuffix("%")
        if not text:
            return None, None
        try:
            return float(text), None
        except ValueError:
            return None, f"应为数字，现为“{value.strip()}”"
    return None, f"应为数字，现为“{value}”"


def _to_date(value: Any) -> tuple[Any, str | None]:
    if value is None:
        return None, None
    if isinstance(value, dt.datetime):
        return value.date(), None
    if isinstance(value, dt.date):
        return value, None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        # A date typed into a cell formatted as number arrives as Excel's serial day.
        if _SERIAL_RANGE[0] <= value <= _SERIAL_RANGE[1]:
            return _EXCEL_EPOCH + dt.timedelta(days=int(value)), None
        return None, f"日期无法识别：{value}（应为如 2024-03-01 的日期）"
    if isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip()
        if not text:
            return None, None
        m = _DATE_TEXT.match(text) or _DATE_COMPACT.match(text)
        if m:
            try:
                return dt.date(int(m[1]), int(m[2]), int(m[3])), None
            except ValueError:
                return None, f"日期不存在：“{value.strip()}”"
        return None, f"日期无法识别：“{value.strip()}”（应为如 2024-03-01 或 2024年3月1日）"
    return None, f"日期无法识别：“{value}”"


def _to_bool(value: Any) -> tuple[Any, str | None]:
    if value is None or isinstance(value, bool):
        return value, None
    text = squeeze(str(value)).lower()
    if not text:
        return None, None
    if text in _TRUE:
        return True, None
    if text in _FALSE:
        return False, None
    return None, f"应填“是”或“否”，现为“{value}”"


def _choice_converter(spec: FieldSpec) -> Converter:
    table: dict[str, enum.Enum] = {}
    for member in spec.choices:
        table[squeeze(_label(member))] = member
        table[squeeze(str(member.value))] = member
    allowed = "、".join(_label(c) for c in spec.choices)

    def convert(value: Any) -> tuple[Any, str | None]:
        if value is None:
            return None, None
        if isinstance(value, enum.Enum):
            return value, None
        text = squeeze(str(value))
        if not text:
            return None, None
        member = table.get(text)
        if member is None:
            return None, f"“{str(value).strip()}”不是可选的值，应为：{allowed}"
        return member, None

    return convert
