"""推荐表 (附件1 of 工信部企业〔2017〕156号): cover, then one ruled table as on paper —
专家组评审意见 with the experts' table, the sampling survey with its method tick boxes
and satisfaction ticks, the regional impact, and the provincial recommendation, sealed.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from smedesk.export.pdf import captions
from smedesk.export.pdf.flowables import SealPlace, TickBoxes
from smedesk.export.pdf.grid import FormGrid
from smedesk.export.pdf.paragraph import Paragraph
from smedesk.export.pdf.parts import Context, CoverLine, cover, date_line
from smedesk.export.pdf.styles import SIZE_5, SIZE_S4, styles
from smedesk.export.pdf.values import para_text, spec, text
from smedesk.forms.enums import Evaluation, SurveyMethod
from smedesk.forms.lists import PanelMember, SampledEnterprise
from smedesk.forms.recommendation import RecommendationForm, SatisfactionSurvey

# 抽样企业名称 · 被访人员姓名 · 职务 · 联系电话 · 接受服务内容 · 很满意 · 基本满意 · 不满意
WIDTHS = [w * mm for w in (32, 16, 13, 25, 28, 14, 14, 14)]
MIN_SAMPLED = 10  # the paper asks for at least ten firms: ten ruled rows at least
MIN_PANEL = 5


def story(doc: RecommendationForm, ctx: Context) -> list[Flowable]:
    R = RecommendationForm
    # A scheme whose paper words the form or the recommender differently says so (Tibet:
    # «西藏自治区中小企业公共服务示范平台推荐表», filled by a 地（市） or a park, not a province).
    word = ctx.scheme.label
    out: list[Flowable] = cover(
        [word(R.KIND, "cover", ctx.scheme.title), R.TITLE],
        [
            CoverLine(spec(R, "operator_name").label, doc.operator_name or ""),
            CoverLine(word(R.KIND, "province", spec(R, "province").label), doc.province or ""),
            date_line(spec(R, "fill_date").label, doc.fill_date),
        ],
        ctx.scheme.issuer,
    )
    # One ruled form on paper, laid out as four stacked tables so that the sampled firms,
    # when they run onto the next page, repeat their two header rows there.
    panel, methods, sampled, rest = (FormGrid(WIDTHS, SIZE_5) for _ in range(4))
    _panel(panel, doc)
    _survey(methods, sampled, doc.survey)
    rest.section(spec(R, "regional_impact").label)
    rest.text_block(0, 7, doc.regional_impact, min_lines=6)
    _recommendation(rest, doc, word(R.KIND, "recommendation", spec(R, "recommendation").label))
    out += [panel.table(), methods.table(), sampled.table(repeat=2), rest.table()]
    out += _draw_annex(doc.survey)
    return out


def _draw_annex(survey: SatisfactionSurvey) -> list[Flowable]:
    """附：随机抽样记录 — seed, the list's fingerprint and the rows drawn, to repeat the draw."""
    if survey.sampling_seed is None or not survey.sampling_fingerprint:
        return []
    S = SatisfactionSurvey
    lines = [
        f"{spec(S, 'sampling_seed').label}：{survey.sampling_seed}",
        f"{spec(S, 'sampling_list_size').label}：{text(survey.sampling_list_size)} 家",
        f"{spec(S, 'sampling_fingerprint').label}：{survey.sampling_fingerprint}",
        f"{spec(S, 'sampled_rows').label}：{text(survey.sampled_rows)}",
        captions.DRAW_NOTE,
    ]
    style = styles().note
    return [Paragraph(para_text(captions.DRAW_TITLE), styles().heading)] + [
        Paragraph(para_text(line), style) for line in lines
    ]


def _panel(g: FormGrid, doc: RecommendationForm) -> None:
    g.section(spec(RecommendationForm, "panel_opinion").label)
    g.text_block(0, 7, doc.panel_opinion, min_lines=10)
    P = PanelMember
    cols = [(0, 1, "name"), (2, 3, "title"), (4, 5, "employer")]
    g.add(
        [(c0, c1, g.c(spec(P, n).label)) for c0, c1, n in cols]
        + [(6, 7, g.c(spec(P, "signed").label))],
        shade=True,
    )
    members: list[Any] = list(doc.panel) + [None] * max(0, MIN_PANEL - len(doc.panel))
    for m in members:
        # The signature cell stays empty: each expert signs in ink.
        g.add(
            [(c0, c1, g.c(text(getattr(m, n)) if m else "")) for c0, c1, n in cols] + [(6, 7, "")]
        )


def _survey(head: FormGrid, g: FormGrid, survey: SatisfactionSurvey) -> None:
    head.section(f"{spec(RecommendationForm, 'survey').label}{captions.SURVEY_NOTE}")
    ticked = set(survey.methods)
    options = [(m.label, m in ticked) for m in SurveyMethod]
    if survey.other_method and SurveyMethod.OTHER in ticked:
        options[-1] = (f"{SurveyMethod.OTHER.label}（{survey.other_method}）", True)
    head.add(
        [
            (0, 0, head.c(spec(SatisfactionSurvey, "methods").label)),
            (1, 7, TickBoxes(options, size=SIZE_5)),
        ]
    )
    S = SampledEnterprise
    names = ("name", "interviewee", "position", "phone", "service_content")
    top = g.add(
        [(i, i, g.c(spec(S, n).label)) for i, n in enumerate(names)]
        + [(5, 7, g.c(spec(S, "evaluation").label))],
        shade=True,
    )
    sub = g.add([(5 + i, 5 + i, _small(e.label)) for i, e in enumerate(Evaluation)], shade=True)
    for i in range(5):
        g.span_down(i, i, top, sub)
    rows: list[Any] = list(survey.sampled)
    rows += [None] * max(0, MIN_SAMPLED - len(rows))
    for s in rows:
        cells = [(i, i, g.p(text(getattr(s, n)) if s else "")) for i, n in enumerate(names)]
        for i, e in enumerate(Evaluation):
            cells.append((5 + i, 5 + i, g.c(captions.TICK if s and s.evaluation is e else "")))
        g.add(cells)


def _recommendation(g: FormGrid, doc: RecommendationForm, label: str) -> None:
    g.add([(0, 7, g.p(f"{label}："))])
    first, _ = g.text_block(0, 7, doc.recommendation, min_lines=4)
    g._open_rows.append(first - 1)  # the caption row belongs to the same box
    seal = SealPlace([captions.SEAL], date=doc.recommendation_date, size=SIZE_S4, caption="")
    r = g.add([(0, 7, seal)])
    g._open_rows.append(r)


def _small(value: str) -> Paragraph:
    # «基本满意» in a 14 mm tick column: one size down from the table text.
    return Paragraph(para_text(value), styles().small_center)
