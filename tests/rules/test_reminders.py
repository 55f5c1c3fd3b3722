"""Reminder offsets are whole days; which reminder is due when; deadlines as values."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plenary.rules import reminders
from plenary.rules.errors import RuleError
from plenary.rules.reminders import Bound, Deadline

GENEVA = ZoneInfo("Europe/Zurich")


def _deadline(day=date(2021, 4, 30)) -> Deadline:
    return Deadline.by_end_of(
        key="k", kind="article7_annual", day=day, time_zone="Europe/Zurich",
        subject="s", bound=Bound.state("PER"), convention="CCM",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("value", "expected"),
    [(30, 30), ("7", 7), (" 1 ", 1), (timedelta(days=14), 14)],
)
def test_check_offset_whole_days(value, expected):
    assert reminders.check_offset(value) == expected


@pytest.mark.parametrize("value", ["1.5", "7.0", "12h", "", "one", timedelta(hours=36), True])
def test_check_offset_not_whole_days_is_refused(value):
    with pytest.raises(RuleError) as error:
        reminders.check_offset(value)
    shown = str(value) if isinstance(value, timedelta) else value
    assert error.value.field == "offsets"
    assert error.value.message == reminders.OFFSET_NOT_WHOLE_DAYS.format(value=shown)


@pytest.mark.parametrize("value", [0, "-3", timedelta(0)])
def test_check_offset_below_one_day_is_refused(value):
    with pytest.raises(RuleError) as error:
        reminders.check_offset(value)
    assert error.value.message == reminders.OFFSET_NEGATIVE.format(value=value)


def test_parse_offsets_sorted_without_repeats():
    assert reminders.parse_offsets("1,30,7,7") == (30, 7, 1)


def test_parse_offsets_empty_is_refused():
    with pytest.raises(RuleError) as error:
        reminders.parse_offsets(" , ")
    assert error.value.message == reminders.NO_OFFSETS


def test_deadline_by_end_of_day_ends_at_last_second_in_its_zone():
    assert _deadline().ends_at == datetime(2021, 4, 30, 23, 59, 59, tzinfo=GENEVA)


def test_reminder_due_latest_window_only():
    deadline = _deadline()
    offsets = (30, 7, 1)
    assert (
        reminders.reminder_due(deadline, offsets, datetime(2021, 3, 30, 23, 59, tzinfo=GENEVA))
        is None
    )
    assert (
        reminders.reminder_due(deadline, offsets, datetime(2021, 3, 31, 0, 0, tzinfo=GENEVA)) == 30
    )
    assert reminders.reminder_due(deadline, offsets, datetime(2021, 4, 25, 12, tzinfo=GENEVA)) == 7
    assert (
        reminders.reminder_due(deadline, offsets, datetime(2021, 4, 30, 23, 59, 59, tzinfo=GENEVA))
        == 1
    )
    assert (
        reminders.reminder_due(deadline, offsets, datetime(2021, 5, 1, 0, 0, tzinfo=GENEVA)) is None
    )


def test_missed_notice_due_within_the_window_only():
    deadline = _deadline()
    assert not reminders.missed_notice_due(deadline, deadline.ends_at, within_days=7)
    assert reminders.missed_notice_due(
        deadline, deadline.ends_at + timedelta(seconds=1), within_days=7
    )
    assert not reminders.missed_notice_due(
        deadline, deadline.ends_at + timedelta(days=8), within_days=7
    )


def test_bound_binds_state():
    assert Bound.state("PER").binds_state("PER")
    assert not Bound.state("PER").binds_state("CHL")
    assert Bound.states_parties().binds_state("CHL")
    assert Bound.for_role("delegation").binds_state("CHL")
    assert not Bound.secretariat().binds_state("CHL")


@given(
    day=st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)),
    minutes=st.integers(min_value=0, max_value=60 * 24 * 40),
)
def test_reminder_due_is_an_offset_whose_window_opened_before_the_deadline(day, minutes):
    deadline = _deadline(day)
    now = datetime.combine(day - timedelta(days=35), datetime.min.time(), tzinfo=GENEVA)
    now += timedelta(minutes=minutes)
    due = reminders.reminder_due(deadline, (30, 7, 1), now)
    if due is not None:
        assert reminders.reminder_opens(deadline, due) <= now <= deadline.ends_at
        assert all(
            reminders.reminder_opens(deadline, other) > now for other in (30, 7, 1) if other < due
        )
