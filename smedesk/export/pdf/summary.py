"""推荐汇总表 (附件2 of 工企业函〔2019〕310号) on A4 landscape: title, the sealed authority
line, the ruled table with its header repeated on every page, and notes (1)–(3).
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from smedesk.export.pdf import captions
from smedesk.export.pdf.paragraph import Paragraph
from smedesk.export.pdf.parts import Context, CoverLine, small, title
from smedesk.export.pdf.styles import SIZE_5, grid_style, styles
from smedesk.export.pdf.values import para_text, spec, text, wrap
from smedesk.forms.enums import QuotaCategory
from smedesk.forms.recommendation import RecommendationSummary, SummaryRow, remark

# 序号 · 平台名称 · 服务机构名称 · 服务功能类别 · 示范性表述 · 备注: 253 mm, the landscape type area
WIDTHS = [w * mm for w in (12, 38, 42, 30, 80, 51)]
MIN_ROWS = 4


def _header(name: str) -> str:
    s = spec(SummaryRow, name)
    if name == "quota":
        # The paper's 备注 header names the categories; the enum carries their wording.
        q = QuotaCategory
        return (
            f"{s.label}（{q.PROVINCIAL_QUOTA.label}；{captions.OR}"
            f"{q.SPECIAL_CARRIER.label}，{q.QUALITY_LAB.label}）"
        )
    if name == "platform_name":
        return s.label  # its help is a naming rule, not part of the printed header
    return f"{s.label}（{s.help}）" if s.help else s.label


def story(doc: RecommendationSummary, ctx: Context) -> list[Flowable]:
    S = RecommendationSummary
    names = ("platform_name", "institution_name", "functions", "statement", "quota")
    size = SIZE_5
    cell = styles().small_cell
    header = [Paragraph(captions.ROW_NO, styles().small_center)] + [
        Paragraph(para_text(_header(n)), styles().small_center) for n in names
    ]
    data: list[list[Any]] = [header]
    for i, row in enumerate(doc.rows, 1):
        values = [text(getattr(row, n)) for n in names[:-1]] + [remark(row)]
        data.append(
            [str(i)]
            + [wrap(v, size, w - 6) for v, w in zip(values[:3], WIDTHS[1:4], strict=True)]
            + [Paragraph(para_text(values[3]), cell), Paragraph(para_text(values[4]), cell)]
        )
    for _ in range(max(0, MIN_ROWS - len(doc.rows))):
        data.append([""] * 6)
    # Blank rows get the height of a filled one, to be written in by hand.
    heights = [None] * (len(doc.rows) + 1) + [12 * mm] * (len(data) - len(doc.rows) - 1)
    table = Table(data, colWidths=WIDTHS, rowHeights=heights, repeatRows=1, splitByRow=1)
    cmds = grid_style(size=size)
    cmds.append(("ALIGN", (0, 1), (0, -1), "CENTER"))
    table.setStyle(cmds)
    # No seal guide circle here: on the landscape page a 42 mm circle has no free place
    # beside the line (the title above, the table's header below) and would cover text
    # or push the notes onto a page of their own; the line itself says «（盖章）».
    authority = CoverLine(
        f"{spec(S, 'authority_name').label}{captions.SEAL}", doc.authority_name or ""
    )
    return [
        title(doc.title_text),
        authority,
        Spacer(1, 3 * mm),
        table,
        Spacer(1, 3 * mm),
        *[small(n) for n in captions.SUMMARY_NOTES],
    ]
