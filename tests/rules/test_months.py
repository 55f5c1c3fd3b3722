from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from plenary.rules.months import (
    add_months,
    add_years,
    first_day_of_nth_month_after,
    months_between,
)

dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))
firsts = dates.map(lambda d: d.replace(day=1))
month_counts = st.integers(min_value=0, max_value=240)


def test_add_months_first_of_month_keeps_day():
    assert add_months(date(2021, 3, 1), 37) == date(2024, 4, 1)


def test_add_months_month_end_clamps():
    assert add_months(date(2021, 1, 31), 1) == date(2021, 2, 28)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)


def test_add_months_negative_goes_back():
    assert add_months(date(2021, 3, 1), -2) == date(2021, 1, 1)


def test_add_years_leap_day_clamps():
    assert add_years(date(2024, 2, 29), 1) == date(2025, 2, 28)
    assert add_years(date(2024, 2, 29), 4) == date(2028, 2, 29)


def test_add_years_plain_date_keeps_month_and_day():
    assert add_years(date(2013, 3, 1), 8) == date(2021, 3, 1)


def test_first_day_of_nth_month_after_mid_month():
    assert first_day_of_nth_month_after(date(2012, 9, 26), 6) == date(2013, 3, 1)


def test_first_day_of_nth_month_after_first_of_month():
    assert first_day_of_nth_month_after(date(2010, 2, 1), 6) == date(2010, 8, 1)


def test_first_day_of_nth_month_after_last_of_month_crosses_year():
    assert first_day_of_nth_month_after(date(2010, 12, 31), 6) == date(2011, 6, 1)


def test_months_between_firsts_exact():
    assert months_between(date(2021, 3, 1), date(2024, 4, 1)) == 37
    assert months_between(date(2021, 5, 1), date(2026, 5, 1)) == 60


def test_months_between_partial_month_dropped():
    assert months_between(date(2021, 3, 1), date(2021, 4, 30)) == 1


def test_months_between_same_date_zero():
    assert months_between(date(2021, 3, 1), date(2021, 3, 1)) == 0


def test_months_between_reversed_negative():
    assert months_between(date(2024, 4, 1), date(2021, 3, 1)) == -37


@given(start=firsts, months=month_counts)
def test_months_between_firsts_inverts_add_months(start, months):
    assert months_between(start, add_months(start, months)) == months


@given(d=dates, n=st.integers(min_value=0, max_value=240))
def test_first_day_of_nth_month_after_any_date_is_first_n_months_on(d, n):
    result = first_day_of_nth_month_after(d, n)
    assert result.day == 1
    assert (result.year * 12 + result.month) - (d.year * 12 + d.month) == n


@given(d=dates, months=month_counts)
def test_add_months_any_date_never_overshoots_day(d, months):
    result = add_months(d, months)
    assert (result.year * 12 + result.month) - (d.year * 12 + d.month) == months
    assert result.day <= d.day
