"""Response deadlines counted in Danish working days (weekends and public holidays excluded)."""

from datetime import date, timedelta
from functools import cache

import holidays

from django.conf import settings


@cache
def _danish_holidays(year: int) -> holidays.HolidayBase:
    return holidays.Denmark(years=year)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _danish_holidays(day.year)


def add_working_days(start: date, days: int) -> date:
    """The date ``days`` working days after ``start`` (``start`` itself never counts)."""
    current = start
    remaining = days
    while remaining > 0:
        current += timedelta(days=1)
        if is_working_day(current):
            remaining -= 1
    return current


def working_days_between(start: date, end: date) -> int:
    """Working days after ``start`` up to and including ``end``; 0 when ``end`` is not later."""
    return sum(
        1
        for offset in range(1, (end - start).days + 1)
        if is_working_day(start + timedelta(offset))
    )


def response_due_date(opened: date) -> date:
    """The due date of a question received on ``opened``."""
    return add_working_days(opened, settings.CASE_RESPONSE_WORKING_DAYS)


def resume_due_date(due: date, paused_from: date, resumed_on: date) -> date:
    """Move ``due`` on by the working days the clock stood still."""
    return add_working_days(due, working_days_between(paused_from, resumed_on))
