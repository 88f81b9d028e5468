"""`smedesk template / import / export …` and the annotated copy of a bad workbook."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from smedesk.cli import main
from smedesk.demo import write_demo_set
from smedesk.export.xlsx import ImportFailed, import_list, save_annotated_copy
from smedesk.export.xlsx.error_report import ERROR_SHEET

from support.xlsx_helpers import good_served_row, served_headers, write_rows


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    folder = tmp_path / "demo"
    write_demo_set(folder)
    return folder


def bad_workbook(tmp_path: Path) -> Path:
    a, b = good_served_row(1), good_served_row(2)
    b[1] = a[1]
    b[6] = "一般"
    return write_rows(tmp_path / "bad.xlsx", [["名单"], served_headers(), a, b])


def test_annotated_copy_marks_the_bad_cells(tmp_path: Path) -> None:
    source = bad_workbook(tmp_path)
    with pytest.raises(ImportFailed) as info:
        import_list(source, "served-enterprises")
    target = tmp_path / "marked.xlsx"
    save_annotated_copy(source, target, info.value.errors)
    wb = openpyxl.load_workbook(target)
    assert wb.sheetnames[0] == ERROR_SHEET
    ws = wb["Sheet1"]
    for ref in ("B4", "G4"):
        assert ws[ref].fill.fgColor.rgb.endswith("FFC7CE")
        assert ws[ref].comment is not None
    assert "与第 3 行重复" in ws["B4"].comment.text
    listed = list(wb[ERROR_SHEET].iter_rows(min_row=2, values_only=True))
    assert [(r[1], r[2]) for r in listed] == [(4, "B"), (4, "G")]
    assert openpyxl.load_workbook(source).sheetnames == ["Sheet1"]  # the original is untouched


def test_template_command(tmp_path: Path) -> None:
    out = tmp_path / "staff.xlsx"
    assert main(["template", "staff", "-o", str(out)]) == 0
    assert openpyxl.load_workbook(out).active["A1"].value == "姓名"  # type: ignore[index]
    assert main(["template", "nope", "-o", str(out)]) == 2
    assert main(["template", "staff", "-o", str(tmp_path / "staff.xls")]) == 2


def test_export_then_import_changes_nothing(demo: Path, tmp_path: Path) -> None:
    doc = demo / "application-miit-2017-shenyang-info.json"
    before = json.loads(doc.read_text(encoding="utf-8"))
    for key in ("served-enterprises", "equipment", "staff", "investors", "services"):
        out = tmp_path / f"{key}.xlsx"
        assert main(["export", "list", key, str(doc), "-o", str(out)]) == 0
        assert main(["import", key, str(out), "--into", str(doc), "--replace"]) == 0
    assert json.loads(doc.read_text(encoding="utf-8")) == before
    form = demo / "recommendation-form-miit-2017-shenyang.json"
    out = tmp_path / "sampled.xlsx"
    assert main(["export", "list", "sampled-enterprises", str(form), "-o", str(out)]) == 0
    assert main(["import", "sampled-enterprises", str(out), "--into", str(form), "--replace"]) == 0


def test_import_replaces_the_list(demo: Path, tmp_path: Path) -> None:
    doc = demo / "application-miit-2017-shenyang-info.json"
    book = write_rows(
        tmp_path / "two.xlsx", [served_headers(), good_served_row(1), good_served_row(2)]
    )
    assert main(["import", "served-enterprises", str(book), "--into", str(doc), "--replace"]) == 0
    data = json.loads(doc.read_text(encoding="utf-8"))
    assert [e["name"] for e in data["served_enterprises"]] == ["企业1", "企业2"]
    assert data["served_enterprises"][0]["evaluation"] == "very-satisfied"


def test_bad_rows_exit_1_and_write_nothing(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = demo / "application-miit-2017-shenyang-info.json"
    before = doc.read_bytes()
    marked = tmp_path / "marked.xlsx"
    code = main(
        [
            "import",
            "served-enterprises",
            str(bad_workbook(tmp_path)),
            "--into",
            str(doc),
            "--annotated",
            str(marked),
        ]
    )
    assert code == 1
    assert doc.read_bytes() == before
    err = capsys.readouterr().err
    assert "导入失败：1 行共 2 处错误，未导入任何数据。" in err
    assert "第 4 行 B 列（统一社会信用代码）：与第 3 行重复" in err
    assert marked.exists()


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"not a workbook", "不是 Excel 工作簿"),
        (bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 600, "旧版 Excel"),
    ],
)
def test_unreadable_workbook_exits_2(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, fragment: str
) -> None:
    doc = demo / "application-miit-2017-shenyang-info.json"
    before = doc.read_bytes()
    book = tmp_path / "x.xlsx"
    book.write_bytes(content)
    assert main(["import", "served-enterprises", str(book), "--into", str(doc)]) == 2
    assert fragment in capsys.readouterr().err
    assert doc.read_bytes() == before


def test_list_not_in_that_document_exits_2(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = write_rows(tmp_path / "one.xlsx", [served_headers(), good_served_row(1)])
    form = demo / "recommendation-form-miit-2017-shenyang.json"
    assert main(["import", "served-enterprises", str(book), "--into", str(form)]) == 2
    assert "推荐表中没有“served-enterprises”名单；该名单属于：申请报告" in capsys.readouterr().err


def test_export_summary_from_a_summary_document(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "s.xlsx"
    assert (
        main(
            [
                "export",
                "summary",
                str(demo / "recommendation-summary-2019-liaoning.json"),
                "-o",
                str(out),
            ]
        )
        == 0
    )
    ws = openpyxl.load_workbook(out).active
    assert ws is not None and ws["B4"].value == "沈阳中小企业智汇信息服务平台"


def test_export_summary_from_applications(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "s.xlsx"
    docs = [
        str(demo / "application-miit-2017-shenyang-info.json"),
        str(demo / "recommendation-form-miit-2017-shenyang.json"),
    ]
    assert main(["export", "summary", *docs, "-o", str(out)]) == 2
    assert "--authority" in capsys.readouterr().err
    assert (
        main(
            [
                "export",
                "summary",
                *docs,
                "-o",
                str(out),
                "--authority",
                "辽宁省工业和信息化厅",
                "--year",
                "2019",
            ]
        )
        == 0
    )
    ws = openpyxl.load_workbook(out).active
    assert ws is not None
    assert ws["A1"].value == "推荐2019年度国家中小企业公共服务示范平台汇总表"
    assert (
        ws["C4"].value == "沈阳智汇企业服务有限公司" and ws["A5"].value != 2
    )  # one row: form is linked
    assert "平台名称、示范性表述、备注 无来源，已留空" in capsys.readouterr().err


def test_export_authority(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "a.xlsx"
    docs = sorted(str(p) for p in demo.glob("*.json"))
    assert main(["export", "authority", *docs, "-o", str(out)]) == 0
    assert "抽样测评" in openpyxl.load_workbook(out).sheetnames
