"""Pieces every document shares: cover, headings, ruled lists, materials list, declaration,
and the attached materials (divider pages and the pages that receive each attachment).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    NextPageTemplate,
    PageBreak,
    Spacer,
    Table,
)

from smedesk.export.pdf import captions
from smedesk.export.pdf.attachments import PreparedAttachment
from smedesk.export.pdf.canvas import Furniture
from smedesk.export.pdf.flowables import PageMark, ReportPages, SealGuide, SealPlace, StartPage
from smedesk.export.pdf.paragraph import Paragraph
from smedesk.export.pdf.scheme import SchemeView
from smedesk.export.pdf.styles import (
    CELL_PAD,
    FONT,
    SEAL_DIAMETER,
    SIZE_3,
    SIZE_5,
    SIZE_S5,
    grid_style,
    styles,
    text_width,
)
from smedesk.export.pdf.template import LANDSCAPE, PORTRAIT
from smedesk.export.pdf.values import BLANK, date_text, header_of, para_text, text, wrap


@dataclass
class Context:
    """What a layout needs besides the document, and what the layout tells the builder."""

    scheme: SchemeView
    attachments: list[PreparedAttachment]
    furniture: Furniture
    #: page number → (attachment, page index): pages that receive an attachment's page
    placeholders: dict[int, tuple[PreparedAttachment, int]] = field(default_factory=dict)


def para(value: str, style: str = "body") -> Paragraph:
    return Paragraph(value, getattr(styles(), style))


def heading(value: str) -> Paragraph:
    return Paragraph(para_text(value), styles().heading)


def title(value: str) -> Paragraph:
    return Paragraph(para_text(value), styles().title)


def body_text(value: Any) -> list[Flowable]:
    """A narrative: one Paragraph per paragraph of the text, or ruled blank lines."""
    shown = text(value)
    if not shown.strip():
        return [BlankLines(6)]
    return [Paragraph(para_text(p.strip()), styles().body) for p in shown.splitlines() if p.strip()]


class BlankLines(Flowable):  # type: ignore[misc]
    """Ruled lines left for handwriting where a text was not entered."""

    def __init__(self, count: int, *, pitch: float = 10 * mm) -> None:
        super().__init__()
        self.count = count
        self.pitch = pitch

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self.count * self.pitch
        return self.width, self.height

    def draw(self) -> None:
        self.canv.setLineWidth(0.3)
        for i in range(self.count):
            y = self.height - (i + 1) * self.pitch + 2
            self.canv.line(0, y, self.width, y)


class CoverLine(Flowable):  # type: ignore[misc]
    """«label：____value____ suffix» on a cover, the value over an underline."""

    def __init__(self, label: str, value: str, *, suffix: str = "") -> None:
        super().__init__()
        self.label = label
        self.value = value
        self.suffix = suffix

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = SIZE_3 * 3.2
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        y = SIZE_3
        x = 0.0
        label = f"{self.label}："
        c.setFont(FONT, SIZE_3)
        c.drawString(x, y, label)
        x0 = x + text_width(label, SIZE_3)
        x1 = self.width - text_width(self.suffix, SIZE_3)
        c.setLineWidth(0.6)
        c.line(x0, y - 3, x1, y - 3)
        value = self.value
        size = SIZE_3
        while value and text_width(value, size) > x1 - x0 and size > 9:
            size -= 1  # a long name shrinks to stay on its line
        c.setFont(FONT, size)
        c.drawCentredString((x0 + x1) / 2, y, value)
        c.setFont(FONT, SIZE_3)
        c.drawString(x1, y, self.suffix)


def cover(
    title_lines: Sequence[str],
    lines: Sequence[CoverLine],
    issuer: str,
    *,
    sealed: bool = False,
) -> list[Flowable]:
    """A cover page: title, the lines to fill, and the issuer («工业和信息化部制»).

    ``sealed``: the applicant seals the cover; the guide circle for it is drawn under the
    lines, below the «（盖章）» that ends the first one, where no text is.
    """
    out: list[Flowable] = [Spacer(1, 35 * mm)]
    out += [Paragraph(para_text(t), styles().cover_title) for t in title_lines if t]
    out.append(Spacer(1, 41 * mm if sealed else 45 * mm))
    out += list(lines)
    if sealed:
        out.append(SealGuide(from_right=SEAL_DIAMETER / 2))
    else:
        out.append(Spacer(1, 40 * mm))
    if issuer:
        out.append(Paragraph(para_text(f"{issuer}{captions.ISSUED}"), styles().title))
    out.append(PageBreak())
    return out


def date_line(label: str, value: Any) -> CoverLine:
    # 填报日期 on paper: «____年____月____日» — the blanks stay open when no date is set.
    shown = date_text(value) if value else f"{BLANK * 3}年{BLANK * 2}月{BLANK * 2}日"
    return CoverLine(label, shown)


def list_table(
    model: type[BaseModel],
    names: Sequence[str],
    rows: Sequence[BaseModel],
    widths_mm: Sequence[float],
    *,
    size: float = SIZE_S5,
    numbered: bool = True,
    min_rows: int = 3,
    cell: Callable[[BaseModel, str], Any] | None = None,
) -> Table:
    """A ruled list of rows, header repeated on every page it runs onto.

    Cells are plain wrapped strings (see :func:`values.wrap`): fast for thousands of rows.
    Fewer rows than ``min_rows`` are topped up with ruled blank rows for the pen.
    """
    headers = [header_of(model, n) for n in names]
    widths = [w * mm for w in widths_mm]
    pad = 6.0
    if numbered:
        headers = [captions.ROW_NO, *headers]
        # Wide enough for «序号» on one line at this size (9 mm holds it at 小五).
        widths = [max(9 * mm, text_width(captions.ROW_NO, size) + pad + 1), *widths]
    header = [wrap(h, size, w - pad) for h, w in zip(headers, widths, strict=True)]
    col_widths = widths[1:] if numbered else widths
    data: list[list[str]] = [header]
    for i, row in enumerate(rows, 1):
        values = [
            wrap(text(cell(row, n) if cell else getattr(row, n)), size, w - pad)
            for n, w in zip(names, col_widths, strict=True)
        ]
        data.append([str(i), *values] if numbered else values)
    filled = len(data)
    for _ in range(max(0, min_rows - len(rows))):
        data.append([""] * len(headers))
    # Every cell is a plain string of known lines, so each row's height is known too:
    # given to the Table, it spares ReportLab measuring every remaining row again at
    # each page break of a 3,000-row list.
    leading = size * 1.3
    heights = [
        max(cell.count("\n") + 1 for cell in row) * leading + 2 * CELL_PAD for row in data[:filled]
    ] + [8 * mm] * (len(data) - filled)
    table = Table(data, colWidths=widths, rowHeights=heights, repeatRows=1, splitByRow=1)
    cmds = grid_style(size=size)
    if numbered:
        cmds.append(("ALIGN", (0, 1), (0, -1), "CENTER"))
    table.setStyle(cmds)
    return table


def materials_list(ctx: Context, heading_text: str) -> list[Flowable]:
    """附件材料清单: each checklist item, the files attached to it and where they start."""
    s = SIZE_5
    head = [
        captions.MATERIALS_NO,
        heading_text,
        captions.MATERIALS_BASIS,
        "文件名",
        captions.MATERIALS_PAGES,
        captions.MATERIALS_START,
    ]
    widths = [10 * mm, 52 * mm, 36 * mm, 32 * mm, 11 * mm, 15 * mm]
    data: list[list[Any]] = [head]
    by_material: dict[str, list[PreparedAttachment]] = {}
    for att in ctx.attachments:
        by_material.setdefault(att.attachment.material_id, []).append(att)
    items = [(m.id, m.label, m.citation, m.generated) for m in ctx.scheme.materials]
    known = {m.id for m in ctx.scheme.materials}
    items += [(mid, mid, "", False) for mid in by_material if mid not in known]
    for n, (mid, label, citation, generated) in enumerate(items, 1):
        files = by_material.get(mid, [])
        name = captions.MATERIAL_IN_REPORT if generated else captions.NOT_ATTACHED
        if generated:
            # The report is the first part of the bound PDF: it starts on page 1.
            row = [name, ReportPages(), "1"]
            data.append([str(n), wrap(label, s, 50 * mm), wrap(citation, s, 34 * mm), *row])
        elif not files:
            data.append([str(n), wrap(label, s, 50 * mm), wrap(citation, s, 34 * mm), name, "", ""])
        for att in files:
            data.append(
                [
                    str(n),
                    wrap(label, s, 50 * mm),
                    wrap(citation, s, 34 * mm),
                    wrap(att.attachment.filename, s, 30 * mm),
                    str(att.page_count),
                    StartPage(att.index),
                ]
            )
    table = Table(data, colWidths=widths, repeatRows=1, splitByRow=1)
    cmds = grid_style(size=s)
    cmds += [("ALIGN", (0, 1), (0, -1), "CENTER"), ("ALIGN", (4, 1), (-1, -1), "CENTER")]
    table.setStyle(cmds)
    return [PageBreak(), title(captions.MATERIALS_TITLE), table]


def declaration(applicant: str | None, date: Any) -> list[Flowable]:
    """申报材料真实性声明, with the seal place and the legal representative's signature."""
    return [
        PageBreak(),
        Spacer(1, 10 * mm),
        title(captions.DECLARATION_TITLE),
        Spacer(1, 6 * mm),
        para(para_text(captions.DECLARATION_TEXT)),
        Spacer(1, 25 * mm),
        SealPlace(
            [f"{captions.APPLICANT_SEAL}：{applicant or BLANK * 8}"],
            signatures=[f"{captions.LEGAL_REPRESENTATIVE_SIGN}：{BLANK * 6}"],
            date=date,
        ),
    ]


def attachment_part(ctx: Context) -> list[Flowable]:
    """A divider page per attachment, then one page per attachment page (or image).

    First, on the report's last page, a mark records how many pages the report has.
    """

    def record_report_end(page: int) -> None:
        ctx.furniture.report_pages = page

    out: list[Flowable] = [PageMark(record_report_end)]
    for att in ctx.attachments:
        out += [NextPageTemplate(PORTRAIT), PageBreak()]
        out.append(PageMark(_record_start(ctx, att.index)))
        out += _divider(att)
        if att.kind == "image":
            out += [PageBreak(), _image(att)]
            continue
        for i, (w, h) in enumerate(att.page_sizes):
            out += [NextPageTemplate(LANDSCAPE if w > h * 1.05 else PORTRAIT), PageBreak()]
            out.append(PageMark(_record_placeholder(ctx, att, i)))
    return out


def _record_start(ctx: Context, index: int) -> Callable[[int], None]:
    def record(page: int) -> None:
        ctx.furniture.start_pages[index] = page

    return record


def _record_placeholder(
    ctx: Context, att: PreparedAttachment, page_index: int
) -> Callable[[int], None]:
    def record(page: int) -> None:
        ctx.placeholders[page] = (att, page_index)

    return record


def _divider(att: PreparedAttachment) -> list[Flowable]:
    return [
        Spacer(1, 60 * mm),
        Paragraph(para_text(captions.DIVIDER_HEADING), styles().title),
        Spacer(1, 8 * mm),
        Paragraph(para_text(f"{att.index + 1}. {att.label}"), styles().cover_title),
        Spacer(1, 10 * mm),
        Paragraph(para_text(att.citation), styles().cell_center),
        Paragraph(
            para_text(f"{att.attachment.filename}（{att.page_count} 页）"), styles().cell_center
        ),
    ]


def _image(att: PreparedAttachment) -> Flowable:
    import io

    from reportlab.platypus import KeepInFrame

    w, h = att.page_sizes[0]
    # The type area of a portrait page; an image never grows past its own size at 150 dpi.
    max_w, max_h = 156 * mm, 220 * mm
    natural_w, natural_h = w * 72 / 150, h * 72 / 150
    scale = min(max_w / natural_w, max_h / natural_h, 1.0)
    img = Image(io.BytesIO(att.attachment.content), natural_w * scale, natural_h * scale)
    return KeepInFrame(max_w, max_h, [img], mode="shrink")


def text_chunks(value: Any, width: float, size: float, lines: int = 8) -> list[str]:
    """A long text as several multi-line strings, each short enough for one table row.

    ReportLab cannot split a table row across pages; a 3,000-character opinion in one
    cell would not fit a page. Rows of a few lines each split naturally, and the
    caller draws them inside one box so they still read as one cell.
    """
    wrapped = wrap(text(value), size, width)
    if not wrapped:
        return [""]
    all_lines = wrapped.split("\n")
    return ["\n".join(all_lines[i : i + lines]) for i in range(0, len(all_lines), lines)]


def keep_room(height_mm: float) -> CondPageBreak:
    return CondPageBreak(height_mm * mm)


def small(value: str) -> Paragraph:
    return Paragraph(para_text(value), styles().note)
