"""Pure rules of issue 17: what a payment in another currency counts for, and when a State
applies the Convention provisionally."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plenary.rules import deadlines
from plenary.rules.conventions import get_ruleset
from plenary.rules.errors import RuleError
from plenary.rules.exchange import counted_amount

amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("10000000"), places=2)
rates = st.decimals(min_value=Decimal("0.00000001"), max_value=Decimal("100000"), places=8)
days = st.dates(min_value=date(2008, 12, 3), max_value=date(2100, 1, 1))


@given(amount=amounts, rate=rates)
def test_the_counted_amount_is_the_converted_amount_to_the_nearest_cent(amount, rate):
    counted = counted_amount(
        amount=amount,
        paid_in="CHF",
        assessed_in="USD",
        exchange_rate=rate,
        rate_date=date(2021, 1, 1),
    )
    assert abs(counted.amount - amount * rate) <= Decimal("0.005")
    assert counted.amount == counted.amount.quantize(Decimal("0.01"))


@given(amount=amounts)
def test_a_payment_in_the_assessments_currency_counts_in_full(amount):
    counted = counted_amount(
        amount=amount, paid_in="USD", assessed_in="USD", exchange_rate=None, rate_date=None
    )
    assert (counted.amount, counted.exchange_rate, counted.rate_date) == (amount, None, None)


@given(deposited=days, today=days)
def test_provisional_application_runs_from_the_deposit_until_entry_into_force(deposited, today):
    rules = get_ruleset("CCM")
    deadlines.check_provisional_application(
        rules=rules, declared_on=deposited, deposited_on=deposited
    )
    eif = deadlines.entry_into_force_for(rules=rules, deposited_on=deposited)
    applies = deadlines.applies_provisionally(
        declared_on=deposited, entry_into_force=eif, today=today
    )
    assert applies == (deposited <= today < eif)


@given(deposited=days, offset=st.integers(min_value=1, max_value=400))
def test_a_declaration_on_another_day_than_the_deposit_is_refused(deposited, offset):
    with pytest.raises(RuleError) as error:
        deadlines.check_provisional_application(
            rules=get_ruleset("CCM"),
            declared_on=deposited + timedelta(days=offset),
            deposited_on=deposited,
        )
    assert error.value.field == "declared_on"


def test_no_declaration_without_a_deposit():
    with pytest.raises(RuleError):
        deadlines.check_provisional_application(
            rules=get_ruleset("CCM"), declared_on=date(2026, 1, 1), deposited_on=None
        )


def test_a_convention_without_the_table_takes_no_declaration():
    from dataclasses import replace

    rules = replace(get_ruleset("CCM"), provisional_application=None)
    with pytest.raises(RuleError) as error:
        deadlines.check_provisional_application(
            rules=rules, declared_on=date(2026, 1, 1), deposited_on=date(2026, 1, 1)
        )
    assert error.value.message == "the Convention provides for no provisional application"
