"""The 申请表 as the paper has it: one bordered table, merged cells, parts 一–四 as rows.

The grid has eight columns; each paper row spans them its own way (four label/value
pairs for the contacts, a label and one wide value for the address...). Labels and
units are read from the field specs; sentences such as «仪器、设备数量 __ 台(套)，购买价格
__ 万元，占总资产 __ %» are assembled from them with the value, or a blank, in the gap.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Table

from smedesk.export.pdf import captions
from smedesk.export.pdf.grid import FormGrid
from smedesk.export.pdf.paragraph import Paragraph
from smedesk.export.pdf.styles import SECTION_FILL, SIZE_S5, styles
from smedesk.export.pdf.values import BLANK, inline, para_text, spec, text
from smedesk.forms.application import ApplicationForm, BasicInfo, Capability, GovernmentSupport
from smedesk.forms.lists import Investor, OperationYear, ServiceContent

# 156 mm, the type area. Label columns hold five characters («注册日期：»); value columns
# hold a date, a phone number or a mobile number on one line at 小五.
WIDTHS = [w * mm for w in (17.3, 23.0, 17.3, 21.6, 17.3, 21.6, 17.3, 20.6)]
MIN_ROWS = 2  # empty lists keep two ruled rows to fill by hand


class _Grid(FormGrid):
    def __init__(self) -> None:
        super().__init__(WIDTHS, SIZE_S5)


def _p(value: str) -> Paragraph:
    return Paragraph(para_text(value), styles().small_cell)


def _c(value: str) -> Paragraph:
    return Paragraph(para_text(value), styles().small_center)


def _label(model: type, name: str) -> Paragraph:
    return _p(f"{spec(model, name).label}：")


def _value(obj: Any, name: str) -> Paragraph:
    return _p(text(getattr(obj, name)))


def _phrase(obj: Any, model: type, name: str, *, colon: bool = False) -> str:
    """«label value unit», e.g. «购买价格 12.5 万元»; a blank where nothing was entered."""
    s = spec(model, name)
    sep = "：" if colon else " "
    unit = f" {s.unit}" if s.unit else ""
    return f"{s.label}{sep}{inline(getattr(obj, name))}{unit}"


def application_form_table(form: ApplicationForm, wording: dict[str, str] | None = None) -> Table:
    """The grid; ``wording`` maps a document path to the scheme's own printed label."""
    g = _Grid()
    _part_one(g, form.basic)
    _part_two(g, form.operations)
    _part_three(g, form.capability)
    _part_four(g, form.support, wording or {})
    return g.table()


def _part_one(g: _Grid, b: BasicInfo) -> None:
    g.section(spec(ApplicationForm, "basic").label)
    B = BasicInfo
    g.add(
        [
            (0, 0, _label(B, "registration_date")),
            (1, 1, _value(b, "registration_date")),
            (2, 2, _label(B, "nature")),
            (3, 3, _value(b, "nature")),
            (4, 4, _label(B, "legal_representative")),
            (5, 7, _value(b, "legal_representative")),
        ]
    )
    g.add(
        [
            (0, 0, _label(B, "address")),
            (1, 5, _value(b, "address")),
            (6, 6, _label(B, "postcode")),
            (7, 7, _value(b, "postcode")),
        ]
    )
    g.add(
        [
            (0, 0, _label(B, "contact")),
            (1, 1, _value(b, "contact")),
            (2, 2, _label(B, "phone")),
            (3, 3, _value(b, "phone")),
            (4, 4, _label(B, "fax")),
            (5, 5, _value(b, "fax")),
            (6, 6, _label(B, "mobile")),
            (7, 7, _value(b, "mobile")),
        ]
    )
    g.add(
        [
            (0, 1, _label(B, "website")),
            (2, 4, _value(b, "website")),
            (5, 5, _label(B, "email")),
            (6, 7, _value(b, "email")),
        ]
    )
    # 注册资本 stands beside the investors' sub-table, merged down its rows.
    Inv = Investor
    first = g.add(
        [
            (0, 1, _p(_phrase(b, B, "registered_capital"))),
            (2, 4, _c(f"{captions.OF_WHICH}{spec(Inv, 'name').label}")),
            (5, 5, _c(spec(Inv, "nature").label)),
            (6, 7, _c(spec(Inv, "ratio").header)),
        ]
    )
    investors: list[Any] = list(b.investors) or [None] * MIN_ROWS
    for inv in investors:
        last = g.add(
            [
                (2, 4, _p(text(inv.name) if inv else "")),
                (5, 5, _c(text(inv.nature) if inv else "")),
                (6, 7, _c(text(inv.ratio) if inv else "")),
            ]
        )
    g.span_down(0, 1, first, last)
    top = g.add(
        [
            (0, 1, _p(_phrase(b, B, "total_assets"))),
            (
                2,
                7,
                _p(
                    "，".join(
                        _phrase(b, B, n)
                        for n in ("equipment_count", "equipment_price", "equipment_asset_percent")
                    )
                ),
            ),
        ]
    )
    area = "，".join(
        [
            _phrase(b, B, "service_area", colon=True),
            _phrase(b, B, "own_area"),
            _phrase(b, B, "rented_area"),
        ]
    )
    bottom = g.add([(2, 7, _p(area))])
    g.span_down(0, 1, top, bottom)
    g.add(
        [
            (0, 1, _p(_phrase(b, B, "employees"))),
            (
                2,
                7,
                _p(
                    "，".join(
                        _phrase(b, B, n) for n in ("qualified_staff", "qualified_staff_percent")
                    )
                ),
            ),
        ]
    )


def _part_two(g: _Grid, years: Sequence[OperationYear]) -> None:
    s = spec(ApplicationForm, "operations")
    g.section(f"{s.label}（单位：{s.unit}）" if s.unit else s.label)
    Y = OperationYear
    names = ("year", "operating_income", "service_income", "total_assets", "total_profit",
             "taxes_paid", "smes_served")  # fmt: skip
    # The header shows bare labels: the part's caption already says 单位：万元.
    cols = [(0, 0), (1, 1), (2, 2), (3, 3), (4, 4), (5, 5), (6, 7)]
    head = g.add([(c0, c1, _c(spec(Y, n).label)) for (c0, c1), n in zip(cols, names, strict=True)])
    g.cmds.append(("BACKGROUND", (0, head), (-1, head), SECTION_FILL))
    rows: list[Any] = list(years) or [None] * MIN_ROWS
    for y in rows:
        g.add(
            [
                (c0, c1, _c(text(getattr(y, n)) if y else ""))
                for (c0, c1), n in zip(cols, names, strict=True)
            ]
        )


def _part_three(g: _Grid, cap: Capability) -> None:
    g.section(spec(ApplicationForm, "capability").label)
    C = Capability
    _long(g, spec(C, "qualifications").label, cap.qualifications)
    S = ServiceContent
    head = g.add(
        [
            (0, 3, _c(spec(S, "content").label)),
            (4, 5, _c(spec(S, "scale").header)),
            (6, 7, _c(f"{spec(S, 'income_share').label}{spec(S, 'income_share').unit}")),
        ]
    )
    g.cmds.append(("BACKGROUND", (0, head), (-1, head), SECTION_FILL))
    services: list[Any] = list(cap.services) or [None] * MIN_ROWS
    for sv in services:
        g.add(
            [
                (0, 3, _p(text(sv.content) if sv else "")),
                (4, 5, _c(text(sv.scale) if sv else "")),
                (6, 7, _c(text(sv.income_share) if sv else "")),
            ]
        )
    top = g.add(
        [
            (0, 1, _c(captions.COOPERATION)),
            (2, 4, _c(spec(C, "signed_partners").label)),
            (5, 7, _c(spec(C, "other_partners").label)),
        ]
    )
    partners = g.add(
        [
            # «、» between names, as a list is written into a cell by hand: a long list of
            # partners then costs lines, not a row per name.
            (2, 4, _p("、".join(p for p in cap.signed_partners if p.strip()) or BLANK)),
            (5, 7, _p("、".join(p for p in cap.other_partners if p.strip()) or BLANK)),
        ]
    )
    g.span_down(0, 1, top, partners)
    # 公益性或低收费服务量 / 总服务量 are not boxes of the paper (附件2 申请表 三 ends with
    # 合作资源): the applicant states them in narrative (四); the self-check reads the fields.


def _part_four(g: _Grid, sup: GovernmentSupport, wording: dict[str, str]) -> None:
    g.section(spec(ApplicationForm, "support").label)
    G = GovernmentSupport
    _long(g, spec(G, "support").label, sup.support)
    label = wording.get("form.support.recognitions", spec(G, "recognitions").label)
    _long(g, label, "\n".join(_recognition(r) for r in sup.recognitions))


def _recognition(row: Any) -> str:
    """One prior recognition as a line: «文件名称及文号（部门，级别认定，日期）»."""
    about = "，".join(
        t
        for t in (
            text(row.issuer),
            f"{text(row.level)}{text(row.kind)}" if row.level or row.kind else "",
            text(row.date),
        )
        if t
    )
    return f"{text(row.document)}（{about}）" if about else text(row.document)


def _long(g: _Grid, label: str, value: Any) -> None:
    """A label on the left, a text of any length on the right (split into boxed rows)."""
    first, last = g.text_block(2, 7, value, min_lines=1)
    g.rows[first][0] = _p(label)
    g.span_down(0, 1, first, last)
