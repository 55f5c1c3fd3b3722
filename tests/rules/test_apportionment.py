from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plenary.rules import apportionment
from plenary.rules.apportionment import apportion, rescaled, to_amount
from plenary.rules.errors import RuleError

# Rates as the UN publishes them: per cent to three decimals, from the floor of 0.001.
rates_strategy = st.dictionaries(
    keys=st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=3, max_size=3),
    values=st.integers(min_value=1, max_value=22000).map(lambda n: Decimal(n).scaleb(-3)),
    min_size=1,
    max_size=60,
)
totals = st.integers(min_value=0, max_value=10**11).map(lambda n: Decimal(n).scaleb(-2))


@given(total=totals, rates=rates_strategy)
def test_apportion_random_shares_sum_exactly_to_the_total(total, rates):
    shares = apportion(total=total, rates=rates)
    assert sum(shares.values()) == total
    assert set(shares) == set(rates)


@given(total=totals, rates=rates_strategy)
def test_apportion_random_each_share_within_a_cent_of_its_proportion(total, rates):
    shares = apportion(total=total, rates=rates)
    denominator = sum(rates.values())
    for entity, share in shares.items():
        exact = rates[entity] * total / denominator
        assert abs(share - exact) < Decimal("0.01")
        assert share == share.quantize(Decimal("0.01"))


@given(total=totals, rates=rates_strategy, outsider=st.just("ZZZZ"))
def test_apportion_random_non_sharing_state_owes_nothing(total, rates, outsider):
    shares = apportion(total=total, rates=rates)
    assert shares.get(outsider, Decimal("0.00")) == Decimal("0.00")
    assert outsider not in shares


def test_apportion_ties_go_to_the_first_key():
    shares = apportion(
        total=Decimal("0.02"),
        rates={"PER": Decimal("0.001"), "AUT": Decimal("0.001"), "CHE": Decimal("0.001")},
    )
    assert shares == {
        "PER": Decimal("0.00"),
        "AUT": Decimal("0.01"),
        "CHE": Decimal("0.01"),
    }


def test_apportion_two_equal_rates_split_evenly():
    shares = apportion(total=Decimal("400000.00"), rates={"A": Decimal("1"), "B": Decimal("1")})
    assert shares == {"A": Decimal("200000.00"), "B": Decimal("200000.00")}


def test_apportion_negative_total_refused():
    with pytest.raises(RuleError) as caught:
        apportion(total=Decimal("-1"), rates={"A": Decimal("1")})
    assert (caught.value.field, caught.value.message) == ("total", apportionment.NEGATIVE_TOTAL)


def test_apportion_fraction_of_a_cent_refused():
    with pytest.raises(RuleError) as caught:
        apportion(total=Decimal("1.005"), rates={"A": Decimal("1")})
    assert caught.value.message == apportionment.TOTAL_PAST_CENTS


def test_apportion_no_sharers_refused():
    with pytest.raises(RuleError) as caught:
        apportion(total=Decimal("1"), rates={})
    assert caught.value.message == apportionment.NO_SHARERS


def test_apportion_zero_rates_refused():
    with pytest.raises(RuleError) as caught:
        apportion(total=Decimal("1"), rates={"A": Decimal("0")})
    assert caught.value.message == apportionment.ZERO_RATES


def test_to_amount_non_numeric_refused():
    with pytest.raises(RuleError) as caught:
        to_amount("four hundred", field="amount")
    assert (caught.value.field, caught.value.message) == ("amount", apportionment.NOT_A_NUMBER)


def test_to_amount_infinity_refused():
    with pytest.raises(RuleError):
        to_amount("Infinity")


def test_to_amount_integer_gets_cents():
    assert to_amount(400000) == Decimal("400000.00")


def test_rescaled_sums_to_about_one_hundred():
    percent = rescaled(rates={"A": Decimal("1"), "B": Decimal("3")})
    assert percent == {"A": Decimal("25.000000"), "B": Decimal("75.000000")}
