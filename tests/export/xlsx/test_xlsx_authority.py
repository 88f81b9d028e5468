"""The authority's workbook: rules matrix, sampling survey, expert opinions; never a rank."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from smedesk.demo import build_demo_set
from smedesk.export.xlsx import write_authority_workbook
from smedesk.forms import ApplicationReport, ExpertOpinion, parse_document
from smedesk.forms.enums import Conclusion
from smedesk.schemes.findings import Citation, Finding, Outcome

RANKING_WORDS = ("排名", "名次", "排序", "得分", "总分", "分数")


def fake_evaluator(doc: object) -> tuple[list[Finding], list[tuple[str, str]]]:
    name = doc.form.basic.applicant_name  # type: ignore[attr-defined]
    outcome = Outcome.NOT_MET if name.startswith("乙") else Outcome.MET
    cite = Citation("工信部企业〔2017〕156号", "第十二条")
    findings = [
        Finding("assets", "资产总额", outcome, "", cite),
        Finding("staff", "服务人员", Outcome.JUDGEMENT, "", cite),
        Finding("staff", "服务人员", Outcome.MET, "", cite),
    ]
    return findings, [("assets", "资产总额"), ("staff", "服务人员"), ("growth", "稳步增长")]


def applications() -> list[ApplicationReport]:
    base = build_demo_set()["application-miit-2017-shenyang-info.json"]
    assert isinstance(base, ApplicationReport)
    apps = []
    for i, name in enumerate(["丙公司", "乙公司", "甲公司"]):  # deliberately not sorted
        data = base.model_dump()
        data["doc_id"] = f"app-{i}"
        data["form"]["basic"]["applicant_name"] = name
        app = parse_document(data)
        assert isinstance(app, ApplicationReport)
        apps.append(app)
    return apps


def opinion(app_id: str, name: str, conclusion: Conclusion) -> ExpertOpinion:
    base = build_demo_set()["expert-opinion-liaoning-dalian.json"]
    assert isinstance(base, ExpertOpinion)
    return base.model_copy(
        update={"application_id": app_id, "applicant_name": name, "conclusion": conclusion}
    )


def test_three_sheets_in_input_order_without_rank(tmp_path: Path) -> None:
    apps = applications()
    opinions = [
        opinion("app-2", "甲公司", Conclusion.NOT_CREATE),
        opinion("app-0", "丙公司", Conclusion.CREATE),
        opinion("app-0", "丙公司", Conclusion.CREATE),
    ]
    path = tmp_path / "a.xlsx"
    write_authority_workbook([*apps, *opinions], path, evaluator=fake_evaluator)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["规则核对", "抽样测评", "专家评审意见"]
    matrix = list(wb["规则核对"].iter_rows(values_only=True))
    assert matrix[0][:6] == ("序号", "申报单位", "方案", "资产总额", "服务人员", "稳步增长")
    assert [r[1] for r in matrix[1:]] == ["丙公司", "乙公司", "甲公司"]  # input order
    assert matrix[2][3:6] == ("不符合", "需专家判断", "—")  # the worst finding of a rule
    assert matrix[1][3:6] == ("符合", "需专家判断", "—")
    experts = list(wb["专家评审意见"].iter_rows(values_only=True))
    head = experts[0]
    assert "建议列为创建对象（份）" in head and "不建议列为创建对象（份）" in head
    assert [r[1] for r in experts[1:]] == ["丙公司", "乙公司", "甲公司"]
    by_name = {r[1]: dict(zip(head, r, strict=True)) for r in experts[1:]}
    assert by_name["丙公司"]["意见表（份）"] == 2
    assert by_name["丙公司"]["建议列为创建对象（份）"] == 2
    assert "创新特色：基本符合 2" in by_name["丙公司"][head[-1]]
    for ws in wb:
        for cell in ws[1]:
            assert not any(w in str(cell.value or "") for w in RANKING_WORDS), cell.value


def test_sampling_sheet_from_the_recommendation_form(tmp_path: Path) -> None:
    docs = build_demo_set()
    report = docs["application-miit-2017-shenyang-info.json"]
    form = docs["recommendation-form-miit-2017-shenyang.json"]
    path = tmp_path / "s.xlsx"
    write_authority_workbook([report, form], path, evaluator=fake_evaluator)
    rows = list(openpyxl.load_workbook(path)["抽样测评"].iter_rows(values_only=True))
    assert rows[0] == (
        "序号", "示范平台承担单位名称", "测评方法", "抽样企业数（家）",
        "很满意（家）", "基本满意（家）", "不满意（家）", "测评满意度（%）",
    )  # fmt: skip
    sampled = form.survey.sampled  # type: ignore[attr-defined]
    assert rows[1][1] == "沈阳智汇企业服务有限公司" and rows[1][3] == len(sampled)
    assert sum(rows[1][4:7]) == len(sampled)


def test_the_real_schemes_fill_the_matrix(tmp_path: Path) -> None:
    report = build_demo_set()["application-miit-2017-shenyang-info.json"]
    path = tmp_path / "r.xlsx"
    write_authority_workbook([report], path)
    rows = list(openpyxl.load_workbook(path)["规则核对"].iter_rows(values_only=True))
    assert len(rows) == 2
    assert "符合" in rows[1]
