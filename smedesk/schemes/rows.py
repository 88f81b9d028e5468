"""Checks that decide from the rows of a table or from a closed list of values.

``any_row``: at least one row states an accepted value in its ``key`` column (e.g. a prior
recognition whose level is 省级), optionally only rows matching ``where`` and not expired by
the fill date (``expires`` names a date column). The level of a recognition is a fact the
applicant states, so it is decided here, not left to a judgement.

``one_of``: a value is one of ``values`` (e.g. an association recommender is one of the 13
the 2019 call lists).
"""

from __future__ import annotations

import datetime as dt

from smedesk.schemes import fmt
from smedesk.schemes.checks import Context, Result, _art, _full, _label, _missing, _row_spec, get
from smedesk.schemes.model import CheckSpec


def _value_label(row: object, column: str, key: str) -> str:
    """The Chinese label of an enum code (e.g. provincial → 省级), for messages."""
    spec = _row_spec(row, column)
    for choice in spec.choices if spec else ():
        if str(choice.value) == key:
            return str(getattr(choice, "label", key))
    return key


def _row_name(row: object) -> str:
    for column in ("document", "name", "platform_name"):
        value = get(row, column)
        if isinstance(value, str) and value.strip():
            return f"（{value.strip()[:40]}）"
    return ""


def any_row(check: CheckSpec, root: object, ctx: Context) -> Result:
    path, key = check.path or "", check.key or ""
    rows = get(root, path) or []
    label = _label(check, root, path, ctx)
    at = _full(ctx, path)
    if not rows:
        return _missing(label, path, ctx)
    accepted = set(check.values)
    wanted = "、".join(_value_label(rows[0], key, v) for v in check.values)
    unset: list[int] = []
    expired: list[tuple[int, dt.date]] = []
    other: list[str] = []
    for i, row in enumerate(rows):
        value = fmt.key_of(get(row, key))
        if not value:
            unset.append(i)
            continue
        if any(fmt.key_of(get(row, col)) != want for col, want in check.where.items()):
            other.append(f"{_value_label(row, key, value)}·{_where_text(row, check)}")
            continue
        if value not in accepted:
            other.append(_value_label(row, key, value))
            continue
        until = get(row, check.expires) if check.expires else None
        if isinstance(until, dt.date) and until < ctx.fill_date:
            expired.append((i, until))
            continue
        found = _value_label(row, key, value)
        return Result(
            "met",
            f"{label}：第 {i + 1} 行为{found}{_row_name(row)}，符合{_art(ctx)}要求（{wanted}）",
            f"{ctx.prefix}{path}[{i}].{key}",
            found,
            wanted,
        )
    if unset:
        col = _row_spec(rows[unset[0]], key)
        return Result(
            "missing",
            f"未填写：{label}第 {unset[0] + 1} 行的{col.label if col else key}"
            f"（据此判断是否符合{_art(ctx)}要求）",
            f"{ctx.prefix}{path}[{unset[0]}].{key}",
        )
    if expired:
        i, until = expired[0]
        return Result(
            "short",
            f"{label}：第 {i + 1} 行已于 {until.isoformat()} 到期，"
            f"到{ctx.fill_date_label}已不能作为{_art(ctx)}的依据",
            f"{ctx.prefix}{path}[{i}].{check.expires}",
            f"已到期 {until.isoformat()}",
            wanted,
        )
    found = "、".join(dict.fromkeys(other))
    return Result(
        "short",
        f"{label}：所列 {len(rows)} 项为{found}，没有{_art(ctx)}要求的{wanted}"
        + (f"（{_where_text(None, check)}）" if check.where else ""),
        at,
        found,
        wanted,
    )


def _where_text(row: object, check: CheckSpec) -> str:
    parts = []
    for col, want in check.where.items():
        if row is None:
            parts.append(want)
        else:
            parts.append(_value_label(row, col, fmt.key_of(get(row, col))))
    return "、".join(parts)


def one_of(check: CheckSpec, root: object, ctx: Context) -> Result:
    path = check.path or ""
    label = _label(check, root, path, ctx)
    value = fmt.text(get(root, path)).strip()
    at = _full(ctx, path)
    if not value:
        return _missing(label, path, ctx)
    bound = f"{len(check.values)} 个之一"
    if value in check.values:
        return Result("met", f"{label}“{value}”在{_art(ctx)}所列名单中", at, value, bound)
    return Result("short", f"{label}“{value}”不在{_art(ctx)}所列名单中", at, value, bound)
