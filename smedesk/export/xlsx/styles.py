"""The look of every workbook smedesk writes: fonts, fills, borders, widths, sheet names.

One place, so the templates, the list exports and the summary tables look alike and a
change of font or colour is made once. Style objects are created once and shared:
openpyxl hashes every style it is given, so reusing instances keeps writing cheap.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    from smedesk.export.xlsx.columns import Column

FONT_NAME = "宋体"  # what the paper forms are set in; WPS and Excel on Windows have it
DATE_FORMAT = "yyyy-mm-dd"
TEXT_FORMAT = "@"

THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FONT = Font(name=FONT_NAME, bold=True, size=11)
BODY_FONT = Font(name=FONT_NAME, size=11)
RULE_FONT = Font(name=FONT_NAME, size=9, color="595959")
EXAMPLE_FONT = Font(name=FONT_NAME, size=10, italic=True, color="808080")
TITLE_FONT = Font(name=FONT_NAME, bold=True, size=16)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
RULE_FILL = PatternFill("solid", fgColor="F2F2F2")
ERROR_FILL = PatternFill("solid", fgColor="FFC7CE")
CENTER_WRAP = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT_WRAP = Alignment(horizontal="left", vertical="center", wrap_text=True)
TOP_WRAP = Alignment(horizontal="left", vertical="top", wrap_text=True)

_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def sheet_title(text: str) -> str:
    """A valid sheet name: no []:*?/\\, at most 31 characters (Excel's limits)."""
    return _BAD_SHEET_CHARS.sub("", text)[:31] or "Sheet1"


def display_width(text: str) -> int:
    """Width in Excel character units: CJK and full-width characters take two.

    GB 18030 spends two bytes on exactly the characters a Chinese font draws wide (and
    one on ASCII), so the encoded length is the width, computed in C: per-character
    Python was a visible share of writing a 1,000-row summary.
    """
    return len(text.encode("gb18030", errors="replace"))


def column_width(col: Column) -> float:
    """A width that shows the header and the usual value without wrapping too much."""
    usual = {"date": 12, "int": 10, "float": 10, "choice": 12, "bool": 8}.get(col.spec.kind, 20)
    if col.spec.format == "uscc":
        usual = 22
    return float(min(max(display_width(col.header) + 2, usual), 40))


def style_header_row(ws: Worksheet, row: int, width: int) -> None:
    for c in range(1, width + 1):
        cell = ws.cell(row=row, column=c)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = CENTER_WRAP
        cell.border = BORDER


def style_rule_row(ws: Worksheet, row: int, width: int) -> None:
    lines = 1
    for c in range(1, width + 1):
        cell = ws.cell(row=row, column=c)
        letter = cell.column_letter
        col_width = ws.column_dimensions[letter].width or 10
        # 9 pt text is about 0.8 of the width unit the column is measured in.
        per_line = max(col_width / 0.8 - 1, 1)
        lines = max(lines, -(-display_width(str(cell.value or "")) // int(per_line)))
        cell.font = RULE_FONT
        cell.fill = RULE_FILL
        cell.alignment = TOP_WRAP
        cell.border = BORDER
    ws.row_dimensions[row].height = 12 * lines + 6


def style_example_row(ws: Worksheet, row: int, width: int) -> None:
    for c in range(1, width + 1):
        ws.cell(row=row, column=c).font = EXAMPLE_FONT


def register_named_styles(wb: Workbook) -> dict[str, str]:
    """Named styles for table cells: applying a name per cell is cheaper than four objects."""
    styles = {
        "smedesk-head": NamedStyle(
            name="smedesk-head", font=HEADER_FONT, border=BORDER, alignment=CENTER_WRAP
        ),
        "smedesk-cell": NamedStyle(
            name="smedesk-cell", font=BODY_FONT, border=BORDER, alignment=LEFT_WRAP
        ),
        "smedesk-center": NamedStyle(
            name="smedesk-center", font=BODY_FONT, border=BORDER, alignment=CENTER_WRAP
        ),
    }
    for style in styles.values():
        if style.name not in wb.named_styles:
            wb.add_named_style(style)
    return {k: k for k in styles}


def set_up_for_paper(ws: Any, area: str | None, *, title_rows: str) -> None:
    """A4 landscape, fitted to the page width, header rows repeated, pages numbered."""
    from openpyxl.worksheet.worksheet import Worksheet

    # The constants live on the normal Worksheet class; a write-only sheet lacks them.
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.orientation = Worksheet.ORIENTATION_LANDSCAPE
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages tall as the rows need
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = 0.6
    ws.page_margins.bottom = 0.75  # room for the page number below the table
    ws.page_margins.footer = 0.3
    ws.print_title_rows = title_rows
    if area:
        ws.print_area = area
    ws.oddFooter.center.text = "第 &P 页 共 &N 页"
