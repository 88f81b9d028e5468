"""The dates that follow from the rules: a round's upcoming deadlines, soonest first.

Periods come from the scheme's facts (``publicity_working_days``, ``creation_period_years``,
``extension_years``, ``review_interval_years``, ``change_report_months``, the yearly summary
dates), never from numbers typed here; working days from the calendar file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from smedesk.rounds.calendar import WorkCalendar
from smedesk.rounds.model import Entry, Round
from smedesk.rounds.procedure import State
from smedesk.schemes.model import Scheme


@dataclass(frozen=True)
class Deadline:
    due: dt.date
    what: str  # Chinese, names the application where there is one
    citation: str
    doc_id: str | None = None
    note: str | None = None  # calendar caveat (year not covered, provisional)


def _fact(scheme: Scheme, name: str) -> object | None:
    fact = scheme.facts.get(name)
    return fact.value if fact is not None else None


def _cite(scheme: Scheme, name: str) -> str:
    fact = scheme.facts.get(name)
    if fact is None:
        return ""
    return f"《{fact.document or scheme.document}》{fact.article}"


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    for last in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _yearly(text: str, today: dt.date) -> dt.date | None:
    """「每年2月底前」/「每年3月底前」 → the next such date on or after ``today``."""
    for month in range(1, 13):
        if f"每年{month}月底" in text:
            for year in (today.year, today.year + 1):
                end = add_months(dt.date(year, month, 1), 1) - dt.timedelta(days=1)
                if end >= today:
                    return end
    return None


def upcoming(
    round_: Round, entries: list[Entry], scheme: Scheme, calendar: WorkCalendar, today: dt.date
) -> list[Deadline]:
    """Every date still ahead (or overdue by under 30 days), soonest first."""
    out: list[Deadline] = []
    deadline = round_.deadline
    fact_deadline = _fact(scheme, "deadline")
    if deadline is None and isinstance(fact_deadline, str):
        deadline = dt.date.fromisoformat(fact_deadline)
    if deadline is not None:
        cite = (
            _cite(scheme, "deadline") if round_.deadline is None else "《本轮推荐通知》（本轮设定）"
        )
        out.append(Deadline(deadline, "推荐材料报送截止", cite))
    publicity = _fact(scheme, "publicity_working_days")
    creation = _fact(scheme, "creation_period_years")
    extension = _fact(scheme, "extension_years")
    review = _fact(scheme, "review_interval_years")
    for entry in entries:
        name = entry.organisation or entry.title
        since = entry.state_since
        if entry.state is State.CREATION_OBJECT and isinstance(publicity, int):
            end = calendar.add_working_days(since, publicity)
            out.append(Deadline(end, f"{name}：拟创建对象公示期满（{publicity} 个工作日）",
                                _cite(scheme, "publicity_working_days"), entry.doc_id,
                                calendar.note_for(since, end)))  # fmt: skip
        if entry.state is State.CREATION_OBJECT and isinstance(creation, int):
            out.append(Deadline(add_years(since, creation), f"{name}：创建期满，评估验收",
                                _cite(scheme, "creation_period_years"), entry.doc_id))  # fmt: skip
        if entry.state is State.EXTENDED and isinstance(extension, int):
            out.append(Deadline(add_years(since, extension), f"{name}：延长的创建期满，再次验收",
                                _cite(scheme, "extension_years"), entry.doc_id))  # fmt: skip
        if entry.state is State.RECOGNISED and isinstance(review, int):
            out.append(Deadline(add_years(since, review), f"{name}：运行和服务情况复核",
                                _cite(scheme, "review_interval_years"), entry.doc_id))  # fmt: skip
    recognised = [e for e in entries if e.state is State.RECOGNISED]
    for fact in ("annual_summary_due", "provincial_report_due"):
        text = _fact(scheme, fact)
        if recognised and isinstance(text, str):
            due = _yearly(text, today)
            if due is not None:
                label = scheme.facts[fact].label
                out.append(Deadline(due, label, _cite(scheme, fact)))
    months = _fact(scheme, "change_report_months")
    if isinstance(months, int) and recognised:
        out.append(Deadline(add_months(today, months),
                            f"自今日起发生更名、合并、重组的，须于此日前报告（{months} 个月）",
                            _cite(scheme, "change_report_months")))  # fmt: skip
    horizon = today - dt.timedelta(days=30)
    return sorted((d for d in out if d.due >= horizon), key=lambda d: (d.due, d.what))
