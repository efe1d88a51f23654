from datetime import date

import pytest

from advisory.deadlines import (
    add_working_days,
    is_working_day,
    response_due_date,
    resume_due_date,
    working_days_between,
)


def test_due_date_skips_the_weekend():
    friday = date(2026, 11, 20)
    assert add_working_days(friday, 3) == date(2026, 11, 25)


def test_due_date_skips_easter_holidays():
    # Skærtorsdag 2/4, langfredag 3/4 and 2. påskedag 6/4 2026 are not working days.
    wednesday_before_easter = date(2026, 4, 1)
    assert add_working_days(wednesday_before_easter, 3) == date(2026, 4, 9)


@pytest.mark.parametrize(
    "day", [date(2026, 12, 25), date(2025, 12, 26), date(2026, 5, 14), date(2026, 1, 1)]
)
def test_danish_public_holidays_are_not_working_days(day):
    assert day.weekday() < 5  # a weekend day would prove nothing
    assert not is_working_day(day)


def test_by_default_an_answer_is_due_three_working_days_later():
    assert response_due_date(date(2026, 11, 23)) == date(2026, 11, 26)


def test_response_time_is_configurable(settings):
    settings.CASE_RESPONSE_WORKING_DAYS = 5
    assert response_due_date(date(2026, 11, 23)) == date(2026, 11, 30)


def test_working_days_between_counts_after_start_up_to_end():
    assert working_days_between(date(2026, 11, 20), date(2026, 11, 24)) == 2
    assert working_days_between(date(2026, 11, 24), date(2026, 11, 24)) == 0


def test_paused_working_days_move_the_due_date_on():
    # Waiting from Tuesday to the following Monday: Wed, Thu, Fri, Mon stood still.
    assert resume_due_date(
        date(2026, 11, 26), paused_from=date(2026, 11, 24), resumed_on=date(2026, 11, 30)
    ) == date(2026, 12, 2)
