"""The corpus of bad workbooks, generated here: each gives its precise message, imports nothing."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from smedesk.export.xlsx import ImportFailed, WorkbookError, import_list, safety

from support.xlsx_helpers import good_served_row, served_headers, uscc, write_rows

KEY = "served-enterprises"


def failed(path: Path) -> list[str]:
    with pytest.raises(ImportFailed) as info:
        import_list(path, KEY)
    return [str(e) for e in info.value.errors]


def refused(path: Path) -> str:
    with pytest.raises(WorkbookError) as info:
        import_list(path, KEY)
    return info.value.message


def test_wrong_headers(tmp_path: Path) -> None:
    path = write_rows(tmp_path / "w.xlsx", [["名称", "代码", "电话"], ["甲", "1", "2"]])
    message = refused(path)
    assert message.startswith(
        "在前 30 行中没有找到名单的表头。表头应包含这些列（顺序不限）：企业名称、统一社会信用代码"
    )


def test_missing_required_column(tmp_path: Path) -> None:
    h = served_headers()
    path = write_rows(
        tmp_path / "m.xlsx", [h[:3] + h[4:], good_served_row(1)[:3] + good_served_row(1)[4:]]
    )
    (line,) = failed(path)
    assert line == (
        "工作表“Sheet1”第 1 行：缺少必填列：联系电话。本行找到的列："
        "企业名称、统一社会信用代码、联系人、服务内容、服务时间、服务评价"
    )


def test_repeated_column(tmp_path: Path) -> None:
    h = served_headers()
    path = write_rows(tmp_path / "r.xlsx", [[*h, "企业名称"], [*good_served_row(1), "x"]])
    (line,) = failed(path)
    assert line == "工作表“Sheet1”第 1 行 H 列（企业名称）：列“企业名称”重复出现，无法确定用哪一列"


def test_duplicate_uscc(tmp_path: Path) -> None:
    a, b = good_served_row(1), good_served_row(2)
    b[1] = " " + uscc(1).lower()  # the same code, typed differently
    path = write_rows(tmp_path / "d.xlsx", [served_headers(), a, b])
    assert failed(path) == [
        "工作表“Sheet1”第 3 行 B 列（统一社会信用代码）：与第 2 行重复（统一社会信用代码不能重复）"
    ]


def test_bad_check_character(tmp_path: Path) -> None:
    row = good_served_row(1)
    code = uscc(1)
    wrong = "0" if code[-1] != "0" else "1"
    row[1] = code[:-1] + wrong
    path = write_rows(tmp_path / "c.xlsx", [served_headers(), row])
    assert failed(path) == [
        f"工作表“Sheet1”第 2 行 B 列（统一社会信用代码）：统一社会信用代码校验位错误：末位应为 {code[-1]}，现为 {wrong}"
    ]


def test_dates_as_text_that_are_not_dates(tmp_path: Path) -> None:
    a, b = good_served_row(1), good_served_row(2)
    a[5], b[5] = "2023年3月", "2023-02-30"
    path = write_rows(tmp_path / "t.xlsx", [served_headers(), a, b])
    assert failed(path) == [
        "工作表“Sheet1”第 2 行 F 列（服务时间）：日期无法识别：“2023年3月”（应为如 2024-03-01 或 2024年3月1日）",
        "工作表“Sheet1”第 3 行 F 列（服务时间）：日期不存在：“2023-02-30”",
    ]


def test_ten_thousand_and_one_rows_one_bad_at_the_end(tmp_path: Path) -> None:
    rows = [served_headers()] + [good_served_row(i) for i in range(10_000)]
    bad = good_served_row(10_000)
    bad[6] = "满意"
    rows.append(bad)
    path = write_rows(tmp_path / "big.xlsx", rows)
    assert failed(path) == [
        "工作表“Sheet1”第 10002 行 G 列（服务评价）：“满意”不是可选的值，应为：很满意、基本满意、不满意"
    ]


def test_xls_renamed_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "old.xlsx"
    # An OLE compound file (the .xls container) with a «Workbook» stream entry.
    path.write_bytes(
        bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 504 + "Workbook".encode("utf-16-le")
    )
    assert refused(path) == (
        "“old.xlsx”实际是旧版 Excel（.xls）或 WPS（.et）格式，只是扩展名为 .xlsx。"
        "请在 Excel 或 WPS 中打开，“另存为”Excel 工作簿（.xlsx）后再导入。"
    )


def test_encrypted_workbook(tmp_path: Path) -> None:
    path = tmp_path / "secret.xlsx"
    path.write_bytes(
        bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 504 + "EncryptionInfo".encode("utf-16-le")
    )
    assert refused(path).startswith("“secret.xlsx”已设置打开密码（加密的工作簿），无法读取。")


@pytest.mark.parametrize(
    ("name", "what"), [("a.xls", "旧版 Excel（.xls）"), ("a.et", "WPS 表格（.et）")]
)
def test_old_formats_by_extension(tmp_path: Path, name: str, what: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"anything")
    assert refused(path) == (
        f"“{name}”是{what}格式，不能直接导入。请在 Excel 或 WPS 中打开，“另存为”Excel 工作簿（.xlsx）后再导入。"
    )


def test_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "photos.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("photo.jpg", b"\xff\xd8\xff")
    assert refused(path) == (
        "“photos.xlsx”是一个 zip 压缩包，但不是 Excel 工作簿（缺少 xl/workbook.xml）。请选择 .xlsx 名单文件。"
    )


def test_text_file_and_empty_file(tmp_path: Path) -> None:
    csv = tmp_path / "list.xlsx"
    csv.write_text("企业名称,统一社会信用代码\n", encoding="utf-8")
    assert refused(csv).startswith("“list.xlsx”不是 Excel 工作簿（.xlsx）。如为 CSV 或文本文件")
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    assert refused(empty) == "文件“empty.xlsx”是空文件（0 字节），不是 Excel 工作簿。"


def test_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_rows(tmp_path / "l.xlsx", [served_headers(), good_served_row(1)])
    monkeypatch.setattr(safety, "MAX_FILE_BYTES", 1024)
    assert refused(path).startswith("文件过大（")


def test_zip_bomb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_rows(tmp_path / "b.xlsx", [served_headers(), good_served_row(1)])
    monkeypatch.setattr(safety, "MAX_UNPACKED_BYTES", 1024)
    assert "解压后过大" in refused(path)


def test_formula_in_a_name_cell(tmp_path: Path) -> None:
    row = good_served_row(1)
    row[0] = '=CONCATENATE("甲","公司")'
    path = write_rows(tmp_path / "f.xlsx", [served_headers(), row])
    assert failed(path) == [
        '工作表“Sheet1”第 2 行 A 列（企业名称）：单元格含有公式（=CONCATENATE("甲","公司")），请改为直接填写数值或文字'
    ]


def test_required_empty_and_out_of_range(tmp_path: Path) -> None:
    path = write_rows(
        tmp_path / "e.xlsx",
        [
            ["设备、仪器及软件名称", "数量（台(套)）", "购买价格（万元）"],
            ["示波器", -1, 3],
            ["频谱仪", 2, None],
        ],
    )
    with pytest.raises(ImportFailed) as info:
        import_list(path, "equipment")
    assert [str(e) for e in info.value.errors] == [
        "工作表“Sheet1”第 2 行 B 列（数量（台(套)））：不能小于 0",
        "工作表“Sheet1”第 3 行 C 列（购买价格（万元））：必填项，不能为空",
    ]


def test_all_errors_of_a_row_are_reported_together(tmp_path: Path) -> None:
    row = ["甲", "123", None, "12", "咨询", "明天", "好"]
    path = write_rows(tmp_path / "many.xlsx", [served_headers(), row])
    with pytest.raises(ImportFailed) as info:
        import_list(path, KEY)
    assert [e.column for e in info.value.errors] == ["B", "C", "D", "F", "G"]


def test_nothing_is_read_through_an_unsafe_parser() -> None:
    import openpyxl.xml

    assert openpyxl.xml.DEFUSEDXML  # defusedxml is installed and used by openpyxl
