"""创建申请书 (Art. 7 of the national creation measures; Liaoning the same): cover, the
申请表 with the indicator figures of the applicant's type, the 创建方案 under its six
headings with goals, timetable and practices, the materials list and the declaration.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak

from smedesk.export.pdf import captions
from smedesk.export.pdf.grid import FormGrid
from smedesk.export.pdf.paragraph import Paragraph
from smedesk.export.pdf.parts import (
    Context,
    CoverLine,
    body_text,
    cover,
    date_line,
    declaration,
    heading,
    list_table,
    materials_list,
    title,
)
from smedesk.export.pdf.styles import SIZE_S5, styles
from smedesk.export.pdf.values import para_text, spec, text
from smedesk.forms.creation import CreationApplicant, CreationApplication
from smedesk.forms.enums import OrgType
from smedesk.forms.fields import field_specs
from smedesk.forms.plan import CreationPlan, Milestone, PlanGoal

WIDTHS = [w * mm for w in (30, 48, 30, 48)]
#: Fields printed across the whole width (addresses, websites, long names).
WIDE = {"platform_name", "applicant_name", "address", "website", "nature", "operation_start"}


def story(doc: CreationApplication, ctx: Context) -> list[Flowable]:
    C = CreationApplication
    a = doc.applicant
    A = CreationApplicant
    scheme_title = ctx.scheme.title
    out: list[Flowable] = cover(
        [scheme_title, C.TITLE],
        [
            CoverLine(spec(A, "applicant_name").label, a.applicant_name or "",
                      suffix=captions.SEAL),
            CoverLine(spec(A, "platform_name").label, a.platform_name or ""),
            date_line(spec(C, "fill_date").label, doc.fill_date),
        ],
        ctx.scheme.issuer,
        sealed=True,
    )  # fmt: skip
    out += [title(spec(C, "applicant").label), _fields_table(a)]
    for name in _indicator_sections(a.org_type):
        out += [heading(spec(C, name).label), _fields_table(getattr(doc, name))]
    out += _plan(doc.plan)
    out += materials_list(ctx, spec(C, "materials").label)
    out += declaration(a.applicant_name, doc.fill_date)
    return out


def _indicator_sections(org_type: OrgType | None) -> list[str]:
    if org_type is OrgType.PLATFORM:
        return ["platform"]
    if org_type is OrgType.BASE:
        return ["base"]
    return ["platform", "base"]  # type not chosen yet: both, to be filled by hand


def _fields_table(model: BaseModel) -> Any:
    """Every field of a part as label/value pairs; long texts and lists get a full row."""
    g = FormGrid(WIDTHS, SIZE_S5 + 0.5)
    pending: list[tuple[str, str]] = []

    def flush() -> None:
        if not pending:
            return
        cells: list[tuple[int, int, Any]] = []
        for j, (label, value) in enumerate(pending):
            last = 3 if len(pending) == 1 else 2 * j + 1
            cells += [(2 * j, 2 * j, g.p(label)), (2 * j + 1, last, g.p(value))]
        g.add(cells)
        pending.clear()

    for s in field_specs(type(model)):
        value = getattr(model, s.name)
        label = s.header
        if s.kind in ("multiline", "textlist") or s.name in WIDE:
            flush()
            if s.kind == "multiline":
                first, last = g.text_block(1, 3, value, min_lines=2)
                g.rows[first][0] = g.p(label)
                g.span_down(0, 0, first, last)
            else:
                shown = "\n".join(value) if isinstance(value, list) else text(value)
                g.add([(0, 0, g.p(label)), (1, 3, g.p(shown))])
            continue
        pending.append((label, text(value)))
        if len(pending) == 2:
            flush()
    flush()
    return g.table()


def _plan(plan: CreationPlan) -> list[Flowable]:
    P = CreationPlan
    out: list[Flowable] = [PageBreak(), title(spec(CreationApplication, "plan").label)]
    for s in field_specs(P, include_derived=False):
        out.append(heading(s.label))
        value = getattr(plan, s.name)
        if s.name == "practices":
            items = [p for p in value if p.strip()] or [""]
            out += [
                Paragraph(para_text(f"{i}. {p}"), styles().body) for i, p in enumerate(items, 1)
            ]
        elif s.name == "milestones":
            out.append(list_table(Milestone, ["period", "task"], value, [45, 102], size=10.5))
        elif s.name == "goals":
            out.append(
                list_table(
                    PlanGoal, ["goal", "indicator", "target", "due"], value, [45, 40, 32, 30],
                    size=10.5,
                )
            )  # fmt: skip
        else:
            out += body_text(value)
    return out
