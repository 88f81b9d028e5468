"""The 推荐汇总表 as the seed lays it out, set up for paper; the summary built from a round."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from smedesk.demo import build_demo_set
from smedesk.export.xlsx import summary_from_documents, write_summary
from smedesk.export.xlsx.summary import PAPER_HEADERS, PAPER_NOTES
from smedesk.forms import RecommendationSummary
from smedesk.forms.fields import spec_of
from smedesk.forms.recommendation import SummaryRow

# The specification sits beside the checkout as ../shared/seeds (CI clones it there too).
SEED = Path(__file__).resolve().parents[4] / "shared" / "seeds" / "001_42084685bd0d8427.txt"
# The header line of 附件2 as the seed has it (tab-separated cells).
SEED_HEADER_LINE = (
    "序号\t平台名称\t服务机构名称 (须与申报单位盖章名称一致)\t申请示范平台服务功能类别 (不超过3类)\t"
    "示范性表述（必填， 总结提炼为150字以内）\t备注 (属于省级推荐名额；或者属于打造大中小企业融通型、"
    "专业资本集聚型、科技资源支撑型、高端人才引进型等创新创业特色载体的开发区，中外中小企业合作区，"
    "国家信息消费示范城市，工信部认定工业产品质量控制和技术评价实验室)"
)


def demo_summary() -> RecommendationSummary:
    doc = build_demo_set()["recommendation-summary-2019-liaoning.json"]
    assert isinstance(doc, RecommendationSummary)
    return doc


@pytest.fixture
def sheet(tmp_path: Path) -> openpyxl.worksheet.worksheet.Worksheet:
    path = tmp_path / "summary.xlsx"
    write_summary(demo_summary(), path)
    ws = openpyxl.load_workbook(path).active
    assert ws is not None
    return ws


def test_headers_equal_the_seed(sheet: openpyxl.worksheet.worksheet.Worksheet) -> None:
    assert [c.value for c in sheet[3]] == SEED_HEADER_LINE.split("\t")


def test_the_seed_file_itself_has_these_headers() -> None:
    if not SEED.exists():
        pytest.skip("seed documents not available")
    assert SEED_HEADER_LINE in SEED.read_text(encoding="utf-8")
    text = SEED.read_text(encoding="utf-8")
    for note in PAPER_NOTES:
        assert note in text


def test_paper_headers_start_with_the_field_labels() -> None:
    for name, text in PAPER_HEADERS.items():
        if name != "#":
            assert text.startswith(spec_of(SummaryRow, name).label)


def test_title_seal_rows_and_notes(sheet: openpyxl.worksheet.worksheet.Worksheet) -> None:
    assert sheet["A1"].value == "推荐2019年度国家中小企业公共服务示范平台汇总表"
    assert sheet["A2"].value == "省级中小企业主管部门或行业协会名称（盖章）：辽宁省工业和信息化厅"
    assert {"A1:F1", "A2:F2"} <= {str(r) for r in sheet.merged_cells.ranges}
    rows = list(sheet.iter_rows(min_row=4, values_only=True))
    assert [r[0] for r in rows[:4]] == [1, 2, 3, 4]
    assert rows[0][1] == "沈阳中小企业智汇信息服务平台"
    assert rows[0][3] == "信息服务、培训服务"
    assert rows[0][5] == "属于省级推荐名额（沈阳市）"
    notes = [r[0].strip("\u3000") for r in rows[4:7]]
    assert notes == list(PAPER_NOTES)


def test_print_settings(sheet: openpyxl.worksheet.worksheet.Worksheet) -> None:
    ps = sheet.page_setup
    assert ps.orientation == "landscape"
    assert str(ps.paperSize) == sheet.PAPERSIZE_A4 == "9"  # A4
    assert (ps.fitToWidth, ps.fitToHeight) == (1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$3:$3"
    assert sheet.print_area == "'推荐汇总表'!$A$1:$F$10"
    for row in sheet.iter_rows(min_row=3, max_row=7):
        for cell in row:
            assert cell.border.left.style == "thin" and cell.border.bottom.style == "thin"
            assert cell.alignment.wrap_text


def test_an_empty_summary_prints_blank_rows_to_fill(tmp_path: Path) -> None:
    doc = demo_summary().model_copy(update={"rows": []})
    path = tmp_path / "blank.xlsx"
    write_summary(doc, path)
    ws = openpyxl.load_workbook(path).active
    assert ws is not None
    assert ws["A4"].border.left.style == "thin" and ws["A4"].value is None
    assert ws["A9"].value == PAPER_NOTES[0]


def test_summary_from_a_round_keeps_what_is_known_and_says_what_is_blank() -> None:
    docs = build_demo_set()
    report = docs["application-miit-2017-shenyang-info.json"]
    form = docs["recommendation-form-miit-2017-shenyang.json"]
    creation = docs["creation-liaoning-dalian-professional.json"]
    built = summary_from_documents(
        [report, form, creation], authority="辽宁省工业和信息化厅", year=2019
    )
    s = built.summary
    assert s.title_text == "推荐2019年度国家中小企业公共服务示范平台汇总表"
    assert [r.institution_name for r in s.rows] == [
        "沈阳智汇企业服务有限公司",
        "大连海创工业技术服务有限公司",
    ]
    first = s.rows[0]
    assert first.functions == report.functions.claimed  # type: ignore[attr-defined]
    assert first.platform_name is None and first.statement is None and first.quota is None
    assert s.rows[1].platform_name == creation.applicant.platform_name  # type: ignore[attr-defined]
    assert built.blanks[0] == (
        "第 1 行（沈阳智汇企业服务有限公司）：平台名称、示范性表述、备注 无来源，已留空，请推荐单位填写"
    )


def test_applications_of_another_scheme_or_province_are_warned_about() -> None:
    demo = build_demo_set()
    own = demo["application-miit-2017-shenyang-info.json"]
    shenzhen = demo["application-casmeic-2019-shenzhen.json"]  # an association's scheme
    built = summary_from_documents([own, shenzhen], authority="辽宁省工业和信息化厅", year=2019)
    assert len(built.summary.rows) == 2  # nothing is dropped: the authority decides
    assert all(line.startswith("第 2 行") for line in built.warnings), built.warnings
    assert any("casmeic-2019" in line for line in built.warnings)
    assert any("广东省" in line and "辽宁省" in line for line in built.warnings)
    # The round's own application from the authority's province: no warning.
    assert summary_from_documents([own], authority="辽宁省工业和信息化厅", year=2019).warnings == []


def test_the_cli_prints_the_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from smedesk.cli import main
    from smedesk.demo import write_demo_set

    write_demo_set(tmp_path)
    code = main(["export", "summary", str(tmp_path / "application-miit-2017-shenyang-info.json"),
                 str(tmp_path / "application-casmeic-2019-shenzhen.json"),
                 "--authority", "辽宁省工业和信息化厅", "--year", "2019",
                 "-o", str(tmp_path / "s.xlsx")])  # fmt: skip
    assert code == 0
    err = capsys.readouterr().err
    assert "警告：第 2 行（" in err and "casmeic-2019" in err and "广东省" in err
