"""Fonts, type sizes, margins and the few paragraph and table styles every layout shares.

The reference is GB/T 9704-2012 (党政机关公文格式): A4, 天头 37 mm, 订口 28 mm, a type
area of 156 × 225 mm, body text in 三号 with 22 lines a page, page numbers in 四号
below the type area. Forms use smaller type in their tables (五号/小五), as the paper
forms of the ministry do. One font only — the bundled WenQuanYi Micro Hei, embedded and
subset — for Chinese, Latin and digits alike: ReportLab's default Helvetica is never
embedded, so a page number set in it would depend on the reader's machine.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from smedesk.resources import FONT_FILE, resource_path

FONT = "SmedeskCJK"

# Chinese type sizes (字号) in points.
SIZE_2 = 22.0  # 二号: document titles
SIZE_3 = 16.0  # 三号: body text of official documents, cover lines
SIZE_4 = 14.0  # 四号: page numbers, headings inside forms
SIZE_S4 = 12.0  # 小四: form captions
SIZE_5 = 10.5  # 五号: table text
SIZE_S5 = 9.0  # 小五: long lists
SIZE_6 = 7.5  # 六号: footer identity line

PAGE = A4
PAGE_LANDSCAPE = landscape(A4)

#: Seal of an official body: a 42 mm circle (the common size for 公章).
SEAL_DIAMETER = 42 * mm


@dataclass(frozen=True)
class Margins:
    top: float
    bottom: float
    left: float  # binding edge (订口)
    right: float


# GB/T 9704: 天头 37 mm, 订口 28 mm, type area 156 × 225 mm → bottom 35, right 26.
PORTRAIT_MARGINS = Margins(top=37 * mm, bottom=35 * mm, left=28 * mm, right=26 * mm)
# Landscape tables (the 汇总表) are bound on their top edge; the footer still needs its band.
LANDSCAPE_MARGINS = Margins(top=20 * mm, bottom=28 * mm, left=22 * mm, right=22 * mm)

BODY_LEADING = 225 * mm / 22  # 22 lines on the type area
CELL_PAD = 3.0  # ReportLab's default top and bottom cell padding, which the lists keep
GRID = colors.black
LIGHT = colors.HexColor("#777777")
SECTION_FILL = colors.HexColor("#EFEFEF")


@cache
def register_font() -> str:
    """Register the bundled CJK font once per process; returns its ReportLab name."""
    path = resource_path(*FONT_FILE)
    # subfontIndex 0 of the .ttc is the proportional Micro Hei (TrueType outlines),
    # which ReportLab embeds as a subset.
    pdfmetrics.registerFont(TTFont(FONT, str(path), subfontIndex=0))
    return FONT


def text_width(text: str, size: float) -> float:
    return float(pdfmetrics.stringWidth(text, FONT, size))


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    cover_title: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    small_cell: ParagraphStyle
    small_center: ParagraphStyle
    contents: ParagraphStyle
    contents_sub: ParagraphStyle
    note: ParagraphStyle
    cover_line: ParagraphStyle
    right: ParagraphStyle


@cache
def styles() -> Styles:
    """The paragraph styles, built once (ParagraphStyle objects are shared read-only)."""
    register_font()

    def make(name: str, size: float, leading: float, **kw: object) -> ParagraphStyle:
        # wordWrap CJK: Chinese breaks between any two characters, not at spaces.
        return ParagraphStyle(
            name, fontName=FONT, fontSize=size, leading=leading, wordWrap="CJK", **kw
        )

    return Styles(
        title=make("title", SIZE_2, SIZE_2 * 1.5, alignment=TA_CENTER, spaceAfter=SIZE_3),
        cover_title=make("cover_title", 26.0, 40.0, alignment=TA_CENTER),
        heading=make("heading", SIZE_3, BODY_LEADING, spaceBefore=6, spaceAfter=2, keepWithNext=1),
        body=make("body", SIZE_3, BODY_LEADING, firstLineIndent=2 * SIZE_3, alignment=TA_JUSTIFY),
        cell=make("cell", SIZE_5, SIZE_5 * 1.35),
        cell_center=make("cell_center", SIZE_5, SIZE_5 * 1.35, alignment=TA_CENTER),
        small_cell=make("small_cell", SIZE_S5, SIZE_S5 * 1.3),
        small_center=make("small_center", SIZE_S5, SIZE_S5 * 1.3, alignment=TA_CENTER),
        contents=make("contents", SIZE_4, SIZE_4 * 2.0),
        contents_sub=make(
            "contents_sub", SIZE_S4, SIZE_S4 * 1.8, leftIndent=2 * SIZE_4, alignment=TA_JUSTIFY
        ),
        note=make("note", SIZE_S5, SIZE_S5 * 1.5),
        cover_line=make("cover_line", SIZE_3, SIZE_3 * 2.4, leftIndent=8 * mm),
        right=make("right", SIZE_S4, SIZE_S4 * 1.8, alignment=TA_RIGHT),
    )


def grid_style(*, header_rows: int = 1, size: float = SIZE_5) -> list[tuple[object, ...]]:
    """The ruled look of a paper table: thin black grid, header centred and shaded."""
    cmds: list[tuple[object, ...]] = [
        ("FONT", (0, 0), (-1, -1), FONT, size, size * 1.3),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        # Top and bottom padding stay at ReportLab's 3 pt: a style command costs a pass
        # over every cell, which a 3,000-row list feels.
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if header_rows:
        cmds += [
            ("ALIGN", (0, 0), (-1, header_rows - 1), "CENTER"),
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), SECTION_FILL),
        ]
    return cmds
