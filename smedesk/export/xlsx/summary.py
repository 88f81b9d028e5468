"""推荐汇总表 as a workbook laid out like the paper (附件2 of 工企业函〔2019〕310号).

Title with the year, the seal line, the six columns, the rows, then the three notes,
set up for A4 landscape: borders, wrapped text, the header repeated on every printed
page, fitted to the page width, «第 N 页 共 M 页» in the footer. The title and the seal
line come from the document model; the column headers and the notes are the paper's.
"""

from __future__ import annotations

import math
import os
from copy import copy
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
    set_up_for_paper,
    sheet_title,
)
from smedesk.forms.fields import spec_of
from smedesk.forms.recommendation import RecommendationSummary, SummaryRow

if TYPE_CHECKING:
    pass

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
#: Empty bordered rows printed when the summary has no rows yet (filled by hand).
BLANK_ROWS = 5
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

    # Not write-only mode: it accepts styled cells only through a raised-and-caught
    # exception per cell, which made a 1,000-row table slower, not faster.
    wb = Workbook()
    ws = wb.active
    fill_summary_sheet(ws, summary)
    wb.save(os.fspath(path))


def fill_summary_sheet(ws: Any, summary: RecommendationSummary) -> None:
    """Lay the table out on ``ws``, an empty sheet (normal or write-only).

    Rows are appended top to bottom and everything a streaming writer puts before the
    first row (widths, fit-to-page) is set first, so both kinds of sheet work.
    """
    ncols = len(PAPER_HEADERS)
    last = "ABCDEF"[ncols - 1]
    body = len(summary.rows) or BLANK_ROWS
    last_row = HEADER_ROW + body + len(PAPER_NOTES)
    ws.title = sheet_title("推荐汇总表")
    for i, width in enumerate(WIDTHS):
        ws.column_dimensions["ABCDEF"[i]].width = width
    set_up_for_paper(ws, f"A1:{last}{last_row}", title_rows=f"{HEADER_ROW}:{HEADER_ROW}")

    _line(ws, TITLE_ROW, summary.title_text, TITLE_FONT, CENTER_WRAP, 36, f"A{TITLE_ROW}:{last}")
    _line(ws, SEAL_ROW, seal_line(summary), HEADER_FONT, LEFT_WRAP, 28, f"A{SEAL_ROW}:{last}")
    heads = list(PAPER_HEADERS.values())
    head_style = _style(ws, HEADER_FONT, BORDER, CENTER_WRAP)
    _table_row(ws, HEADER_ROW, heads, (head_style, head_style))

    styles = (_style(ws, BODY_FONT, BORDER, CENTER_WRAP), _style(ws, BODY_FONT, BORDER, LEFT_WRAP))
    r = HEADER_ROW
    for r, values in enumerate(
        (row_cells(i, row) for i, row in enumerate(summary.rows, start=1)), start=HEADER_ROW + 1
    ):
        _table_row(ws, r, values, styles)
    if not summary.rows:  # a blank form to fill by hand: empty bordered rows
        for r in range(HEADER_ROW + 1, HEADER_ROW + 1 + BLANK_ROWS):
            _table_row(ws, r, [None] * ncols, styles, height=40)
    for k, note in enumerate(PAPER_NOTES):
        r += 1
        height = _LINE_HEIGHT * _lines(note, sum(WIDTHS)) + 4
        text = note if k == 0 else _NOTE_INDENT + note
        _line(ws, r, text, BODY_FONT, LEFT_WRAP, height, f"A{r}:{last}")


def _style(ws: Any, font: Any, border: Any, alignment: Any) -> Any:
    """The style array of a cell off the sheet, to be copied into many cells."""
    from openpyxl.cell.cell import Cell

    cell = Cell(ws)
    cell.font, cell.border, cell.alignment = font, border, alignment
    return cell._style


def _line(ws: Any, r: int, text: str, font: Any, align: Any, height: float, merge: str) -> None:
    """A row holding one text across the table's width (title, seal line, a note)."""
    from openpyxl.cell.cell import Cell

    cell = Cell(ws, row=r, column=1)
    put_text(cell, text)
    cell.font, cell.alignment = font, align
    ws.row_dimensions[r].height = height
    ws.append([cell])
    ws.merged_cells.add(f"{merge}{r}")


def _table_row(
    ws: Any,
    r: int,
    values: list[Any],
    styles: tuple[Any, Any],
    *,
    height: float | None = None,
) -> None:
    from openpyxl.cell.cell import Cell

    # Each cell gets a copy of a prototype's style array: assigning font, border and
    # alignment objects makes openpyxl hash each one per cell, which was most of the
    # time spent on a 1,000-row table.
    cells = []
    for c, value in enumerate(values, start=1):
        cell = Cell(ws, row=r, column=c, style_array=copy(styles[0] if c == 1 else styles[1]))
        if isinstance(value, str):
            put_text(cell, value)
        elif value is not None:
            cell.value = value
        cells.append(cell)
    # A streaming sheet writes a row's height when the row is appended: set it first.
    ws.row_dimensions[r].height = height or _height(values, r)
    ws.append(cells)


def _lines(text: str, width: float) -> int:
    # Excel does not grow a row for wrapped text on open; estimate the lines instead.
    usable = max(width - 1.5, 1.0)
    if "\n" not in text and 2 * len(text) <= usable:
        return 1  # short enough even if every character is wide
    return sum(max(1, math.ceil(display_width(part) / usable)) for part in text.split("\n"))


def _height(values: list[Any], r: int) -> float:
    lines = max(
        (_lines(str(v), WIDTHS[i]) for i, v in enumerate(values) if v is not None), default=1
    )
    return max(_LINE_HEIGHT * lines + 6, 24.0)
