"""The check vocabulary: how each ``check = "…"`` of a scheme file reads a document.

Each check returns a :class:`Result` — a state, a one-line Chinese message and the
figure and threshold as printed. Rules (engine) add the citation, relaxation and group.
Missing data is always the state ``missing``, never ``met``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel

from smedesk.forms.common import years_between
from smedesk.forms.fields import FieldSpec
from smedesk.forms.walk import PathError, resolve, spec_at
from smedesk.schemes import fmt
from smedesk.schemes.model import CheckSpec

State = Literal["met", "short", "missing", "judgement", "note", "skip"]


@dataclass(frozen=True)
class Result:
    state: State
    message: str
    path: str | None = None
    found: str | None = None
    threshold: str | None = None


@dataclass(frozen=True)
class Context:
    """What a check needs besides its own spec."""

    article: str  # e.g. 第十二条第（一）项; empty for sub-checks
    title: str  # the rule's title, used where a check reads several fields
    fill_date: dt.date
    fill_date_label: str  # 填报日期 2024-06-01, or 今天 2024-06-01（未填填报日期）
    prefix: str = ""  # path prefix of a table row, e.g. rows[2].

    def sub(self, prefix: str | None = None) -> Context:
        return Context("", self.title, self.fill_date, self.fill_date_label,
                       self.prefix if prefix is None else prefix)  # fmt: skip


@cache
def _spec(model: type[BaseModel], path: str) -> FieldSpec | None:
    return spec_at(model, path)


def _row_spec(row: object, column: str) -> FieldSpec | None:
    return _spec(type(row), column) if isinstance(row, BaseModel) else None


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a common year
        return day.replace(year=day.year + years, day=28)


def get(root: object, path: str) -> Any:
    try:
        return resolve(root, path)
    except PathError:
        return None


def is_empty(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | tuple | set | frozenset):
        return not value
    return False


def _label(check: CheckSpec, root: object, path: str | None, ctx: Context) -> str:
    if check.label:
        return check.label
    if path and isinstance(root, BaseModel):
        spec = _spec(type(root), path)
        if spec is not None:
            return spec.label
    return ctx.title


def _unit(check: CheckSpec, root: object, path: str | None) -> str | None:
    if check.unit is not None:
        return check.unit or None
    if path and isinstance(root, BaseModel):
        spec = _spec(type(root), path)
        if spec is not None:
            return spec.unit
    return None


def _missing(label: str, path: str | None, ctx: Context, extra: str = "") -> Result:
    return Result("missing", f"未填写：{label}{extra}", _full(ctx, path))


def _full(ctx: Context, path: str | None) -> str | None:
    return f"{ctx.prefix}{path}" if path else (ctx.prefix.rstrip(".") or None)


def _art(ctx: Context) -> str:
    """The article as it reads inside a sentence: «第十二条第（一）项», «附件2», «“一”»."""
    article = ctx.article
    if not article or article.startswith(("第", "附件")):
        return article
    return f"“{article}”"


# ----------------------------------------------------------------------------- numeric


def _numeric(check: CheckSpec, root: object, ctx: Context) -> Result:
    path = check.path or ""
    label, unit = _label(check, root, path, ctx), _unit(check, root, path)
    limit = check.threshold
    if check.by:
        key = fmt.key_of(get(root, check.by))
        if not key:
            return _missing(_label(CheckSpec(check="nonempty"), root, check.by, ctx), check.by,
                            ctx, "（据此确定适用的门槛）")  # fmt: skip
        limit = check.thresholds.get(key)
        if limit is None:
            return Result("short", f"{label}：“{fmt.text(get(root, check.by))}”没有对应的门槛",
                          _full(ctx, check.by))  # fmt: skip
    assert limit is not None  # validated at load time
    value = get(root, path)
    if is_empty(value):
        return _missing(label, path, ctx)
    found = fmt.with_unit(float(value), unit)
    bound = fmt.threshold(check.check, limit, unit)
    met = {"min": value >= limit, "max": value <= limit, "gt": value > limit}[check.check]
    at = _full(ctx, path)
    if met:
        return Result("met", f"{label} {found}，符合{_art(ctx)}要求（{bound}）", at, found, bound)
    limit_text = fmt.with_unit(limit, unit)
    # how far off, so a relaxed finding says what is being relaxed
    gap = fmt.with_unit(abs(limit - float(value)), unit)
    verb = {
        "min": f"低于{_art(ctx)}要求的 {limit_text}，差 {gap}",
        "gt": f"未超过{_art(ctx)}要求的 {limit_text}",
        "max": f"超过{_art(ctx)}规定的上限 {limit_text}，超出 {gap}",
    }[check.check]
    return Result("short", f"{label} {found}，{verb}", at, found, bound)


# ----------------------------------------------------------------------------- dates


def _years_since(check: CheckSpec, root: object, ctx: Context) -> Result:
    path = check.path or ""
    label = _label(check, root, path, ctx)
    start = get(root, path)
    if not isinstance(start, dt.date):
        return _missing(label, path, ctx)
    limit = check.threshold or 0
    years = years_between(start, ctx.fill_date)
    found = f"{fmt.number(round(years, 1))} 年"
    bound = fmt.threshold("min", limit, "年")
    span = f"{label} {start.isoformat()} 至{ctx.fill_date_label}满 {found}"
    at = _full(ctx, path)
    if years >= limit:
        return Result("met", f"{span}，符合{_art(ctx)}要求（{bound}）", at, found, bound)
    gap = fmt.number(round(limit - years, 1))
    return Result(
        "short", f"{span}，不足{_art(ctx)}要求的 {fmt.number(limit)} 年，差 {gap} 年", at, found,
        bound,
    )  # fmt: skip


def _within_years(check: CheckSpec, root: object, ctx: Context) -> Result:
    path = check.path or ""
    label = _label(check, root, path, ctx)
    day = get(root, path)
    if not isinstance(day, dt.date):
        return _missing(label, path, ctx)
    limit = check.threshold or 0
    latest = add_years(ctx.fill_date, int(limit))
    bound = f"≤ {latest.isoformat()}"
    at = _full(ctx, path)
    if day <= latest:
        return Result("met", f"{label} {day.isoformat()}，在{fmt.number(limit)}年期内", at,
                      day.isoformat(), bound)  # fmt: skip
    return Result(
        "short",
        f"{label} {day.isoformat()}，晚于{ctx.fill_date_label}后 {fmt.number(limit)} 年（{latest.isoformat()}）",
        at, day.isoformat(), bound,
    )  # fmt: skip


# ----------------------------------------------------------------------------- flags and text


def _flag(check: CheckSpec, root: object, ctx: Context) -> Result:
    path = check.path or ""
    label = _label(check, root, path, ctx)
    value = get(root, path)
    at = _full(ctx, path)
    if value is None:
        return _missing(label, path, ctx)
    want = check.check == "is_true"
    bound = "是" if want else "否"
    if bool(value) is want:
        return Result("met", f"{label}：{fmt.text(value)}", at, fmt.text(value), bound)
    return Result("short", f"{label}：{fmt.text(value)}，不符合{_art(ctx)}要求", at,
                  fmt.text(value), bound)  # fmt: skip


def _paths(check: CheckSpec) -> tuple[str, ...]:
    return ((check.path,) if check.path else ()) + check.paths


def _nonempty(check: CheckSpec, root: object, ctx: Context) -> Result:
    for path in _paths(check):
        if not is_empty(get(root, path)):
            return Result("met", f"已填写：{_label(check, root, path, ctx)}", _full(ctx, path))
    labels = "、".join(_label(check, root, p, ctx) for p in _paths(check))
    return _missing(labels, _paths(check)[0], ctx)


def _judgement(check: CheckSpec, root: object, ctx: Context) -> Result:
    for path in _paths(check):
        if not is_empty(get(root, path)):
            label = _label(check, root, path, ctx)
            return Result("judgement", f"{label}：已填写，需专家对照{_art(ctx)}判断",
                          _full(ctx, path))  # fmt: skip
    labels = "、".join(_label(check, root, p, ctx) for p in _paths(check))
    return _missing(labels, _paths(check)[0], ctx)


def _preference(check: CheckSpec, root: object, ctx: Context) -> Result:
    for path in _paths(check):
        if get(root, path) is True:
            label = _label(check, root, path, ctx)
            return Result("note", f"{label}，按{_art(ctx)}予以倾斜", _full(ctx, path), "是")
    return Result("skip", "")


def _text_check(check: CheckSpec, root: object, ctx: Context) -> Result:
    path = check.path or ""
    label = _label(check, root, path, ctx)
    value = get(root, path)
    if is_empty(value) and check.check == "max_chars":
        return Result("skip", "")  # nothing is too long; whether it is required is another rule
    if is_empty(value):
        return _missing(label, path, ctx)
    text = str(value)
    at = _full(ctx, path)
    if check.check == "excludes":
        hits = [w for w in check.values if w in text]
        bound = "不含" + "、".join(f"“{w}”" for w in check.values)
        if not hits:
            return Result("met", f"{label}“{text}”未含不允许的字样", at, text, bound)
        words = "、".join(f"“{w}”" for w in hits)
        return Result(
            "short", f"{label}“{text}”含有{words}字样，{_art(ctx)}不允许", at, text, bound
        )
    if check.check == "ends_with":
        suffix = check.value or ""
        bound = f"以“{suffix}”结尾"
        if text.endswith(suffix):
            return Result("met", f"{label}“{text}”以“{suffix}”结尾", at, text, bound)
        return Result("short", f"{label}“{text}”须以“{suffix}”结尾", at, text, bound)
    limit = int(check.threshold or 0)
    found, bound = f"{len(text)} 字", f"≤ {limit} 字"
    if len(text) <= limit:
        return Result("met", f"{label}共 {len(text)} 字，未超过 {limit} 字", at, found, bound)
    return Result("short", f"{label}共 {len(text)} 字，超过{_art(ctx)}规定的 {limit} 字", at,
                  found, bound)  # fmt: skip


# ----------------------------------------------------------------------------- lists


def _count(items: object) -> int:
    if not isinstance(items, list):
        return 0
    return sum(1 for i in items if not is_empty(i))


def _count_check(check: CheckSpec, root: object, ctx: Context) -> Result:
    path = check.path or ""
    label, unit = _label(check, root, path, ctx), _unit(check, root, path) or "项"
    items = get(root, path)
    n = _count(items)
    limit = check.threshold or 0
    at = _full(ctx, path)
    found, bound = fmt.with_unit(n, unit), fmt.threshold(check.check, limit, unit)
    if check.check == "count_min":
        if n == 0:
            return _missing(label, path, ctx)
        if n >= limit:
            return Result(
                "met", f"{label} {found}，符合{_art(ctx)}要求（{bound}）", at, found, bound
            )
        return Result("short", f"{label} {found}，少于{_art(ctx)}要求的 {fmt.with_unit(limit, unit)}"
                      f"，差 {fmt.with_unit(limit - n, unit)}", at, found, bound)  # fmt: skip
    if n == 0:  # nothing chosen is missing, not "within the limit"
        return _missing(label, path, ctx)
    if n <= limit:
        return Result(
            "met", f"{label} {found}，未超过 {fmt.with_unit(limit, unit)}", at, found, bound
        )
    return Result("short", f"{label} {found}，超过{_art(ctx)}规定的 {fmt.with_unit(limit, unit)}",
                  at, found, bound)  # fmt: skip


def _present(value: object) -> bool:
    """A ticked flag, or a positive count (孵化器 2 个 counts as having incubators)."""
    if isinstance(value, bool):
        return value
    return isinstance(value, int | float) and value > 0


def _count_true(check: CheckSpec, root: object, ctx: Context) -> Result:
    values = [get(root, p) for p in _paths(check)]
    label, unit = check.label or ctx.title, check.unit or "项"
    if all(v is None for v in values):
        labels = "、".join(_label(CheckSpec(check="nonempty"), root, p, ctx) for p in _paths(check))
        return _missing(labels, _paths(check)[0], ctx)
    n = sum(1 for v in values if _present(v))
    limit = check.threshold or 0
    found, bound = f"{n} {unit}", fmt.threshold("min", limit, unit)
    at = _full(ctx, _paths(check)[0])
    if n >= limit:
        return Result("met", f"{label} {found}，符合{_art(ctx)}要求（{bound}）", at, found, bound)
    return Result("short", f"{label} {found}，少于{_art(ctx)}要求的 {fmt.number(limit)} {unit}",
                  at, found, bound)  # fmt: skip


#: check → function; completed by :mod:`smedesk.schemes.composite` (growth, tables, sub-checks)
CHECKS: dict[str, Callable[[CheckSpec, object, Context], Result]] = {
    "min": _numeric,
    "max": _numeric,
    "gt": _numeric,
    "years_since": _years_since,
    "within_years": _within_years,
    "is_true": _flag,
    "is_false": _flag,
    "nonempty": _nonempty,
    "judgement": _judgement,
    "preference": _preference,
    "excludes": _text_check,
    "ends_with": _text_check,
    "max_chars": _text_check,
    "count_min": _count_check,
    "count_max": _count_check,
    "count_true_min": _count_true,
}
