"""专家评审意见表 (one per expert per application) and 专家组评审意见 (signed by the panel).

No paper template is given for these (forms.md §5); they follow the ruled style of the
ministry's forms: an identity block, the conflict-of-interest declaration, the criteria
table, the opinion, the conclusion as tick boxes, and the places to sign in ink.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from smedesk.export.pdf import captions
from smedesk.export.pdf.flowables import TickBoxes
from smedesk.export.pdf.grid import FormGrid
from smedesk.export.pdf.hand_signature import HandSignature
from smedesk.export.pdf.parts import Context, list_table, title
from smedesk.export.pdf.styles import SIZE_5
from smedesk.export.pdf.values import date_text, spec, text
from smedesk.forms.enums import Conclusion
from smedesk.forms.lists import PanelMember
from smedesk.forms.opinion import (
    ConflictDeclaration,
    CriterionAssessment,
    ExpertOpinion,
    PanelOpinion,
)
from smedesk.forms.strokes import parse_strokes

WIDTHS = [w * mm for w in (28, 50, 28, 50)]
CRITERIA_COLUMNS = (("label", 34), ("figure", 22), ("threshold", 22), ("assessment", 18),
                    ("comment", 51))  # fmt: skip
MIN_PANEL = 5

_PAIRS = (
    (Conclusion.RECOMMEND, Conclusion.NOT_RECOMMEND),
    (Conclusion.CREATE, Conclusion.NOT_CREATE),
    (Conclusion.ACCEPT, Conclusion.NOT_ACCEPT),
)


def conclusion_options(chosen: Conclusion | None, scheme_id: str) -> list[tuple[str, bool]]:
    """The pair of conclusions of the stage, the chosen one ticked (both open when none)."""
    pair = next((p for p in _PAIRS if chosen in p), None)
    if pair is None:
        pair = _PAIRS[1] if "creation" in scheme_id else _PAIRS[0]
    return [(c.label, c is chosen) for c in pair]


def _identity(g: FormGrid, model: type, doc: Any, names: list[str]) -> None:
    for i in range(0, len(names), 2):
        pair = names[i : i + 2]
        cells: list[tuple[int, int, Any]] = []
        for j, n in enumerate(pair):
            last = 3 if len(pair) == 1 else 1 + 2 * j
            cells += [
                (2 * j, 2 * j, g.p(spec(model, n).label)),
                (2 * j + 1, last, g.p(text(getattr(doc, n)))),
            ]
        g.add(cells)


def expert_story(doc: ExpertOpinion, ctx: Context) -> list[Flowable]:
    E = ExpertOpinion
    g = FormGrid(WIDTHS, SIZE_5)
    _identity(g, E, doc, ["applicant_name", "application_id", "stage", "expert_name",
                          "expert_title", "employer"])  # fmt: skip
    g.section(spec(E, "conflict").label)
    g.add([(0, 3, g.p(captions.CONFLICT_TEXT))])
    for name in ConflictDeclaration.model_fields:
        value = getattr(doc.conflict, name)
        yes, no = captions.YES_NO
        options = [(yes, value is True), (no, value is False)]
        g.add([(0, 2, g.p(spec(ConflictDeclaration, name).label)), (3, 3, TickBoxes(options))])
    grid_top = g.table()
    criteria = list_table(
        CriterionAssessment,
        [n for n, _ in CRITERIA_COLUMNS],
        doc.criteria,
        [w for _, w in CRITERIA_COLUMNS],
        size=9.0,
    )
    g2 = FormGrid(WIDTHS, SIZE_5)
    g2.section(spec(E, "overall_opinion").label)
    g2.text_block(0, 3, doc.overall_opinion, min_lines=6)
    g2.add(
        [
            (0, 0, g2.p(spec(E, "conclusion").label)),
            (1, 3, TickBoxes(conclusion_options(doc.conclusion, doc.scheme.id))),
        ]
    )
    return [
        title(f"{ctx.scheme.title}{E.TITLE}" if ctx.scheme.title else E.TITLE),
        grid_top,
        Spacer(1, 4 * mm),
        _caption(spec(E, "criteria").label),
        criteria,
        Spacer(1, 4 * mm),
        # The signature stays on the page of the conclusion it signs.
        KeepTogether(
            [
                g2.table(),
                Spacer(1, 8 * mm),
                HandSignature(
                    captions.EXPERT_SIGN,
                    parse_strokes(doc.signature_strokes),
                    date=doc.sign_date,
                    fingerprint=doc.signer_fingerprint,
                ),
            ]
        ),
    ]


def _caption(value: str) -> Flowable:
    from smedesk.export.pdf.parts import heading

    return heading(value)


def panel_story(doc: PanelOpinion, ctx: Context) -> list[Flowable]:
    P = PanelOpinion
    g = FormGrid(WIDTHS, SIZE_5)
    _identity(g, P, doc, ["applicant_name", "application_id"])
    g.section(spec(P, "opinion").label)
    g.text_block(0, 3, doc.opinion, min_lines=12)
    g.add(
        [
            (0, 0, g.p(spec(P, "conclusion").label)),
            (1, 3, TickBoxes(conclusion_options(doc.conclusion, doc.scheme.id))),
        ]
    )
    g.add([(0, 0, g.p(spec(P, "date").label)), (1, 3, g.p(date_text(doc.date)))])
    members = list_table(
        PanelMember,
        ["name", "title", "employer", "signed"],
        doc.members,
        [24, 34, 52, 37],
        size=SIZE_5,
        min_rows=MIN_PANEL,
        cell=_unsigned,
    )
    return [
        title(P.TITLE),
        g.table(),
        Spacer(1, 4 * mm),
        _caption(spec(P, "members").label),
        members,
    ]


def _unsigned(row: Any, name: str) -> Any:
    # Signatures are made in ink on the printed sheet; the cell stays empty.
    return "" if name == "signed" else getattr(row, name)
