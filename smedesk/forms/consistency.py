"""Checks that read more than one field, and the per-field format and length checks.

They never reject a draft: they return problems that the self-check reports as
findings (and that imports use to refuse a row).
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from smedesk.forms.application import ApplicationReport
from smedesk.forms.checks import FORMAT_CHECKS
from smedesk.forms.common import Document
from smedesk.forms.recommendation import RecommendationSummary
from smedesk.forms.walk import iter_fields, spec_at

#: Tolerance for sums typed in 万元 or m² with two decimals.
_EPS = 0.01


@dataclass(frozen=True)
class Problem:
    path: str
    message: str


def format_problems(model: BaseModel, prefix: str = "") -> list[Problem]:
    """Format (统一社会信用代码, phone, …) and length problems of every filled field."""
    problems = []
    for fv in iter_fields(model, prefix):
        if not isinstance(fv.value, str) or not fv.value:
            continue
        check = FORMAT_CHECKS.get(fv.spec.format or "")
        if check:
            message = check(fv.value)
            if message:
                problems.append(Problem(fv.path, f"{fv.spec.label}：{message}"))
        if fv.spec.max_chars and len(fv.value) > fv.spec.max_chars:
            problems.append(
                Problem(
                    fv.path,
                    f"{fv.spec.label}超过 {fv.spec.max_chars} 字（现 {len(fv.value)} 字）",
                )
            )
    return problems


def cross_field_problems(doc: Document) -> list[Problem]:
    """Sums and comparisons between fields of one document."""
    if isinstance(doc, ApplicationReport):
        return _application_problems(doc)
    if isinstance(doc, RecommendationSummary):
        return _summary_problems(doc)
    return []


def _name(model: type[BaseModel], path: str) -> str:
    """A field's declared label as a sentence names it (without the form's «其中：»)."""
    spec = spec_at(model, path)
    assert spec is not None, path  # a renamed field fails the tests, not a user
    return spec.label.removeprefix("其中：")


def _application_problems(doc: ApplicationReport) -> list[Problem]:
    out: list[Problem] = []
    m = ApplicationReport
    basic = doc.form.basic
    total = basic.investor_ratio_total
    if total is not None and total > 100 + _EPS:
        out.append(
            Problem(
                "form.basic.investors",
                f"{_name(m, 'form.basic.investors')}{_name(m, 'form.basic.investors.ratio')}"
                f"合计 {total}% 超过 100%",
            )
        )
    if basic.service_area is not None and (basic.own_area is not None or basic.rented_area):
        parts = (basic.own_area or 0) + (basic.rented_area or 0)
        if abs(parts - basic.service_area) > _EPS:
            out.append(
                Problem(
                    "form.basic.service_area",
                    f"“{_name(m, 'form.basic.own_area')}”与“{_name(m, 'form.basic.rented_area')}”"
                    f"之和（{parts:g} 平方米）不等于{_name(m, 'form.basic.service_area')}"
                    f"（{basic.service_area:g} 平方米）",
                )
            )
    if basic.qualified_staff is not None and basic.employees is not None:
        if basic.qualified_staff > basic.employees:
            out.append(_more_than(m, "form.basic.qualified_staff", "form.basic.employees"))
    # Art. 12(6)'s service staff are part of 从业人数; their qualified are among them; the
    # named staff list (主要管理人员和服务人员名单) cannot be longer than the whole staff.
    if basic.service_staff is not None and basic.employees is not None:
        if basic.service_staff > basic.employees:
            out.append(_more_than(m, "form.basic.service_staff", "form.basic.employees"))
    if basic.service_staff_qualified is not None and basic.service_staff is not None:
        if basic.service_staff_qualified > basic.service_staff:
            out.append(
                _more_than(m, "form.basic.service_staff_qualified", "form.basic.service_staff")
            )
    named = sum(1 for s in doc.staff if s.name)
    if basic.employees is not None and named > basic.employees:
        out.append(
            Problem(
                "staff",
                f"{_name(m, 'staff')}列有 {named} 人，多于{_name(m, 'form.basic.employees')}"
                f"（{basic.employees} 人）",
            )
        )
    if basic.equipment_price is not None and basic.total_assets is not None:
        if basic.equipment_price > basic.total_assets + _EPS:
            # the paper's sentence «仪器、设备数量 … 购买价格 …» names the equipment once
            what = _name(m, "form.basic.equipment_count").removesuffix("数量")
            out.append(
                Problem(
                    "form.basic.equipment_price",
                    f"{what}{_name(m, 'form.basic.equipment_price')}（{basic.equipment_price:g} 万元）"
                    f"超过{_name(m, 'form.basic.total_assets')}（{basic.total_assets:g} 万元）",
                )
            )
    for i, year in enumerate(doc.form.operations):
        if year.service_income is not None and year.operating_income is not None:
            if year.service_income > year.operating_income + _EPS:
                out.append(
                    Problem(
                        f"form.operations[{i}].service_income",
                        f"{year.year or ''}年度{_name(m, 'form.operations.service_income')}"
                        f"（{year.service_income:g} 万元）超过"
                        f"{_name(m, 'form.operations.operating_income')}"
                        f"（{year.operating_income:g} 万元）",
                    )
                )
    years = [y.year for y in doc.form.operations if y.year is not None]
    if len(years) != len(set(years)):
        out.append(
            Problem(
                "form.operations",
                f"{_name(m, 'form.operations')}中有重复的{_name(m, 'form.operations.year')}",
            )
        )
    cap = doc.form.capability
    if cap.public_interest_volume is not None and cap.total_service_volume is not None:
        if cap.public_interest_volume > cap.total_service_volume:
            out.append(
                _more_than(
                    m,
                    "form.capability.public_interest_volume",
                    "form.capability.total_service_volume",
                )
            )
    # The «不超过3类» limit is the 2019 call's (附件2), so it is a rule of that scheme file.
    seen: dict[str, int] = {}
    code_label = _name(m, "served_enterprises.uscc")
    for i, firm in enumerate(doc.served_enterprises):
        code = (firm.uscc or "").strip().upper()
        if not code:
            continue
        if code in seen:
            out.append(
                Problem(
                    f"served_enterprises[{i}].uscc",
                    f"{code_label} {code} 与第 {seen[code] + 1} 行重复",
                )
            )
        else:
            seen[code] = i
    return out


def _more_than(model: type[BaseModel], part: str, whole: str) -> Problem:
    return Problem(part, f"{_name(model, part)}多于{_name(model, whole)}")


def _summary_problems(doc: RecommendationSummary) -> list[Problem]:
    # «不超过3类» is the scheme's rule annex2-functions-max; repeating it here counted one
    # fault twice. Nothing else of the summary table reads two fields.
    return []


def all_problems(doc: Document) -> list[Problem]:
    return format_problems(doc) + cross_field_problems(doc)
