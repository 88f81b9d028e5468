"""Working days: weekends, public holidays and adjusted working days from a data file.

The built-in file is ``resources/calendar/cn-working-days.toml``; a newer ``version`` of it in
the user's calendar folder (``calendar/`` beside the schemes folder, or ``SMEDESK_CALENDAR_DIR``)
replaces it, as newer scheme files replace built-in schemes. Years the file does not cover
are counted as plain weeks (Monday–Friday) and reported as uncovered.
"""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from smedesk.errors import UserError
from smedesk.resources import resource_path

ENV_DIR = "SMEDESK_CALENDAR_DIR"
FILENAME = "cn-working-days.toml"


class CalendarError(UserError):
    """The calendar file cannot be read; the message says which file and why."""


@dataclass(frozen=True)
class WorkCalendar:
    """Which days are working days."""

    holidays: frozenset[dt.date] = frozenset()
    workdays: frozenset[dt.date] = frozenset()
    covered: frozenset[int] = frozenset()
    provisional: frozenset[int] = frozenset()
    sources: dict[int, str] = field(default_factory=dict)
    version: str = ""

    def is_working_day(self, day: dt.date) -> bool:
        if day in self.workdays:
            return True
        return day.weekday() < 5 and day not in self.holidays

    def add_working_days(self, start: dt.date, count: int) -> dt.date:
        """The last day of a period of ``count`` working days that begins on ``start``.

        ``start`` itself counts when it is a working day (a publicity notice posted on a
        Monday morning runs from that Monday); ``count`` ≥ 1.
        """
        if count < 1:
            raise ValueError("count must be at least 1")
        day, seen = start, 0
        while True:
            if self.is_working_day(day):
                seen += 1
                if seen == count:
                    return day
            day += dt.timedelta(days=1)

    def note_for(self, *days: dt.date) -> str | None:
        """A Chinese caveat when a computed date depends on a year not (fully) in the file."""
        years = sorted({d.year for d in days})
        missing = [y for y in years if y not in self.covered]
        unsure = [y for y in years if y in self.provisional]
        if missing:
            return f"工作日日历未包含 {'、'.join(map(str, missing))} 年，按周一至周五计算，请核对。"
        if unsure:
            return f"{'、'.join(map(str, unsure))} 年的放假调休安排尚未发布，日期为暂估。"
        return None


def parse(text: str, name: str) -> WorkCalendar:
    try:
        raw = tomllib.loads(text)
        holidays: set[dt.date] = set()
        workdays: set[dt.date] = set()
        covered: set[int] = set()
        provisional: set[int] = set()
        sources: dict[int, str] = {}
        for key, year in raw.get("years", {}).items():
            number = int(key)
            covered.add(number)
            if year.get("provisional", False):
                provisional.add(number)
            sources[number] = str(year.get("source", ""))
            holidays.update(dt.date.fromisoformat(d) for d in year.get("holidays", []))
            workdays.update(dt.date.fromisoformat(d) for d in year.get("workdays", []))
        version = str(raw.get("version", ""))
    except (tomllib.TOMLDecodeError, ValueError, TypeError, AttributeError) as exc:
        raise CalendarError(f"工作日日历文件「{name}」格式不正确：{exc}") from exc
    return WorkCalendar(
        frozenset(holidays), frozenset(workdays), frozenset(covered), frozenset(provisional),
        sources, version,
    )  # fmt: skip


def user_calendar_dir() -> Path:
    override = os.environ.get(ENV_DIR)
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir("smedesk", appauthor=False)) / "calendar"


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(p) for p in version.split(".") if p.isdigit())


def load_calendar() -> WorkCalendar:
    """The newest of the built-in calendar and the user's copy (a broken copy is ignored)."""
    builtin = resource_path("calendar", FILENAME)
    best = parse(builtin.read_text(encoding="utf-8"), str(builtin))
    user = user_calendar_dir() / FILENAME
    if user.is_file():
        try:
            mine = parse(user.read_text(encoding="utf-8"), str(user))
        except (CalendarError, OSError, UnicodeDecodeError):
            return best
        if _version_key(mine.version) >= _version_key(best.version):
            return mine
    return best
