"""Narratives against figures: what the prose says of a figure the form also holds.

An expert reads «年服务中小企业2000余家» in section (四) and compares it with the 申请表;
this does the same for the few statements the regulations' figures are made of — SMEs
served a year (and the year-by-year series), gathered institutions, satisfaction, staff,
the public-interest share, training person-times, resident SMEs of a base. A statement
that the form's own figure contradicts becomes a note (outcome ``NOTE``, group
``narrative``) pointing at both places: the narrative (``path``) and the field
(``other_path``).

What counts as a contradiction follows the wording: «2000余家» is 2000 to 3000 (exclusive),
«约/近/左右» allows 10% (5 points for a share), «以上» is a floor, a bare figure allows
rounding (1%, or 1 point for a share). Sentences about the future (力争, 将, 计划, 目标…)
and cumulative totals (累计) state no current figure and are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from smedesk.forms.walk import PathError, resolve, spec_at
from smedesk.schemes import fmt
from smedesk.schemes.findings import Citation, Finding, Outcome

_NUM = r"(\d+(?:\.\d+)?)\s*(万)?"
_CN = "零一二三四五六七八九十"
_SHARE = rf"(?:{_NUM}\s*%|([{_CN}])成)"
_QUAL_BEFORE = r"(约|近|大约|超过|逾)?\s*"
_QUAL_AFTER = r"\s*(余|多)?"
_FUTURE = ("力争", "将", "计划", "预计", "目标", "拟", "争取", "期满", "确保", "下一步")
_SENTENCE = re.compile(r"[^。；！？\n]+")


@dataclass(frozen=True)
class _Claim:
    """One kind of statement: its pattern and the figure it must agree with."""

    name: str
    pattern: re.Pattern[str]
    #: document kind → the path of the figure the statement is about
    figures: dict[str, str]
    share: bool = False


def _claim(name: str, body: str, figures: dict[str, str], *, share: bool = False) -> _Claim:
    return _Claim(name, re.compile(body), figures, share)


CLAIMS: tuple[_Claim, ...] = (
    _claim(
        "smes-served",
        rf"(?:年|每年|全年|年均)服务(?:中小)?企业(?:数量)?(?:达)?\s*{_QUAL_BEFORE}{_NUM}{_QUAL_AFTER}\s*(?:家|户)(以上)?",
        {
            "application-report": "form.latest_smes_served",
            "creation-application": "platform.smes_served_per_year",
        },
    ),
    _claim(
        "institutions",
        rf"(?:集聚|汇聚|签约)(?:服务)?机构\s*{_QUAL_BEFORE}{_NUM}{_QUAL_AFTER}\s*家(以上)?",
        {
            "application-report": "form.capability.signed_partner_count",
            "creation-application": "platform.gathered_institutions",
        },
    ),
    _claim(
        "satisfaction",
        rf"满意(?:度|率)[^，。；\d{_CN}]{{0,8}}?{_QUAL_BEFORE}{_SHARE}\s*(以上|左右)?",
        {
            "application-report": "served_satisfaction_percent",
            "creation-application": "platform.satisfaction_percent",
        },
        share=True,
    ),
    _claim(
        "employees",
        rf"(?:从业人员|从业人数|员工)(?:共|有|总数)?\s*{_QUAL_BEFORE}{_NUM}{_QUAL_AFTER}\s*(?:人|名)(以上)?",
        {"application-report": "form.basic.employees"},
    ),
    _claim(
        "public-interest",
        rf"公益性(?:或低收费)?服务(?:占总服务量的?|占比)\s*{_QUAL_BEFORE}{_SHARE}\s*(以上|左右)?",
        {"application-report": "form.capability.public_interest_percent"},
        share=True,
    ),
    _claim(
        "training",
        rf"年培训\s*{_QUAL_BEFORE}{_NUM}{_QUAL_AFTER}\s*人次(以上)?",
        {"application-report": "functions.training.person_times_per_year"},
    ),
    _claim(
        "resident-smes",
        rf"入驻(?:中小)?企业\s*{_QUAL_BEFORE}{_NUM}{_QUAL_AFTER}\s*家(以上)?",
        {"creation-application": "base.resident_smes"},
    ),
)

#: «近三年服务中小企业分别为 610、650、680 家»: the series of 申请表 二, oldest first
_SERIES = re.compile(
    r"近([二三四五两23-5])年服务(?:中小)?企业(?:数量)?分别为\s*((?:\d+\s*[、,，]\s*)+\d+)\s*(?:家|户)"
)

#: the prose sections compared, by document kind
SECTIONS: dict[str, tuple[str, ...]] = {
    "application-report": tuple(
        f"narratives.{n}"
        for n in ("basics", "region", "operation", "services", "features", "achievements", "plans")
    ),
    "creation-application": tuple(
        f"plan.{n}"
        for n in ("content", "innovation", "demonstration", "path", "expectations", "guarantees")
    ),
}


def _get(doc: object, path: str) -> object:
    try:
        return resolve(doc, path)
    except PathError:
        return None


def _number(digits: str | None, wan: str | None, cn: str | None) -> float | None:
    if cn:
        return 10.0 * _CN.index(cn) if cn in _CN else None
    if not digits:
        return None
    return float(digits) * (10000 if wan else 1)


def _agrees(stated: float, actual: float, qualifier: str, *, share: bool) -> bool:
    if qualifier in ("余", "多", "超过", "逾"):
        step = 10 ** max(len(str(int(stated))) - 1, 0) if stated >= 10 else 1
        return stated <= actual < stated + step * (10 if stated < 100 else 1)
    if qualifier == "以上":
        return actual >= stated - (0.5 if share else 0)
    if qualifier in ("约", "大约", "左右", "近"):
        slack = 5.0 if share else 0.1 * stated
        return abs(actual - stated) <= slack and (qualifier != "近" or actual <= stated + 0.5)
    slack = 1.0 if share else max(0.01 * stated, 0.5)
    return abs(actual - stated) <= slack


def _sentences(text: str) -> Iterator[tuple[int, str]]:
    for m in _SENTENCE.finditer(text):
        yield m.start(), m.group(0)


def _claims_in(text: str) -> Iterator[tuple[_Claim, str, float, str]]:
    """(claim, the words, the stated figure, its qualifier) for each current statement."""
    for _start, sentence in _sentences(text):
        if any(word in sentence for word in _FUTURE):
            continue
        for claim in CLAIMS:
            for m in claim.pattern.finditer(sentence):
                if "累计" in sentence[max(0, m.start() - 6) : m.start()]:
                    continue
                groups = [g for g in m.groups()]
                before = groups[0] or ""
                if claim.share:
                    stated = _number(groups[1], groups[2], groups[3])
                    after = groups[4] or ""
                else:
                    stated = _number(groups[1], groups[2], None)
                    after = groups[3] or groups[4] or ""
                if stated is None:
                    continue
                yield claim, m.group(0), stated, (after or before)


def _figure_text(model: type[BaseModel], path: str, value: float) -> str:
    spec = spec_at(model, path)
    label = spec.label if spec else path
    unit = spec.unit if spec else None
    return f"{label} {fmt.with_unit(value, unit)}"


def _series_findings(
    doc: BaseModel, path: str, text: str, note: Callable[..., Finding]
) -> list[Finding]:
    out = []
    years = sorted(
        (y.year, y.smes_served)
        for y in getattr(getattr(doc, "form", None), "operations", [])
        if y.year is not None and y.smes_served is not None
    )
    for m in _SERIES.finditer(text):
        stated = [float(n) for n in re.split(r"\s*[、,，]\s*", m.group(2).strip())]
        latest = years[-len(stated) :]
        if len(latest) != len(stated):
            continue
        for (year, actual), said in zip(latest, stated, strict=True):
            if not _agrees(said, float(actual), "", share=False):
                index = next(i for i, y in enumerate(doc.form.operations) if y.year == year)  # type: ignore[attr-defined]
                out.append(
                    note(
                        path,
                        m.group(0),
                        f"{year}年服务中小企业户数 {fmt.number(actual)} 户",
                        f"form.operations[{index}].smes_served",
                    )
                )
    return out


def narrative_findings(doc: BaseModel, citation: Citation) -> list[Finding]:
    """A note for each figure of the prose that the form's own figure contradicts."""
    kind = str(getattr(doc, "kind", ""))
    out: list[Finding] = []
    model = type(doc)

    def note(path: str, words: str, figure: str, other: str) -> Finding:
        spec = spec_at(model, path)
        section = spec.label if spec else path
        return Finding(
            rule_id=f"narrative:{path}:{len(out)}",
            title="说明与表格数字不一致",
            outcome=Outcome.NOTE,
            message=f"{section}写“{words}”，而{figure}，请核对两处",
            citation=citation,
            path=path,
            found=words,
            threshold=figure,
            group="narrative",
            other_path=other,
        )

    for path in SECTIONS.get(kind, ()):
        text = _get(doc, path)
        if not isinstance(text, str) or not text.strip():
            continue
        for claim, words, stated, qualifier in _claims_in(text):
            figure_path = claim.figures.get(kind)
            actual = _get(doc, figure_path) if figure_path else None
            if figure_path is None or not isinstance(actual, int | float):
                continue
            if not _agrees(stated, float(actual), qualifier, share=claim.share):
                out.append(note(path, words, _figure_text(model, figure_path, actual), figure_path))
        out += _series_findings(doc, path, text, note)
    return out
