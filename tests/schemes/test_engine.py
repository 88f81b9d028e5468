"""The engine on whole documents: relaxation, schemes side by side, completeness,
materials, consistency, stages, errors, JSON and speed."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from smedesk.forms import ApplicationReport, CreationApplication, RecommendationSummary, SchemeRef
from smedesk.forms.checks import uscc_check_character
from smedesk.forms.common import AttachmentRef
from smedesk.forms.consistency import all_problems
from smedesk.forms.enums import Evaluation
from smedesk.forms.lists import OperationYear, ServedEnterprise
from smedesk.schemes import Outcome, SchemeError, evaluate, findings_to_json, load_scheme, summarise
from smedesk.schemes.engine import format_problems, rule_findings
from smedesk.schemes.findings import Finding

FILL = dt.date(2024, 6, 1)


def _uscc(i: int) -> str:
    body = f"91350100MA{i:07d}"
    return body + uscc_check_character(body)


def _report(scheme_id: str = "miit-2017", **basic: object) -> ApplicationReport:
    doc = ApplicationReport(scheme=SchemeRef(id=scheme_id, version="1"), fill_date=FILL)
    for name, value in basic.items():
        setattr(doc.form.basic, name, value)
    return doc


def _by_id(findings: list[Finding], rule_id: str) -> Finding:
    (found,) = [f for f in findings if f.rule_id == rule_id]
    return found


def test_western_region_relaxes_smes_served() -> None:
    scheme = load_scheme("miit-2017")
    doc = _report()
    doc.form.operations = [OperationYear(year=2023, smes_served=120)]
    doc.region.province = "四川省"
    finding = _by_id(rule_findings(doc, scheme), "art12-2-smes-served")
    assert finding.outcome is Outcome.RELAXED
    assert "西部大开发" in finding.message and "第十二条末款" in finding.message
    doc.region.province = "江苏省"
    finding = _by_id(rule_findings(doc, scheme), "art12-2-smes-served")
    assert finding.outcome is Outcome.NOT_MET
    assert finding.found == "120 户" and finding.threshold == "≥ 150 户"  # the field declares 户
    assert finding.citation.document == "工信部企业〔2017〕156号"
    assert finding.citation.article == "第十二条第（二）项"
    assert finding.path == "form.latest_smes_served"


def test_relaxation_only_for_the_listed_items_and_never_for_missing_data() -> None:
    scheme = load_scheme("miit-2017")
    doc = _report()
    doc.region.province = "四川省"
    doc.form.capability.public_interest_volume = 10
    doc.form.capability.total_service_volume = 100
    findings = rule_findings(doc, scheme)
    # 第十二条第（五）项 is not among (一)(二)(三)(六)
    assert _by_id(findings, "art12-5-public-interest").outcome is Outcome.NOT_MET
    missing = _by_id(findings, "art12-1-assets")
    assert missing.outcome is Outcome.NOT_MET and missing.missing


def test_asset_message_names_the_article() -> None:
    finding = _by_id(
        rule_findings(_report(total_assets=250), load_scheme("miit-2017")), "art12-1-assets"
    )
    assert finding.message == "资产总额 250 万元，低于第十二条第（一）项要求的 300 万元，差 50 万元"
    assert (finding.found, finding.threshold) == ("250 万元", "≥ 300 万元")


def test_tibet_meets_what_miit_2017_does_not() -> None:
    doc = _report(total_assets=150, employees=15, qualified_staff=9)
    doc.form.basic.service_staff, doc.form.basic.service_staff_qualified = 12, 9
    doc.form.operations = [OperationYear(year=2023, smes_served=30)]
    ids = {
        "assets": ("art12-1-assets", "art12-1-assets"),
        "smes": ("art12-2-smes-served", "art12-2-smes-served"),
        "staff": ("art12-6-staff", "art12-6-staff"),
        "qualified": ("art12-6-qualified", "art12-6-qualified"),
    }
    national = rule_findings(doc, load_scheme("miit-2017"))
    tibet = rule_findings(doc, load_scheme("tibet"))
    for miit_id, tibet_id in ids.values():
        assert _by_id(national, miit_id).outcome is Outcome.NOT_MET
        assert _by_id(tibet, tibet_id).outcome is Outcome.MET


def test_years_since_uses_fill_date_or_today() -> None:
    scheme = load_scheme("miit-2017")
    doc = _report(registration_date=dt.date(2022, 7, 1))
    finding = _by_id(rule_findings(doc, scheme), "art12-1-operating-years")
    assert finding.outcome is Outcome.NOT_MET and "填报日期 2024-06-01" in finding.message
    doc.fill_date = None
    finding = _by_id(
        rule_findings(doc, scheme, today=dt.date(2025, 1, 1)), "art12-1-operating-years"
    )
    assert finding.outcome is Outcome.MET
    assert "未填填报日期，按今天计算" in finding.message


def test_functions_any_of_claimed() -> None:
    scheme = load_scheme("miit-2017")
    doc = _report()
    doc.functions.claimed = ["training", "information"]  # type: ignore[list-item]
    doc.functions.training.qualification_or_filing = True
    doc.functions.training.online_and_offline = True
    doc.functions.training.evaluation_mechanism = True
    doc.functions.training.person_times_per_year = 1500
    finding = _by_id(rule_findings(doc, scheme), "art13-functions")
    assert finding.outcome is Outcome.NOT_MET and not finding.missing
    assert "培训服务" in finding.message and "2000" in finding.message
    doc.functions.training.person_times_per_year = 2500
    finding = _by_id(rule_findings(doc, scheme), "art13-functions")
    assert finding.outcome is Outcome.MET
    # a function not claimed does not count, however good its figures
    doc.functions.claimed = ["information"]  # type: ignore[list-item]
    assert _by_id(rule_findings(doc, scheme), "art13-functions").outcome is Outcome.NOT_MET


def test_financing_guarantee_alternative() -> None:
    scheme = load_scheme("miit-2017")
    doc = _report()
    doc.functions.claimed = ["financing"]  # type: ignore[list-item]
    doc.functions.financing.guarantee_institution = True
    doc.functions.financing.new_guarantees = 300000  # 30 亿元
    assert _by_id(rule_findings(doc, scheme), "art13-functions").outcome is Outcome.MET


def test_wrong_document_kind_is_a_scheme_error() -> None:
    doc = CreationApplication(scheme=SchemeRef(id="miit-2017", version="1"))
    with pytest.raises(SchemeError, match="不适用于创建申请书"):
        evaluate(doc, load_scheme("miit-2017"))


def test_unknown_stage_is_a_scheme_error() -> None:
    with pytest.raises(SchemeError, match="没有阶段"):
        evaluate(_report(), load_scheme("miit-2017"), stage="creation")


def test_stage_selects_thresholds() -> None:
    scheme = load_scheme("liaoning-creation")
    doc = CreationApplication(
        scheme=SchemeRef(id=scheme.id, version=scheme.version), fill_date=FILL
    )
    doc.applicant.org_type = "platform"  # type: ignore[assignment]
    doc.platform.smes_served_per_year = 1500
    creation = rule_findings(doc, scheme)  # default stage: creation
    assert _by_id(creation, "a1-smes-served-creation").outcome is Outcome.MET
    assert not [f for f in creation if f.rule_id == "a1-smes-served-recognition"]
    recognition = rule_findings(doc, scheme, stage="recognition")
    finding = _by_id(recognition, "a1-smes-served-recognition")
    assert finding.outcome is Outcome.NOT_MET and finding.stage == "recognition"
    # base rules do not apply to a platform
    assert not [f for f in recognition if f.rule_id.startswith("a2-")]


def test_high_tech_zone_preference_is_a_note() -> None:
    scheme = load_scheme("liaoning-creation")
    doc = CreationApplication(scheme=SchemeRef(id=scheme.id, version=scheme.version))
    doc.region.national_high_tech_zone = True
    assert _by_id(rule_findings(doc, scheme), "art18-high-tech-zone").outcome is Outcome.NOTE


def test_empty_document_has_completeness_and_materials_findings() -> None:
    findings = evaluate(_report(), load_scheme("miit-2017"))
    groups = {f.group for f in findings}
    assert {"completeness", "materials", "conditions", "functions"} <= groups
    complete = [f for f in findings if f.group == "completeness"]
    assert all(f.outcome is Outcome.NOT_MET and f.missing for f in complete)
    assert any(f.path == "form.basic.applicant_name" for f in complete)
    assert all(f.citation.article.startswith("附件2") for f in complete)
    materials = [f for f in findings if f.group == "materials"]
    assert len(materials) == 8
    assert (
        sum(f.outcome is Outcome.NOT_MET for f in materials) == 7
    )  # the report itself is generated
    # rules first (article order), then completeness, materials, consistency
    order = [f.group for f in findings]
    assert order.index("completeness") > max(i for i, g in enumerate(order) if g == "functions")
    assert order.index("materials") > max(i for i, g in enumerate(order) if g == "completeness")


def test_attached_material_is_met() -> None:
    doc = _report()
    doc.materials = [AttachmentRef(material_id="licence", filename="yyzz.pdf", sha256="0" * 64)]
    finding = _by_id(evaluate(doc, load_scheme("miit-2017")), "material:licence")
    assert finding.outcome is Outcome.MET and "yyzz.pdf" in finding.message


def test_table_gaps_collapse_per_column() -> None:
    doc = _report()
    doc.served_enterprises = [ServedEnterprise(name=f"企业{i}") for i in range(3000)]
    findings = evaluate(doc, load_scheme("miit-2017"))
    phone = _by_id(findings, "completeness:served_enterprises[].phone")
    assert phone.found == "3000 行" and phone.path == "served_enterprises[0].phone"
    assert "3000" in phone.message


def test_consistency_findings_match_forms_and_cite_gb32100() -> None:
    doc = _report(uscc="91350100M000100Y4X", postcode="1234", total_assets=100, equipment_price=200)
    findings = [f for f in evaluate(doc, load_scheme("miit-2017")) if f.group == "consistency"]
    assert len(findings) == len(all_problems(doc))
    uscc = next(f for f in findings if f.path == "form.basic.uscc")
    assert uscc.citation.document == "GB 32100-2015"
    postcode = next(f for f in findings if f.path == "form.basic.postcode")
    # the form itself, not a «申请表填报说明» that no seed has
    assert postcode.citation.article == "附件2 国家中小企业公共服务示范平台申请报告"


def test_fast_format_pass_equals_forms_consistency() -> None:
    doc = _report(uscc="123", email="not-an-email", phone="abc")
    doc.served_enterprises = [
        ServedEnterprise(uscc="bad", phone="x"),
        ServedEnterprise(uscc=_uscc(1)),
    ]
    from smedesk.forms.consistency import format_problems as forms_format_problems

    assert format_problems(doc) == forms_format_problems(doc)


def test_summary_table_quota_by_authority_type() -> None:
    scheme = load_scheme("miit-2019-call")
    rows = [{"platform_name": f"第{i}服务平台", "quota": "provincial-quota"} for i in range(3)]
    doc = RecommendationSummary(
        scheme=SchemeRef(id=scheme.id, version=scheme.version), authority_type="province", rows=rows
    )
    assert _by_id(rule_findings(doc, scheme), "call1-quota").outcome is Outcome.MET
    doc.authority_type = "separate-city"  # type: ignore[assignment]
    finding = _by_id(rule_findings(doc, scheme), "call1-quota")
    assert finding.outcome is Outcome.NOT_MET and finding.threshold == "≤ 2 个"


def test_guangdong_rule_only_for_guangdong() -> None:
    scheme = load_scheme("miit-2019-call")
    rows = [
        {"platform_name": f"第{i}服务平台", "quota": "provincial-quota", "city": "佛山市"}
        for i in range(2)
    ]
    doc = RecommendationSummary(
        scheme=SchemeRef(id=scheme.id, version=scheme.version),
        authority_name="江苏省工业和信息化厅",
        rows=rows,
    )
    assert not [f for f in rule_findings(doc, scheme) if f.rule_id == "gd-per-city"]
    doc.authority_name = "广东省工业和信息化厅"
    finding = _by_id(rule_findings(doc, scheme), "gd-per-city")
    assert finding.outcome is Outcome.NOT_MET and "佛山市" in finding.message
    assert finding.citation.document.startswith("广东省")


def test_summarise_and_json() -> None:
    findings = evaluate(_report(total_assets=500), load_scheme("miit-2017"))
    counts = summarise(findings)
    assert set(counts) == set(Outcome) and sum(counts.values()) == len(findings)
    data = findings_to_json(findings)
    text = json.dumps(data, ensure_ascii=False)
    assert "art12-1-assets" in text
    first = data[0]
    assert {
        "rule_id",
        "outcome",
        "message",
        "citation",
        "path",
        "found",
        "threshold",
        "missing",
        "group",
    } <= set(first)
    assert first["citation"]["text"].startswith("《")


def test_miit_2019_call_inherits_2017_rules_with_their_citation() -> None:
    scheme = load_scheme("miit-2019-call")
    rule = scheme.rule("art12-1-assets")
    assert rule.document == "工信部企业〔2017〕156号" and rule.threshold == 300
    assert scheme.rule("call1-quota").document == "工企业函〔2019〕310号"
    assert len(scheme.materials_for("application-report")) == 8  # the 2017 measures' 17条
    doc = _report("miit-2019-call")
    assert "gd-provincial-recognition" not in {f.rule_id for f in rule_findings(doc, scheme)}
    doc.region.province = "广东省"
    finding = _by_id(rule_findings(doc, scheme), "gd-provincial-recognition")
    assert finding.outcome is Outcome.NOT_MET and finding.missing


def test_evaluate_3000_served_enterprises() -> None:
    """A full-size list is checked row by row (timing lives in benchmarks/schemes_evaluate.py)."""
    doc = _report(uscc=_uscc(0), total_assets=500, employees=30, qualified_staff=28)
    doc.form.operations = [
        OperationYear(year=2022, smes_served=2800),
        OperationYear(year=2023, smes_served=3000),
    ]
    doc.served_enterprises = [
        ServedEnterprise(
            name=f"企业{i}", uscc=_uscc(i + 1), contact="张三", phone="010-68205319",
            service_content="政策咨询", service_date=dt.date(2023, 5, 1), evaluation=Evaluation.SATISFIED,
        )
        for i in range(3000)
    ]  # fmt: skip
    doc.served_enterprises[1234].uscc = "911100001000088848"  # wrong check character
    findings = evaluate(doc, load_scheme("miit-2017"))
    bad = [f for f in findings if f.group == "consistency"]
    assert [f.path for f in bad] == ["served_enterprises[1234].uscc"]
    listed = next(
        f for f in findings if f.path == "served_enterprises" and f.group != "completeness"
    )
    assert listed.outcome is Outcome.MET
