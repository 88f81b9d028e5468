"""申请报告 in binding order: cover, contents, 申请表, the three lists, the seven narrative
sections, the materials list and the declaration of truthfulness (附件2 of
工信部企业〔2017〕156号; Tibet and the association use the same shape).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from smedesk.export.pdf import captions
from smedesk.export.pdf.appform import application_form_table
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
from smedesk.export.pdf.styles import styles
from smedesk.export.pdf.values import para_text, spec
from smedesk.forms.application import ApplicationReport, BasicInfo, Narratives
from smedesk.forms.lists import EquipmentItem, ServedEnterprise, StaffMember

NUMERALS = "一二三四五六七八九十"
SERVED_SIZE = 8.0  # the longest list: 小五 does not fit seven columns on 156 mm

EQUIPMENT_COLUMNS = (
    ("name", 38), ("model_spec", 28), ("quantity", 15), ("price", 17),
    ("purchase_date", 22), ("purpose", 27),
)  # fmt: skip
STAFF_COLUMNS = (
    ("name", 18), ("position", 26), ("education", 22), ("title", 28), ("title_level", 14),
    ("speciality", 25), ("employment", 14),
)  # fmt: skip
SERVED_COLUMNS = (
    ("name", 26), ("uscc", 32), ("contact", 13), ("phone", 22), ("service_content", 22),
    ("service_date", 18), ("evaluation", 14),
)  # fmt: skip


def _iso(row: Any, name: str) -> Any:
    # Lists print dates as 2024-03-05: the Chinese long form does not fit a narrow column.
    value = getattr(row, name)
    return value.isoformat() if isinstance(value, dt.date) else value


def section_titles(doc: ApplicationReport, scheme_title: str) -> list[str]:
    """The five parts of the report, numbered as on the paper's contents page."""
    R = ApplicationReport
    form_title = f"{scheme_title}{spec(R, 'form').label}"
    names = [form_title] + [spec(R, n).label for n in ("equipment", "staff", "served_enterprises")]
    names.append(spec(R, "narratives").label)
    return [f"{NUMERALS[i]}、{n}" for i, n in enumerate(names)]


def narrative_heading(name: str) -> str:
    s = spec(Narratives, name)
    return f"{s.label}（{s.help}）" if s.help else s.label


def story(doc: ApplicationReport, ctx: Context) -> list[Flowable]:
    R = ApplicationReport
    scheme_title = ctx.scheme.title
    basic = doc.form.basic
    out: list[Flowable] = cover(
        [scheme_title, R.TITLE],
        [
            CoverLine(
                spec(BasicInfo, "applicant_name").label,
                basic.applicant_name or "",
                suffix=captions.SEAL,
            ),
            date_line(spec(R, "fill_date").label, doc.fill_date),
        ],
        ctx.scheme.issuer,
        sealed=True,
    )
    titles = section_titles(doc, scheme_title)
    out += _contents(titles)
    out += [
        title(f"{scheme_title}{spec(R, 'form').label}"),
        application_form_table(doc.form, ctx.scheme.wording.get(R.KIND)),
    ]
    out += _list(titles[1], EquipmentItem, EQUIPMENT_COLUMNS, doc.equipment)
    out += _list(titles[2], StaffMember, STAFF_COLUMNS, doc.staff)
    out += _list(titles[3], ServedEnterprise, SERVED_COLUMNS, doc.served_enterprises, SERVED_SIZE)
    out += [PageBreak(), title(titles[4])]
    for name in Narratives.model_fields:
        out.append(heading(narrative_heading(name)))
        out += body_text(getattr(doc.narratives, name))
    out += materials_list(ctx, spec(R, "materials").label)
    out += declaration(basic.applicant_name, doc.fill_date)
    return out


def _contents(titles: list[str]) -> list[Flowable]:
    out: list[Flowable] = [Spacer(1, 8 * mm), title(captions.CONTENTS), Spacer(1, 6 * mm)]
    style = styles().contents
    for t in titles[:-1]:
        out.append(Paragraph(para_text(t), style))
    out.append(Paragraph(para_text(f"{titles[-1]}{captions.NARRATIVES_NOTE}"), style))
    sub = styles().contents_sub
    for name in Narratives.model_fields:
        out.append(Paragraph(para_text(f"{narrative_heading(name)}；"), sub))
    out.append(PageBreak())
    return out


def _list(
    caption: str,
    model: type,
    columns: tuple[tuple[str, float], ...],
    rows: list[Any],
    size: float = 9.0,
) -> list[Flowable]:
    names = [n for n, _ in columns]
    widths = [w for _, w in columns]
    return [
        PageBreak(),
        title(caption),
        list_table(model, names, rows, widths, size=size, cell=_iso),
    ]
