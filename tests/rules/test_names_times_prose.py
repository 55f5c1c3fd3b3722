from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plenary.rules import names, prose, times
from plenary.rules.errors import RuleError

GENEVA = ZoneInfo("Europe/Zurich")


def test_un_order_ignores_accents_and_case():
    listed = ["Croatia", "Côte d'Ivoire", "Costa Rica", "cuba"]
    assert sorted(listed, key=names.un_alphabetical_key) == [
        "Costa Rica",
        "Côte d'Ivoire",
        "Croatia",
        "cuba",
    ]


def test_name_on_a_date_uses_the_former_name_while_it_was_in_use():
    former = [
        names.FormerName("The former Yugoslav Republic of Macedonia", date(2019, 2, 14), None)
    ]
    assert names.name_on(current="North Macedonia", former=former, on=date(2019, 2, 13)) == (
        "The former Yugoslav Republic of Macedonia"
    )
    assert names.name_on(current="North Macedonia", former=former, on=date(2019, 2, 14)) == (
        "North Macedonia"
    )


def test_an_undated_change_uses_the_latest_sourced_use_and_never_guesses():
    seen = [names.FormerName("Czech Republic", None, date(2020, 12, 10))]
    assert names.name_on(current="Czechia", former=seen, on=date(2020, 11, 25)) == "Czech Republic"
    assert names.name_on(current="Czechia", former=seen, on=date(2021, 1, 1)) == "Czechia"
    unknown = [names.FormerName("Cape Verde", None, None)]
    assert names.name_on(current="Cabo Verde", former=unknown, on=date(2000, 1, 1)) == "Cabo Verde"


def test_end_of_day_is_the_last_second_in_geneva_across_daylight_saving():
    assert times.end_of_day(date(2020, 10, 25), "Europe/Zurich").isoformat() == (
        "2020-10-25T23:59:59+01:00"
    )
    assert times.end_of_day(date(2020, 3, 29), "Europe/Zurich").isoformat() == (
        "2020-03-29T23:59:59+02:00"
    )


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2037, 12, 31)))
def test_a_deadline_counts_its_last_second_and_not_the_next(day):
    deadline = times.end_of_day(day, "Europe/Zurich")
    assert not times.is_past(deadline, deadline)
    assert not times.is_past(deadline, deadline - timedelta(seconds=1))
    assert times.is_past(deadline, deadline + timedelta(seconds=1))
    next_midnight = datetime.combine(day + timedelta(days=1), datetime.min.time(), tzinfo=GENEVA)
    assert times.is_past(deadline, next_midnight)


def test_an_unknown_zone_is_a_rule_error():
    with pytest.raises(RuleError) as excinfo:
        times.zone("Geneva")
    assert (excinfo.value.field, excinfo.value.message) == (
        "time_zone",
        "'Geneva' is not a time zone of the IANA database (e.g. Europe/Zurich)",
    )


@pytest.mark.parametrize(
    ("items", "plain", "serial"),
    [
        ([], "", ""),
        (["A"], "A", "A"),
        (["A", "B"], "A and B", "A and B"),
        (["A", "B", "C"], "A, B and C", "A, B, and C"),
    ],
)
def test_prose_lists(items, plain, serial):
    assert prose.join(items) == plain
    assert prose.join(items, serial_comma=True) == serial
