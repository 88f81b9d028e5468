"""Figures and thresholds as the findings print them: «250 万元», «≥ 80%», «8 亿元»."""

from __future__ import annotations

import datetime as dt
import enum

_OPS = {"min": "≥", "max": "≤", "gt": ">", "count_min": "≥", "count_max": "≤"}


def number(value: float) -> str:
    """``300.0`` → ``300``; ``82.456`` → ``82.46``; no exponent notation."""
    if isinstance(value, bool):
        return "是" if value else "否"
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.2f}".rstrip("0").rstrip(".")


def with_unit(value: float, unit: str | None) -> str:
    """A figure with its unit; 万元 of 10,000 and more read as 亿元, as the regulations write them."""
    if unit == "万元" and abs(value) >= 10000:
        return f"{number(value / 10000)} 亿元"
    if not unit:
        return number(value)
    if unit == "%":
        return f"{number(value)}%"
    return f"{number(value)} {unit}"


def threshold(op: str, value: float, unit: str | None) -> str:
    """``("min", 300, "万元")`` → ``"≥ 300 万元"``."""
    return f"{_OPS.get(op, op)} {with_unit(value, unit)}"


def text(value: object) -> str:
    """Any field value as one short line."""
    if value is None:
        return ""
    if isinstance(value, enum.Enum):
        label = getattr(value, "label", None)
        return str(label) if label else str(value.value)
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, int | float):
        return number(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return "、".join(text(v) for v in value)
    return str(value)


def key_of(value: object) -> str:
    """The stable code of a value for comparisons in scheme files (enum value, or text)."""
    if isinstance(value, enum.Enum):
        return str(value.value)
    return "" if value is None else str(value)
