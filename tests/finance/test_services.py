"""Assessments, payments, settlement and the refusals that store nothing."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from plenary.finance import selectors, services
from plenary.finance.models import Assessment, CostEstimate, Payment
from plenary.finance.services import LineIn
from plenary.rules import apportionment
from plenary.rules.errors import RuleError
from tests.conftest import the_ccm


def test_issue_assessments_share_the_estimated_total(assessed):
    rows = Assessment.objects.filter(estimate=assessed)
    assert rows.count() == 124
    assert sum(row.amount for row in rows) == Decimal("400000.00")
    assert {row.year for row in rows} == {2020}
    assert not rows.filter(state__iso3="USA").exists()


def test_issue_assessments_twice_refused(assessed, secretariat):
    with pytest.raises(RuleError) as caught:
        services.issue_assessments(
            estimate=assessed, issued_on=date(2021, 1, 1), due_on=date(2021, 2, 1), by=secretariat
        )
    assert caught.value.message == services.ALREADY_ASSESSED % {"issued": date(2020, 12, 1)}
    assert Assessment.objects.filter(estimate=assessed).count() == 124


def test_issue_assessments_by_a_delegation_refused(estimate, peru_delegate):
    with pytest.raises(PermissionDenied):
        services.issue_assessments(
            estimate=estimate,
            issued_on=date(2020, 12, 1),
            due_on=date(2021, 1, 1),
            by=peru_delegate,
        )
    assert not Assessment.objects.exists()


def test_issue_assessments_meeting_without_scale_refused_nothing_stored(estimate, secretariat):
    part = estimate.meeting.parts.get(number=1)
    part.starts_on, part.ends_on = date(2015, 11, 25), date(2015, 11, 27)
    part.save()
    with pytest.raises(RuleError) as caught:
        services.issue_assessments(
            estimate=estimate, issued_on=date(2020, 12, 1), due_on=date(2021, 1, 1), by=secretariat
        )
    assert caught.value.field == "meeting"
    assert caught.value.message == selectors.NO_SCALE % {"year": 2015}
    assert not Assessment.objects.exists()


def test_record_cost_estimate_negative_amount_refused(ccm, secretariat):
    with pytest.raises(RuleError) as caught:
        services.record_cost_estimate(
            convention=ccm,
            meeting=selectors.meeting_with_parts("2RC", convention=the_ccm()),
            lines=[LineIn("documents", "-5")],
            by=secretariat,
        )
    assert (caught.value.field, caught.value.message) == (
        "lines.0.estimated",
        apportionment.NEGATIVE_TOTAL,
    )
    assert CostEstimate.objects.filter(meeting__code="2RC").count() == 0


def test_record_cost_estimate_non_numeric_amount_refused(ccm, secretariat):
    with pytest.raises(RuleError) as caught:
        services.record_cost_estimate(
            convention=ccm,
            meeting=selectors.meeting_with_parts("2RC", convention=the_ccm()),
            lines=[LineIn("documents", "12,5 k")],
            by=secretariat,
        )
    assert caught.value.message == apportionment.NOT_A_NUMBER
    assert CostEstimate.objects.filter(meeting__code="2RC").count() == 0


def _peru(estimate):
    return Assessment.objects.get(estimate=estimate, state__iso3="PER")


def test_record_payment_in_usd(assessed, secretariat):
    peru = _peru(assessed)
    payment = services.record_payment(
        assessment=peru,
        received_on=date(2021, 1, 15),
        amount=str(peru.amount),
        currency="usd",
        reference="PER-2021-001",
        by=secretariat,
    )
    assert (payment.currency, payment.amount) == ("USD", peru.amount)
    assert [row.iso3 for row in selectors.payment_due_dates(convention=assessed.convention)].count(
        "PER"
    ) == 0


@pytest.mark.parametrize(
    ("amount", "currency", "field", "message"),
    [
        ("-10", "USD", "amount", apportionment.NEGATIVE_TOTAL),
        ("ten", "USD", "amount", apportionment.NOT_A_NUMBER),
        ("0", "USD", "amount", services.ZERO_PAYMENT),
        (
            "10.00",
            "EUR",
            "currency",
            services.CURRENCY_NOT_ACCEPTED % {"accepted": "USD", "value": "EUR"},
        ),
    ],
)
def test_record_payment_bad_input_refused_nothing_stored(
    assessed, secretariat, amount, currency, field, message
):
    with pytest.raises(RuleError) as caught:
        services.record_payment(
            assessment=_peru(assessed),
            received_on=date(2021, 1, 15),
            amount=amount,
            currency=currency,
            reference="X",
            by=secretariat,
        )
    assert (caught.value.field, caught.value.message) == (field, message)
    assert not Payment.objects.exists()


def test_accounts_balance_and_arrears(assessed, secretariat):
    peru = _peru(assessed)
    services.record_payment(
        assessment=peru,
        received_on=date(2021, 1, 15),
        amount="1.00",
        currency="USD",
        reference="PER-1",
        by=secretariat,
    )
    before_due = {
        a.iso3: a for a in selectors.accounts(convention=assessed.convention, on=date(2021, 1, 31))
    }
    after_due = {
        a.iso3: a for a in selectors.accounts(convention=assessed.convention, on=date(2021, 2, 1))
    }
    assert before_due["PER"].paid == Decimal("1.00")
    assert before_due["PER"].balance == peru.amount - Decimal("1.00")
    assert before_due["PER"].arrears == Decimal("0.00")
    assert after_due["PER"].arrears == peru.amount - Decimal("1.00")
    assert sum(a.assessed for a in after_due.values()) == Decimal("400000.00")


def test_accounts_on_a_date_count_only_what_was_issued_and_received_by_then(assessed, secretariat):
    peru = _peru(assessed)
    services.record_payment(
        assessment=peru,
        received_on=date(2021, 3, 1),
        amount="1.00",
        currency="USD",
        reference="PER-LATE",
        by=secretariat,
    )

    def peru_on(on):
        return {a.iso3: a for a in selectors.accounts(convention=assessed.convention, on=on)}.get(
            "PER"
        )

    before = peru_on(date(2021, 2, 28))
    after = peru_on(date(2021, 3, 1))
    assert (before.paid, before.arrears) == (Decimal("0.00"), peru.amount)
    assert (after.paid, after.arrears) == (Decimal("1.00"), peru.amount - Decimal("1.00"))
    # Issued on 1 December 2020: not yet on the day before.
    assert selectors.accounts(convention=assessed.convention, on=date(2020, 11, 30)) == []


def test_accounts_of_one_state(assessed):
    rows = selectors.accounts(
        convention=assessed.convention, on=date(2021, 2, 1), state_id=_peru(assessed).state_id
    )
    assert [(row.iso3, row.year) for row in rows] == [("PER", 2020)]


def test_payment_due_dates_list_outstanding_assessments(assessed):
    rows = selectors.payment_due_dates(convention=assessed.convention)
    assert len(rows) == 124
    assert {row.due_on for row in rows} == {date(2021, 1, 31)}
    assert sum(row.outstanding for row in rows) == Decimal("400000.00")
    assert rows[0].meeting == "Second Review Conference"


def test_settle_actual_cost_credits_and_additional_assessments(assessed, secretariat):
    actuals = ["240000.00", "100000.00", "50000.00"]
    for line, amount in zip(assessed.lines.order_by("pk"), actuals, strict=True):
        services.record_actual_cost(line=line, actual=amount, by=secretariat)
    issued = services.settle_actual_cost(
        estimate=assessed, issued_on=date(2021, 6, 1), due_on=date(2021, 7, 1), by=secretariat
    )
    assert sum(row.amount for row in issued) == Decimal("-10000.00")
    assert {row.kind for row in issued} == {"credit"}
    totals = {}
    for row in Assessment.objects.filter(estimate=assessed):
        totals[row.state_id] = totals.get(row.state_id, Decimal(0)) + row.amount
    assert sum(totals.values()) == Decimal("390000.00")


def test_settle_before_actual_cost_refused(assessed, secretariat):
    with pytest.raises(RuleError) as caught:
        services.settle_actual_cost(
            estimate=assessed, issued_on=date(2021, 6, 1), due_on=date(2021, 7, 1), by=secretariat
        )
    assert caught.value.message == services.ACTUAL_INCOMPLETE
    assert Assessment.objects.filter(estimate=assessed).count() == 124


def test_voluntary_contribution_in_a_currency_not_accepted_refused(ccm, secretariat):
    from plenary.treaties.models import State

    with pytest.raises(RuleError) as caught:
        services.record_voluntary_contribution(
            convention=ccm,
            state=State.objects.get(iso3="AUT"),
            year=2021,
            amount="1000",
            currency="CHF",
            by=secretariat,
        )
    assert caught.value.field == "currency"
