"""Page furniture: «第 N 页 共 M 页», the identity footer, the QR code, cross-seal marks.

Drawn on every page of the bound document, attachments' pages included, so that a page
that goes missing or is slipped in shows, and any printed page leads back to its record.
The total page count is not known until the last page is laid out; rather than lay the
document out twice, «共 M 页» (and the start page of each attachment in the materials
list) is a PDF form XObject that every page references and that is defined only when
the canvas is saved.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from smedesk.export.pdf.styles import (
    FONT,
    LIGHT,
    SEAL_DIAMETER,
    SIZE_4,
    SIZE_6,
    SIZE_S4,
    Margins,
    register_font,
)

TOTAL_FORM = "smedeskPageTotal"
QR_FORM = "smedeskQR"
REPORT_PAGES_FORM = "smedeskReportPages"
QR_SIZE = 20 * mm
DRAFT = colors.HexColor("#b3261e")
FOOTER_Y = 10 * mm
PAGE_NUMBER_GAP = 7 * mm  # GB/T 9704: page number 一字线 7 mm below the type area


def start_page_form(index: int) -> str:
    """Name of the form holding the page number where attachment ``index`` starts."""
    return f"smedeskStart{index}"


@dataclass
class Furniture:
    """What every page carries, and what is learnt while the pages are laid out."""

    footer: str  # identity line: document id, version, short fingerprint
    qr_payload: str  # the same text, for a phone or scanner
    cross_seal: bool = False
    #: print the guide marks (the dashed seal circles and their «（盖章）» captions);
    #: their place is kept empty either way, so the layout does not change
    guides: bool = True
    #: «草稿 · 自查尚有 24 项不符合»: printed in the top margin of every page when set,
    #: so a paper printed before the self-check is clean cannot pass for the final one
    draft: str = ""
    pages: int = 0  # furnished pages so far (= the current page's number)
    #: attachment index → the page number of its divider, filled in during layout
    start_pages: dict[int, int] = field(default_factory=dict)
    #: forms referenced for attachment start pages (defined at save, even if unknown)
    start_forms: set[int] = field(default_factory=set)
    #: pages of the report itself (before the first attachment), learnt at its last page
    report_pages: int = 0
    report_form_used: bool = False
    _qr_defined: bool = False


class FurnishedCanvas(Canvas):  # type: ignore[misc]
    """A canvas that defines the deferred forms (page total, start pages) when saved."""

    def __init__(self, *args: Any, furniture: Furniture, **kwargs: Any) -> None:
        register_font()
        kwargs["initialFontName"] = FONT  # never let Helvetica into the file
        super().__init__(*args, **kwargs)
        self.furniture = furniture

    def save(self) -> None:
        f = self.furniture
        _define_text_form(self, TOTAL_FORM, f"共 {f.pages} 页", SIZE_4)
        for index in f.start_forms:
            page = f.start_pages.get(index)
            shown = str(page) if page else ""
            _define_text_form(self, start_page_form(index), shown, 10.5, centred=True)
        if f.report_form_used:
            pages = str(f.report_pages) if f.report_pages else ""
            _define_text_form(self, REPORT_PAGES_FORM, pages, 10.5, centred=True)
        super().save()


def _define_text_form(
    canv: Canvas, name: str, text: str, size: float, *, centred: bool = False
) -> None:
    # A centred form is drawn around its origin: the caller places it at a cell's
    # middle without knowing how many digits the number will have.
    left = -size * 6 if centred else 0
    canv.beginForm(name, lowerx=left, lowery=-size, upperx=left + size * 12, uppery=size * 1.5)
    canv.setFont(FONT, size)
    if centred:
        canv.drawCentredString(0, 0, text)
    else:
        canv.drawString(0, 0, text)
    canv.endForm()


def furnish(canv: Canvas, page_width: float, page_height: float, margins: Margins) -> None:
    """Draw the furniture of one page; called from every page template's onPage."""
    furniture: Furniture = canv.furniture
    furniture.pages += 1
    canv.saveState()
    _page_number(canv, furniture.pages, page_width, margins)
    canv.setFont(FONT, SIZE_6)
    canv.setFillColor(colors.black)
    canv.drawString(margins.left, FOOTER_Y, furniture.footer)
    _qr(canv, furniture, page_width - margins.right - QR_SIZE, FOOTER_Y - 5 * mm)
    if furniture.cross_seal:
        cross_seal_mark(canv, page_width, page_height)
    if furniture.draft:
        draft_mark(canv, furniture.draft, page_width - margins.right, page_height - 14 * mm)
    canv.restoreState()


def draft_mark(canv: Canvas, text: str, right: float, y: float) -> None:
    """The draft notice, boxed, right-aligned in the top margin (clear of the text)."""
    canv.saveState()
    canv.setFont(FONT, SIZE_S4)
    width = canv.stringWidth(text, FONT, SIZE_S4)
    canv.setStrokeColor(DRAFT)
    canv.setFillColor(DRAFT)
    canv.setLineWidth(0.8)
    canv.rect(right - width - 8, y - 4, width + 8, SIZE_S4 + 6, stroke=1, fill=0)
    canv.drawRightString(right - 4, y, text)
    canv.restoreState()


def _page_number(canv: Canvas, number: int, page_width: float, margins: Margins) -> None:
    # «第 N 页» ends just left of the centre, the deferred «共 M 页» starts just right of
    # it, so the pair sits centred whatever M turns out to be.
    y = margins.bottom - PAGE_NUMBER_GAP - SIZE_4 * 0.8
    centre = margins.left + (page_width - margins.left - margins.right) / 2
    canv.setFont(FONT, SIZE_4)
    canv.drawRightString(centre - SIZE_4 / 2, y, f"第 {number} 页")
    canv.saveState()
    canv.translate(centre + SIZE_4 / 2, y)
    canv.doForm(TOTAL_FORM)
    canv.restoreState()


def _qr(canv: Canvas, furniture: Furniture, x: float, y: float) -> None:
    if not furniture._qr_defined:
        # One form for the whole document: the payload is the same on every page.
        canv.beginForm(QR_FORM, lowerx=0, lowery=0, upperx=QR_SIZE, uppery=QR_SIZE)
        draw_qr(canv, furniture.qr_payload, 0, 0, QR_SIZE)
        canv.endForm()
        furniture._qr_defined = True
    canv.saveState()
    canv.translate(x, y)
    canv.doForm(QR_FORM)
    canv.restoreState()


def draw_qr(canv: Canvas, payload: str, x: float, y: float, size: float) -> None:
    """A QR code of ``payload`` (UTF-8, level M) as filled rectangles, quiet zone included.

    ReportLab's QR widget is drawn through its graphics renderer, which sets Helvetica
    on the page (a non-embedded font); drawing the modules here keeps the file clean.
    """
    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(payload)
    qr.make()
    count = qr.getModuleCount()
    border = 2  # modules of quiet zone inside the box; the page margin adds more
    box = size / (count + 2 * border)
    canv.setFillColor(colors.white)
    canv.rect(x, y, size, size, stroke=0, fill=1)
    canv.setFillColor(colors.black)
    path = canv.beginPath()
    for r, row in enumerate(qr.modules):
        c = 0
        while c < count:
            if row[c]:
                start = c
                while c < count and row[c]:
                    c += 1
                top = y + size - (r + border + 1) * box
                path.rect(x + (start + border) * box, top, (c - start) * box, box)
            else:
                c += 1
    canv.drawPath(path, stroke=0, fill=1)


def cross_seal_mark(canv: Canvas, page_width: float, page_height: float) -> None:
    """Where the 骑缝章 goes: half a seal-sized circle on the binding edge (订口).

    The set's pages are fanned out along the binding edge and one seal is struck across
    all of them, so every page carries a slice of it; the mark shows where. The half
    circle stands on the left edge and reaches ``SEAL_DIAMETER / 2`` (21 mm) into the
    page: inside the 28 mm binding margin of portrait pages and the 22 mm left margin
    of landscape ones, so it never meets the type area.

    Landscape pages (the 汇总表, wide attachment pages) get the mark on their left edge
    too, as printed: we treat the left edge as the binding edge of every page, although
    ``LANDSCAPE_MARGINS`` was drawn up for tables bound on their top edge (whose 20 mm
    top margin could not hold the 21 mm half seal anyway).
    """
    radius = SEAL_DIAMETER / 2
    mid = page_height / 2
    canv.saveState()
    canv.setStrokeColor(LIGHT)
    canv.setLineWidth(0.6)
    canv.setDash(2, 2)
    path = canv.beginPath()
    path.arc(-radius, mid - radius, radius, mid + radius, -90, 180)
    canv.drawPath(path, stroke=1, fill=0)
    canv.line(1, mid - radius, 1, mid + radius)
    canv.setFillColor(LIGHT)
    canv.setFont(FONT, 8)
    for i, ch in enumerate("骑缝章"):
        canv.drawCentredString(radius / 2, mid + 10 - i * 10, ch)
    canv.restoreState()


def seal_circle(canv: Canvas, cx: float, cy: float, caption: str = "（盖章）") -> None:
    """A dashed 42 mm circle marking where the seal is struck; the caption inside.

    A guide mark: callers put it where no text is (it never covers printed words), and
    it is left out when the user chose not to print guide marks.
    """
    furniture = getattr(canv, "furniture", None)
    if furniture is not None and not furniture.guides:
        return
    canv.saveState()
    canv.setStrokeColor(LIGHT)
    canv.setLineWidth(0.6)
    canv.setDash(3, 2)
    canv.circle(cx, cy, SEAL_DIAMETER / 2, stroke=1, fill=0)
    if caption:
        canv.setFillColor(LIGHT)
        canv.setFont(FONT, SIZE_S4)
        canv.drawCentredString(cx, cy - SIZE_S4 / 3, caption)
    canv.restoreState()


def copy_stamp(canv: Canvas, k: int, n: int, x: float, y: float) -> None:
    """«第 k 份 共 N 份» (copy number of the sealed sets), as 份号 is placed: top left."""
    canv.setFont(FONT, SIZE_S4)
    canv.drawString(x, y, f"第 {k} 份 共 {n} 份")
