"""Exporting a list to a workbook that imports back unchanged.

The sheet has the template's header row (with the rules as comments), the rows, the
drop-downs and column formats; no rule or example row, since it is data, not a form
to fill. Text is written through :func:`put_text`, so a name such as «=HYPERLINK(…)»
arrives in Excel as text.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel

from smedesk.export.xlsx.safety import put_text
from smedesk.export.xlsx.styles import DATE_FORMAT, set_up_for_paper
from smedesk.export.xlsx.template import add_choice_lists, add_column_formats, new_list_sheet


def write_list(key: str, rows: Iterable[BaseModel], path: str | os.PathLike[str]) -> int:
    """Write the rows of list ``key`` to ``path``; returns the number of rows written."""
    wb, ws, columns = new_list_sheet(key)
    count = 0
    for r, row in enumerate(rows, start=2):
        for c, col in enumerate(columns, start=1):
            value: Any = col.to_cell(getattr(row, col.name))
            if value is None:
                continue
            cell = ws.cell(row=r, column=c)
            if isinstance(value, str):
                put_text(cell, value)
            else:
                cell.value = value
                if isinstance(value, dt.date):
                    cell.number_format = DATE_FORMAT
        count += 1
    ws.freeze_panes = "A2"
    if count:
        ws.auto_filter.ref = f"A1:{ws.cell(row=1, column=len(columns)).column_letter}{count + 1}"
    add_column_formats(ws, columns)
    add_choice_lists(ws, columns, first_row=2, last_row=max(count + 1, 1000))
    set_up_for_paper(ws, None, title_rows="1:1")
    from smedesk.safe_write import save_workbook

    save_workbook(wb, path)
    return count
