"""An assessment not yet paid is a deadline of the State assessed, and leaves the list once paid."""

from datetime import date

from plenary.finance import services
from plenary.finance.models import Assessment
from plenary.reminders.selectors import deadlines_between


def _payments(state: str | None = None):
    return [
        d
        for d in deadlines_between(start=date(2021, 1, 1), end=date(2021, 12, 31), state=state)
        if d.kind == "payment"
    ]


def test_outstanding_assessment_is_a_payment_deadline_of_its_state(assessed):
    peru = Assessment.objects.get(estimate=assessed, state__iso3="PER")

    [deadline] = _payments("PER")

    assert deadline.day == date(2021, 1, 31)
    assert deadline.bound.label() == "PER"
    assert deadline.ends_at.isoformat() == "2021-01-31T23:59:59+01:00"
    assert f"USD {peru.amount:,.2f}" in deadline.subject
    assert len(_payments()) == 124


def test_paid_assessment_is_no_longer_a_deadline(assessed, secretariat):
    peru = Assessment.objects.get(estimate=assessed, state__iso3="PER")
    services.record_payment(
        assessment=peru,
        received_on=date(2021, 1, 15),
        amount=str(peru.amount),
        currency="USD",
        reference="test transfer",
        by=secretariat,
    )

    assert _payments("PER") == []
    assert len(_payments()) == 123
