"""Load-time checks of a rule against the document models it reads.

A path that names no field, a check without its threshold, or a row column that the
list does not have is caught when the file is loaded, not when a user runs the
self-check.
"""

from __future__ import annotations

from pydantic import BaseModel

from smedesk.forms import DOCUMENT_KINDS
from smedesk.forms.fields import FieldSpec
from smedesk.forms.walk import spec_at
from smedesk.schemes.model import CheckSpec, RelaxSpec, RuleSpec

_NUMERIC = ("min", "max", "gt")
_LISTS = ("list", "textlist", "multichoice")


def validate_rule(rule: RuleSpec, relax: dict[str, RelaxSpec]) -> str | None:
    """A Chinese sentence describing the first problem of ``rule``, or None."""
    for kind in rule.kinds:
        model = DOCUMENT_KINDS[kind]
        title = f"{model.TITLE}（{kind}）"
        for cond in rule.when:
            paths = cond.all_paths()
            if not paths:
                return "when 条件须写 path 或 paths"
            if all(spec_at(model, p) is None for p in paths):
                return f"when 的字段路径 {'、'.join(paths)} 在{title}中不存在"
            if (cond.equals is None) == (cond.contains is None):
                return f"when 条件 {paths[0]} 须且只须写 equals 或 contains 之一"
        if rule.relax is not None:
            path = relax[rule.relax].path
            if spec_at(model, path) is None:
                return f"放宽条件 {rule.relax} 的字段路径 {path} 在{title}中不存在"
        problem = _check(rule, model, title)
        if problem:
            return problem
    return None


def _spec(model: type[BaseModel], path: str, title: str) -> tuple[FieldSpec | None, str | None]:
    spec = spec_at(model, path)
    if spec is None:
        return None, f"字段路径 {path} 在{title}中不存在"
    return spec, None


def _declared_once(check: CheckSpec, spec: FieldSpec | None) -> str | None:
    """A rule may not retype what its field declares: unit never, label only as quoted wording."""
    if spec is None:
        return None
    if check.unit is not None and spec.unit is not None and check.unit != spec.unit:
        return (
            f"单位 {check.unit!r} 与字段 {check.path}（{spec.label}）声明的单位 {spec.unit!r} 不同；"
            "请删去 unit，单位以字段声明为准"
        )
    # a label on a whole table names the rows counted or the question asked, not the field
    asks_of_table = spec.kind == "list" and check.check in ("per_group_max", "judgement")
    if (
        check.label is not None
        and check.label != spec.label
        and not (check.verbatim or asks_of_table)
    ):
        return (
            f"label {check.label!r} 改写了字段 {check.path} 的名称（{spec.label}）；"
            "请删去 label，或在确为条文原文时写 verbatim = true"
        )
    return None


def _check(check: CheckSpec, model: type[BaseModel], title: str) -> str | None:
    kind = check.check
    for path in check.all_paths():
        _, problem = _spec(model, path, title)
        if problem:
            return problem
    if kind in ("any_of", "all_of", "each") and not check.checks:
        return f"检查 {kind} 须列出子检查 checks"
    if kind not in ("any_of", "all_of", "each") and check.checks:
        return f"检查 {kind} 不接受子检查 checks"
    needs_path = kind not in (
        "any_of",
        "all_of",
        "count_true_min",
        "preference",
        "judgement",
        "nonempty",
    )
    if needs_path and not check.path:
        return f"检查 {kind} 须写 path（字段路径）"
    if kind in ("preference", "judgement", "nonempty", "count_true_min") and not check.all_paths():
        return f"检查 {kind} 须写 path 或 paths"
    needs_threshold = kind in (
        "years_since", "within_years", "count_min", "count_max", "count_true_min",
        "max_chars", "per_group_max",
    )  # fmt: skip
    if kind in _NUMERIC:
        if check.by:
            if not check.thresholds:
                return "写了 by 时须给出 thresholds（按取值的门槛）"
        elif check.threshold is None:
            return f"检查 {kind} 须写 threshold（门槛）"
    elif needs_threshold and check.threshold is None:
        return f"检查 {kind} 须写 threshold（门槛）"
    spec = spec_at(model, check.path) if check.path else None
    problem = _declared_once(check, spec)
    if problem:
        return problem
    if kind in ("years_since", "within_years") and spec and spec.kind != "date":
        return f"检查 {kind} 的字段 {check.path} 应为日期"
    if kind in ("is_true", "is_false") and spec and spec.kind != "bool":
        return f"检查 {kind} 的字段 {check.path} 应为是/否"
    if kind in ("count_min", "count_max") and spec and spec.kind not in _LISTS:
        return f"检查 {kind} 的字段 {check.path} 应为列表"
    if kind in ("excludes",) and not check.values:
        return "检查 excludes 须写 values（不得包含的字样）"
    if kind == "ends_with" and not check.value:
        return "检查 ends_with 须写 value（结尾字样）"
    if kind in ("any_row", "one_of") and not check.values:
        return f"检查 {kind} 须写 values（可接受的取值）"
    if kind in ("growth", "each", "per_group_max", "any_row"):
        item = spec.item_model if spec and spec.kind == "list" else None
        if item is None:
            return f"检查 {kind} 的字段 {check.path} 应为表格（列表）"
        columns = [check.key, check.value_field] if kind == "growth" else [check.key]
        if kind in ("per_group_max", "any_row"):
            columns += list(check.where)
        if kind == "any_row" and check.expires:
            expires = spec_at(item, check.expires)
            if expires is None or expires.kind != "date":
                return f"表格 {check.path} 的列 {check.expires} 应为日期（expires）"
        if kind != "each":
            for col in columns:
                if not col:
                    return f"检查 {kind} 须写 key{'、value_field' if kind == 'growth' else ''}"
                if spec_at(item, col) is None:
                    return f"表格 {check.path} 没有列 {col}"
        if kind == "each":
            sub_title = f"{title}的表格 {check.path} 的行"
            for sub in check.checks:
                problem = _check(sub, item, sub_title)
                if problem:
                    return problem
        return None
    if kind == "any_of" and check.among:
        among = spec_at(model, check.among)
        if among is None or among.kind not in _LISTS:
            return f"any_of 的 among {check.among} 应为列表字段"
        if any(not sub.key for sub in check.checks):
            return "any_of 写了 among 时，每个子检查须写 key"
    for sub in check.checks:
        problem = _check(sub, model, title)
        if problem:
            return problem
    return None
