"""Evaluating a document against a scheme: rules, completeness, materials, consistency.

``evaluate`` turns every rule of the scheme that reads this kind of document into a
:class:`Finding` (citation, field path, figure and threshold), then adds one finding per
empty required field (table columns collapsed), per missing attachment and per format
or cross-field problem. The result is sorted: rules in the file's (article) order,
then completeness, materials, consistency.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel

from smedesk.forms.checks import FORMAT_CHECKS
from smedesk.forms.common import Document
from smedesk.forms.consistency import Problem, cross_field_problems
from smedesk.forms.fields import FieldSpec, field_specs
from smedesk.forms.materials import attached, missing_files
from smedesk.forms.walk import spec_at
from smedesk.schemes.checks import Context, get, is_empty
from smedesk.schemes.composite import run
from smedesk.schemes.dates import date_findings
from smedesk.schemes.findings import Citation, Finding, Outcome
from smedesk.schemes.loader import SchemeError
from smedesk.schemes.model import RuleSpec, Scheme
from smedesk.schemes.narratives import narrative_findings
from smedesk.schemes.scope import applies

USCC_CITATION = Citation("GB 32100-2015", "法人和其他组织统一社会信用代码编码规则")

_STATES = {
    "met": Outcome.MET,
    "short": Outcome.NOT_MET,
    "missing": Outcome.NOT_MET,
    "judgement": Outcome.JUDGEMENT,
    "note": Outcome.NOTE,
}


def evaluate(
    doc: Document,
    scheme: Scheme,
    *,
    stage: str | None = None,
    today: dt.date | None = None,
    stored: Collection[tuple[str, str]] | None = None,
) -> list[Finding]:
    """Every finding of ``doc`` under ``scheme`` at ``stage`` (default: the scheme's first).

    ``stored``: the (material id, SHA-256) pairs of the document's files in the store,
    when there is one (see :func:`material_findings`).
    """
    if doc.kind not in scheme.applies_to:
        kinds = "、".join(scheme.applies_to)
        raise SchemeError(
            f"方案“{scheme.title}”（{scheme.id}）不适用于{doc.TITLE}（{doc.kind}）；"
            f"本方案适用于：{kinds}"
        )
    stage = stage or scheme.stages[0]
    if stage not in scheme.stages:
        raise SchemeError(f"方案 {scheme.id} 没有阶段 {stage}；可用：{'、'.join(scheme.stages)}")
    scan = _scan(doc)  # one walk serves completeness and format problems
    findings = rule_findings(doc, scheme, stage=stage, today=today)
    # A fault a rule already reports (an empty or too long 示范性表述, with its article) is
    # not reported again by the generic completeness and format checks: one fault, one finding.
    reported = {
        _INDEX.sub("[]", f.path)
        for f in findings
        if f.path and f.outcome in (Outcome.NOT_MET, Outcome.RELAXED)
    }
    extra = completeness_findings(doc, scheme, scan) + consistency_findings(doc, scheme, scan)
    findings += date_findings(doc, scheme, today)
    findings += narrative_findings(doc, _form_citation(doc, scheme))
    findings += [f for f in extra if f.group == "completeness" and not _covered(f, reported)]
    findings += material_findings(doc, scheme, stored)
    findings += [f for f in extra if f.group == "consistency" and not _covered(f, reported)]
    return findings


def _covered(finding: Finding, reported: set[str]) -> bool:
    return finding.path is not None and _INDEX.sub("[]", finding.path) in reported


# ----------------------------------------------------------------------------- rules


def _context(doc: Document, rule: RuleSpec, today: dt.date | None) -> Context:
    filled = getattr(doc, "fill_date", None)
    if isinstance(filled, dt.date):
        return Context(rule.article, rule.title, filled, f"填报日期 {filled.isoformat()}")
    day = today or dt.date.today()
    return Context(
        rule.article, rule.title, day, f"今天 {day.isoformat()}（未填填报日期，按今天计算）"
    )


def _applies(doc: Document, rule: RuleSpec) -> bool:
    return applies(doc, rule.when)


def rule_findings(
    doc: Document, scheme: Scheme, *, stage: str | None = None, today: dt.date | None = None
) -> list[Finding]:
    """The findings of the scheme's rules alone (no completeness, materials, consistency)."""
    stage = stage or scheme.stages[0]
    staged = len(scheme.stages) > 1
    out = []
    for rule in scheme.rules_for(doc.kind, stage):
        if not _applies(doc, rule):
            continue
        result = run(rule, doc, _context(doc, rule, today))
        if result.state == "skip":
            continue
        outcome = _STATES[result.state]
        message = result.message
        if result.state == "short" and rule.relax is not None:
            relax = scheme.relax[rule.relax]
            if get(doc, relax.path) is True:
                outcome = Outcome.RELAXED
                message += f"；{relax.label}，按{relax.article}可适度放宽"
        out.append(
            Finding(
                rule_id=rule.id,
                title=rule.title,
                outcome=outcome,
                message=message,
                citation=Citation(rule.document or scheme.document, rule.article),
                path=result.path or rule.path,
                found=result.found,
                threshold=result.threshold,
                missing=result.state == "missing",
                group=rule.group,
                stage=(rule.stage or stage) if staged else None,
            )
        )
    return out


# ----------------------------------------------------------------------------- walking


@cache
def _form_specs(model: type[BaseModel]) -> tuple[FieldSpec, ...]:
    return tuple(field_specs(model, include_derived=False))


@cache
def _spec_of(model: type[BaseModel], path: str) -> FieldSpec | None:
    return spec_at(model, path)


@dataclass
class _Gap:
    label: str
    first_path: str
    count: int = 1
    row: int | None = None


_INDEX = re.compile(r"\[\d+\]")


def _is_unset(spec: FieldSpec, value: object) -> bool:
    if spec.annotation is bool:  # a plain bool defaults to False: unticked is unset
        return value is not True
    return is_empty(value)


def _walk(
    model: BaseModel,
    prefix: str,
    label_prefix: str,
    gaps: dict[str, _Gap],
    problems: list[Problem],
    row: int | None = None,
) -> None:
    """One pass for completeness and format problems; field specs cached per class."""
    for spec in _form_specs(type(model)):
        path = f"{prefix}.{spec.name}" if prefix else spec.name
        value = getattr(model, spec.name)
        if spec.kind == "model" and isinstance(value, BaseModel):
            _walk(value, path, label_prefix, gaps, problems, row)
            continue
        if spec.required and _is_unset(spec, value):
            key = _INDEX.sub("[]", path)
            gap = gaps.get(key)
            if gap is None:
                gaps[key] = _Gap(label_prefix + spec.label, path, 1, row)
            else:
                gap.count += 1
        if spec.kind == "list":
            for i, item in enumerate(value):
                _walk(item, f"{path}[{i}]", f"{spec.label}·", gaps, problems, i)
        elif isinstance(value, str) and value:
            check = FORMAT_CHECKS.get(spec.format or "")
            if check:
                message = check(value)
                if message:
                    problems.append(Problem(path, f"{spec.label}：{message}"))
            if spec.max_chars and len(value) > spec.max_chars:
                problems.append(
                    Problem(path, f"{spec.label}超过 {spec.max_chars} 字（现 {len(value)} 字）")
                )


@dataclass
class _Scan:
    gaps: dict[str, _Gap]
    problems: list[Problem]


def _scan(doc: Document) -> _Scan:
    gaps: dict[str, _Gap] = {}
    problems: list[Problem] = []
    _walk(doc, "", "", gaps, problems)
    return _Scan(gaps, problems)


def format_problems(doc: Document) -> list[Problem]:
    """The same problems as ``forms.consistency.format_problems``, in one cached pass."""
    return list(_scan(doc).problems)


def _form_citation(doc: Document, scheme: Scheme) -> Citation:
    document, article = scheme.forms.get(doc.kind, (scheme.document, doc.TITLE))
    return Citation(document, article)


# ----------------------------------------------------------------------------- completeness


def completeness_findings(
    doc: Document, scheme: Scheme, scan: _Scan | None = None
) -> list[Finding]:
    """One finding per empty required field; a table column counts once with its row count."""
    scan = scan or _scan(doc)
    citation = _form_citation(doc, scheme)
    out = []
    for key, gap in scan.gaps.items():
        if gap.row is None:
            message = f"未填写：{gap.label}"
        else:
            message = f"未填写：{gap.label}，共 {gap.count} 行（首个为第 {gap.row + 1} 行）"
        out.append(
            Finding(
                rule_id=f"completeness:{key}",
                title=gap.label,
                outcome=Outcome.NOT_MET,
                message=message,
                citation=citation,
                path=gap.first_path,
                found=None if gap.row is None else f"{gap.count} 行",
                missing=True,
                group="completeness",
            )
        )
    return out


# ----------------------------------------------------------------------------- materials


def material_findings(
    doc: Document, scheme: Scheme, stored: Collection[tuple[str, str]] | None = None
) -> list[Finding]:
    """The materials checklist: each material attached (or produced by smedesk) or not.

    "Attached" is :func:`smedesk.forms.materials.attached`, as in the PDF: with a store
    (``stored``: its (material id, SHA-256) pairs), an entry whose file is not there is
    not attached.
    """
    refs = getattr(doc, "materials", None) or []
    present = {k: [r.filename for r in v] for k, v in attached(refs, stored).items()}
    absent = {k: [r.filename for r in v] for k, v in missing_files(refs, stored).items()}
    out = []
    for m in scheme.materials_for(doc.kind, doc):
        citation = Citation(m.document or scheme.document, m.article)
        files = present.get(m.id)
        if m.generated:
            outcome, message, missing = Outcome.MET, f"{m.label}：由本文档生成", False
        elif files:
            outcome, message, missing = Outcome.MET, f"已附：{m.label}（{'、'.join(files)}）", False
        elif m.id in absent:
            lost = "、".join(absent[m.id])
            outcome, missing = Outcome.NOT_MET, True
            message = f"未附：{m.label}（登记的文件“{lost}”不在本机资料库中，请重新添加）"
        else:
            outcome, message, missing = Outcome.NOT_MET, f"未附：{m.label}", True
        out.append(
            Finding(
                rule_id=f"material:{m.id}",
                title=m.label,
                outcome=outcome,
                message=message,
                citation=citation,
                path="materials",
                found=f"{len(files)} 个文件" if files else None,
                missing=missing,
                group="materials",
            )
        )
    return out


# ----------------------------------------------------------------------------- consistency


def consistency_findings(doc: Document, scheme: Scheme, scan: _Scan | None = None) -> list[Finding]:
    """Format and cross-field problems (``forms.consistency``), each cited."""
    scan = scan or _scan(doc)
    # Sums and formats are faults against the form itself: cite that form (no seed has a
    # «填报说明»), e.g. 附件2 推荐…汇总表 for the summary table, 附件2 申请报告 for the report.
    general = _form_citation(doc, scheme)
    out = []
    problems = scan.problems + cross_field_problems(doc)
    for i, problem in enumerate(problems):
        spec = _spec_of(type(doc), _INDEX.sub("[]", problem.path))
        citation = USCC_CITATION if spec is not None and spec.format == "uscc" else general
        out.append(
            Finding(
                rule_id=f"consistency:{i}:{problem.path}",
                title=spec.label if spec is not None else "填报规范",
                outcome=Outcome.NOT_MET,
                message=problem.message,
                citation=citation,
                path=problem.path,
                group="consistency",
            )
        )
    return out


# ----------------------------------------------------------------------------- summaries


def summarise(findings: Iterable[Finding]) -> dict[Outcome, int]:
    """How many findings of each outcome (every outcome present, zero included)."""
    counts = dict.fromkeys(Outcome, 0)
    for f in findings:
        counts[f.outcome] += 1
    return counts


def finding_to_dict(f: Finding) -> dict[str, Any]:
    return {
        "rule_id": f.rule_id,
        "title": f.title,
        "outcome": f.outcome.value,
        "outcome_label": f.outcome.label,
        "message": f.message,
        "citation": {
            "document": f.citation.document,
            "article": f.citation.article,
            "text": str(f.citation),
        },
        "path": f.path,
        "found": f.found,
        "threshold": f.threshold,
        "missing": f.missing,
        "group": f.group,
        "stage": f.stage,
        "other_path": f.other_path,
    }


def findings_to_json(findings: Iterable[Finding]) -> list[dict[str, Any]]:
    """Plain dicts for ``--json`` output (``json.dumps(..., ensure_ascii=False)``)."""
    return [finding_to_dict(f) for f in findings]
