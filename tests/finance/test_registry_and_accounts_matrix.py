"""Every write of the treaty registry and the accounts, on the page and through the API:
only the Secretariat; every other role is refused (403) and nothing changes (issue 17)."""

import pytest

from plenary.finance.models import (
    Assessment,
    CostEstimate,
    CostLineItem,
    IsuBudget,
    Payment,
    VoluntaryContribution,
)
from plenary.treaties.models import Extension, Obligation, Participation, TransparencyReport
from tests.conftest import client_for, token_client

NOT_THE_SECRETARIAT = [
    "president",
    "isu",
    "coordinator",
    "peru_delegate",
    "chile_delegate",
    "observer",
]
MODELS = (
    Participation,
    Obligation,
    Extension,
    TransparencyReport,
    CostEstimate,
    CostLineItem,
    Assessment,
    Payment,
    IsuBudget,
    VoluntaryContribution,
)


def fingerprint() -> tuple:
    """Every row and every history row of the registry and the accounts."""
    return tuple((m.objects.count(), m.history.count()) for m in MODELS)


REGISTRY_PAGE_ACTIONS = {
    "signature": {"signature-signed_on": "2009-01-05", "signature-notification": "C.N.1"},
    "deposit": {
        "deposit-instrument": "ratification",
        "deposit-deposited_on": "2026-11-20",
        "deposit-notification": "C.N.2",
    },
    "withdrawal": {"withdrawal-received_on": "2026-11-20", "withdrawal-notification": "C.N.3"},
    "completion": {"completion-completed_on": "2026-11-20", "completion-source": "x"},
    "provisional": {"provisional-declared_on": "2026-11-20", "provisional-notification": "C.N.4"},
    "correction": {
        "correction-action": "signature",
        "correction-on": "2008-12-04",
        "correction-reason": "x",
    },
}


@pytest.mark.parametrize("role", NOT_THE_SECRETARIAT)
@pytest.mark.parametrize("action", sorted(REGISTRY_PAGE_ACTIONS))
def test_the_registry_page_refuses_every_other_role(role, action, request, ccm):
    user = request.getfixturevalue(role)
    before = fingerprint()
    response = client_for(user).post(
        "/ccm/states/PER/registry/", {"action": action, **REGISTRY_PAGE_ACTIONS[action]}
    )
    assert response.status_code == 403
    assert fingerprint() == before


def _registry_api_calls():
    lbn = Obligation.objects.get(state__iso3="LBN", kind="clearance")
    return [
        (
            "post",
            "/api/v1/ccm/states/KEN/signature",
            {"signed_on": "2009-01-05", "notification": "C"},
        ),
        (
            "post",
            "/api/v1/ccm/states/KEN/deposit",
            {"instrument": "ratification", "deposited_on": "2026-11-20", "notification": "C"},
        ),
        (
            "post",
            "/api/v1/ccm/states/PER/withdrawal",
            {"received_on": "2026-11-20", "notification": "C"},
        ),
        (
            "post",
            "/api/v1/ccm/states/BLZ/provisional-application",
            {"declared_on": "2014-09-02", "notification": "C"},
        ),
        (
            "post",
            "/api/v1/ccm/states/PER/correction",
            {"action": "signature", "on": "2008-12-04", "reason": "x"},
        ),
        ("put", "/api/v1/ccm/states/PER/participation", {"reason": "x", "signed_on": "2008-12-04"}),
        (
            "put",
            "/api/v1/ccm/obligations",
            {"state": "PER", "obligation": "clearance", "source": "x", "reason": "x"},
        ),
        (
            "post",
            f"/api/v1/ccm/obligations/{lbn.pk}/completion",
            {"completed_on": "2026-11-20", "source": "x"},
        ),
        (
            "post",
            f"/api/v1/ccm/obligations/{lbn.pk}/extensions",
            {"new_deadline": "2027-05-01", "meeting": "Test", "source": "x"},
        ),
    ]


@pytest.mark.parametrize("role", NOT_THE_SECRETARIAT)
def test_the_registry_api_refuses_every_other_role(role, request, ccm):
    client = token_client(request.getfixturevalue(role))
    for method, url, body in _registry_api_calls():
        before = fingerprint()
        response = getattr(client, method)(url, body, content_type="application/json")
        assert (url, response.status_code) == (url, 403)
        assert fingerprint() == before


def _finance_page_posts(estimate):
    peru = Assessment.objects.get(estimate=estimate, state__iso3="PER")
    line = estimate.lines.first()
    url = f"/ccm/finance/estimates/{estimate.pk}/"
    return [
        (
            "/ccm/finance/estimates/new/",
            {
                "meeting": "2RC",
                "document_symbol": "X",
                "approved_by": "Y",
                "line_1_category": "interpretation",
                "line_1_estimated": "1.00",
            },
        ),
        (url, {"action": "issue", "issue-issued_on": "2020-12-01", "issue-due_on": "2021-01-31"}),
        (url, {"action": "actual", "actual-line": line.pk, "actual-actual": "1.00"}),
        (
            url,
            {"action": "settle", "settle-issued_on": "2021-12-01", "settle-due_on": "2022-01-31"},
        ),
        (
            url,
            {
                "action": "payment",
                "payment-assessment": peru.pk,
                "payment-received_on": "2021-01-10",
                "payment-amount": "1.00",
                "payment-currency": "USD",
                "payment-reference": "MATRIX-1",
            },
        ),
        (
            "/ccm/finance/isu/",
            {
                "action": "budget",
                "budget-kind": "annual",
                "budget-first_year": 2027,
                "budget-last_year": 2027,
                "budget-title": "X",
            },
        ),
        (
            "/ccm/finance/isu/",
            {
                "action": "contribution",
                "contribution-state": "PER",
                "contribution-year": 2027,
                "contribution-amount": "1.00",
                "contribution-currency": "USD",
            },
        ),
    ]


@pytest.mark.parametrize("role", NOT_THE_SECRETARIAT)
def test_the_accounts_pages_refuse_every_other_role(role, request, assessed):
    client = client_for(request.getfixturevalue(role))
    for url, data in _finance_page_posts(assessed):
        before = fingerprint()
        response = client.post(url, data)
        assert (url, data.get("action"), response.status_code) == (url, data.get("action"), 403)
        assert fingerprint() == before


def _finance_api_calls(estimate):
    peru = Assessment.objects.get(estimate=estimate, state__iso3="PER")
    line = estimate.lines.first()
    base = "/api/v1/ccm/finance"
    dates = {"issued_on": "2021-12-01", "due_on": "2022-01-31"}
    return [
        (
            "post",
            f"{base}/estimates",
            {"meeting": "2RC", "lines": [{"category": "documents", "estimated": "1.00"}]},
        ),
        ("post", f"{base}/estimates/{estimate.pk}/assessments", dates),
        ("put", f"{base}/estimates/{estimate.pk}/lines/{line.pk}/actual", {"actual": "1.00"}),
        ("post", f"{base}/estimates/{estimate.pk}/settlement", dates),
        (
            "post",
            f"{base}/payments",
            {
                "assessment": peru.pk,
                "received_on": "2021-01-10",
                "amount": "1.00",
                "currency": "USD",
                "reference": "MATRIX-2",
            },
        ),
        (
            "post",
            f"{base}/isu-budgets",
            {"kind": "annual", "first_year": 2027, "last_year": 2027, "title": "X"},
        ),
        ("post", f"{base}/contributions", {"state": "PER", "year": 2027, "amount": "1.00"}),
    ]


@pytest.mark.parametrize("role", NOT_THE_SECRETARIAT)
def test_the_accounts_api_refuses_every_other_role(role, request, assessed):
    client = token_client(request.getfixturevalue(role))
    for method, url, body in _finance_api_calls(assessed):
        before = fingerprint()
        response = getattr(client, method)(url, body, content_type="application/json")
        assert (url, response.status_code) == (url, 403)
        assert fingerprint() == before
