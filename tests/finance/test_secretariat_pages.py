"""The Secretariat keeps the accounts on the page and through the API: cost estimates,
assessments, payments (accepted currencies, one reference once), actual costs and their
settlement, ISU budgets and voluntary contributions."""

import json
from datetime import date

import pytest
from django.db import IntegrityError

from plenary.finance import services
from plenary.finance.models import Assessment, CostEstimate, Payment, VoluntaryContribution
from plenary.rules.errors import RuleError
from tests.conftest import client_for, token_client


def _peru(estimate):
    return Assessment.objects.get(estimate=estimate, state__iso3="PER")


def test_the_secretariat_records_a_cost_estimate_on_the_page(ccm, secretariat):
    response = client_for(secretariat).post(
        "/ccm/finance/estimates/new/",
        {
            "meeting": "2RC",
            "document_symbol": "CCM/CONF/2020/TEST",
            "approved_by": "CCM/CONF/2020/L.1, para. 30",
            "line_1_category": "interpretation",
            "line_1_estimated": "1000.00",
            "line_2_category": "documents",
            "line_2_description": "Translation",
            "line_2_estimated": "500.00",
        },
    )

    estimate = CostEstimate.objects.get(document_symbol="CCM/CONF/2020/TEST")
    assert response.status_code == 302
    assert response["Location"] == f"/ccm/finance/estimates/{estimate.pk}/"
    assert [(x.category, str(x.estimated)) for x in estimate.lines.all()] == [
        ("interpretation", "1000.00"),
        ("documents", "500.00"),
    ]
    assert estimate.history.latest().history_user == secretariat


def test_an_estimate_without_lines_is_refused_on_the_form(ccm, secretariat):
    response = client_for(secretariat).post(
        "/ccm/finance/estimates/new/",
        {"meeting": "2RC", "document_symbol": "X", "approved_by": "Y"},
    )
    assert response.status_code == 422
    assert response.context["form"].non_field_errors() == ["an estimate has at least one line item"]


def test_issue_and_pay_on_the_estimate_page(estimate, secretariat):
    client = client_for(secretariat)
    url = f"/ccm/finance/estimates/{estimate.pk}/"
    issued = client.post(
        url, {"action": "issue", "issue-issued_on": "2020-12-01", "issue-due_on": "2021-01-31"}
    )
    assert issued.status_code == 302
    peru = _peru(estimate)
    payment = {
        "action": "payment",
        "payment-assessment": peru.pk,
        "payment-received_on": "2021-01-10",
        "payment-amount": "100.00",
        "payment-currency": "USD",
        "payment-reference": "PER-2021-7",
    }
    assert client.post(url, payment).status_code == 302

    again = client.post(url, payment)
    assert again.status_code == 422
    assert again.context["forms"]["payment"].errors == {
        "reference": ["a payment with the reference 'PER-2021-7' is already recorded"]
    }
    other = client.post(url, {**payment, "payment-currency": "XYZ", "payment-reference": "P-8"})
    assert other.context["forms"]["payment"].errors == {
        "currency": ["payments are accepted in USD, not 'XYZ'"]
    }
    assert list(Payment.objects.values_list("reference", flat=True)) == ["PER-2021-7"]


def test_the_database_refuses_a_reference_twice(assessed):
    peru = _peru(assessed)
    Payment.objects.create(
        assessment=peru,
        received_on=date(2021, 1, 1),
        amount=1,
        counted=1,
        currency="USD",
        reference="R",
    )
    with pytest.raises(IntegrityError):
        Payment.objects.create(
            assessment=peru,
            received_on=date(2021, 1, 2),
            amount=1,
            counted=1,
            currency="USD",
            reference="R",
        )


def test_a_second_reference_is_refused_by_the_service(assessed, secretariat):
    peru = _peru(assessed)
    services.record_payment(
        assessment=peru,
        received_on=date(2021, 1, 1),
        amount="1",
        currency="USD",
        reference="R-1",
        by=secretariat,
    )
    with pytest.raises(RuleError) as error:
        services.record_payment(
            assessment=peru,
            received_on=date(2021, 1, 2),
            amount="1",
            currency="USD",
            reference="R-1",
            by=secretariat,
        )
    assert (error.value.field, error.value.message) == (
        "reference",
        "a payment with the reference 'R-1' is already recorded",
    )


def test_actual_cost_and_settlement_on_the_page(assessed, secretariat):
    client = client_for(secretariat)
    url = f"/ccm/finance/estimates/{assessed.pk}/"
    for line in assessed.lines.all():
        response = client.post(
            url, {"action": "actual", "actual-line": line.pk, "actual-actual": "1000.00"}
        )
        assert response.status_code == 302
    settled = client.post(
        url, {"action": "settle", "settle-issued_on": "2021-06-01", "settle-due_on": "2021-07-31"}
    )
    assert settled.status_code == 302
    assert Assessment.objects.filter(estimate=assessed, kind="credit").exists()


def test_the_estimate_page_runs_a_constant_number_of_queries(
    assessed, secretariat, django_assert_max_num_queries
):
    with django_assert_max_num_queries(25):
        assert client_for(secretariat).get(
            f"/ccm/finance/estimates/{assessed.pk}/"
        ).status_code == (200)


def test_the_estimate_page_is_the_secretariats(assessed, peru_delegate):
    assert client_for(peru_delegate).get(f"/ccm/finance/estimates/{assessed.pk}/").status_code == (
        403
    )


def test_isu_budget_and_contribution_on_the_page(ccm, secretariat):
    client = client_for(secretariat)
    budget = client.post(
        "/ccm/finance/isu/",
        {
            "action": "budget",
            "budget-kind": "annual",
            "budget-first_year": "2027",
            "budget-last_year": "2027",
            "budget-title": "ISU budget 2027",
            "budget-total": "500000.00",
        },
    )
    assert budget.status_code == 302
    refused = client.post(
        "/ccm/finance/isu/",
        {
            "action": "contribution",
            "contribution-state": "PER",
            "contribution-year": "2027",
            "contribution-amount": "1000.00",
            "contribution-currency": "XYZ",
        },
    )
    assert refused.context["forms"]["contribution"].errors == {
        "currency": ["payments are accepted in USD, not 'XYZ'"]
    }
    assert not VoluntaryContribution.objects.filter(year=2027).exists()


def test_the_api_records_an_estimate_and_a_contribution(ccm, secretariat):
    client = token_client(secretariat)
    response = client.post(
        "/api/v1/ccm/finance/estimates",
        json.dumps(
            {
                "meeting": "2RC",
                "lines": [{"category": "interpretation", "estimated": "1200.00"}],
                "document_symbol": "CCM/CONF/2020/API",
            }
        ),
        content_type="application/json",
    )
    assert response.status_code == 201
    assert response.json()["estimated_total"] == "1200.00"
    contribution = client.post(
        "/api/v1/ccm/finance/contributions",
        json.dumps({"state": "PER", "year": 2027, "amount": "10.00"}),
        content_type="application/json",
    )
    assert contribution.status_code == 201


def test_the_api_refuses_an_estimate_from_a_delegation(ccm, peru_delegate):
    response = token_client(peru_delegate).post(
        "/api/v1/ccm/finance/estimates",
        json.dumps({"meeting": "2RC", "lines": [{"category": "other", "estimated": "1.00"}]}),
        content_type="application/json",
    )
    assert response.status_code == 403


def test_perus_delegation_is_told_its_share(
    estimate, secretariat, peru_delegate, django_capture_on_commit_callbacks
):
    from django.core import mail

    with django_capture_on_commit_callbacks(execute=True):
        services.issue_assessments(
            estimate=estimate, issued_on=date(2020, 12, 1), due_on=date(2021, 1, 31), by=secretariat
        )

    peru = _peru(estimate)
    [message] = [m for m in mail.outbox if peru_delegate.email in m.to]
    assert message.subject == (
        f"Convention on Cluster Munitions, {estimate.meeting}: your State's assessment"
    )
    assert f"The share of Peru is {peru.amount} USD, due by 31 January 2021." in message.body


def test_perus_delegation_sees_its_payment_and_receipt_not_frances(
    assessed, secretariat, peru_delegate
):
    for iso3 in ("PER", "FRA"):
        services.record_payment(
            assessment=Assessment.objects.get(estimate=assessed, state__iso3=iso3),
            received_on=date(2021, 1, 15),
            amount="10.00",
            currency="USD",
            reference=f"{iso3}-R",
            by=secretariat,
        )
    client = client_for(peru_delegate)
    status = client.get("/ccm/finance/")
    assert [p.reference for p in status.context["payments"]] == ["PER-R"]
    peru, france = (Payment.objects.get(reference=r) for r in ("PER-R", "FRA-R"))
    receipt = client.get(f"/ccm/finance/payments/{peru.pk}/receipt/")
    assert receipt.status_code == 200
    assert "Receipt PER-R" in receipt.content.decode()
    assert client.get(f"/ccm/finance/payments/{france.pk}/receipt/").status_code == 403
