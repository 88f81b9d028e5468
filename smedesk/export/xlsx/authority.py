"""The recommending authority's workbook: rules matrix, sampling survey, expert opinions.

Three sheets, one row per application, in the order the applications were given:

* 规则核对 — applications × the scheme's rules, the outcome of each rule in its cell;
* 抽样测评 — per application the firms sampled and the satisfaction they gave;
* 专家评审意见 — per application the opinion sheets' conclusions counted and each
  criterion's assessments counted.

Art. 8 of the national creation measures forbids ranking results, openly or in
disguise: there is no rank column, no total score, and rows are never sorted by any
figure. Counting each application's own conclusions is what the measures allow.
"""

from __future__ import annotations

import math
import os
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from smedesk.export.xlsx.safety import put_text
from smedesk.export.xlsx.styles import (
    BORDER,
    CENTER_WRAP,
    HEADER_FILL,
    HEADER_FONT,
    LEFT_WRAP,
    display_width,
    set_up_for_paper,
    sheet_title,
)
from smedesk.forms.application import ApplicationReport
from smedesk.forms.common import Document
from smedesk.forms.creation import CreationApplication
from smedesk.forms.enums import Conclusion, Evaluation
from smedesk.forms.fields import spec_of
from smedesk.forms.opinion import ExpertOpinion
from smedesk.forms.opinion_tally import tally as tally_opinions
from smedesk.forms.recommendation import RecommendationForm, SatisfactionSurvey
from smedesk.schemes.findings import Finding, Outcome

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

Application = ApplicationReport | CreationApplication
#: (application) → its findings; the default loads the document's scheme and evaluates.
Evaluator = Callable[[Document], tuple[list[Finding], list[tuple[str, str]]]]

NOT_APPLICABLE = "—"
_OUTCOME_FILLS = {
    Outcome.MET: "E2EFDA",
    Outcome.NOT_MET: "FFC7CE",
    Outcome.RELAXED: "FCE4D6",
    Outcome.JUDGEMENT: "FFF2CC",
}


def applicant_of(doc: Document) -> str:
    """The applicant's sealed name, whichever kind of application it is."""
    if isinstance(doc, ApplicationReport):
        return doc.form.basic.applicant_name or ""
    if isinstance(doc, CreationApplication):
        return doc.applicant.applicant_name or ""
    return ""


def scheme_evaluator() -> Evaluator:
    """Evaluate each application under its own scheme (loaded once per scheme id)."""
    from smedesk.schemes import evaluate, load_scheme

    cache: dict[str, Any] = {}

    def run(doc: Document) -> tuple[list[Finding], list[tuple[str, str]]]:
        scheme = cache.get(doc.scheme.id)
        if scheme is None:
            scheme = cache[doc.scheme.id] = load_scheme(doc.scheme.id)
        rules = [(r.id, f"{r.title}\n（{r.article}）") for r in scheme.rules_for(doc.kind)]
        return evaluate(doc, scheme), rules

    return run


def write_authority_workbook(
    docs: Sequence[Document],
    path: str | os.PathLike[str],
    *,
    evaluator: Evaluator | None = None,
) -> None:
    """Write the three sheets for the applications, forms and opinions among ``docs``."""
    from openpyxl import Workbook

    apps: list[Application] = [
        d for d in docs if isinstance(d, ApplicationReport | CreationApplication)
    ]
    forms = [d for d in docs if isinstance(d, RecommendationForm)]
    opinions = [d for d in docs if isinstance(d, ExpertOpinion)]
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    # Rules differ between schemes; one matrix per scheme keeps each one readable.
    by_scheme: dict[str, list[Application]] = {}
    for app in apps:
        by_scheme.setdefault(app.scheme.id, []).append(app)
    run = evaluator or scheme_evaluator()
    groups = list(by_scheme.items()) or [("", [])]
    for k, (scheme_id, group) in enumerate(groups):
        title = "规则核对" if len(by_scheme) <= 1 else sheet_title(f"规则核对 {scheme_id}")
        rules_matrix_sheet(ws if k == 0 else wb.create_sheet(), group, run, title=title)
    sampling_sheet(wb.create_sheet(), apps, forms)
    opinions_sheet(wb.create_sheet(), apps, opinions)
    from smedesk.safe_write import save_workbook

    for sheet in wb.worksheets:
        _for_paper(sheet)
    save_workbook(wb, path)


def _for_paper(ws: Worksheet) -> None:
    """A4 landscape, one page wide, the header row on every page and tall enough.

    Without it a matrix of two applications printed as fifteen near-empty portrait
    pages with its header cells cut off.
    """
    set_up_for_paper(ws, None, title_rows="1:1")
    ws.row_dimensions[1].height = header_height(ws)


def header_height(ws: Worksheet) -> float:
    """Points the header row needs so no header is clipped in its column's width."""
    lines = 1
    for cell in ws[1]:
        text = str(cell.value or "")
        width = ws.column_dimensions[cell.column_letter].width or 8.43
        # Excel wraps at about one width unit less than the column (cell padding).
        per_line = max(1.0, float(width) - 2)
        need = sum(max(1, math.ceil(display_width(part) / per_line)) for part in text.split("\n"))
        lines = max(lines, need)
    return 15.0 * lines + 6


def rules_matrix_sheet(
    ws: Worksheet, apps: Sequence[Application], evaluator: Evaluator, *, title: str = "规则核对"
) -> None:
    from openpyxl.styles import PatternFill

    ws.title = title
    columns: dict[str, str] = {}  # rule id → header, in the schemes' (article) order
    outcomes: list[dict[str, list[Outcome]]] = []
    problems: dict[int, str] = {}
    for k, app in enumerate(apps):
        try:
            findings, rules = evaluator(app)
        except Exception as exc:  # one unloadable scheme must not lose the other rows
            problems[k] = str(getattr(exc, "message", exc))
            findings, rules = [], []
        for rule_id, header in rules:
            columns.setdefault(rule_id, header)
        per_rule: dict[str, list[Outcome]] = defaultdict(list)
        for f in findings:
            per_rule[f.rule_id].append(f.outcome)
        outcomes.append(per_rule)
    counted = (Outcome.MET, Outcome.NOT_MET, Outcome.RELAXED, Outcome.JUDGEMENT)
    head = ["序号", _label(ExpertOpinion, "applicant_name"), "方案"]
    head += list(columns.values()) + [f"{o.label}（项）" for o in counted]
    _header(ws, head)
    fills = {o: PatternFill("solid", fgColor=c) for o, c in _OUTCOME_FILLS.items()}
    for i, (app, per_rule) in enumerate(zip(apps, outcomes, strict=True), start=1):
        scheme = f"{app.scheme.id} v{app.scheme.version}"
        if i - 1 in problems:
            scheme += f"\n未能核对：{problems[i - 1]}"
        cells: list[Any] = [i, applicant_of(app), scheme]
        tally: Counter[Outcome] = Counter()
        shown: list[Outcome | None] = []
        for rule_id in columns:
            found = per_rule.get(rule_id)
            outcome = _worst(found) if found else None
            shown.append(outcome)
            if outcome is not None:
                tally[outcome] += 1
            cells.append(outcome.label if outcome is not None else NOT_APPLICABLE)
        cells += [tally[o] for o in counted]
        r = _row(ws, cells)
        for k, outcome in enumerate(shown, start=4):
            if outcome in fills:
                ws.cell(row=r, column=k).fill = fills[outcome]
    _widths(ws, head, first=(6, 28, 16), rest=12)
    ws.freeze_panes = "C2"


def _worst(found: list[Outcome]) -> Outcome:
    # One rule may yield several findings (e.g. one per year); the cell shows the worst.
    order = (Outcome.NOT_MET, Outcome.JUDGEMENT, Outcome.RELAXED, Outcome.MET, Outcome.NOTE)
    return min(found, key=order.index)


def sampling_sheet(
    ws: Worksheet, apps: Sequence[Application], forms: Sequence[RecommendationForm]
) -> None:
    ws.title = "抽样测评"
    survey_labels = {s.name: s.header for s in _specs(SatisfactionSurvey)}
    head = [
        "序号",
        _label(RecommendationForm, "operator_name"),
        survey_labels["methods"],
        survey_labels["sample_size"],
        *(f"{e.label}（家）" for e in Evaluation),
        survey_labels["satisfaction_percent"],
    ]
    _header(ws, head)
    for i, form in enumerate(_in_application_order(apps, forms), start=1):
        survey = form.survey
        counts = Counter(s.evaluation for s in survey.sampled)
        methods = "、".join(m.label for m in survey.methods)
        cells: list[Any] = [i, form.operator_name, methods, survey.sample_size]
        cells += [counts[e] for e in Evaluation]
        cells.append(survey.satisfaction_percent)
        _row(ws, cells)
    _widths(ws, head, first=(6, 30, 20), rest=12)
    ws.freeze_panes = "C2"


def _in_application_order(
    apps: Sequence[Application], forms: Sequence[RecommendationForm]
) -> list[RecommendationForm]:
    position = {a.doc_id: k for k, a in enumerate(apps)}
    names = {applicant_of(a): k for k, a in enumerate(apps)}

    def key(item: tuple[int, RecommendationForm]) -> tuple[int, int]:
        k, f = item
        at = position.get(f.application_id or "", names.get(f.operator_name or ""))
        return (at if at is not None else len(apps), k)

    return [f for _, f in sorted(enumerate(forms), key=key)]


def opinions_sheet(
    ws: Worksheet, apps: Sequence[Application], opinions: Sequence[ExpertOpinion]
) -> None:
    ws.title = "专家评审意见"
    groups: dict[str, list[ExpertOpinion]] = {}
    names: dict[str, str] = {}
    for a in apps:
        groups[a.doc_id] = []
        names[a.doc_id] = applicant_of(a)
    for o in opinions:  # opinions of applications not given still get their own row
        key = o.application_id or f"name:{o.applicant_name}"
        groups.setdefault(key, []).append(o)
        names.setdefault(key, o.applicant_name or "")
    tallies = {key: tally_opinions(group) for key, group in groups.items()}
    used = [c for c in Conclusion if any(t.conclusions.get(c) for t in tallies.values())]
    head = [
        "序号",
        _label(ExpertOpinion, "applicant_name"),
        "意见表（份）",
        *(f"{c.label}（份）" for c in used),
        "未表明结论（份）",
        "回避声明未全部确认（份）",
        _label(ExpertOpinion, "criteria") + "（各项评审结论的份数）",
    ]
    _header(ws, head)
    for i, (key, counted) in enumerate(tallies.items(), start=1):
        cells: list[Any] = [i, names[key], counted.sheets]
        cells += [counted.conclusions.get(c, 0) for c in used]
        cells.append(counted.without_conclusion)
        cells.append(counted.declarations_open)
        cells.append("\n".join(f"{c.label}：{c.text()}" for c in counted.criteria))
        _row(ws, cells)
    _widths(ws, head, first=(6, 30, 10), rest=12)
    ws.column_dimensions[ws.cell(row=1, column=len(head)).column_letter].width = 60
    ws.freeze_panes = "C2"


def _specs(model: Any) -> list[Any]:
    from smedesk.forms.fields import field_specs

    return field_specs(model)


def _label(model: Any, name: str) -> str:
    return spec_of(model, name).label


def _header(ws: Worksheet, head: list[str]) -> None:
    ws.append(head)
    for cell in ws[1]:
        cell.font, cell.fill, cell.border, cell.alignment = (
            HEADER_FONT,
            HEADER_FILL,
            BORDER,
            CENTER_WRAP,
        )


def _row(ws: Worksheet, cells: list[Any]) -> int:
    r = int(ws.max_row) + 1
    for c, value in enumerate(cells, start=1):
        cell = ws.cell(row=r, column=c)
        if isinstance(value, str):
            put_text(cell, value)
        else:
            cell.value = value
        cell.border = BORDER
        cell.alignment = LEFT_WRAP if isinstance(value, str) and c > 1 else CENTER_WRAP
    return r


def _widths(ws: Worksheet, head: list[str], *, first: tuple[int, ...], rest: int) -> None:
    from openpyxl.utils import get_column_letter

    for c in range(1, len(head) + 1):
        width = first[c - 1] if c <= len(first) else rest
        ws.column_dimensions[get_column_letter(c)].width = width
