"""Dates that matter for a document, computed from its scheme's facts (pure functions).

A scheme states its dates as facts: a round's deadline (``deadline``: an ISO date), the
expiry of titles (keys with ``expire``/``expiry``: an ISO date), recurring dues («每年2月底前»,
«每年3月10日前»), and periods (publicity in working days, the creation period, its
extension, the review cycle, change reports in months, validity in years). ``schedule``
turns those that apply to a document (``Scheme.facts_for``) into dated items for the
editor's deadlines panel; ``date_findings`` checks the dates a document must keep (facts
marked ``fill_date_limit``: a round's deadline, the end of the 2017 regime). Goals due after the creation period and expired recognitions are rules
(``art7-1-goals-period``, ``any_row`` with ``expires``).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from smedesk.schemes.checks import add_years
from smedesk.schemes.findings import Citation, Finding, Outcome
from smedesk.schemes.model import FactSpec, Scheme

State = Literal["passed", "upcoming", "period"]

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH_END = re.compile(r"每年(\d{1,2})月底前")
_MONTH_DAY = re.compile(r"每年(\d{1,2})月(\d{1,2})日前")


@dataclass(frozen=True)
class DateItem:
    """One line of the deadlines panel."""

    key: str
    label: str
    when: (
        str  # what the panel prints: «2019-07-15», «15 个工作日», «每年2月底前（下次 2027-02-28）»
    )
    date: dt.date | None
    state: State
    citation: Citation


def _citation(fact: FactSpec, scheme: Scheme) -> Citation:
    return Citation(fact.document or scheme.document, fact.article or "")


def _iso(value: object) -> dt.date | None:
    if isinstance(value, str) and _ISO.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def next_due(text: str, today: dt.date) -> dt.date | None:
    """The next date (today or later) of a yearly due written «每年2月底前» or «每年3月10日前»."""
    for year in (today.year, today.year + 1):
        m = _MONTH_END.search(text)
        if m:
            month = int(m.group(1))
            day = dt.date(year, month, calendar.monthrange(year, month)[1])
        else:
            m = _MONTH_DAY.search(text)
            if not m:
                return None
            day = dt.date(year, int(m.group(1)), int(m.group(2)))
        if day >= today:
            return day
    return None


def _fill_date(doc: object) -> dt.date | None:
    value = getattr(doc, "fill_date", None)
    return value if isinstance(value, dt.date) else None


def _state(day: dt.date, today: dt.date) -> State:
    return "passed" if day < today else "upcoming"


def schedule(doc: object, scheme: Scheme, today: dt.date) -> list[DateItem]:
    """Every dated fact of the scheme that applies to ``doc``: dates by date, then periods."""
    facts = scheme.facts_for(doc)
    filled = _fill_date(doc)
    out: list[DateItem] = []
    for key, fact in facts.items():
        cite = _citation(fact, scheme)
        day = _iso(fact.value)
        if day is not None:
            out.append(DateItem(key, fact.label, day.isoformat(), day, _state(day, today), cite))
            continue
        if isinstance(fact.value, str) and (due := next_due(fact.value, today)) is not None:
            when = f"{fact.value}（下次 {due.isoformat()}）"
            out.append(DateItem(key, fact.label, when, due, "upcoming", cite))
            continue
        if isinstance(fact.value, bool) or not isinstance(fact.value, int | float):
            continue
        if fact.unit not in ("年", "个月", "个工作日", "次"):
            continue  # sealed copies and the like are not dates
        when = f"{fact.value:g} {fact.unit}"
        day = None
        if key == "creation_period_years" and filled is not None:
            # the period runs from the decision, after this application: at the earliest
            day = add_years(filled, int(fact.value))
            when += f"（自确定为创建对象起；按填报日期估算，最早至 {day.isoformat()}）"
        if key == "extension_years" and filled is not None and "creation_period_years" in facts:
            years = int(facts["creation_period_years"].value) + int(fact.value)
            day = add_years(filled, years)
            when += f"（初次验收未通过；按填报日期估算，最早至 {day.isoformat()}）"
        out.append(DateItem(key, fact.label, when, day, "period", cite))
    # dates first, soonest first (a passed deadline heads the list), then the periods
    return sorted(out, key=lambda i: (i.state == "period", i.date or dt.date.max))


def date_findings(doc: object, scheme: Scheme, today: dt.date | None = None) -> list[Finding]:
    """The dates ``doc`` must keep (facts with ``fill_date_limit``), each met or not met.

    A round's deadline (Guangdong's 28 June for a Guangdong document, the call's 15 July
    otherwise) and the end of a repealed regime (2017 titles lapse on 2025-12-31).
    """
    filled = _fill_date(doc)
    if filled is None:
        return []
    out: list[Finding] = []
    for key, fact in scheme.facts_for(doc).items():
        limit = _iso(fact.value)
        if not fact.fill_date_limit or limit is None:
            continue
        late = filled > limit
        out.append(
            Finding(
                rule_id=f"date:{key}",
                title=fact.label,
                outcome=Outcome.NOT_MET if late else Outcome.MET,
                message=(
                    f"填报日期 {filled.isoformat()} 晚于{fact.label} {limit.isoformat()}"
                    if late
                    else f"填报日期 {filled.isoformat()} 不晚于{fact.label} {limit.isoformat()}"
                ),
                citation=_citation(fact, scheme),
                path="fill_date",
                found=filled.isoformat(),
                threshold=f"≤ {limit.isoformat()}",
                group="dates",
            )
        )
    return out
