"""推荐汇总表 as a workbook laid out like the paper (附件2 of 工企业函〔2019〕310号).

Title with the year, the seal line, the six columns, the rows, then the three notes,
set up for A4 landscape: borders, wrapped text, the header repeated on every printed
page, fitted to the page width, «第 N 页 共 M 页» in the footer. The title and the seal
line come from the document model; the column headers and the notes are the paper's.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable, Iterator
from copy import copy
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.dimensions import RowDimension

from smedesk.export.xlsx.safety import is_formula_like, put_text
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
    # A streaming (write-only) workbook: each row goes to the file as it is appended,
    # so the 1,000-row table is never held, sorted and walked again at save time.
    wb = Workbook(write_only=True)
    ws = _SummarySheet(parent=wb, title=sheet_title("推荐汇总表"))
    wb._add_sheet(ws)
    fill_summary_sheet(ws, summary)
    from smedesk.safe_write import save_workbook

    save_workbook(wb, path)


class _SummarySheet(WriteOnlyWorksheet):  # type: ignore[misc]
    """A write-only sheet that takes ready-made cells and knows its size in advance.

    openpyxl's streaming sheet accepts a styled cell only after trying to store it as a
    value and catching the error, once per cell; this one takes the cells as they are.
    It also writes the ``<dimension>`` a normal sheet writes (a streaming sheet cannot
    know it before the first row, but the summary's size is known from the start).
    """

    dimension: str | None = None

    def calculate_dimension(self) -> str | None:
        return self.dimension

    def _values_to_row(self, values: Iterable[Any], row_idx: int) -> Iterator[Any]:
        for col_idx, cell in enumerate(values, 1):
            if cell is None:
                continue
            cell.row, cell.column = row_idx, col_idx
            yield cell


class _RowHeight(RowDimension):  # type: ignore[misc]
    """A custom row height shared by every row of that height.

    Writing a row asks its dimension for its attributes, nine of them, looking its
    style up twice, every row; the answer, «ht=… customHeight=1», is worked out once.
    """

    def __init__(self, worksheet: Any, height: float) -> None:
        super().__init__(worksheet, ht=height)
        self._attrs = tuple(super().__iter__())

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return iter(self._attrs)


def fill_summary_sheet(ws: _SummarySheet, summary: RecommendationSummary) -> None:
    """Lay the table out on ``ws``, an empty streaming sheet.

    Rows are appended top to bottom and everything a streaming writer puts before the
    first row (size, widths, fit-to-page) is set first. The table's cells share their
    style arrays and rows of equal height share one dimension: nothing can restyle a
    row of a streaming sheet once it is appended, so no cell is given its own copy.
    """
    ncols = len(PAPER_HEADERS)
    last = "ABCDEF"[ncols - 1]
    body = len(summary.rows) or BLANK_ROWS
    last_row = HEADER_ROW + body + len(PAPER_NOTES)
    ws.title = sheet_title("推荐汇总表")
    ws.dimension = f"A1:{last}{last_row}"
    for i, width in enumerate(WIDTHS):
        ws.column_dimensions["ABCDEF"[i]].width = width
    set_up_for_paper(ws, f"A1:{last}{last_row}", title_rows=f"{HEADER_ROW}:{HEADER_ROW}")
    heights: dict[float, _RowHeight] = {}

    def height_of(h: float) -> _RowHeight:
        dim = heights.get(h)
        if dim is None:
            dim = heights[h] = _RowHeight(ws, h)
        return dim

    def line(r: int, text: str, font: Any, align: Any, height: float) -> None:
        """A row holding one text across the table's width (title, seal line, a note)."""
        cell = Cell(ws, row=r, column=1)
        put_text(cell, text)
        cell.font, cell.alignment = font, align
        ws.row_dimensions[r] = height_of(height)
        ws.append([cell])
        ws.merged_cells.add(f"A{r}:{last}{r}")

    line(TITLE_ROW, summary.title_text, TITLE_FONT, CENTER_WRAP, 36)
    line(SEAL_ROW, seal_line(summary), HEADER_FONT, LEFT_WRAP, 28)
    head_style = _style(ws, HEADER_FONT, BORDER, CENTER_WRAP)
    heads = list(PAPER_HEADERS.values())
    ws.row_dimensions[HEADER_ROW] = height_of(_height(heads))
    ids: dict[int, int] = {}  # shared style array's id() -> its index in the workbook
    ws.append(_table_cells(ws, HEADER_ROW, heads, (head_style,) * ncols, ids))

    styles = (_style(ws, BODY_FONT, BORDER, CENTER_WRAP),) + (
        _style(ws, BODY_FONT, BORDER, LEFT_WRAP),
    ) * (ncols - 1)
    r = HEADER_ROW
    for r, values in enumerate(
        (row_cells(i, row) for i, row in enumerate(summary.rows, start=1)), start=HEADER_ROW + 1
    ):
        # A streaming sheet writes a row's height when the row is appended: set it first.
        ws.row_dimensions[r] = height_of(_height(values))
        ws.append(_table_cells(ws, r, values, styles, ids))
    if not summary.rows:  # a blank form to fill by hand: empty bordered rows
        blank = [None] * ncols
        for r in range(HEADER_ROW + 1, HEADER_ROW + 1 + BLANK_ROWS):
            ws.row_dimensions[r] = height_of(40)
            ws.append(_table_cells(ws, r, blank, styles, ids))
    for k, note in enumerate(PAPER_NOTES):
        r += 1
        height = _LINE_HEIGHT * _lines(note, sum(WIDTHS)) + 4
        line(r, note if k == 0 else _NOTE_INDENT + note, BODY_FONT, LEFT_WRAP, height)


def _style(ws: Any, font: Any, border: Any, alignment: Any) -> Any:
    """The style array of a cell off the sheet, to be shared by many cells."""
    cell = Cell(ws)
    cell.font, cell.border, cell.alignment = font, border, alignment
    return cell._style


class _TableCell(Cell):  # type: ignore[misc]
    """A table cell that is told its style's index in the workbook.

    Writing a styled cell asks for ``style_id``, a property that hashes the cell's
    style array and looks it up among the workbook's styles, every time; the table's
    cells share a few style arrays, so each index is looked up once and handed to the
    cells as a plain attribute, which takes the property's place.
    """

    __slots__ = ("style_id",)


def _table_cells(
    ws: Any, r: int, values: list[Any], styles: tuple[Any, ...], ids: dict[int, int]
) -> list[Any]:
    """One row of bordered table cells; ``styles`` gives each column's style array.

    Assigning font, border and alignment objects makes openpyxl hash each one per cell,
    which was most of the time spent on a 1,000-row table: the cells share prebuilt
    style arrays instead, and only a cell that needs the quote prefix gets its own.
    ``ids`` keeps each shared array's index in the workbook (by ``id()``), registered at
    its first cell so that the indices come out in the order openpyxl would give them.
    """
    registry = ws.parent._cell_styles
    cells = []
    for c, (value, style) in enumerate(zip(values, styles, strict=True), start=1):
        cell = _TableCell(ws, row=r, column=c, value=value, style_array=style)
        if isinstance(value, str) and is_formula_like(value):
            cell._style = copy(style)
            put_text(cell, value)
            cell.style_id = registry.add(cell._style)
        else:
            sid = ids.get(id(style))
            if sid is None:
                sid = ids[id(style)] = registry.add(style)
            cell.style_id = sid
        cells.append(cell)
    return cells


def _usable(width: float) -> float:
    return max(width - 1.5, 1.0)


#: Each column's width less the cell's padding, the room a wrapped line has.
_USABLE = tuple(_usable(w) for w in WIDTHS)


def _lines(text: str, width: float) -> int:
    # Excel does not grow a row for wrapped text on open; estimate the lines instead.
    return _wrapped(text, _usable(width))


def _wrapped(text: str, usable: float) -> int:
    if "\n" not in text and 2 * len(text) <= usable:
        return 1  # short enough even if every character is wide
    return sum(max(1, math.ceil(display_width(part) / usable)) for part in text.split("\n"))


def _height(values: list[Any]) -> float:
    """A table row's height: the most wrapped lines of its cells, each measured once."""
    lines = 1
    for value, usable in zip(values, _USABLE, strict=True):
        if value is not None:
            n = _wrapped(value if isinstance(value, str) else str(value), usable)
            if n > lines:
                lines = n
    return max(_LINE_HEIGHT * lines + 6, 24.0)
