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
from smedesk.forms.walk import iter_fields

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


def _application_problems(doc: ApplicationReport) -> list[Problem]:
    out: list[Problem] = []
    basic = doc.form.basic
    total = basic.investor_ratio_total
    if total is not None and total > 100 + _EPS:
        out.append(Problem("form.basic.investors", f"主要投资方投资比例合计 {total}% 超过 100%"))
    if basic.service_area is not None and (basic.own_area is not None or basic.rented_area):
        parts = (basic.own_area or 0) + (basic.rented_area or 0)
        if abs(parts - basic.service_area) > _EPS:
            out.append(
                Problem(
                    "form.basic.service_area",
                    f"自有面积与租用面积之和（{parts:g} 平方米）不等于服务场地面积"
                    f"（{basic.service_area:g} 平方米）",
                )
            )
    if basic.qualified_staff is not None and basic.employees is not None:
        if basic.qualified_staff > basic.employees:
            out.append(Problem("form.basic.qualified_staff", "专业人员人数不能多于从业人数"))
    if basic.equipment_price is not None and basic.total_assets is not None:
        if basic.equipment_price > basic.total_assets + _EPS:
            out.append(Problem("form.basic.equipment_price", "仪器设备购买价格超过上年末总资产"))
    for i, year in enumerate(doc.form.operations):
        if year.service_income is not None and year.operating_income is not None:
            if year.service_income > year.operating_income + _EPS:
                out.append(
                    Problem(
                        f"form.operations[{i}].service_income",
                        f"{year.year or ''}年度服务收入（{year.service_income:g} 万元）"
                        f"超过营业收入（{year.operating_income:g} 万元）",
                    )
                )
    years = [y.year for y in doc.form.operations if y.year is not None]
    if len(years) != len(set(years)):
        out.append(Problem("form.operations", "运营管理情况中有重复的年度"))
    cap = doc.form.capability
    if cap.public_interest_volume is not None and cap.total_service_volume is not None:
        if cap.public_interest_volume > cap.total_service_volume:
            out.append(
                Problem(
                    "form.capability.public_interest_volume", "公益性或低收费服务量多于总服务量"
                )
            )
    if len(doc.functions.claimed) > 3:
        out.append(Problem("functions.claimed", "申请服务功能类别不超过3类"))
    seen: dict[str, int] = {}
    for i, firm in enumerate(doc.served_enterprises):
        code = (firm.uscc or "").strip().upper()
        if not code:
            continue
        if code in seen:
            out.append(
                Problem(
                    f"served_enterprises[{i}].uscc",
                    f"统一社会信用代码 {code} 与第 {seen[code] + 1} 行重复",
                )
            )
        else:
            seen[code] = i
    return out


def _summary_problems(doc: RecommendationSummary) -> list[Problem]:
    out = []
    for i, row in enumerate(doc.rows):
        if len(row.functions) > 3:
            out.append(Problem(f"rows[{i}].functions", f"第 {i + 1} 行服务功能类别超过3类"))
    return out


def all_problems(doc: Document) -> list[Problem]:
    return format_problems(doc) + cross_field_problems(doc)
