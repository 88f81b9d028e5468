"""A bordered form table built row by row: merged cells, section rows, long text blocks.

Paper forms are one ruled table whose rows each divide the width their own way. Rows
are added as (first column, last column, content) cells; the grid records the spans and
the shading, and a long text becomes several rows boxed together, so that the table can
still break between pages (ReportLab never splits inside a row).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Table

from smedesk.export.pdf.paragraph import Paragraph
from smedesk.export.pdf.styles import FONT, SECTION_FILL, SIZE_S4, styles
from smedesk.export.pdf.values import para_text, text, wrap

PAD = 1.5


class FormGrid:
    def __init__(self, widths: Sequence[float], size: float) -> None:
        self.widths = list(widths)
        self.cols = len(self.widths)
        self.size = size
        self.rows: list[list[Any]] = []
        self.cmds: list[tuple[Any, ...]] = []
        self._open_rows: list[int] = []  # rows of text blocks: boxed, no inner rules
        self._sections: list[int] = []  # section rows: never left alone at a page foot
        self.cell_style = ParagraphStyle(
            "grid_cell", parent=styles().cell, fontSize=size, leading=size * 1.35
        )
        self.center_style = ParagraphStyle("grid_center", parent=self.cell_style, alignment=1)

    # --- content helpers
    def p(self, value: Any) -> Paragraph:
        return Paragraph(para_text(value), self.cell_style)

    def c(self, value: Any) -> Paragraph:
        return Paragraph(para_text(value), self.center_style)

    def width(self, c0: int, c1: int) -> float:
        return sum(self.widths[c0 : c1 + 1])

    # --- rows
    def add(self, cells: Sequence[tuple[int, int, Any]], *, shade: bool = False) -> int:
        """One row: (first column, last column, content) for every cell of it."""
        row: list[Any] = [""] * self.cols
        r = len(self.rows)
        for c0, c1, content in cells:
            row[c0] = content
            if c1 > c0:
                self.cmds.append(("SPAN", (c0, r), (c1, r)))
        self.rows.append(row)
        if shade:
            self.cmds.append(("BACKGROUND", (0, r), (-1, r), SECTION_FILL))
        return r

    def section(self, caption: str) -> None:
        style = ParagraphStyle(
            "grid_section", parent=self.cell_style, fontSize=SIZE_S4, leading=SIZE_S4 * 1.4
        )
        r = self.add([(0, self.cols - 1, Paragraph(para_text(caption), style))], shade=True)
        self._sections.append(r)

    def span_down(self, col0: int, col1: int, first: int, last: int) -> None:
        if last > first or col1 > col0:
            self.cmds.append(("SPAN", (col0, first), (col1, last)))

    def text_block(
        self, c0: int, c1: int, value: Any, *, min_lines: int = 3, lines_per_row: int = 8
    ) -> tuple[int, int]:
        """A long text over columns c0–c1 as boxed rows; blank lines when it is empty."""
        width = self.width(c0, c1) - 2 * PAD - 2
        shown = wrap(text(value), self.size, width)
        lines = shown.split("\n") if shown else []
        lines += [""] * max(0, min_lines - len(lines))
        first = len(self.rows)
        for i in range(0, len(lines), lines_per_row):
            chunk = "\n".join(lines[i : i + lines_per_row])
            r = self.add([(c0, c1, chunk)])
            self._open_rows.append(r)
            self.cmds.append(("VALIGN", (c0, r), (c1, r), "TOP"))
        last = len(self.rows) - 1
        return first, last

    def table(self, *, repeat: int = 0) -> Table:
        table = Table(self.rows, colWidths=self.widths, splitByRow=1, repeatRows=repeat)
        lines = self._rules()
        table.setStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, self.size, self.size * 1.35),
                *lines,
                ("BOX", (0, 0), (-1, -1), 1.2, "black"),
                # Where the table breaks, the page part is closed like the whole table.
                ("LINEBELOW", (0, "splitlast"), (-1, "splitlast"), 1.2, "black"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), PAD),
                ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                *self.cmds,
                *[
                    ("NOSPLIT", (0, r), (-1, r + 1))
                    for r in self._sections
                    if r + 1 < len(self.rows)
                ],
            ]
        )
        return table

    def _rules(self) -> list[tuple[Any, ...]]:
        # Ruled everywhere except between the rows of one text block.
        open_rows = set(self._open_rows)
        cmds: list[tuple[Any, ...]] = [("LINEBEFORE", (0, 0), (-1, -1), 0.5, "black")]
        cmds.append(("LINEAFTER", (-1, 0), (-1, -1), 0.5, "black"))
        for r in range(len(self.rows)):
            continued = r in open_rows and (r - 1) in open_rows
            if not continued:
                cmds.append(("LINEABOVE", (0, r), (-1, r), 0.5, "black"))
        cmds.append(("LINEBELOW", (0, -1), (-1, -1), 0.5, "black"))
        return cmds
