"""Build documents that meet, or fall short of, a rule — from the rule's own data.

``apply(check, root, meet=...)`` sets the inputs a check reads to a value at the
threshold (meet) or just past it (short). Derived figures cannot be set directly; the
``DERIVED`` table says how to set the inputs that produce a wanted value.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from smedesk.forms import DOCUMENT_KINDS, Document, SchemeRef
from smedesk.forms.enums import Evaluation, QuotaCategory
from smedesk.forms.lists import OperationYear, ServedEnterprise
from smedesk.forms.recommendation import SummaryRow
from smedesk.forms.walk import resolve, spec_at, split_path
from smedesk.schemes.checks import add_years
from smedesk.schemes.model import CheckSpec, RuleSpec, Scheme

FILL_DATE = dt.date(2024, 6, 1)


def new_doc(kind: str, scheme: Scheme) -> Document:
    doc = DOCUMENT_KINDS[kind](scheme=SchemeRef(id=scheme.id, version=scheme.version))
    if "fill_date" in type(doc).model_fields:
        doc.fill_date = FILL_DATE  # type: ignore[attr-defined]
    return doc


def set_path(root: object, path: str, value: Any) -> None:
    if path in DERIVED:
        DERIVED[path](root, value)
        return
    parts = split_path(path)
    parent = root
    for part in parts[:-1]:
        parent = parent[part] if isinstance(part, int) else getattr(parent, part)  # type: ignore[index]
    setattr(parent, str(parts[-1]), value)


def _percent(whole: str, part: str) -> Callable[[Any, Any], None]:
    def setter(root: Any, value: Any) -> None:
        set_path(root, whole, 100)
        set_path(root, part, int(value))

    return setter


def _served(root: Any, value: Any) -> None:
    happy = int(value)
    root.served_enterprises = [ServedEnterprise(evaluation=Evaluation.SATISFIED)] * happy + [
        ServedEnterprise(evaluation=Evaluation.DISSATISFIED)
    ] * (100 - happy)


def _quota(root: Any, value: Any) -> None:
    root.rows = [SummaryRow(quota=QuotaCategory.PROVINCIAL_QUOTA) for _ in range(int(value))]


def _western(root: Any, value: Any) -> None:
    root.region.western_policy = bool(value)


def _northeast(root: Any, value: Any) -> None:
    root.region.province = "辽宁省" if value else "江苏省"


def _latest(root: Any, value: Any) -> None:
    root.form.operations = [OperationYear(year=2023, smes_served=int(value))]


#: How to set the inputs of each derived figure a rule reads.
DERIVED: dict[str, Callable[[Any, Any], None]] = {
    "form.latest_smes_served": _latest,
    "served_satisfaction_percent": _served,
    "form.basic.qualified_staff_percent": _percent(
        "form.basic.employees", "form.basic.qualified_staff"
    ),
    "form.basic.service_staff_qualified_percent": _percent(
        "form.basic.service_staff", "form.basic.service_staff_qualified"
    ),
    "form.capability.public_interest_percent": _percent(
        "form.capability.total_service_volume", "form.capability.public_interest_volume"
    ),
    "platform.coverage_percent": _percent(
        "platform.subdivisions_total", "platform.subdivisions_covered"
    ),
    "platform.satisfaction_percent": _percent(
        "platform.users_surveyed", "platform.users_satisfied"
    ),
    "base.leading_industry_share": _percent("base.total_revenue", "base.leading_industry_revenue"),
    "base.quality_share": _percent("base.firms_total", "base.high_tech_firms"),
    "base.patents_per_10m_revenue": _percent("base.total_revenue", "base.valid_invention_patents"),
    "quota_count": _quota,
    "region.is_western": _western,
    "region.is_northeast": _northeast,
}


def filled(model: type[BaseModel], path: str) -> Any:
    """Some non-empty value for a field, by its kind."""
    spec = spec_at(model, path)
    assert spec is not None, path
    kind = spec.kind
    if kind in ("text", "multiline"):
        return "说明文字"
    if kind == "int":
        return 1
    if kind == "float":
        return 1.0
    if kind == "bool":
        return True
    if kind == "date":
        return FILL_DATE
    if kind == "choice":
        return spec.choices[0]
    if kind == "multichoice":
        return list(spec.choices[:1])
    if kind == "textlist":
        return ["一项"]
    if kind == "list":
        assert spec.item_model is not None
        return [spec.item_model()]
    raise AssertionError(kind)


def _items(model: type[BaseModel], path: str, n: int) -> list[Any]:
    spec = spec_at(model, path)
    assert spec is not None, path
    if spec.kind == "textlist":
        return [f"第{i + 1}项" for i in range(n)]
    if spec.kind == "multichoice":
        assert len(spec.choices) >= n, path
        return list(spec.choices[:n])
    assert spec.item_model is not None
    return [spec.item_model() for _ in range(n)]


def _limit(check: CheckSpec, root: Any) -> float:
    if check.by:
        key, limit = next(iter(check.thresholds.items()))
        set_path(root, check.by, key)
        return limit
    assert check.threshold is not None
    return check.threshold


def _num(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def apply(check: CheckSpec, root: Any, *, meet: bool) -> None:
    """Set what ``check`` reads on ``root`` so that it is met (or falls just short)."""
    model = type(root)
    c = check.check
    if c in ("min", "max", "gt"):
        limit = _limit(check, root)
        value = {
            ("min", True): limit, ("min", False): limit - 1,
            ("gt", True): limit + 1, ("gt", False): limit,
            ("max", True): limit, ("max", False): limit + 1,
        }[(c, meet)]  # fmt: skip
        set_path(root, check.path or "", _num(value))
    elif c == "years_since":
        years = int(check.threshold or 0)
        start = add_years(FILL_DATE, -years)
        set_path(root, check.path or "", start - dt.timedelta(days=10 if meet else -30))
    elif c == "within_years":
        years = int(check.threshold or 0)
        due = add_years(FILL_DATE, 1 if meet else years) + dt.timedelta(days=0 if meet else 30)
        set_path(root, check.path or "", due)
    elif c in ("is_true", "is_false"):
        set_path(root, check.path or "", meet == (c == "is_true"))
    elif c in ("nonempty", "judgement"):
        paths = ((check.path,) if check.path else ()) + check.paths
        if meet:
            set_path(root, paths[0], filled(model, paths[0]))
    elif c in ("count_min", "count_max"):
        limit = int(check.threshold or 0)
        n = limit if meet else (limit - 1 if c == "count_min" else limit + 1)
        set_path(root, check.path or "", _items(model, check.path or "", n))
    elif c == "count_true_min":
        limit = int(check.threshold or 0)
        for i, path in enumerate(check.paths):
            on = i < (limit if meet else limit - 1)
            spec = spec_at(model, path)
            assert spec is not None
            set_path(root, path, on if spec.kind == "bool" else int(on))
    elif c == "growth":
        spec = spec_at(model, check.path or "")
        assert spec is not None and spec.item_model is not None
        rows = []
        for year, value in ((2022, 100), (2023, 110 if meet else 90)):
            row = spec.item_model()
            setattr(row, check.key or "", year)
            setattr(row, check.value_field or "", value)
            rows.append(row)
        set_path(root, check.path or "", rows)
    elif c == "preference":
        paths = ((check.path,) if check.path else ()) + check.paths
        for i, path in enumerate(paths):
            set_path(root, path, meet and i == 0)
    elif c == "all_of":
        for i, sub in enumerate(check.checks):
            apply(sub, root, meet=meet or i > 0)
    elif c == "any_of":
        first = check.checks[0]
        if check.among:
            set_path(root, check.among, [first.key])
            apply(first, root, meet=meet)
        elif meet:
            apply(first, root, meet=True)
        else:
            for sub in check.checks:
                apply(sub, root, meet=False)
    elif c == "each":
        spec = spec_at(model, check.path or "")
        assert spec is not None and spec.item_model is not None
        row = spec.item_model()
        for i, sub in enumerate(check.checks):
            apply(sub, row, meet=meet or i > 0)
        set_path(root, check.path or "", [row])
    elif c == "excludes":
        set_path(
            root, check.path or "", "苏州工业设计服务平台" if meet else f"苏州{check.values[0]}平台"
        )
    elif c == "ends_with":
        set_path(
            root, check.path or "", f"苏州工业设计{check.value}" if meet else "苏州工业设计中心"
        )
    elif c == "max_chars":
        limit = int(check.threshold or 0)
        set_path(root, check.path or "", "字" * (limit if meet else limit + 1))
    elif c == "per_group_max":
        spec = spec_at(model, check.path or "")
        assert spec is not None and spec.item_model is not None
        limit = int(check.threshold or 0)
        rows = []
        for _ in range(limit if meet else limit + 1):
            row = spec.item_model()
            for col, want in check.where.items():
                setattr(row, col, want)
            if check.key not in check.where:  # grouping by the filtered column: keep its value
                setattr(row, check.key or "", "甲市")
            rows.append(row)
        set_path(root, check.path or "", rows)
    elif c == "any_row":
        spec = spec_at(model, check.path or "")
        assert spec is not None and spec.item_model is not None
        row = spec.item_model()
        for col, want in check.where.items():
            setattr(row, col, want)
        column = spec_at(spec.item_model, check.key or "")
        assert column is not None
        accepted = [ch for ch in column.choices if str(ch.value) in check.values]
        refused = [ch for ch in column.choices if str(ch.value) not in check.values]
        setattr(row, check.key or "", (accepted if meet else refused)[0])
        set_path(root, check.path or "", [row])
    elif c == "one_of":
        set_path(root, check.path or "", check.values[0] if meet else "某某协会")
    else:  # pragma: no cover - a new check type needs a setter here
        raise AssertionError(f"no setter for check {c}")


def satisfy_when(rule: RuleSpec, doc: Document) -> None:
    for cond in rule.when:
        path = next(p for p in cond.all_paths() if spec_at(type(doc), p) is not None)
        spec = spec_at(type(doc), path)
        assert spec is not None
        if cond.equals is not None:
            set_path(doc, path, cond.equals)
        elif spec.kind in ("choice", "multichoice"):
            choice = next(c for c in spec.choices if cond.contains in str(getattr(c, "label", c)))
            set_path(doc, path, [choice] if spec.kind == "multichoice" else choice)
        else:
            set_path(doc, path, f"{cond.contains}测试")


def resolve_or_none(root: object, path: str) -> Any:
    try:
        return resolve(root, path)
    except LookupError:
        return None
