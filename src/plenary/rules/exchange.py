"""A payment in an accepted currency not its assessment's: its rate and what it counts for.

Pure: the rate and its date are passed in.
"""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from plenary.rules.errors import RuleError, _

CENT = Decimal("0.01")
RATE_REQUIRED = _(
    "the payment is in {paid}, the assessment in {assessed}: give the exchange rate "
    "({assessed} per {paid})"
)
RATE_DATE_REQUIRED = _("give the date of the exchange rate")
RATE_NOT_POSITIVE = _("an exchange rate is a number more than zero")
NO_RATE_FOR_SAME_CURRENCY = _(
    "the payment is in the assessment's currency ({currency}): it takes no exchange rate"
)


@dataclass(frozen=True)
class Counted:
    """What a payment counts for against its assessment, in the assessment's currency."""

    amount: Decimal
    exchange_rate: Decimal | None
    rate_date: date | None


def counted_amount(
    *,
    amount: Decimal,
    paid_in: str,
    assessed_in: str,
    exchange_rate: object,
    rate_date: date | None,
) -> Counted:
    """The amount a payment counts for: itself in the assessment's currency; otherwise
    `amount * exchange_rate` (units of `assessed_in` per unit of `paid_in`), rounded half up
    to the cent. A payment in another currency requires the rate and the date it is
    of; one in the assessment's currency takes no rate."""
    if paid_in == assessed_in:
        if exchange_rate not in (None, "") or rate_date is not None:
            raise RuleError("exchange_rate", NO_RATE_FOR_SAME_CURRENCY, currency=assessed_in)
        return Counted(amount=amount, exchange_rate=None, rate_date=None)
    if exchange_rate in (None, ""):
        raise RuleError("exchange_rate", RATE_REQUIRED, paid=paid_in, assessed=assessed_in)
    try:
        rate = Decimal(str(exchange_rate).strip())
    except (InvalidOperation, ValueError):
        raise RuleError("exchange_rate", RATE_NOT_POSITIVE) from None
    if not rate.is_finite() or rate <= 0:
        raise RuleError("exchange_rate", RATE_NOT_POSITIVE)
    if rate_date is None:
        raise RuleError("rate_date", RATE_DATE_REQUIRED)
    return Counted(
        amount=(amount * rate).quantize(CENT, rounding=ROUND_HALF_UP),
        exchange_rate=rate,
        rate_date=rate_date,
    )
