"""Checks over a table or over sub-checks: growth, per-group limits, all_of, any_of, each.

``run`` is the one entry point for applying any check; the single-field checks live in
:mod:`smedesk.schemes.checks`.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from smedesk.schemes import fmt
from smedesk.schemes.checks import (
    CHECKS,
    Context,
    Result,
    State,
    _art,
    _full,
    _label,
    _missing,
    _row_spec,
    get,
)
from smedesk.schemes.model import CheckSpec
from smedesk.schemes.rows import any_row, one_of


def _growth(check: CheckSpec, root: object, ctx: Context) -> Result:
    path, key, col = check.path or "", check.key or "", check.value_field or ""
    rows = get(root, path) or []
    spec = _row_spec(rows[0], col) if rows else None
    label = check.label or (spec.label if spec else ctx.title)
    unit = check.unit or (spec.unit if spec else None)
    series = sorted(
        (get(r, key), get(r, col))
        for r in rows
        if get(r, key) is not None and get(r, col) is not None
    )
    at = _full(ctx, path)
    if len(series) < check.points:
        return Result(
            "missing", f"未填写：近 {check.points} 年的{label}（已填 {len(series)} 年）", at
        )
    last = series[-check.points :]
    found = " → ".join(f"{y} 年 {fmt.with_unit(v, unit)}" for y, v in last)
    bound = f"近 {check.points} 年逐年增长"
    if all(b[1] > a[1] for a, b in itertools.pairwise(last)):
        return Result("met", f"{label}稳步增长：{found}", at, found, bound)
    return Result("short", f"{label}未稳步增长：{found}，不符合{_art(ctx)}要求", at, found, bound)


def _per_group_max(check: CheckSpec, root: object, ctx: Context) -> Result:
    path, key = check.path or "", check.key or ""
    rows = get(root, path) or []
    label = check.label or ctx.title
    at = _full(ctx, path)
    if not rows:
        return _missing(_label(CheckSpec(check="nonempty"), root, path, ctx), path, ctx)
    groups: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        if any(fmt.key_of(get(row, col)) != want for col, want in check.where.items()):
            continue
        group = fmt.key_of(get(row, key)).strip()
        if not group:
            col = _row_spec(row, key)
            return Result("missing", f"未填写：第 {i + 1} 行的{col.label if col else key}",
                          f"{ctx.prefix}{path}[{i}].{key}")  # fmt: skip
        groups.setdefault(group, []).append(i)
    limit = int(check.threshold or 0)
    bound = f"每组 ≤ {limit}"
    over = {g: idx for g, idx in groups.items() if len(idx) > limit}
    if not over:
        return Result("met", f"{label}：每组均未超过 {limit} 个", at, None, bound)
    g, idx = next(iter(over.items()))
    rows_text = "、".join(str(i + 1) for i in idx)
    return Result("short", f"{label}：{g} 有 {len(idx)} 个（第 {rows_text} 行），超过{_art(ctx)}规定的 {limit} 个",
                  f"{ctx.prefix}{path}[{idx[limit]}].{key}", f"{g} {len(idx)} 个", bound)  # fmt: skip


# ----------------------------------------------------------------------------- composites


def _join(results: list[Result], limit: int = 3) -> str:
    text = "；".join(r.message for r in results[:limit])
    return text + (f"；等 {len(results)} 处" if len(results) > limit else "")


def _failed_state(results: list[Result]) -> State:
    return "missing" if all(r.state == "missing" for r in results) else "short"


def _all_of(check: CheckSpec, root: object, ctx: Context) -> Result:
    results = [run(sub, root, ctx.sub()) for sub in check.checks]
    failed = [r for r in results if r.state not in ("met", "skip")]
    if not failed:
        return Result("met", f"{check.label or ctx.title}：{_join(results, 8)}", results[0].path)
    return Result(_failed_state(failed), _join(failed), failed[0].path)


def _any_of(check: CheckSpec, root: object, ctx: Context) -> Result:
    options = list(check.checks)
    if check.among:
        chosen = get(root, check.among) or []
        if not chosen:
            label = _label(CheckSpec(check="nonempty"), root, check.among, ctx)
            return _missing(label, check.among, ctx)
        keys = {fmt.key_of(c) for c in chosen}
        options = [o for o in options if o.key in keys]
        if not options:
            return Result(
                "short", f"所申请的类别没有{_art(ctx)}规定的要求", _full(ctx, check.among)
            )
    failed: list[tuple[CheckSpec, Result]] = []
    for option in options:
        result = run(option, root, ctx.sub())
        name = option.label or option.key or ""
        if result.state == "met":
            return Result("met", f"{name}满足{_art(ctx)}要求", result.path, name)
        failed.append((option, result))
    detail = "；".join(f"{o.label or o.key}（{r.message}）" for o, r in failed)
    state = _failed_state([r for _, r in failed])
    prefix = "所申请的功能均未全部满足" if check.among else "均未满足"
    return Result(state, f"{prefix}{_art(ctx)}要求：{detail}", failed[0][1].path)


def _each(check: CheckSpec, root: object, ctx: Context) -> Result:
    path = check.path or ""
    rows = get(root, path) or []
    if not rows:
        return _missing(_label(check, root, path, ctx), path, ctx)
    failed: list[Result] = []
    for i, row in enumerate(rows):
        row_ctx = ctx.sub(f"{ctx.prefix}{path}[{i}].")
        for sub in check.checks:
            r = run(sub, row, row_ctx)
            if r.state not in ("met", "skip", "judgement"):
                failed.append(Result(r.state, f"第 {i + 1} 行{r.message}", r.path))
    if not failed:
        return Result(
            "met", f"{len(rows)} 行均符合{_art(ctx)}要求", _full(ctx, path), f"{len(rows)} 行"
        )
    rows_failed = len({r.path.split("]")[0] for r in failed if r.path})
    return Result(_failed_state(failed), _join(failed), failed[0].path, f"{rows_failed} 行不符合")


_ALL: dict[str, Callable[[CheckSpec, object, Context], Result]] = {
    **CHECKS,
    "growth": _growth,
    "per_group_max": _per_group_max,
    "all_of": _all_of,
    "any_of": _any_of,
    "each": _each,
    "any_row": any_row,
    "one_of": one_of,
}


def run(check: CheckSpec, root: object, ctx: Context) -> Result:
    """Apply one check to ``root`` (the document, or a table row inside ``each``)."""
    return _ALL[check.check](check, root, ctx)
