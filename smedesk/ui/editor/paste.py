"""Reading a block of cells copied from Excel or WPS (tab-separated text) into list rows.

Excel puts a cell holding line breaks or tabs in double quotes, doubling inner quotes;
rows end with CRLF. Choice columns accept the label people see (很满意) or the code.
A first line that repeats the column headers is skipped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from smedesk.forms.fields import FieldSpec
from smedesk.ui.editor.values import parse_text


def split_cells(text: str) -> list[list[str]]:
    """Tab-separated text to rows of cells, honouring Excel's quoting."""
    rows: list[list[str]] = []
    row: list[str] = []
    cell: list[str] = []
    i, n = 0, len(text)
    at_cell_start = True
    while i < n:
        ch = text[i]
        if at_cell_start and ch == '"':
            # a quoted cell: runs to the closing quote, "" is a literal quote
            i += 1
            while i < n:
                if text[i] == '"':
                    if i + 1 < n and text[i + 1] == '"':
                        cell.append('"')
                        i += 2
                        continue
                    i += 1
                    break
                cell.append(text[i])
                i += 1
            at_cell_start = False
            continue
        if ch == "\t":
            row.append("".join(cell))
            cell, at_cell_start = [], True
        elif ch in "\r\n":
            row.append("".join(cell))
            rows.append(row)
            row, cell, at_cell_start = [], [], True
            if ch == "\r" and i + 1 < n and text[i + 1] == "\n":
                i += 1
        else:
            cell.append(ch)
            at_cell_start = False
        i += 1
    if cell or row:
        row.append("".join(cell))
        rows.append(row)
    return [r for r in rows if any(c.strip() for c in r)]


@dataclass
class PasteResult:
    rows: list[dict[str, Any]]
    problems: list[str] = field(default_factory=list)  # «第 3 行 服务评价：…» for the status line
    skipped_header: bool = False


def _is_header(cells: list[str], columns: list[FieldSpec]) -> bool:
    names = {c.label for c in columns} | {c.header for c in columns}
    filled = [c.strip().rstrip("*").strip() for c in cells if c.strip()]
    return bool(filled) and sum(1 for c in filled if c in names) * 2 >= len(filled)


def rows_from_text(
    text: str, columns: list[FieldSpec], base: list[dict[str, Any]] | None = None
) -> PasteResult:
    """Rows built from pasted ``text`` for ``columns`` (those from the paste position on).

    ``base`` gives the rows being pasted over, so their other columns are kept. Cells that
    cannot be read are kept as typed and reported; the table shows them in red.
    """
    grid = split_cells(text)
    skipped = bool(grid) and _is_header(grid[0], columns)
    if skipped:
        grid = grid[1:]
    result = PasteResult([], skipped_header=skipped)
    for r, cells in enumerate(grid):
        row = dict(base[r]) if base and r < len(base) else {}
        for spec, cell in zip(columns, cells, strict=False):
            value, error = parse_text(spec, cell)
            row[spec.name] = value
            if error:
                result.problems.append(f"第 {r + 1} 行 {spec.label}：{error}")
        result.rows.append(row)
    return result
