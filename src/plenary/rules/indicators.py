"""Indicators of an action plan: what a value of each kind may be, and progress.

Pure Python: the kinds of indicator, the check of a value against its kind, the dates a
computed indicator is measured on, and where a value stands between baseline and target.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

from plenary.rules.errors import RuleError, _

Kind = Literal["count", "share", "yes_no", "amount"]
KINDS: tuple[str, ...] = ("count", "share", "yes_no", "amount")

UNKNOWN_KIND = _("the kind is one of {choices}, not {value!r}")
YES_NO_NEEDS_STATE = _("a yes/no indicator is answered per State: name the State")
AGGREGATE_HAS_NO_STATE = _(
    "a {kind} indicator has one value per year for all States, not per State"
)
YES_NO_NEEDS_ANSWER = _("a yes/no indicator takes an answer (yes or no), not a number")
NUMBER_NEEDED = _("a {kind} indicator takes a number, not a yes/no answer")
COUNT_WHOLE = _("a count of States is a whole number of 0 or more, not {value}")
SHARE_RANGE = _("a share of States is a percentage from 0 to 100, not {value}")
AMOUNT_NOT_NEGATIVE = _("an amount is 0 or more, not {value}")
YEAR_OUTSIDE = _("{year} is outside the years the plan measures, {first} to {last}")


def check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise RuleError("kind", UNKNOWN_KIND, choices=", ".join(KINDS), value=kind)


def is_per_state(kind: str) -> bool:
    """Only a yes/no indicator is answered State by State; the others are one figure a year."""
    return kind == "yes_no"


def check_value(*, kind: str, value: Decimal | None, answer: bool | None, has_state: bool) -> None:
    """Raise RuleError unless `value`/`answer` is a value an indicator of `kind` can take."""
    check_kind(kind)
    if is_per_state(kind):
        if not has_state:
            raise RuleError("state", YES_NO_NEEDS_STATE)
        if answer is None or value is not None:
            raise RuleError("answer", YES_NO_NEEDS_ANSWER)
        return
    if has_state:
        raise RuleError("state", AGGREGATE_HAS_NO_STATE, kind=kind)
    if value is None or answer is not None:
        raise RuleError("value", NUMBER_NEEDED, kind=kind)
    if kind == "count" and (value < 0 or value != value.to_integral_value()):
        raise RuleError("value", COUNT_WHOLE, value=value)
    if kind == "share" and not Decimal(0) <= value <= Decimal(100):
        raise RuleError("value", SHARE_RANGE, value=value)
    if kind == "amount" and value < 0:
        raise RuleError("value", AMOUNT_NOT_NEGATIVE, value=value)


def check_year(*, year: int, first: int, last: int) -> None:
    """A plan measures from its baseline year (or first year) to its last year."""
    if not first <= year <= last:
        raise RuleError("year", YEAR_OUTSIDE, year=year, first=first, last=last)


def year_end(year: int) -> date:
    """The day a "number at year end" indicator is measured: 31 December."""
    return date(year, 12, 31)


def share(part: int, whole: int) -> Decimal | None:
    """`part` as a percentage of `whole`, to one decimal place; None when `whole` is 0."""
    if whole == 0:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"))


def yes_no_summary(answers: list[bool]) -> tuple[int, int]:
    """(yes, answered) for a yes/no indicator's answers of one year."""
    return sum(1 for a in answers if a), len(answers)


@dataclass(frozen=True)
class Progress:
    """Where a value stands: its change since the baseline, and how far towards the target."""

    change: Decimal | None
    towards_target: Decimal | None  # percent of the way from baseline to target
    reached: bool | None


def progress(
    *, baseline: Decimal | None, target: Decimal | None, value: Decimal | None
) -> Progress:
    """Compare `value` with the baseline and the target (a target may be below the baseline,
    e.g. fewer overdue reports: progress is then a decrease)."""
    if value is None:
        return Progress(None, None, None)
    change = value - baseline if baseline is not None else None
    if target is None:
        return Progress(change, None, None)
    if baseline is None or baseline == target:
        return Progress(change, None, value == target)
    fraction = (value - baseline) / (target - baseline) * 100
    reached = value <= target if target < baseline else value >= target
    return Progress(change, fraction.quantize(Decimal("0.1")), reached)
