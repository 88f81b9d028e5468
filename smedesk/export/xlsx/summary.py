"""推荐汇总表 as a workbook laid out like the paper (附件2 of 工企业函〔2019〕310号).

Title with the year, the seal line, the six columns, the rows, then the three notes,
set up for A4 landscape: borders, wrapped text, the header repeated on every printed
page, fitted to the page width, «第 N 页 共 M 页» in the footer. The title and the seal
line come from the document model; the column headers and the notes are the paper's.
"""

from __future__ import annotations

import math
import os
from typing import TYPE_CHECKING, Any

from smedesk.export.xlsx.safety import put_text
from smedesk.export.xlsx.styles import (
    BODY_FONT,
    BORDER,
    CENTER_WRAP,
    HEADER_FONT,
    LEFT_WRAP,
    TITLE_FONT,
    display_width,
    sheet_title,
)
from smedesk.forms.fields import spec_of
from smedesk.forms.recommendation import RecommendationSummary, SummaryRow

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

# The paper's header texts, verbatim from the seed (附件2). They are kept here, not
# composed from the field labels, because the paper's wording differs from the labels:
# it adds the fill-in hints in brackets (with its own mix of half- and full-width
# brackets) and the 备注 column spells out the special-carrier categories. Each text
# starts with its field's label; tests/export_xlsx checks that, and the seed equality.
PAPER_HEADERS: dict[str, str] = {
    "#": "序号",  # 序号 is the row's position, not a field
    "platform_name": "平台名称",
    "institution_name": "服务机构名称 (须与申报单位盖章名称一致)",
    "functions": "申请示范平台服务功能类别 (不超过3类)",
    "statement": "示范性表述（必填， 总结提炼为150字以内）",
    "quota": "备注 (属于省级推荐名额；或者属于打造大中小企业融通型、专业资本集聚型、科技资源支撑型、"
    "高端人才引进型等创新创业特色载体的开发区，中外中小企业合作区，国家信息消费示范城市，"
    "工信部认定工业产品质量控制和技术评价实验室)",
}

# The three notes printed under the table, verbatim from the seed; they are the call
# letter's rules in its own words, which no field declares.
PAPER_NOTES: tuple[str, ...] = (
    "说明：（1）平台名称中，不得包含“国家”、“中国”、“省级”、“示范”等字样，须以“平台”作为名称结尾，如XXX平台。",
    "（2）如某一地级市同时具备打造大中小企业融通型、专业资本集聚型、科技资源支撑型、高端人才引进型等"
    "创新创业特色载体的开发区，中外中小企业合作区，国家信息消费示范城市中2项或2项以上条件，"
    "只能推荐1家不计入省级推荐数量的公共服务平台。",
    "（3）同一家公共服务平台，不得通过省级中小企业主管部门和行业协会重复申报。",
)
# Notes (2) and (3) sit under the text of (1), after «说明：», as on paper.
_NOTE_INDENT = "\u3000\u3000\u3000"

#: Column widths (Excel character units) summing to an A4 landscape line.
WIDTHS = (6.0, 22.0, 24.0, 16.0, 52.0, 34.0)
TITLE_ROW, SEAL_ROW, HEADER_ROW = 1, 2, 3
_LINE_HEIGHT = 14.5  # points per wrapped line of 11 pt 宋体


def seal_line(summary: RecommendationSummary) -> str:
    """«省级中小企业主管部门或行业协会名称（盖章）：…» from the field's label."""
    label = spec_of(RecommendationSummary, "authority_name").label
    return f"{label}（盖章）：{summary.authority_name or ''}"


def row_cells(index: int, row: SummaryRow) -> list[Any]:
    """The six printed cells of one row; functions and quota by their printed labels."""
    quota = row.quota.label if row.quota is not None else None
    if quota and row.city:
        quota = f"{quota}（{row.city}）"
    functions = "、".join(f.label for f in row.functions) or None
    return [index, row.platform_name, row.institution_name, functions, row.statement, quota]


def write_summary(summary: RecommendationSummary, path: str | os.PathLike[str]) -> None:
    """Write the 推荐汇总表 of ``summary`` to ``path`` (.xlsx)."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    fill_summary_sheet(wb, ws, summary)
    wb.save(os.fspath(path))


def fill_summary_sheet(wb: Workbook, ws: Worksheet, summary: RecommendationSummary) -> None:
    """Lay the table out on ``ws`` (an empty sheet of ``wb``)."""
    ncols = len(PAPER_HEADERS)
    last_letter = "ABCDEF"[ncols - 1]
    ws.title = sheet_title("推荐汇总表")
    for i, width in enumerate(WIDTHS):
        ws.column_dimensions["ABCDEF"[i]].width = width

    ws.merge_cells(f"A{TITLE_ROW}:{last_letter}{TITLE_ROW}")
    title = ws.cell(row=TITLE_ROW, column=1, value=summary.title_text)
    title.font, title.alignment = TITLE_FONT, CENTER_WRAP
    ws.row_dimensions[TITLE_ROW].height = 36
    ws.merge_cells(f"A{SEAL_ROW}:{last_letter}{SEAL_ROW}")
    seal = ws.cell(row=SEAL_ROW, column=1)
    put_text(seal, seal_line(summary))
    seal.font, seal.alignment = HEADER_FONT, LEFT_WRAP
    ws.row_dimensions[SEAL_ROW].height = 28

    heads = list(PAPER_HEADERS.values())
    for c, text in enumerate(heads, start=1):
        cell = ws.cell(row=HEADER_ROW, column=c, value=text)
        cell.font, cell.border, cell.alignment = HEADER_FONT, BORDER, CENTER_WRAP
    ws.row_dimensions[HEADER_ROW].height = _height(heads, HEADER_ROW)

    r = HEADER_ROW
    for r, values in enumerate(
        (row_cells(i, row) for i, row in enumerate(summary.rows, start=1)), start=HEADER_ROW + 1
    ):
        _table_row(ws, r, values)
    if not summary.rows:  # a blank form to fill by hand: five empty bordered rows
        for r in range(HEADER_ROW + 1, HEADER_ROW + 6):
            _table_row(ws, r, [None] * ncols)
            ws.row_dimensions[r].height = 40

    for k, note in enumerate(PAPER_NOTES):
        r += 1
        ws.merge_cells(f"A{r}:{last_letter}{r}")
        cell = ws.cell(row=r, column=1, value=note if k == 0 else _NOTE_INDENT + note)
        cell.font, cell.alignment = BODY_FONT, LEFT_WRAP
        ws.row_dimensions[r].height = _LINE_HEIGHT * _lines(note, sum(WIDTHS)) + 4

    set_up_for_paper(ws, f"A1:{last_letter}{r}", title_rows=f"{HEADER_ROW}:{HEADER_ROW}")


def _table_row(ws: Worksheet, r: int, values: list[Any]) -> None:
    for c, value in enumerate(values, start=1):
        cell = ws.cell(row=r, column=c)
        if isinstance(value, str):
            put_text(cell, value)
        elif value is not None:
            cell.value = value
        cell.font = BODY_FONT
        cell.border = BORDER
        cell.alignment = CENTER_WRAP if c == 1 else LEFT_WRAP
    ws.row_dimensions[r].height = _height(values, r)


def _lines(text: str, width: float) -> int:
    # Excel does not grow a row for wrapped text on open; estimate the lines instead.
    usable = max(width - 1.5, 1.0)
    return sum(max(1, math.ceil(display_width(part) / usable)) for part in text.split("\n"))


def _height(values: list[Any], r: int) -> float:
    lines = max(
        (_lines(str(v), WIDTHS[i]) for i, v in enumerate(values) if v is not None), default=1
    )
    return max(_LINE_HEIGHT * lines + 6, 24.0)


def set_up_for_paper(ws: Worksheet, area: str, *, title_rows: str) -> None:
    """A4 landscape, fitted to the page width, header rows repeated, pages numbered."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages tall as the rows need
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = 0.6
    ws.page_margins.bottom = 0.75  # room for the page number below the table
    ws.page_margins.footer = 0.3
    ws.print_title_rows = title_rows
    ws.print_area = area
    ws.oddFooter.center.text = "第 &P 页 共 &N 页"
