"""A payment in an accepted currency other than its assessment's: the exchange rate and its
date are required (on the form's field otherwise), stored, in history, and the converted
amount counts against the assessment, on the account and the receipt."""

import json
import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings

from plenary.finance import selectors, services
from plenary.finance.models import Assessment, Payment
from plenary.rules import conventions
from plenary.rules.errors import RuleError
from plenary.rules.exchange import counted_amount
from tests.conftest import client_for, token_client


@pytest.fixture
def swiss_francs_too(ccm, tmp_path):
    """The CCM's file as it would read if the Secretariat also accepted Swiss francs (a test
    setting: the CCM's file accepts US dollars only)."""
    directory = tmp_path / "conventions"
    shutil.copytree(settings.PLENARY_CONVENTIONS_DIR, directory)
    path = directory / "ccm.toml"
    text = path.read_text(encoding="utf-8")
    assert 'accepted_currencies = ["USD"]' in text
    path.write_text(
        text.replace('accepted_currencies = ["USD"]', 'accepted_currencies = ["USD", "CHF"]'),
        encoding="utf-8",
    )
    conventions.use_directory(directory)
    ccm.__dict__.pop("rules", None)
    yield
    conventions.use_directory(Path(settings.PLENARY_CONVENTIONS_DIR))
    ccm.__dict__.pop("rules", None)


def _peru(estimate):
    return Assessment.objects.get(estimate=estimate, state__iso3="PER")


def test_the_converted_amount_rounds_half_up_to_the_cent():
    counted = counted_amount(
        amount=Decimal("100.00"),
        paid_in="CHF",
        assessed_in="USD",
        exchange_rate="1.123456",
        rate_date=date(2021, 1, 10),
    )
    assert (counted.amount, counted.exchange_rate) == (Decimal("112.35"), Decimal("1.123456"))


@pytest.mark.parametrize(
    ("rate", "rate_date", "field"),
    [
        (None, date(2021, 1, 10), "exchange_rate"),
        ("0", date(2021, 1, 10), "exchange_rate"),
        ("x", date(2021, 1, 10), "exchange_rate"),
        ("1.1", None, "rate_date"),
    ],
)
def test_another_currency_needs_a_positive_rate_and_its_date(rate, rate_date, field):
    with pytest.raises(RuleError) as error:
        counted_amount(
            amount=Decimal("1.00"),
            paid_in="CHF",
            assessed_in="USD",
            exchange_rate=rate,
            rate_date=rate_date,
        )
    assert error.value.field == field


def test_the_assessments_own_currency_takes_no_rate():
    with pytest.raises(RuleError) as error:
        counted_amount(
            amount=Decimal("1.00"),
            paid_in="USD",
            assessed_in="USD",
            exchange_rate="1.1",
            rate_date=None,
        )
    assert error.value.field == "exchange_rate"


def test_a_payment_in_francs_counts_its_dollar_value(assessed, secretariat, swiss_francs_too):
    peru = _peru(assessed)
    payment = services.record_payment(
        assessment=peru,
        received_on=date(2021, 1, 10),
        amount="100.00",
        currency="CHF",
        reference="PER-CHF-1",
        exchange_rate="1.125",
        rate_date=date(2021, 1, 1),
        by=secretariat,
    )

    assert (payment.exchange_rate, payment.rate_date, payment.counted) == (
        Decimal("1.125"),
        date(2021, 1, 1),
        Decimal("112.50"),
    )
    latest = payment.history.latest()
    assert (latest.exchange_rate, latest.rate_date, latest.history_user) == (
        Decimal("1.125"),
        date(2021, 1, 1),
        secretariat,
    )
    [account] = selectors.accounts(
        convention=assessed.convention, on=date(2021, 2, 1), state_id=peru.state_id
    )
    assert (account.paid, account.balance) == (Decimal("112.50"), peru.amount - Decimal("112.50"))


def test_the_form_requires_the_rate_on_its_field(assessed, secretariat, swiss_francs_too):
    peru = _peru(assessed)
    client = client_for(secretariat)
    url = f"/ccm/finance/estimates/{assessed.pk}/"
    form = {
        "action": "payment",
        "payment-assessment": peru.pk,
        "payment-received_on": "2021-01-10",
        "payment-amount": "100.00",
        "payment-currency": "CHF",
        "payment-reference": "PER-CHF-2",
    }

    refused = client.post(url, form)
    assert refused.status_code == 422
    assert refused.context["forms"]["payment"].errors == {
        "exchange_rate": [
            "the payment is in CHF, the assessment in USD: give the exchange rate (USD per CHF)"
        ]
    }
    undated = client.post(url, {**form, "payment-exchange_rate": "1.125"})
    assert undated.context["forms"]["payment"].errors == {
        "rate_date": ["give the date of the exchange rate"]
    }
    assert not Payment.objects.filter(reference="PER-CHF-2").exists()

    recorded = client.post(
        url, {**form, "payment-exchange_rate": "1.125", "payment-rate_date": "2021-01-01"}
    )
    assert recorded.status_code == 302
    payment = Payment.objects.get(reference="PER-CHF-2")
    status = client.get("/ccm/finance/").content.decode()
    assert "100.00 CHF (at 1.125 of 1 January 2021: 112.50 counted)" in status
    receipt = client.get(f"/ccm/finance/payments/{payment.pk}/receipt/").content.decode()
    assert "1.125 of 1 January 2021" in receipt
    assert "112.50 USD" in receipt


def test_the_api_takes_the_rate_and_answers_the_counted_amount(
    assessed, secretariat, swiss_francs_too
):
    peru = _peru(assessed)
    body = {
        "assessment": peru.pk,
        "received_on": "2021-01-10",
        "amount": "100.00",
        "currency": "CHF",
        "reference": "PER-CHF-3",
    }
    client = token_client(secretariat)
    refused = client.post(
        "/api/v1/ccm/finance/payments", json.dumps(body), content_type="application/json"
    )
    assert refused.status_code == 422
    assert not Payment.objects.filter(reference="PER-CHF-3").exists()

    recorded = client.post(
        "/api/v1/ccm/finance/payments",
        json.dumps({**body, "exchange_rate": "1.125", "rate_date": "2021-01-01"}),
        content_type="application/json",
    )
    assert recorded.status_code == 201
    assert {k: recorded.json()[k] for k in ("exchange_rate", "rate_date", "counted")} == {
        "exchange_rate": "1.125",
        "rate_date": "2021-01-01",
        "counted": "112.50",
    }


def test_a_dollar_payment_counts_as_paid_and_takes_no_rate(assessed, secretariat):
    payment = services.record_payment(
        assessment=_peru(assessed),
        received_on=date(2021, 1, 10),
        amount="100.00",
        currency="USD",
        reference="PER-USD-1",
        by=secretariat,
    )
    assert (payment.counted, payment.exchange_rate, payment.rate_date) == (
        Decimal("100.00"),
        None,
        None,
    )
