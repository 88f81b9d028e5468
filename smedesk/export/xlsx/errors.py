"""What can go wrong reading a workbook, in the two shapes the callers need.

A :class:`WorkbookError` means the file as a whole cannot be read (not a workbook,
encrypted, too large, no header found): one Chinese sentence, nothing imported.
An :class:`ImportFailed` means the file was read but some cells are bad: it carries
every :class:`CellError` found, so the user fixes them all in one pass.
"""

from __future__ import annotations

from dataclasses import dataclass

from smedesk.errors import UserError


class WorkbookError(UserError):
    """The file cannot be used at all; ``message`` is a Chinese sentence for the user."""


@dataclass(frozen=True)
class CellError:
    """One problem, located the way a person finds it in Excel.

    ``row`` is the 1-based Excel row; ``column`` is the column letter (empty for a
    problem of the whole row or sheet); ``header`` is the column's header text.
    """

    sheet: str
    row: int
    column: str
    header: str
    message: str

    def __str__(self) -> str:
        where = f"工作表“{self.sheet}”第 {self.row} 行"
        if self.column:
            where += f" {self.column} 列（{self.header}）"
        return f"{where}：{self.message}"


class ImportFailed(UserError):
    """Some rows are bad; nothing was imported. ``errors`` lists every bad cell."""

    def __init__(self, errors: list[CellError], path: str = "") -> None:
        super().__init__(format_errors(errors))
        self.errors = errors
        self.path = path


def format_errors(errors: list[CellError], limit: int = 50) -> str:
    """The error report as text lines (the CLI prints it; the UI shows a table)."""
    rows = {(e.sheet, e.row) for e in errors}
    head = f"导入失败：{len(rows)} 行共 {len(errors)} 处错误，未导入任何数据。"
    lines = [head, *(str(e) for e in errors[:limit])]
    if len(errors) > limit:
        lines.append(f"……另有 {len(errors) - limit} 处错误（可保存带批注的副本查看全部）")
    return "\n".join(lines)
