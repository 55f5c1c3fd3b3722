"""Bad data posted to every registry and accounts form, and to their API operations, is
refused on the form (422) or as a 4xx answer: a service's refusal is never a 500."""

import pytest

from plenary.finance.models import Assessment
from tests.conftest import client_for, token_client

GARBAGE = "<script>x</script>"

REGISTRY_BAD = [
    {"action": "signature"},
    {"action": "signature", "signature-signed_on": "2001-01-01", "signature-notification": "C"},
    {"action": "signature", "signature-signed_on": "2999-01-01", "signature-notification": "C"},
    {"action": "deposit", "deposit-instrument": "treaty", "deposit-deposited_on": "x"},
    {
        "action": "deposit",
        "deposit-instrument": "accession",
        "deposit-deposited_on": "2026-11-20",
        "deposit-notification": "C",
    },
    {
        "action": "deposit",
        "deposit-instrument": "ratification",
        "deposit-deposited_on": "2026-11-20",
        "deposit-notification": "   ",
    },
    {
        "action": "withdrawal",
        "withdrawal-received_on": "2026-11-20",
        "withdrawal-notification": "C",
    },
    {
        "action": "withdrawal",
        "withdrawal-received_on": "2026-11-20",
        "withdrawal-armed_conflict_ends_on": "2026-01-01",
        "withdrawal-notification": "C",
    },
    {
        "action": "completion",
        "completion-obligation": "999999",
        "completion-completed_on": "2026-11-20",
        "completion-source": "x",
    },
    {"action": "completion", "completion-obligation": GARBAGE},
    {
        "action": "provisional",
        "provisional-declared_on": "2026-11-20",
        "provisional-notification": "C",
    },
    {"action": "provisional", "provisional-declared_on": GARBAGE},
    {
        "action": "correction",
        "correction-action": "withdrawal",
        "correction-on": "2026-11-20",
        "correction-reason": "x",
    },
    {
        "action": "correction",
        "correction-action": "deposit",
        "correction-on": "2999-11-20",
        "correction-reason": "x",
    },
    {
        "action": "correction",
        "correction-action": GARBAGE,
        "correction-on": "2026-11-20",
        "correction-reason": "x",
    },
    {
        "action": "correction",
        "correction-action": "signature",
        "correction-on": "2001-01-01",
        "correction-reason": "x",
    },
    {
        "action": "correction",
        "correction-action": "provisional_application",
        "correction-on": "2026-11-20",
        "correction-reason": "x",
    },
]


@pytest.mark.parametrize("data", REGISTRY_BAD)
def test_every_registry_form_refuses_bad_data_on_the_form(data, ccm, secretariat):
    response = client_for(secretariat).post("/ccm/states/KEN/registry/", data)
    assert response.status_code == 422
    assert response.context["forms"][data["action"]].errors


REGISTRY_API_BAD = [
    ("/api/v1/ccm/states/KEN/signature", {"signed_on": "2001-01-01", "notification": "C"}),
    (
        "/api/v1/ccm/states/KEN/deposit",
        {"instrument": "accession", "deposited_on": "2026-11-20", "notification": "C"},
    ),
    ("/api/v1/ccm/states/KEN/withdrawal", {"received_on": "2026-11-20", "notification": "C"}),
    (
        "/api/v1/ccm/states/KEN/provisional-application",
        {"declared_on": "2026-11-20", "notification": "C"},
    ),
    (
        "/api/v1/ccm/states/KEN/correction",
        {"action": "withdrawal", "on": "2026-11-20", "reason": "x"},
    ),
    (
        "/api/v1/ccm/states/KEN/correction",
        {"action": "signature", "on": "2026-11-20", "reason": " "},
    ),
    (
        "/api/v1/ccm/states/XXX/deposit",
        {"instrument": "accession", "deposited_on": "2026-11-20", "notification": "C"},
    ),
    ("/api/v1/ccm/obligations/999999/completion", {"completed_on": "2026-11-20", "source": "x"}),
]


@pytest.mark.parametrize(("url", "body"), REGISTRY_API_BAD)
def test_every_registry_operation_refuses_bad_data_with_a_4xx(url, body, ccm, secretariat):
    response = token_client(secretariat).post(url, body, content_type="application/json")
    assert 400 <= response.status_code < 500


def _accounts_bad(estimate):
    peru = Assessment.objects.get(estimate=estimate, state__iso3="PER")
    url = f"/ccm/finance/estimates/{estimate.pk}/"
    payment = {
        "action": "payment",
        "payment-assessment": peru.pk,
        "payment-received_on": "2021-01-10",
        "payment-amount": "1.00",
        "payment-currency": "USD",
        "payment-reference": "BAD-1",
    }
    return [
        ("/ccm/finance/estimates/new/", None, {"meeting": GARBAGE, "document_symbol": "X"}),
        (
            "/ccm/finance/estimates/new/",
            None,
            {
                "meeting": "2RC",
                "document_symbol": "X",
                "approved_by": "Y",
                "line_1_category": "documents",
                "line_1_estimated": "-5",
            },
        ),
        (
            url,
            "issue",
            {"action": "issue", "issue-issued_on": "2020-12-01", "issue-due_on": "2021-01-31"},
        ),
        (url, "issue", {"action": "issue", "issue-issued_on": GARBAGE}),
        (url, "actual", {"action": "actual", "actual-line": "999999", "actual-actual": "1"}),
        (
            url,
            "actual",
            {
                "action": "actual",
                "actual-line": estimate.lines.first().pk,
                "actual-actual": "1.001",
            },
        ),
        (
            url,
            "settle",
            {"action": "settle", "settle-issued_on": "2021-12-01", "settle-due_on": "2022-01-31"},
        ),
        (
            url,
            "settle",
            {"action": "settle", "settle-issued_on": "2021-12-01", "settle-due_on": "2021-01-31"},
        ),
        (url, "payment", {**payment, "payment-currency": "XYZ"}),
        (url, "payment", {**payment, "payment-amount": "0"}),
        (url, "payment", {**payment, "payment-assessment": "999999"}),
        (
            url,
            "payment",
            {**payment, "payment-exchange_rate": "1.1", "payment-rate_date": "2021-01-01"},
        ),
        (url, "payment", {**payment, "payment-exchange_rate": GARBAGE}),
        (
            "/ccm/finance/isu/",
            "budget",
            {
                "action": "budget",
                "budget-kind": "annual",
                "budget-first_year": 2027,
                "budget-last_year": 2028,
                "budget-title": "X",
            },
        ),
        (
            "/ccm/finance/isu/",
            "contribution",
            {
                "action": "contribution",
                "contribution-state": "PER",
                "contribution-year": 2027,
                "contribution-amount": "1.00",
                "contribution-currency": "XYZ",
            },
        ),
        (
            "/ccm/finance/isu/",
            "contribution",
            {"action": "contribution", "contribution-state": GARBAGE},
        ),
    ]


def test_every_accounts_form_refuses_bad_data_on_the_form(assessed, secretariat):
    client = client_for(secretariat)
    for url, action, data in _accounts_bad(assessed):
        response = client.post(url, data)
        assert (url, action, response.status_code) == (url, action, 422)
        form = response.context["forms"][action] if action else response.context["form"]
        assert form.errors, (url, action)


def test_every_accounts_operation_refuses_bad_data_with_a_4xx(assessed, secretariat):
    peru = Assessment.objects.get(estimate=assessed, state__iso3="PER")
    base = "/api/v1/ccm/finance"
    payment = {
        "assessment": peru.pk,
        "received_on": "2021-01-10",
        "amount": "1.00",
        "currency": "USD",
        "reference": "BAD-2",
    }
    calls = [
        ("post", f"{base}/estimates", {"meeting": GARBAGE, "lines": []}),
        (
            "post",
            f"{base}/estimates/{assessed.pk}/assessments",
            {"issued_on": "2021-12-01", "due_on": "2022-01-31"},
        ),
        ("put", f"{base}/estimates/{assessed.pk}/lines/999999/actual", {"actual": "1.00"}),
        (
            "post",
            f"{base}/estimates/{assessed.pk}/settlement",
            {"issued_on": "2021-12-01", "due_on": "2022-01-31"},
        ),
        ("post", f"{base}/payments", {**payment, "currency": "XYZ"}),
        ("post", f"{base}/payments", {**payment, "amount": GARBAGE}),
        (
            "post",
            f"{base}/payments",
            {**payment, "exchange_rate": "1.1", "rate_date": "2021-01-01"},
        ),
        ("post", f"{base}/payments", {**payment, "assessment": 999999}),
        (
            "post",
            f"{base}/isu-budgets",
            {"kind": GARBAGE, "first_year": 2027, "last_year": 2027, "title": "X"},
        ),
        ("post", f"{base}/contributions", {"state": "XXX", "year": 2027, "amount": "1.00"}),
    ]
    client = token_client(secretariat)
    for method, url, body in calls:
        response = getattr(client, method)(url, body, content_type="application/json")
        assert (url, 400 <= response.status_code < 500) == (url, True), response.content
