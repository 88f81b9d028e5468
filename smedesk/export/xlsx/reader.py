"""Finding a list in a workbook and streaming its rows.

People's sheets put a title and notes above the header, order the columns as they
like, add columns of their own (序号, 备注), merge cells and leave formulas in. The
reader scans the top of every sheet for the row that best matches the list's headers,
then streams the rows below it (openpyxl read-only mode, so a 10,000-row list is never
held as cell objects), filling merged ranges from their top-left cell and telling
real formulas apart from text that merely starts with "=".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from openpyxl.utils.cell import get_column_letter, range_boundaries

from smedesk.export.xlsx.columns import Column, header_key
from smedesk.export.xlsx.errors import CellError, WorkbookError
from smedesk.export.xlsx.safety import MAX_ROWS

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook

#: How far down a sheet the header may sit (title, date, unit lines above it).
HEADER_SCAN_ROWS = 30
_MERGE_REF = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=\"([A-Z]+\d+:[A-Z]+\d+)\"")


@dataclass
class SheetLayout:
    """Where a list sits in a sheet: its header row and which column holds which field."""

    sheet: str
    header_row: int  # 1-based, as Excel numbers rows
    positions: list[tuple[int, Column]]  # 0-based sheet column index, column
    missing: list[Column] = field(default_factory=list)
    duplicates: list[tuple[int, str]] = field(default_factory=list)  # index, header text
    found_headers: list[str] = field(default_factory=list)

    def letter(self, index: int) -> str:
        return str(get_column_letter(index + 1))


@dataclass
class FormulaCell:
    row: int
    index: int
    text: str


def find_layout(wb: Workbook, columns: list[Column]) -> tuple[Any, SheetLayout]:
    """The sheet and header row that best match ``columns``; WorkbookError if none does."""
    by_key: dict[str, Column] = {}
    for col in columns:
        for key in col.keys:
            by_key.setdefault(key, col)
    best: tuple[int, Any, SheetLayout] | None = None
    for ws in wb.worksheets:
        if getattr(ws, "sheet_state", "visible") != "visible":
            continue
        layout = _scan_sheet(ws, by_key, columns)
        if layout is None:
            continue
        score = len(layout.positions)
        if best is None or score > best[0]:
            best = (score, ws, layout)
    needed = min(2, len(columns))
    if best is None or best[0] < needed:
        expected = "、".join(c.header for c in columns)
        raise WorkbookError(
            f"在前 {HEADER_SCAN_ROWS} 行中没有找到名单的表头。表头应包含这些列（顺序不限）：{expected}。"
            "可先下载模板，把数据粘贴到模板中再导入。"
        )
    return best[1], best[2]


def _scan_sheet(ws: Any, by_key: dict[str, Column], columns: list[Column]) -> SheetLayout | None:
    best: SheetLayout | None = None
    rows = ws.iter_rows(max_row=HEADER_SCAN_ROWS, values_only=True)
    for number, values in enumerate(rows, start=1):
        positions: list[tuple[int, Column]] = []
        seen: set[str] = set()
        duplicates: list[tuple[int, str]] = []
        for index, value in enumerate(values):
            col = by_key.get(header_key(value)) if value is not None else None
            if col is None:
                continue
            if col.name in seen:
                duplicates.append((index, str(value)))
                continue
            seen.add(col.name)
            positions.append((index, col))
        if positions and (best is None or len(positions) > len(best.positions)):
            best = SheetLayout(
                sheet=ws.title,
                header_row=number,
                positions=positions,
                missing=[c for c in columns if c.name not in seen],
                duplicates=duplicates,
                found_headers=[str(v).strip() for v in values if v is not None],
            )
    return best


def header_errors(layout: SheetLayout) -> list[CellError]:
    """Missing required columns and repeated columns, located on the header row."""
    errors = []
    missing = [c for c in layout.missing if c.required]
    if missing:
        found = "、".join(layout.found_headers) or "（无）"
        errors.append(
            CellError(
                layout.sheet,
                layout.header_row,
                "",
                "表头",
                f"缺少必填列：{'、'.join(c.header for c in missing)}。本行找到的列：{found}",
            )
        )
    for index, text in layout.duplicates:
        errors.append(
            CellError(
                layout.sheet,
                layout.header_row,
                layout.letter(index),
                text,
                f"列“{text}”重复出现，无法确定用哪一列",
            )
        )
    return errors


def iter_rows(
    wb: Workbook, ws: Any, layout: SheetLayout, formulas: list[FormulaCell]
) -> Iterator[tuple[int, list[Any]]]:
    """(Excel row number, raw values in ``layout.positions`` order) for each row below the header.

    Cells holding a formula are appended to ``formulas`` (and yielded as None): a list
    is data, and a formula's cached result may be stale or absent.
    """
    indexes = [i for i, _ in layout.positions]
    merged = _merged_cells(wb, ws, layout)
    anchors: dict[tuple[int, int], Any] = {}
    suspects: list[FormulaCell] = []
    first = layout.header_row + 1
    for number, values in enumerate(ws.iter_rows(min_row=first, values_only=True), start=first):
        if number - layout.header_row > MAX_ROWS:
            raise WorkbookError(
                f"工作表“{layout.sheet}”超过 {MAX_ROWS} 行，不像是一份名单，未导入。"
            )
        width = len(values)
        raw = [values[i] if i < width else None for i in indexes]
        for k, value in enumerate(raw):
            if value is None or type(value) in (int, float):
                continue
            if isinstance(value, str):
                if value.startswith("="):
                    suspects.append(FormulaCell(number, indexes[k], value))
            elif not hasattr(value, "year"):  # ArrayFormula / DataTableFormula objects
                formulas.append(FormulaCell(number, indexes[k], str(getattr(value, "text", ""))))
                raw[k] = None
        if merged:
            _fill_merged(number, values, indexes, raw, merged, anchors)
        yield number, raw
    if suspects:
        formulas.extend(_real_formulas(ws, suspects))


#: Merged ranges one sheet may declare; a list merges a few cells per block.
MAX_MERGED_RANGES = 100_000
_CHUNK = 1024 * 1024


@dataclass
class MergedAreas:
    """Merged ranges below the header, clipped to the list's columns and the row cap.

    Kept as ranges (never expanded cell by cell: one range ``A2:XFD1048576`` is 17 billion
    cells); per column, the ranges are looked up by row.
    """

    by_column: dict[int, list[tuple[int, int, tuple[int, int]]]] = field(default_factory=dict)
    anchors: dict[int, set[int]] = field(default_factory=dict)  # row → anchor columns

    def __bool__(self) -> bool:
        return bool(self.by_column)

    def anchor_of(self, row: int, column: int) -> tuple[int, int] | None:
        for low, high, anchor in self.by_column.get(column, ()):
            if low <= row <= high and (row, column) != anchor:
                return anchor
        return None


def _merged_cells(wb: Workbook, ws: Any, layout: SheetLayout) -> MergedAreas:
    """The sheet's merged ranges that touch the list's columns below its header.

    Read-only worksheets do not parse <mergeCells>; they sit at the end of the sheet part,
    so the raw XML is searched in 1 MB pieces (a piece's tail is kept so a reference split
    between two pieces is still found) — the sheet is never held in memory whole.
    """
    path = getattr(ws, "_worksheet_path", None)
    archive = getattr(wb, "_archive", None)
    areas = MergedAreas()
    if path is None or archive is None:
        return areas
    wanted = {i for i, _ in layout.positions}
    last_row = layout.header_row + MAX_ROWS
    count = 0
    with archive.open(path) as fh:
        tail = b""
        while True:
            chunk = fh.read(_CHUNK)
            if not chunk:
                break
            data = tail + chunk
            cut = max(data.rfind(b"<"), len(data) - 200) if len(data) > 200 else 0
            for ref in _MERGE_REF.findall(data, 0, cut) if cut else ():
                count += 1
                if count > MAX_MERGED_RANGES:
                    raise WorkbookError(
                        f"工作表“{layout.sheet}”中的合并单元格超过 {MAX_MERGED_RANGES} 处，"
                        "不像是一份名单，未导入。请取消合并后再导入。"
                    )
                _add_range(areas, ref, layout.header_row, last_row, wanted)
            tail = data[cut:] if cut else data
        for ref in _MERGE_REF.findall(tail):
            _add_range(areas, ref, layout.header_row, last_row, wanted)
    return areas


def _add_range(
    areas: MergedAreas, ref: bytes, header_row: int, last_row: int, wanted: set[int]
) -> None:
    min_col, min_row, max_col, max_row = range_boundaries(ref.decode("ascii"))
    if max_row is None or min_row is None or max_row <= header_row or min_row > last_row:
        return
    anchor = (min_row, (min_col or 1) - 1)
    low, high = max(min_row, header_row + 1), min(max_row, last_row)
    used = False
    for c in wanted:
        if (min_col or 1) - 1 <= c < (max_col or 1):
            areas.by_column.setdefault(c, []).append((low, high, anchor))
            used = True
    if used:
        areas.anchors.setdefault(anchor[0], set()).add(anchor[1])


def _fill_merged(
    number: int,
    values: tuple[Any, ...],
    indexes: list[int],
    raw: list[Any],
    merged: MergedAreas,
    anchors: dict[tuple[int, int], Any],
) -> None:
    for c in merged.anchors.get(number, ()):
        if c < len(values):
            anchors[(number, c)] = values[c]
    for k, index in enumerate(indexes):
        if raw[k] is None:
            anchor = merged.anchor_of(number, index)
            if anchor is not None:
                raw[k] = anchors.get(anchor)


def _real_formulas(ws: Any, suspects: list[FormulaCell]) -> list[FormulaCell]:
    # Rare path: text starting with "=" may be a real formula or quoted text; only the
    # cell's data type tells, and asking for it costs a second pass over those rows.
    wanted = {(s.row, s.index) for s in suspects}
    low = min(s.row for s in suspects)
    high = max(s.row for s in suspects)
    found = []
    for number, cells in enumerate(ws.iter_rows(min_row=low, max_row=high), start=low):
        for index, cell in enumerate(cells):
            if (number, index) in wanted and getattr(cell, "data_type", None) == "f":
                found.append(FormulaCell(number, index, str(cell.value)))
    return found
