"""Derived figures are computed from their parts, and sums between fields are checked."""

from __future__ import annotations

import json

import pytest

from smedesk.forms import (
    ApplicationReport,
    CreationApplication,
    RecommendationSummary,
    SchemeRef,
    parse_document,
)
from smedesk.forms.application import ApplicationForm, BasicInfo
from smedesk.forms.consistency import all_problems, cross_field_problems
from smedesk.forms.creation import BaseIndicators, PlatformIndicators
from smedesk.forms.enums import Evaluation, ServiceFunction
from smedesk.forms.lists import Investor, OperationYear, ServedEnterprise
from smedesk.forms.recommendation import SummaryRow

REF = SchemeRef(id="miit-2017", version="1")


def report(**basic: object) -> ApplicationReport:
    return ApplicationReport(scheme=REF, form=ApplicationForm(basic=BasicInfo(**basic)))


def paths(doc: ApplicationReport | RecommendationSummary) -> set[str]:
    return {p.path for p in cross_field_problems(doc)}


def test_equipment_share_of_total_assets() -> None:
    assert (
        report(equipment_price=380.6, total_assets=2860).form.basic.equipment_asset_percent == 13.31
    )
    assert report(equipment_price=50, total_assets=None).form.basic.equipment_asset_percent is None
    assert report(equipment_price=50, total_assets=0).form.basic.equipment_asset_percent is None


def test_qualified_staff_share() -> None:
    assert report(employees=46, qualified_staff=41).form.basic.qualified_staff_percent == 89.13
    assert report(employees=20, qualified_staff=16).form.basic.qualified_staff_percent == 80.0
    assert report(employees=None, qualified_staff=3).form.basic.qualified_staff_percent is None


def test_derived_figures_follow_edits() -> None:
    doc = report(employees=10, qualified_staff=5)
    doc.form.basic.qualified_staff = 8
    assert doc.form.basic.qualified_staff_percent == 80.0


def test_derived_figures_are_in_the_json_but_never_read_back() -> None:
    doc = report(employees=10, qualified_staff=5)
    data = json.loads(doc.model_dump_json())
    assert data["form"]["basic"]["qualified_staff_percent"] == 50.0
    data["form"]["basic"]["qualified_staff_percent"] = 99.0  # a tampered file
    again = parse_document(data)  # the reading path strips derived fields, then validates
    assert isinstance(again, ApplicationReport)
    assert again.form.basic.qualified_staff_percent == 50.0
    assert data["form"]["basic"]["qualified_staff_percent"] == 99.0  # the caller's copy kept


def firm(i: int, evaluation: Evaluation | None) -> ServedEnterprise:
    return ServedEnterprise(name=f"企业{i}", evaluation=evaluation)


def test_satisfaction_counts_very_and_basically_satisfied() -> None:
    evaluations = (
        [Evaluation.VERY_SATISFIED] * 6 + [Evaluation.SATISFIED] * 2 + [Evaluation.DISSATISFIED] * 2
    )
    doc = ApplicationReport(
        scheme=REF, served_enterprises=[firm(i, e) for i, e in enumerate(evaluations)]
    )
    assert doc.served_count == 10
    assert doc.served_satisfaction_percent == 80.0


def test_satisfaction_ignores_rows_without_an_evaluation() -> None:
    rows = [firm(0, Evaluation.SATISFIED), firm(1, None), firm(2, Evaluation.DISSATISFIED)]
    assert (
        ApplicationReport(scheme=REF, served_enterprises=rows).served_satisfaction_percent == 50.0
    )
    assert ApplicationReport(scheme=REF).served_satisfaction_percent is None


def test_platform_indicator_shares() -> None:
    p = PlatformIndicators(
        users_surveyed=300,
        users_satisfied=258,
        subdivisions_total=10,
        subdivisions_covered=4,
        sme_library=True,
        policy_library=True,
        product_case_library=False,
        service_items=["检验检测", " ", "计量校准"],
    )
    assert p.satisfaction_percent == 86.0
    assert p.coverage_percent == 40.0
    assert p.libraries_built == 2
    assert p.service_item_count == 2


def test_quality_enterprise_share_uses_the_liaoning_weights() -> None:
    # (champions×20 + little giants×10 + specialised×2 + high-tech + tech SMEs + innovative) / firms
    base = BaseIndicators(
        firms_total=260,
        champions=1,
        little_giants=2,
        specialised_new=9,
        high_tech_firms=21,
        tech_smes=24,
        innovative_smes=12,
    )
    assert base.quality_share == round(100 * (20 + 20 + 18 + 21 + 24 + 12) / 260, 2)
    assert BaseIndicators(firms_total=100, champions=1).quality_share == 20.0
    assert BaseIndicators(firms_total=100, little_giants=1).quality_share == 10.0
    assert BaseIndicators(firms_total=100, specialised_new=1).quality_share == 2.0
    assert BaseIndicators(firms_total=0, champions=1).quality_share is None


def test_base_shares_and_ecosystem() -> None:
    base = BaseIndicators(
        total_revenue=486000,
        leading_industry_revenue=281900,
        revenue_two_years_ago=421000,
        incubators=1,
        public_tech_platforms=2,
        industry_funds=0,
        operator_income=5600,
        operator_service_income=2300,
    )
    assert base.leading_industry_share == 58.0
    assert base.revenue_growth == 15.44
    assert base.ecosystem_kinds == 2
    assert base.operator_service_share == 41.07
    doc = CreationApplication(scheme=SchemeRef(id="liaoning-creation", version="1"), base=base)
    assert json.loads(doc.model_dump_json())["base"]["leading_industry_share"] == 58.0


def test_investor_ratios_over_100_are_a_problem() -> None:
    ok = report(investors=[Investor(name="甲", ratio=51), Investor(name="乙", ratio=49)])
    assert ok.form.basic.investor_ratio_total == 100.0
    assert "form.basic.investors" not in paths(ok)
    over = report(investors=[Investor(name="甲", ratio=60), Investor(name="乙", ratio=45)])
    assert over.form.basic.investor_ratio_total == 105.0
    problems = [p for p in cross_field_problems(over) if p.path == "form.basic.investors"]
    assert problems and "105" in problems[0].message and "100%" in problems[0].message


def test_own_plus_rented_must_equal_total_area() -> None:
    assert "form.basic.service_area" not in paths(
        report(service_area=3200, own_area=1200, rented_area=2000)
    )
    assert "form.basic.service_area" in paths(
        report(service_area=3200, own_area=1000, rented_area=2000)
    )
    # Parts not yet typed are not a problem while drafting.
    assert "form.basic.service_area" not in paths(report(service_area=3200))


def test_service_income_may_not_exceed_operating_income() -> None:
    doc = ApplicationReport(
        scheme=REF,
        form=ApplicationForm(
            operations=[
                OperationYear(year=2017, operating_income=1000, service_income=800),
                OperationYear(year=2018, operating_income=1000, service_income=1200),
            ]
        ),
    )
    found = [p for p in cross_field_problems(doc) if "service_income" in p.path]
    assert [p.path for p in found] == ["form.operations[1].service_income"]
    assert "超过营业收入" in found[0].message


def test_qualified_staff_more_than_employees() -> None:
    assert "form.basic.qualified_staff" in paths(report(employees=10, qualified_staff=12))


def test_duplicate_codes_in_the_served_list() -> None:
    rows = [
        ServedEnterprise(name="甲", uscc="914403001922038216"),
        ServedEnterprise(name="乙", uscc="914403001922038216"),
    ]
    doc = ApplicationReport(scheme=REF, served_enterprises=rows)
    assert "served_enterprises[1].uscc" in paths(doc)


def test_format_problems_name_the_field_path() -> None:
    doc = report(uscc="914403001922038210", postcode="1101", email="nope")
    found = {p.path: p.message for p in all_problems(doc)}
    assert "统一社会信用代码" in found["form.basic.uscc"]
    assert "form.basic.postcode" in found and "form.basic.email" in found


def test_summary_rows_with_more_than_three_functions() -> None:
    row = SummaryRow(platform_name="测试平台", functions=list(ServiceFunction)[:4])
    doc = RecommendationSummary(scheme=SchemeRef(id="miit-2019-call", version="1"), rows=[row])
    assert "rows[0].functions" in paths(doc)


@pytest.mark.parametrize("ratio", [-1, 101])
def test_hard_limits_are_parse_errors(ratio: float) -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        Investor(name="甲", ratio=ratio)
