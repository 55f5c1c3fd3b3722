"""Entry into force for a State that joins after the Convention's own entry into force.

Each treaty words it its own way; a convention file chooses one strategy by name and gives
its parameters:

- `first_day_of_nth_month_after_deposit` (n): CCM and APMBC Article 17, "on the first day
  of the sixth month after the date on which that State has deposited its instrument";
- `days_after_deposit` (days): the Arms Trade Treaty, "ninetieth day following the date of
  deposit";
- `months_after_deposit` (months): the CCW, "six months after the date on which that State
  has deposited its instrument".
"""

from collections.abc import Callable, Mapping
from datetime import date, timedelta

from plenary.rules.months import add_months, first_day_of_nth_month_after

Strategy = Callable[..., date]


def first_day_of_nth_month_after_deposit(deposited_on: date, *, n: int) -> date:
    return first_day_of_nth_month_after(deposited_on, n)


def days_after_deposit(deposited_on: date, *, days: int) -> date:
    return deposited_on + timedelta(days=days)


def months_after_deposit(deposited_on: date, *, months: int) -> date:
    return add_months(deposited_on, months)


STRATEGIES: dict[str, tuple[Strategy, tuple[str, ...]]] = {
    "first_day_of_nth_month_after_deposit": (first_day_of_nth_month_after_deposit, ("n",)),
    "days_after_deposit": (days_after_deposit, ("days",)),
    "months_after_deposit": (months_after_deposit, ("months",)),
}


def apply(name: str, parameters: Mapping[str, int], deposited_on: date) -> date:
    """Return the date strategy `name` gives for a deposit on `deposited_on`."""
    function, _ = STRATEGIES[name]
    return function(deposited_on, **parameters)
