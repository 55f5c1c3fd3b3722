"""Article 14 cost sharing: a total shared in proportion to UN scale rates, to the cent.

Shares are proportional to the sharing entities' rates rescaled to sum to 100 per cent.
Every amount is a `Decimal` in US dollars with two places; the cents left over after
rounding every exact share down are handed out one by one by largest remainder, so the
shares always sum exactly to the total. Ties between equal remainders go to the key that
sorts first (an ISO 3166 code, in practice), so the same input gives the same shares.

Arithmetic is exact: rates and the total are turned into integers (rates scaled by a
power of ten, the total into cents) and divided with integer floor and remainder.
"""

from collections.abc import Hashable, Mapping
from decimal import Decimal, InvalidOperation
from typing import TypeVar

from plenary.rules.errors import RuleError, _

K = TypeVar("K", bound=Hashable)

CENT = Decimal("0.01")

NOT_A_NUMBER = _("must be a number")
NEGATIVE_TOTAL = _("must not be negative")
TOTAL_PAST_CENTS = _("must be given to the cent (at most two decimal places)")
NO_SHARERS = _("no State shares the cost")
NEGATIVE_RATE = _("a rate must not be negative")
ZERO_RATES = _("the sharing rates sum to zero")
# More digits than exact arithmetic to the cent holds (e.g. 1e100).
TOO_LARGE = _("is too large to be computed to the cent")


def to_amount(value: object, *, field: str = "amount") -> Decimal:
    """`value` as a non-negative Decimal amount in dollars with two places, or RuleError."""
    if isinstance(value, float):
        # A float has already lost the cents it was typed with; go through its repr.
        value = repr(value)
    try:
        amount = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise RuleError(field, NOT_A_NUMBER) from None
    if not amount.is_finite():
        raise RuleError(field, NOT_A_NUMBER)
    if amount < 0:
        raise RuleError(field, NEGATIVE_TOTAL)
    try:
        cents = amount.quantize(CENT)
    except InvalidOperation:
        raise RuleError(field, TOO_LARGE) from None
    if amount != cents:
        raise RuleError(field, TOTAL_PAST_CENTS)
    return cents


def _scale_of(values) -> int:
    """The power of ten that turns every Decimal in `values` into an integer."""
    return max((max(0, -value.as_tuple().exponent) for value in values), default=0)


def apportion(
    *,
    total: Decimal,
    rates: Mapping[K, Decimal],
    key=None,
) -> dict[K, Decimal]:
    """Share `total` among the keys of `rates` in proportion to their rates.

    Returns every key with its share in dollars (two places); the shares sum to `total`
    exactly, and each differs from rate / sum(rates) * total by less than one cent.
    `key` orders ties between equal remainders (default: the keys themselves).
    """
    total = to_amount(total, field="total")
    if not rates:
        raise RuleError("rates", NO_SHARERS)
    if any(rate < 0 for rate in rates.values()):
        raise RuleError("rates", NEGATIVE_RATE)
    power = _scale_of(rates.values())
    weights = {entity: int(rate.scaleb(power)) for entity, rate in rates.items()}
    denominator = sum(weights.values())
    if denominator == 0:
        raise RuleError("rates", ZERO_RATES)
    cents = int(total.scaleb(2))
    floors: dict[K, int] = {}
    remainders: dict[K, int] = {}
    for entity, weight in weights.items():
        floors[entity], remainders[entity] = divmod(cents * weight, denominator)
    left_over = cents - sum(floors.values())
    order = key or (lambda entity: entity)
    by_remainder = sorted(weights, key=lambda entity: (-remainders[entity], order(entity)))
    for entity in by_remainder[:left_over]:
        floors[entity] += 1
    return {entity: Decimal(floors[entity]).scaleb(-2) for entity in rates}


def rescaled(*, rates: Mapping[K, Decimal], places: int = 6) -> dict[K, Decimal]:
    """Each rate as a percentage of the sum of `rates`, rounded to `places` decimals."""
    if not rates:
        raise RuleError("rates", NO_SHARERS)
    denominator = sum(rates.values())
    if denominator == 0:
        raise RuleError("rates", ZERO_RATES)
    quantum = Decimal(1).scaleb(-places)
    return {entity: (rate * 100 / denominator).quantize(quantum) for entity, rate in rates.items()}
