"""The seed 002 consultation's deadline is on the list of deadlines, for every Delegation."""

from datetime import date

from plenary.reminders.selectors import deadlines_between


def test_seed_002_consultation_deadline_is_listed_on_8_june_2020(ccm):
    listed = [
        d
        for d in deadlines_between(start=date(2020, 6, 8), end=date(2020, 6, 8))
        if d.kind == "consultation"
    ]

    [deadline] = listed
    assert deadline.ends_at.isoformat() == "2020-06-08T23:59:59+02:00"
    assert deadline.bound.label() == "role:delegation"
    assert deadline.subject.startswith("Written contributions to ")


def test_consultation_deadline_outside_the_range_is_not_listed(ccm):
    assert not [
        d
        for d in deadlines_between(start=date(2020, 6, 9), end=date(2020, 12, 31))
        if d.kind == "consultation"
    ]
