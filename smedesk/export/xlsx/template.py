"""Blank templates for the lists, generated from the row models' declarations.

Layout: row 1 the headers (label with unit, a comment holding the rule and help),
row 2 the rule of each column, row 3 an example row marked «（示例）» that the importer
skips, data from row 3 on (the example row may be overwritten). Headers and rules stay
visible (frozen panes); choice columns get a drop-down; code and phone columns are
formatted as text so Excel does not turn an 18-character code into 9.1E+17.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from smedesk.export.xlsx.columns import Column, columns_for, header_key
from smedesk.export.xlsx.styles import (
    DATE_FORMAT,
    TEXT_FORMAT,
    column_width,
    set_up_for_paper,
    sheet_title,
    style_example_row,
    style_header_row,
    style_rule_row,
)
from smedesk.forms.checks import uscc_check_character
from smedesk.forms.lists import LIST_KINDS, ListKind

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

#: Marks the example row; a real name or code never starts with it.
EXAMPLE_MARK = "（示例）"
#: Rows the drop-downs and column formats cover in a template.
TEMPLATE_ROWS = 5000
_EXAMPLE_USCC_BODY = "91110108MA01ABCDE"


def list_kind(key: str) -> ListKind:
    """The list named ``key``; ValueError with the known names otherwise."""
    try:
        return LIST_KINDS[key]
    except KeyError:
        known = "、".join(LIST_KINDS)
        raise ValueError(f"未知的名单类型“{key}”，应为以下之一：{known}") from None


def example_value(col: Column) -> Any:
    """A plausible value for the example row, valid for the column's rule."""
    s = col.spec
    if s.kind == "choice":
        return col.choice_labels[0]
    if s.kind == "date":
        return dt.date(2024, 3, 1)
    if s.kind == "bool":
        return "是"
    if s.kind in ("int", "float"):
        low = s.ge if s.ge is not None else 0
        value = max(low, 1)
        if s.le is not None:
            value = min(value, s.le)
        return int(value) if s.kind == "int" else float(value)
    if s.format == "uscc":
        return _EXAMPLE_USCC_BODY + uscc_check_character(_EXAMPLE_USCC_BODY)
    if s.format in ("phone", "mobile"):
        return "13800138000"
    return f"{EXAMPLE_MARK}{s.label}"


def is_template_row(raw: Sequence[Any], columns: Sequence[Column]) -> bool:
    """True for a template's rule row or example row, which carry no data."""
    for value, col in zip(raw, columns, strict=False):
        if not isinstance(value, str):
            continue
        if value.lstrip().startswith(EXAMPLE_MARK) or header_key(value) == header_key(col.rule):
            return True
    return False


def new_list_sheet(key: str) -> tuple[Workbook, Worksheet, list[Column]]:
    """A workbook with one sheet named after list ``key``, its header row written."""
    from openpyxl import Workbook

    kind = list_kind(key)
    columns = columns_for(kind.row_model)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = sheet_title(kind.title)
    put_header(ws, columns, with_comments=True)
    return wb, ws, columns


def write_template(key: str, path: str | os.PathLike[str]) -> None:
    """Write the blank template of list ``key`` to ``path`` (.xlsx)."""
    wb, ws, columns = new_list_sheet(key)
    ws.append([c.rule for c in columns])
    ws.append([example_value(c) for c in columns])
    style_rule_row(ws, 2, len(columns))
    style_example_row(ws, 3, len(columns))
    ws.freeze_panes = "A3"
    add_column_formats(ws, columns)
    add_choice_lists(ws, columns, first_row=3, last_row=TEMPLATE_ROWS)
    set_up_for_paper(ws, None, title_rows="1:2")  # printable for filling by hand
    from smedesk.safe_write import save_workbook

    save_workbook(wb, path)


def put_header(ws: Worksheet, columns: Sequence[Column], *, with_comments: bool) -> None:
    """Header row 1 with widths; comments carry each column's rule for people who hover."""
    from openpyxl.comments import Comment

    ws.append([c.header for c in columns])
    style_header_row(ws, 1, len(columns))
    for i, col in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=i)
        ws.column_dimensions[cell.column_letter].width = column_width(col)
        if with_comments:
            comment = Comment(col.rule, "smedesk")
            comment.width, comment.height = 240, 120
            cell.comment = comment


def add_column_formats(ws: Worksheet, columns: Sequence[Column]) -> None:
    """Text format for codes and phones, date format for dates, set on whole columns.

    A column style costs one XML attribute instead of thousands of empty styled cells,
    and Excel, WPS and LibreOffice apply it to whatever is typed into the column.
    """
    from openpyxl.utils import get_column_letter

    for i, col in enumerate(columns, start=1):
        if col.spec.format:
            fmt = TEXT_FORMAT
        elif col.spec.kind == "date":
            fmt = DATE_FORMAT
        else:
            continue
        ws.column_dimensions[get_column_letter(i)].number_format = fmt


def add_choice_lists(
    ws: Worksheet, columns: Sequence[Column], *, first_row: int, last_row: int
) -> None:
    """A drop-down (data validation, list) on each choice column."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    for i, col in enumerate(columns, start=1):
        if col.spec.kind not in ("choice", "bool"):
            continue
        labels = col.choice_labels if col.spec.kind == "choice" else ["是", "否"]
        # Excel limits an inline list to 255 characters; every list of the forms fits.
        dv = DataValidation(
            type="list",
            formula1='"' + ",".join(labels) + '"',
            allow_blank=not col.required,
            showErrorMessage=True,
            errorTitle=col.spec.label,
            error="请从下拉列表选择：" + "、".join(labels),
            promptTitle=col.spec.label,
            prompt=col.rule[:255],
            showInputMessage=True,
        )
        letter = get_column_letter(i)
        dv.add(f"{letter}{first_row}:{letter}{last_row}")
        ws.add_data_validation(dv)
