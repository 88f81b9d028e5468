"""People's own sheets: title rows, any column order, extra columns, merged cells, text numbers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl

from smedesk.export.xlsx import import_list
from smedesk.forms.enums import Evaluation

from support.xlsx_helpers import served_headers, uscc, write_rows


def test_title_rows_any_order_extra_columns_and_messy_cells(tmp_path: Path) -> None:
    h = served_headers()
    # 序号 and 备注 are the user's own columns; the list's columns come in another order.
    header = ["序号", h[6], h[0], " 统一社会\n信用代码 ", h[3], h[2], h[5], h[4], "备注"]
    path = write_rows(
        tmp_path / "own.xlsx",
        [
            ["服务的中小企业名单及服务评价表"],
            ["填报单位：沈阳智汇企业服务有限公司", None, None, "单位：家"],
            [],
            header,
            [
                1,
                " 很满意 ",
                " 甲公司 ",
                " " + uscc(1).lower(),
                13800138000,
                "张三",
                "2023年3月1日",
                "咨询",
                "x",
            ],
            [
                "２",
                "基本满意",
                "乙公司",
                uscc(2),
                "０２４-２３４５６７８",
                "李四",
                45000,
                "培训",
                None,
            ],
            [
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                "合计 2 家",
            ],  # only a note: skipped? no
        ],
    )
    # The last row has a value only in a column that is not the list's: it is empty for us.
    result = import_list(path, "served-enterprises")
    assert result.header_row == 4
    a, b = result.rows
    assert (a.name, a.uscc, a.phone, a.evaluation) == (
        "甲公司",
        uscc(1),
        "13800138000",
        Evaluation.VERY_SATISFIED,
    )
    assert a.service_date == dt.date(2023, 3, 1)
    assert (b.phone, b.evaluation, b.service_date) == (
        "024-2345678",
        Evaluation.SATISFIED,
        dt.date(2023, 3, 15),
    )


def test_merged_cells_fill_from_their_top_left(tmp_path: Path) -> None:
    h = served_headers()
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["服务企业名单"])
    ws.merge_cells("A1:G1")  # a merged title above the header
    ws.append(h)
    for i in range(3):
        ws.append(
            [
                f"企业{i}",
                uscc(i),
                "张三",
                "13800138000",
                "咨询" if i == 0 else None,
                dt.date(2023, 1, 1) if i == 0 else None,
                "很满意",
            ]
        )
    ws.merge_cells("E3:E5")  # one service content for three firms
    ws.merge_cells("F3:F5")
    path = tmp_path / "merged.xlsx"
    wb.save(path)
    rows = import_list(path, "served-enterprises").rows
    assert [r.service_content for r in rows] == ["咨询"] * 3
    assert [r.service_date for r in rows] == [dt.date(2023, 1, 1)] * 3


def test_the_best_matching_sheet_is_used(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    notes = wb.active
    assert notes is not None
    notes.title = "填表说明"
    notes.append(["请按模板填写"])
    data = wb.create_sheet("名单")
    data.append(served_headers())
    data.append(["企业", uscc(3), "张三", "13800138000", "咨询", "2023-01-01", "不满意"])
    path = tmp_path / "two.xlsx"
    wb.save(path)
    result = import_list(path, "served-enterprises")
    assert result.sheet == "名单" and len(result.rows) == 1


def test_text_starting_with_equals_that_is_not_a_formula_imports(tmp_path: Path) -> None:
    from smedesk.export.xlsx import write_list

    from support.xlsx_helpers import rows_for

    rows = rows_for("served-enterprises", 2)
    rows[0] = rows[0].model_copy(update={"name": '=HYPERLINK("http://x")有限公司'})
    path = tmp_path / "eq.xlsx"
    write_list("served-enterprises", rows, path)
    assert import_list(path, "served-enterprises").rows[0].name == rows[0].name


def test_progress_is_reported(tmp_path: Path) -> None:
    rows = [served_headers()] + [
        [f"企业{i}", uscc(i), "张三", "13800138000", "咨询", "2023-01-01", "很满意"]
        for i in range(1200)
    ]
    path = write_rows(tmp_path / "p.xlsx", rows)
    seen: list[tuple[int, int]] = []
    import_list(
        path,
        "served-enterprises",
        progress=lambda done, total: seen.append((done, total)) and False,
    )
    assert seen[0] == (500, 1201) and seen[-1] == (1200, 1200)
