"""Importing a list from a workbook: every row validated first, then all or nothing.

Each row is normalised cell by cell (:mod:`columns`), checked for required values and
formats (:data:`FORMAT_CHECKS`) and for repeats in the list's unique columns, and the
whole list is validated by the row model in one pydantic call (a ``list[Model]``
adapter: one call for 10,000 rows instead of 10,000). Only when no row has an error
are the rows returned; otherwise :class:`ImportFailed` carries every error found.
"""

from __future__ import annotations

import os
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from smedesk.export.xlsx.columns import Column, columns_for
from smedesk.export.xlsx.errors import CellError, ImportFailed, WorkbookError
from smedesk.export.xlsx.reader import FormulaCell, find_layout, header_errors, iter_rows
from smedesk.export.xlsx.safety import open_workbook
from smedesk.export.xlsx.template import is_template_row, list_kind
from smedesk.forms.checks import FORMAT_CHECKS
from smedesk.progress import Progress

PROGRESS_EVERY = 500
#: The template's rule row and example row directly follow its header.
TEMPLATE_ROWS_BELOW_HEADER = 2

_ADAPTERS: dict[type[BaseModel], TypeAdapter[Any]] = {}
_BROKEN = (
    ValueError,
    IndexError,
    KeyError,
    TypeError,
    AttributeError,
    OSError,
    EOFError,
    zipfile.BadZipFile,
    zlib.error,
    SyntaxError,  # xml.etree's ParseError derives from it
)


@dataclass
class ImportResult:
    """The rows of a successful import and where they came from."""

    rows: list[Any]
    sheet: str
    header_row: int
    source_rows: list[int] = field(default_factory=list)  # Excel row of each imported row


class ImportCancelled(WorkbookError):
    def __init__(self) -> None:
        super().__init__("已取消导入，未导入任何数据。")


def import_list(
    path: str | os.PathLike[str], key: str, *, progress: Progress | None = None
) -> ImportResult:
    """Read list ``key`` from the workbook at ``path``.

    Raises :class:`WorkbookError` when the file cannot be used and :class:`ImportFailed`
    when any cell is bad; in both cases nothing is returned, so nothing is half-imported.
    """
    list_kind(key)
    wb = open_workbook(path, read_only=True)
    try:
        return _import(wb, path, key, progress)
    except (WorkbookError, ImportFailed):
        raise
    except _BROKEN:
        # openpyxl parses sheets lazily: a part broken after the workbook opened (bad XML,
        # a shared-string index out of range, a cell value that is not what its type says)
        # fails here, in English. The user needs to know the file is damaged, not how.
        name = Path(os.fspath(path)).name
        raise WorkbookError(
            f"“{name}”的工作表内容已损坏（单元格数据与其类型不符或文件结构不完整），无法导入。"
            "请在 Excel 或 WPS 中打开并另存为 .xlsx 后再试。"
        ) from None
    finally:
        wb.close()


def _import(
    wb: Any, path: str | os.PathLike[str], key: str, progress: Progress | None
) -> ImportResult:
    kind = list_kind(key)
    columns = columns_for(kind.row_model)
    ws, layout = find_layout(wb, columns)
    problems = header_errors(layout)
    if problems:
        raise ImportFailed(problems, os.fspath(path))
    expected = ws.max_row or 0
    # Some writers store a wrong <dimension>; read-only mode would stop at it.
    ws.reset_dimensions()
    formulas: list[FormulaCell] = []
    checker = _RowChecker(layout.sheet, layout.header_row, layout.positions, kind.unique)
    for count, (number, raw) in enumerate(iter_rows(wb, ws, layout, formulas), start=1):
        checker.add(number, raw)
        if progress is not None and count % PROGRESS_EVERY == 0:
            progress(count, expected)  # raises Cancelled to stop (smedesk.progress)
    checker.formulas(formulas, layout.letter)
    rows = checker.finish(kind.row_model)
    if checker.errors:
        checker.errors.sort(key=lambda e: (e.row, len(e.column), e.column))
        raise ImportFailed(checker.errors, os.fspath(path))
    if progress is not None:
        progress(len(checker.numbers), len(checker.numbers))
    return ImportResult(rows, layout.sheet, layout.header_row, checker.numbers)


class _RowChecker:
    """Normalises and checks rows as they stream in; validates the models at the end."""

    def __init__(
        self,
        sheet: str,
        header_row: int,
        positions: list[tuple[int, Column]],
        unique: tuple[str, ...],
    ) -> None:
        from openpyxl.utils import get_column_letter

        self.sheet = sheet
        self.header_row = header_row
        self.columns = [c for _, c in positions]
        self.letters = [get_column_letter(i + 1) for i, _ in positions]
        self.where = {c.name: k for k, c in enumerate(self.columns)}
        self.required = [k for k, c in enumerate(self.columns) if c.required]
        self.formats = [
            (k, FORMAT_CHECKS[c.spec.format])
            for k, c in enumerate(self.columns)
            if c.spec.format in FORMAT_CHECKS
        ]
        self.unique: list[tuple[int, dict[Any, int]]] = [
            (self.where[u], {}) for u in unique if u in self.where
        ]
        self.errors: list[CellError] = []
        self.dicts: list[dict[str, Any]] = []
        self.numbers: list[int] = []

    def error(self, number: int, k: int, message: str) -> None:
        col = self.columns[k]
        self.errors.append(CellError(self.sheet, number, self.letters[k], col.header, message))

    def add(self, number: int, raw: list[Any]) -> None:
        # A template's rule and example rows sit right under its header; looking only
        # there keeps the check off the per-row cost of a 10,000-row list.
        if number - self.header_row <= TEMPLATE_ROWS_BELOW_HEADER and is_template_row(
            raw, self.columns
        ):
            return
        data: dict[str, Any] = {}
        values: list[Any] = []
        reported: set[int] = set()
        for k, col in enumerate(self.columns):
            value, message = col.convert(raw[k])
            if message is None and isinstance(value, str) and len(value) > col.spec.max_length:
                message = (
                    f"内容过长（{len(value):,} 字），超过该项 {col.spec.max_length:,} 字的上限"
                )
                value = None
            if message is not None:
                self.error(number, k, message)
                reported.add(k)
            elif value is not None:
                data[col.name] = value
            values.append(value)
        if not data and not reported:
            return  # an empty row: people leave them between blocks
        for k in self.required:
            if values[k] is None and k not in reported:
                self.error(number, k, "必填项，不能为空")
        for k, check in self.formats:
            if values[k] is not None:
                message = check(str(values[k]))
                if message is not None:
                    self.error(number, k, message)
        for k, seen in self.unique:
            value = values[k]
            if value is None:
                continue
            first = seen.setdefault(value, number)
            if first != number:
                label = self.columns[k].spec.label
                self.error(number, k, f"与第 {first} 行重复（{label}不能重复）")
        self.dicts.append(data)
        self.numbers.append(number)

    def formulas(self, found: list[FormulaCell], letter: Callable[[int], str]) -> None:
        if not found:
            return
        cells = {(f.row, letter(f.index)) for f in found}
        # A formula's text may also have failed a format check; the formula is the cause.
        self.errors = [e for e in self.errors if (e.row, e.column) not in cells]
        for f in found:
            k = next((k for k, lt in enumerate(self.letters) if lt == letter(f.index)), None)
            if k is not None:
                self.error(f.row, k, f"单元格含有公式（{f.text}），请改为直接填写数值或文字")

    def finish(self, model: type[BaseModel]) -> list[Any]:
        adapter = _ADAPTERS.get(model)
        if adapter is None:
            adapter = _ADAPTERS[model] = TypeAdapter(list[model])  # type: ignore[valid-type]
        try:
            return list(adapter.validate_python(self.dicts))
        except ValidationError as exc:
            for err in exc.errors():
                loc = err["loc"]
                index, name = int(loc[0]), str(loc[1]) if len(loc) > 1 else ""
                k = self.where.get(name)
                if k is None:
                    continue
                self.error(self.numbers[index], k, _explain(err, self.columns[k]))
            return []


def _explain(err: Any, col: Column) -> str:
    kind = err.get("type", "")
    ctx = err.get("ctx") or {}
    if kind == "greater_than_equal":
        return f"不能小于 {ctx.get('ge')}"
    if kind == "less_than_equal":
        return f"不能大于 {ctx.get('le')}"
    if kind in ("finite_number",):
        return "应为有限数字"
    return f"取值不正确（{col.rule}）"
