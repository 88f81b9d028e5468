"""Issue 9: each fault an article-by-article reading found, wrong before and right now.

Each test names the article it enforces and says what the self-check told the applicant
before (the recorded findings in fixtures/demo-findings-before-refactor.json show the
old outcomes of the demo documents).
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

from smedesk.demo import build_demo_set
from smedesk.forms import ApplicationReport, CreationApplication, RecommendationSummary, SchemeRef
from smedesk.forms.enums import (
    AuthorityType,
    OrgType,
    QuotaCategory,
    RecognitionKind,
    RecognitionLevel,
    ServiceFunction,
)
from smedesk.forms.lists import OperationYear, PriorRecognition
from smedesk.forms.recommendation import SummaryRow
from smedesk.schemes import Outcome, evaluate, load_scheme
from smedesk.schemes.engine import consistency_findings, rule_findings
from smedesk.schemes.findings import Finding

DEMO = build_demo_set()
BEFORE = json.loads(
    (Path(__file__).parent / "fixtures" / "demo-findings-before-refactor.json").read_text("utf-8")
)


def shenyang() -> ApplicationReport:
    doc = DEMO["application-miit-2017-shenyang-info.json"]
    assert isinstance(doc, ApplicationReport)
    return copy.deepcopy(doc)


def one(findings: list[Finding], rule_id: str) -> Finding:
    (found,) = [f for f in findings if f.rule_id == rule_id]
    return found


def rec(level: RecognitionLevel | None, kind: RecognitionKind = RecognitionKind.RECOGNITION,
        until: dt.date | None = None) -> PriorRecognition:  # fmt: skip
    return PriorRecognition(
        level=level, issuer="某部门", kind=kind, document="某认定文件（某〔2020〕1号）",
        valid_until=until,
    )  # fmt: skip


def recorded(doc: str, rule_id: str) -> dict[str, object]:
    return next(f for f in BEFORE[doc] if f["rule_id"] == rule_id)


# ----------------------------------------------------------------------- scope and field


def test_guangdong_recognition_is_asked_of_guangdong_applicants_only() -> None:
    """Before: every applicant under the 2019 call was told it lacked a Guangdong-only
    provincial recognition. Now scoped by 所在省 (广东通知 一（二）)."""
    scheme = load_scheme("miit-2019-call")
    doc = shenyang()
    doc.region.province = "北京市"
    doc.form.support.recognitions = [rec(RecognitionLevel.MINISTRY)]
    ids = {f.rule_id for f in rule_findings(doc, scheme)}
    assert "gd-provincial-recognition" not in ids
    assert one(rule_findings(doc, scheme), "art12-4-recognition").outcome is Outcome.MET
    doc.region.province = "广东省"
    found = one(rule_findings(doc, scheme), "gd-provincial-recognition")
    assert found.outcome is Outcome.NOT_MET and found.citation.article == "一（二）"
    assert "广东省工业和信息化厅" in found.citation.document
    doc.form.support.recognitions = [rec(RecognitionLevel.PROVINCIAL)]
    assert one(rule_findings(doc, scheme), "gd-provincial-recognition").outcome is Outcome.MET


def test_association_applicant_has_no_prior_recognition_condition() -> None:
    """Before: the 申请表 part 四 field was required under every scheme, so a casmeic-2019
    applicant was «not met» for a condition its Art. 5 does not have. Now nothing is asked."""
    doc = DEMO["application-casmeic-2019-shenzhen.json"]
    assert isinstance(doc, ApplicationReport)
    doc = copy.deepcopy(doc)
    doc.form.support.recognitions = []
    findings = evaluate(doc, load_scheme("casmeic-2019"))
    assert [f for f in findings if f.path and "recognitions" in f.path] == []
    wording = load_scheme("casmeic-2019").wording["application-report"]
    assert "协会办法未作要求" in wording["form.support.recognitions"]


def test_art12_4_is_decided_from_the_level_not_judged() -> None:
    """Before: any non-empty text was «needs judgement» (recorded below), so «无» or a
    city-level recognition was never «not met». Now the stated level decides (第十二条第（四）项)."""
    before = recorded(
        "application-miit-2017-shenyang-info.json [miit-2017/recognition]", "art12-4-recognition"
    )
    assert before["outcome"] == "judgement"
    scheme, doc = load_scheme("miit-2017"), shenyang()
    cases = [
        ([rec(RecognitionLevel.OTHER)], Outcome.NOT_MET),  # «无» or anything unrecognised
        ([rec(RecognitionLevel.PREFECTURE)], Outcome.NOT_MET),  # city level
        ([rec(RecognitionLevel.PROVINCIAL, RecognitionKind.COMMENDATION)], Outcome.NOT_MET),
        ([rec(RecognitionLevel.PROVINCIAL)], Outcome.MET),
        ([rec(RecognitionLevel.NATIONAL_ASSOCIATION)], Outcome.MET),
        ([rec(RecognitionLevel.MINISTRY)], Outcome.MET),
    ]
    for rows, outcome in cases:
        doc.form.support.recognitions = rows
        found = one(rule_findings(doc, scheme), "art12-4-recognition")
        assert found.outcome is outcome, (rows, found.message)
        assert found.citation.article == "第十二条第（四）项"
    doc.form.support.recognitions = [rec(None)]
    unset = one(rule_findings(doc, scheme), "art12-4-recognition")
    assert unset.outcome is Outcome.NOT_MET and unset.missing and "级别" in unset.message


def test_tibet_accepts_prefecture_recognitions_commendations_and_grants() -> None:
    """Tibet Art. 12(4): 地（市）级（含）以上部门相关认定、表彰、资助."""
    scheme, doc = load_scheme("tibet"), shenyang()
    for rows, outcome in [
        ([rec(RecognitionLevel.PREFECTURE, RecognitionKind.GRANT)], Outcome.MET),
        ([rec(RecognitionLevel.PROVINCIAL, RecognitionKind.COMMENDATION)], Outcome.MET),
        ([rec(RecognitionLevel.OTHER)], Outcome.NOT_MET),
        ([rec(RecognitionLevel.NATIONAL_ASSOCIATION)], Outcome.NOT_MET),  # not a 部门
    ]:
        doc.form.support.recognitions = rows
        found = one(rule_findings(doc, scheme), "art12-4-recognition")
        assert found.outcome is outcome, found.message
    assert (
        "地（市）级（含）以上" in scheme.wording["application-report"]["form.support.recognitions"]
    )


def test_an_expired_recognition_is_no_evidence() -> None:
    scheme, doc = load_scheme("miit-2017"), shenyang()
    assert doc.fill_date is not None
    doc.form.support.recognitions = [
        rec(RecognitionLevel.PROVINCIAL, until=doc.fill_date - dt.timedelta(days=1))
    ]
    found = one(rule_findings(doc, scheme), "art12-4-recognition")
    assert found.outcome is Outcome.NOT_MET and "到期" in found.message


def test_art12_6_counts_the_staff_serving_smes_not_all_staff() -> None:
    """Before: 从业人数 (all staff) and its share were read. Now 从事为中小企业服务的人员
    (2017 Art. 12(6), casmeic Art. 5(5), Tibet Art. 12(6))."""
    doc = shenyang()
    doc.form.basic.employees, doc.form.basic.qualified_staff = 200, 190
    doc.form.basic.service_staff, doc.form.basic.service_staff_qualified = 9, 5
    for sid, prefix, article in [
        ("miit-2017", "art12-6", "第十二条第（六）项"),
        ("casmeic-2019", "art5-5", "第五条第（五）项"),
        ("tibet", "art12-6", "第十二条第（六）项"),
    ]:
        findings = rule_findings(doc, load_scheme(sid))
        staff, share = one(findings, f"{prefix}-staff"), one(findings, f"{prefix}-qualified")
        assert staff.outcome is Outcome.NOT_MET and staff.path == "form.basic.service_staff"
        assert share.outcome is Outcome.NOT_MET and staff.citation.article == article
        assert staff.found == "9 人"


def test_creation_libraries_have_no_invented_count_and_bases_are_not_failed() -> None:
    """Before: «≥ 1 of 4 libraries» on platform-only fields, so a base failed 第五条第（一）项.
    Now a judgement for platforms, and a base judged on its own account."""
    base = DEMO["creation-liaoning-anshan-base.json"]
    assert isinstance(base, CreationApplication) and base.applicant.org_type is OrgType.BASE
    for sid in ("miit-creation", "liaoning-creation"):
        findings = rule_findings(base, load_scheme(sid), stage="creation")
        assert "art5-1-5-libraries" not in {f.rule_id for f in findings}
        assert one(findings, "art5-1-5-libraries-base").outcome is Outcome.JUDGEMENT
        rule = load_scheme(sid).rule("art5-1-5-libraries")
        assert rule.check == "judgement" and rule.threshold is None


def test_western_relaxation_never_covers_the_legal_person_and_says_the_shortfall() -> None:
    """Before: 具有独立法人资格 was relaxed too, and a relaxed finding gave no figure. Art. 2
    defines a platform as run by a legal person; the last paragraph of Art. 12 relaxes figures."""
    scheme, doc = load_scheme("miit-2017"), shenyang()
    doc.region.province = "四川省"
    doc.form.basic.independent_legal_person = False
    doc.form.basic.total_assets = 240
    findings = rule_findings(doc, scheme)
    assert one(findings, "art12-1-legal-person").outcome is Outcome.NOT_MET
    assets = one(findings, "art12-1-assets")
    assert assets.outcome is Outcome.RELAXED
    assert "差 60 万元" in assets.message and "第十二条末款" in assets.message


def _summary(rows: list[SummaryRow]) -> RecommendationSummary:
    return RecommendationSummary(
        scheme=SchemeRef(id="miit-2019-call", version="1"), year=2019,
        authority_name="辽宁省工业和信息化厅", authority_type=AuthorityType.PROVINCE,
        fill_date=dt.date(2019, 7, 1), rows=rows,
    )  # fmt: skip


def test_each_summary_fault_is_reported_once() -> None:
    """Before: a 151-character statement, an empty statement and four categories were each
    reported two or three times (rule + completeness + length/consistency check)."""
    good = {"platform_name": "甲平台", "institution_name": "甲公司", "functions": [ServiceFunction.TRAINING],
            "statement": "表述", "quota": QuotaCategory.PROVINCIAL_QUOTA}  # fmt: skip
    cases = {
        "statement": ("字" * 151, "annex2-statement-length"),
        "functions": (list(ServiceFunction)[:4], "annex2-functions-max"),
    }
    scheme = load_scheme("miit-2019-call")
    for column, (value, rule_id) in cases.items():
        doc = _summary([SummaryRow(**{**good, column: value})])
        bad = [
            f
            for f in evaluate(doc, scheme)
            if f.outcome is Outcome.NOT_MET and f.group != "materials"
        ]
        assert [f.rule_id for f in bad] == [rule_id], [(f.rule_id, f.message) for f in bad]
    doc = _summary([SummaryRow(**{**good, "statement": None})])
    bad = [
        f for f in evaluate(doc, scheme) if f.outcome is Outcome.NOT_MET and f.group != "materials"
    ]
    assert [f.rule_id for f in bad] == ["annex2-statement-required"]


# ----------------------------------------------------------------------- citation and wording


def test_association_served_list_cites_annex_2_of_156() -> None:
    """Before: «工信部企业〔2017〕156号 第七条第（二）项», the information-function article."""
    rule = load_scheme("casmeic-2019").rule("report-served-list")
    assert (rule.document, rule.article) == ("工信部企业〔2017〕156号", "附件2《申请报告》四")


def test_format_faults_cite_the_form_itself() -> None:
    """Before: «申请表填报说明», which no seed has; summary faults cited the 申请表."""
    doc = shenyang()
    doc.form.basic.postcode = "12"
    found = [f for f in evaluate(doc, load_scheme("miit-2017")) if f.group == "consistency"]
    assert found and {f.citation.article for f in found} == {
        "附件2 国家中小企业公共服务示范平台申请报告"
    }
    summary = _summary([SummaryRow(platform_name="乙平台", statement="字" * 151)])
    cited = {
        f.citation.article for f in consistency_findings(summary, load_scheme("miit-2019-call"))
    }
    assert cited == {"附件2 推荐2019年度国家中小企业公共服务示范平台汇总表"}


def test_labels_read_as_the_seeds_print_them() -> None:
    from smedesk.forms.application import BasicInfo
    from smedesk.forms.fields import spec_of
    from smedesk.forms.functions import FinancingFunction, TechnologyFunction

    assert spec_of(BasicInfo, "website").label == "网址及备案号（已建网站的填写）"
    assert "产品检测与质量品牌诊断" in spec_of(TechnologyFunction, "events_per_year").label
    assert "企业融资策划" in spec_of(FinancingFunction, "events_per_year").label


def test_national_creation_rules_use_the_national_wording() -> None:
    """Before: three titles of miit-creation were Liaoning's sentences."""
    national, liaoning = load_scheme("miit-creation"), load_scheme("liaoning-creation")
    assert "比较全面" in national.rule("art5-1-4-functions").title
    assert "相对全面" in liaoning.rule("art5-1-4-functions").title
    assert "规范化、集约化建设和安全高效运行" in national.rule("art5-1-7-online").title
    assert "规范运行、安全高效" in liaoning.rule("art5-1-7-online").title
    assert "基础服务资源库" not in national.rule("art5-1-5-libraries").title
    assert "基础服务资源库" in liaoning.rule("art5-1-5-libraries").title
    labels = liaoning.wording["creation-application"]
    assert labels["platform.policy_library"] == "已建法律政策库"
    assert "creation-application" not in national.wording


def test_sealed_copies_per_scheme() -> None:
    """Before: the 2017 scheme carried the 2019 call's «一式两份» and Guangdong's «一式三份»
    was never used. Now: none in 2017, 2 under the call, 3 for a Guangdong document."""
    from smedesk.export.pdf.scheme import scheme_view

    doc = shenyang()
    assert scheme_view(doc, load_scheme("miit-2017")).sealed_copies is None
    call = load_scheme("miit-2019-call")
    doc.region.province = "北京市"
    assert scheme_view(doc, call).sealed_copies == 2
    doc.region.province = "广东省"
    assert scheme_view(doc, call).sealed_copies == 3
    summary = _summary([])
    summary.authority_name = "广东省工业和信息化厅"
    assert scheme_view(summary, call).sealed_copies == 3


# ----------------------------------------------------------------------- four applicants


def _rule_ids(doc: ApplicationReport, sid: str) -> set[str]:
    return {f.rule_id for f in rule_findings(doc, load_scheme(sid))}


def test_four_applicants_get_only_the_conditions_their_texts_impose() -> None:
    """A Beijing, a Guangdong, an association and a Tibet applicant, through the 2019 call
    and their own schemes: no condition of another text reaches them."""
    beijing, guangdong, tibet_doc = shenyang(), shenyang(), shenyang()
    beijing.region.province, guangdong.region.province = "北京市", "广东省"
    tibet_doc.region.province = "西藏自治区"
    association = DEMO["application-casmeic-2019-shenzhen.json"]
    assert isinstance(association, ApplicationReport)

    # 第十三条第（二）项's instrument sharing is asked only of a 技术服务 claim (the demo claims
    # 信息服务); 第十六条 sampling is the recommender's form, not the applicant's
    call_2017 = {r.id for r in load_scheme("miit-2017").rules_for("application-report")} - {
        "art13-2-shared-instruments"
    }
    bj = _rule_ids(beijing, "miit-2019-call")
    assert bj == call_2017 | {"annex2-claimed-functions-max"}
    gd = _rule_ids(guangdong, "miit-2019-call")
    assert gd == bj | {"gd-provincial-recognition"}
    # the association's own measures: no 第十二条第（四）项 counterpart, no Guangdong rule
    own = _rule_ids(association, "casmeic-2019")
    assert not any("recognition" in r for r in own)
    assert {r.article for r in load_scheme("casmeic-2019").rules if r.document is None or
            r.document == load_scheme("casmeic-2019").document} <= {
        r.article for r in load_scheme("casmeic-2019").rules
    }  # fmt: skip
    # Tibet's own scheme: its thresholds, its recognition levels, no western relaxation
    tibet = load_scheme("tibet")
    tb = rule_findings(tibet_doc, tibet)
    assert {f.rule_id for f in tb} == {r.id for r in tibet.rules} - {
        "art13-2-shared-instruments"  # asked only of a platform claiming 技术服务
    }
    assert all(f.outcome is not Outcome.RELAXED for f in tb)
    assert one(tb, "art12-4-recognition").citation.document == tibet.document
    # Tibet through the 2019 call: the national thresholds, relaxed as a western region
    doc = copy.deepcopy(tibet_doc)
    doc.form.operations = [OperationYear(year=2022, smes_served=40), OperationYear(year=2023, smes_served=60)]  # fmt: skip
    national = rule_findings(doc, load_scheme("miit-2019-call"))
    assert one(national, "art12-2-smes-served").outcome is Outcome.RELAXED
    assert "gd-provincial-recognition" not in {f.rule_id for f in national}


def test_an_association_applicant_through_the_2019_call() -> None:
    """Through the call, an association's platform meets 156号 Art. 12(4) with the
    association's own recognition (全国性行业协会), and the association recommending it
    must be one of the 13 of 附件1; no Guangdong rule reaches it."""
    association = DEMO["application-casmeic-2019-shenzhen.json"]
    assert isinstance(association, ApplicationReport)
    doc = copy.deepcopy(association)
    doc.scheme = SchemeRef(id="miit-2019-call", version="2019.1")
    doc.region.province = "北京市"
    doc.form.support.recognitions = [rec(RecognitionLevel.NATIONAL_ASSOCIATION)]
    call = load_scheme("miit-2019-call")
    findings = rule_findings(doc, call)
    assert one(findings, "art12-4-recognition").outcome is Outcome.MET
    assert not any(f.rule_id.startswith("gd-") for f in findings)
    summary = _summary([SummaryRow(platform_name="丙平台", institution_name="丙公司")])
    summary.authority_type = AuthorityType.ASSOCIATION
    summary.authority_name = "中国中小企业国际合作协会"
    listed = one(rule_findings(summary, call), "call1-association-listed")
    assert listed.outcome is Outcome.MET and listed.citation.article == "一、附件1"
    summary.authority_name = "某省中小企业服务协会"
    assert one(rule_findings(summary, call), "call1-association-listed").outcome is Outcome.NOT_MET
    assert (
        one(rule_findings(summary, call), "call3-association-recognised").outcome
        is Outcome.JUDGEMENT
    )
    summary.authority_type, summary.authority_name = AuthorityType.PROVINCE, "北京市经济和信息化局"
    ids = {f.rule_id for f in rule_findings(summary, call)}
    assert "call1-association-listed" not in ids and "call3-association-recognised" not in ids


def test_the_authority_checklist_starts_with_the_covering_letter() -> None:
    """Before: the 2019 call's 推荐文件 was nowhere. 310号 四 lists it first; an association
    also sends its measures, publicity and recognition papers."""
    call = load_scheme("miit-2019-call")
    summary = _summary([SummaryRow(platform_name="丙平台")])
    items = [m.id for m in call.materials_for("recommendation-summary", summary)]
    assert items == ["cover-letter", "summary-table", "recommendation-forms", "applications"]
    summary.authority_type = AuthorityType.ASSOCIATION
    assert call.materials_for("recommendation-summary", summary)[-1].id == "association-papers"
    missing = [f for f in evaluate(summary, call) if f.rule_id == "material:cover-letter"]
    assert missing[0].outcome is Outcome.NOT_MET and missing[0].citation.article == "四"
