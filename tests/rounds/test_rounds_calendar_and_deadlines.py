"""Working days from the calendar file; the deadlines that follow from the scheme's facts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from smedesk.forms.enums import AuthorityType
from smedesk.rounds.calendar import CalendarError, load_calendar, parse
from smedesk.rounds.deadlines import add_months, upcoming
from smedesk.rounds.model import Entry, Round
from smedesk.rounds.procedure import State
from smedesk.schemes import load_scheme

D = dt.date


def test_national_day_week_and_adjusted_saturday_2025() -> None:
    calendar = load_calendar()
    assert not calendar.is_working_day(D(2025, 10, 8))  # holiday on a Wednesday
    assert calendar.is_working_day(D(2025, 9, 28))  # a Sunday worked (调休)
    assert calendar.is_working_day(D(2025, 10, 11))  # a Saturday worked
    # 5 working days from Friday 2025-09-26: 26, 28 (Sun, worked), 29, 30, then 9 Oct.
    assert calendar.add_working_days(D(2025, 9, 26), 5) == D(2025, 10, 9)


# The 2026 notice (国务院办公厅, 2025-11-04), item by item: (first day off, last day off,
# the weekend days worked). Transcribed from the published text, not from the data file.
NOTICE_2026 = [
    (D(2026, 1, 1), D(2026, 1, 3), [D(2026, 1, 4)]),  # 元旦
    (D(2026, 2, 15), D(2026, 2, 23), [D(2026, 2, 14), D(2026, 2, 28)]),  # 春节
    (D(2026, 4, 4), D(2026, 4, 6), []),  # 清明节
    (D(2026, 5, 1), D(2026, 5, 5), [D(2026, 5, 9)]),  # 劳动节
    (D(2026, 6, 19), D(2026, 6, 21), []),  # 端午节
    (D(2026, 9, 25), D(2026, 9, 27), []),  # 中秋节
    (D(2026, 10, 1), D(2026, 10, 7), [D(2026, 9, 20), D(2026, 10, 10)]),  # 国庆节
]


def test_2026_follows_the_state_councils_notice_day_by_day() -> None:
    calendar = load_calendar()
    off = {first + dt.timedelta(days=i) for first, last, _ in NOTICE_2026
           for i in range((last - first).days + 1)}  # fmt: skip
    worked = {day for _, _, days in NOTICE_2026 for day in days}
    day = D(2026, 1, 1)
    while day.year == 2026:
        expected = day in worked or (day.weekday() < 5 and day not in off)
        assert calendar.is_working_day(day) is expected, day
        day += dt.timedelta(days=1)
    assert calendar.note_for(D(2026, 3, 2)) is None  # a year the notice covers: no caveat


def test_plain_week_and_caveats_for_uncovered_or_provisional_years() -> None:
    calendar = load_calendar()
    assert calendar.add_working_days(D(2025, 3, 3), 15) == D(2025, 3, 21)
    assert calendar.note_for(D(2025, 3, 3)) is None
    assert "暂估" in (calendar.note_for(D(2027, 3, 1)) or "")
    assert "未包含" in (calendar.note_for(D(2031, 3, 1)) or "")


def test_a_newer_user_calendar_replaces_the_builtin(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setenv("SMEDESK_CALENDAR_DIR", str(tmp_path))
    (tmp_path / "cn-working-days.toml").write_text(
        'version = "2099.1"\n[years.2030]\nholidays = ["2030-01-01"]\nworkdays = []\n',
        encoding="utf-8",
    )
    calendar = load_calendar()
    assert calendar.version == "2099.1" and 2030 in calendar.covered
    (tmp_path / "cn-working-days.toml").write_text("version = [", encoding="utf-8")
    assert load_calendar().version != "2099.1"  # a broken copy is ignored
    with pytest.raises(CalendarError, match="格式不正确"):
        parse('[years.2030]\nholidays = ["2030-13-01"]\n', "x.toml")


def test_month_arithmetic_clamps_to_the_month_end() -> None:
    assert add_months(D(2025, 11, 30), 3) == D(2026, 2, 28)


def entry(state: State, since: dt.date, name: str = "甲平台") -> Entry:
    return Entry("r", name, "creation-application", name, name, None, state, since)


def test_creation_round_deadlines_come_from_the_scheme() -> None:
    scheme = load_scheme("miit-creation")
    round_ = Round("r", "miit-creation", 2026, "辽宁省工业和信息化厅", AuthorityType.PROVINCE,
                   D(2026, 12, 20))  # fmt: skip
    found = upcoming(round_, [entry(State.CREATION_OBJECT, D(2026, 9, 24)),
                              entry(State.RECOGNISED, D(2025, 12, 1), "乙平台")],
                     scheme, load_calendar(), today=D(2026, 9, 24))  # fmt: skip
    texts = {d.what: d for d in found}
    publicity = texts["甲平台：拟创建对象公示期满（5 个工作日）"]
    # Thursday 24 Sept 2026: 24, 28 (the 25th–27th are the Mid-Autumn holiday), 29, 30,
    # then 1–7 Oct are National Day: 8 Oct is the fifth working day.
    assert publicity.due == D(2026, 10, 8)
    assert texts["甲平台：创建期满，评估验收"].due == D(2028, 9, 24)
    assert texts["乙平台：运行和服务情况复核"].due == D(2027, 12, 1)
    assert texts["推荐材料报送截止"].due == D(2026, 12, 20)
    assert [d.due for d in found] == sorted(d.due for d in found)
    assert all("《" in d.citation for d in found)
