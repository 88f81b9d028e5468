"""The annotated copy: the user's own workbook with every bad cell highlighted and commented.

People fix their lists in Excel, not in smedesk; a copy of their file with the bad cells
in red, each with a comment saying what is wrong, and a sheet «导入错误» listing them
all, lets them work down the list. The original file is never modified.
"""

from __future__ import annotations

import os
from collections import defaultdict
from pathlib import Path

from smedesk.export.xlsx.errors import CellError, WorkbookError
from smedesk.export.xlsx.safety import open_workbook, put_text
from smedesk.export.xlsx.styles import (
    BORDER,
    ERROR_FILL,
    HEADER_FILL,
    HEADER_FONT,
    sheet_title,
)

ERROR_SHEET = "导入错误"
_COMMENT_AUTHOR = "smedesk"


def save_annotated_copy(
    source: str | os.PathLike[str], target: str | os.PathLike[str], errors: list[CellError]
) -> None:
    """Copy ``source`` to ``target`` with the cells of ``errors`` marked."""
    from openpyxl.comments import Comment

    if Path(source).resolve() == Path(target).resolve():
        raise WorkbookError("带批注的副本不能覆盖原文件，请另选文件名。")
    # Full (not read-only) mode: the copy keeps the user's formatting and merged cells.
    wb = open_workbook(source, read_only=False)
    by_cell: dict[tuple[str, str], list[str]] = defaultdict(list)
    for e in errors:
        ref = f"{e.column}{e.row}" if e.column else f"A{e.row}"
        by_cell[(e.sheet, ref)].append(e.message)
    for (sheet, ref), messages in by_cell.items():
        if sheet not in wb.sheetnames:
            continue
        cell = wb[sheet][ref]
        if type(cell).__name__ == "MergedCell":
            continue  # the anchor of a merged range carries the mark
        cell.fill = ERROR_FILL
        text = "\n".join(messages)
        comment = Comment(text, _COMMENT_AUTHOR)
        comment.width, comment.height = 260, 40 + 20 * len(messages)
        cell.comment = comment
    _add_error_sheet(wb, errors)
    from smedesk.safe_write import save_workbook

    save_workbook(wb, target)


def _add_error_sheet(wb: object, errors: list[CellError]) -> None:
    from openpyxl.workbook.workbook import Workbook

    assert isinstance(wb, Workbook)
    title = ERROR_SHEET
    if title in wb.sheetnames:
        del wb[title]
    ws = wb.create_sheet(sheet_title(title), 0)
    ws.append(["工作表", "行", "列", "表头", "错误说明"])
    for cell in ws[1]:
        cell.font, cell.fill, cell.border = HEADER_FONT, HEADER_FILL, BORDER
    for e in errors:
        ws.append([None, e.row, e.column or "", None, None])
        r = ws.max_row
        put_text(ws.cell(row=r, column=1), e.sheet)
        put_text(ws.cell(row=r, column=4), e.header)
        put_text(ws.cell(row=r, column=5), e.message)
    for letter, width in zip("ABCDE", (24, 8, 6, 24, 70), strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"
    wb.active = 0
