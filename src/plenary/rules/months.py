"""Calendar-month arithmetic for treaty deadlines."""

from datetime import date

from dateutil.relativedelta import relativedelta


def add_months(d: date, months: int) -> date:
    """Return `d` moved by `months` calendar months, clamped to the end of the month.

    add_months(date(2021, 1, 31), 1) is 28 February 2021.
    """
    return d + relativedelta(months=months)


def add_years(d: date, years: int) -> date:
    """Return `d` moved by `years` calendar years; 29 February becomes 28 February."""
    return d + relativedelta(years=years)


def first_day_of_nth_month_after(d: date, n: int) -> date:
    """Return the first day of the `n`th month after the month of `d`.

    first_day_of_nth_month_after(date(2012, 9, 26), 6) is 1 March 2013.
    """
    return d.replace(day=1) + relativedelta(months=n)


def months_between(start: date, end: date) -> int:
    """Return the whole calendar months from `start` to `end`, dropping any remainder.

    Exact when both dates are the first of a month. Computed with relativedelta, so a
    partial month counts as zero, and the result is negative when `end` precedes `start`.
    """
    delta = relativedelta(end, start)
    return delta.years * 12 + delta.months
