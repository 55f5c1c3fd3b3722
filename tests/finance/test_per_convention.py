"""Each convention's ledger is its own: the APMBC's status never shows CCM money, and the
CCM's never shows the APMBC's, in the selectors, the page, the exports and the API."""

import csv
import io
import json
from datetime import date
from decimal import Decimal

import pytest
from django.http import Http404

from plenary.core.models import Role
from plenary.finance import selectors, services
from plenary.finance.deadlines import deadlines_between
from plenary.finance.models import Assessment
from plenary.finance.services import LineIn
from plenary.meetings.services import PartPlan, create_meeting
from plenary.rules.errors import RuleError
from tests.apmbc_only import APMBC_ONLY, apmbc, apmbc_only_state
from tests.conftest import client_for, grant, make_user, the_ccm, token_client


@pytest.fixture
def secretariat(ccm):
    """UNODA's Geneva Branch serves both conventions: one officer, a role under each."""
    user = make_user("secretariat", Role.SECRETARIAT)
    grant(user, Role.SECRETARIAT, convention="APMBC")
    return user


APMBC_TOTAL = Decimal("120000.00")


@pytest.fixture
def apmbc_assessed(ccm, secretariat):
    """An APMBC meeting in 2021 with an estimate of 120 000 assessed on 1 October 2021."""
    convention = apmbc()
    apmbc_only_state()
    meeting = create_meeting(
        convention=convention,
        code="TEST-APMBC-MSP",
        kind="msp",
        title="Test Meeting of the States Parties to the APMBC",
        parts=[PartPlan(1, date(2021, 11, 15), date(2021, 11, 19))],
    )
    estimate = services.record_cost_estimate(
        convention=convention,
        meeting=meeting,
        lines=[LineIn("conference_services", "120000.00")],
        by=secretariat,
    )
    services.issue_assessments(
        estimate=estimate, issued_on=date(2021, 10, 1), due_on=date(2021, 12, 31), by=secretariat
    )
    return estimate


def _states(accounts) -> set[str]:
    return {account.iso3 for account in accounts}


def test_accounts_of_each_convention_hold_only_its_money(assessed, apmbc_assessed):
    ccm_accounts = selectors.accounts(convention=assessed.convention, on=date(2022, 1, 1))
    apmbc_accounts = selectors.accounts(convention=apmbc_assessed.convention, on=date(2022, 1, 1))

    assert sum(a.assessed for a in ccm_accounts) == Decimal("400000.00")
    assert sum(a.assessed for a in apmbc_accounts) == APMBC_TOTAL
    assert APMBC_ONLY not in _states(ccm_accounts)
    assert APMBC_ONLY in _states(apmbc_accounts)
    assert {a.year for a in apmbc_accounts} == {2021}


def test_totals_and_due_dates_of_each_convention(assessed, apmbc_assessed):
    apmbc_row = apmbc_assessed.convention
    assert [(y.year, y.assessed) for y in selectors.totals_by_year(convention=apmbc_row)] == [
        (2021, APMBC_TOTAL)
    ]
    assert [
        (y.year, y.assessed) for y in selectors.totals_by_year(convention=assessed.convention)
    ] == [(2020, Decimal("400000.00"))]
    apmbc_due = selectors.payment_due_dates(convention=apmbc_row)
    assert {d.meeting for d in apmbc_due} == {"Test Meeting of the States Parties to the APMBC"}
    ccm_due = selectors.payment_due_dates(convention=assessed.convention)
    assert {d.meeting for d in ccm_due} == {"Second Review Conference"}


def test_estimates_budgets_and_contributions_per_convention(assessed, apmbc_assessed, secretariat):
    apmbc_row = apmbc_assessed.convention
    services.record_isu_budget(
        convention=apmbc_row,
        kind="annual",
        first_year=2021,
        last_year=2021,
        title="Test APMBC ISU 2021 budget",
        by=secretariat,
    )
    services.record_voluntary_contribution(
        convention=apmbc_row,
        state=apmbc_only_state(),
        year=2021,
        amount="5000",
        by=secretariat,
    )

    assert selectors.cost_estimates(convention=apmbc_row) == [apmbc_assessed]
    assert apmbc_assessed not in selectors.cost_estimates(convention=assessed.convention)
    assert [b.title for b in selectors.isu_budgets(convention=apmbc_row)] == [
        "Test APMBC ISU 2021 budget"
    ]
    # The CCM's annual budget of 2021 is untouched by the APMBC's of the same period.
    assert "Test APMBC ISU 2021 budget" not in {
        b.title for b in selectors.isu_budgets(convention=assessed.convention)
    }
    assert [c.state.iso3 for c in selectors.voluntary_contributions(convention=apmbc_row)] == [
        APMBC_ONLY
    ]
    assert selectors.voluntary_contributions(convention=assessed.convention) == []


def test_another_conventions_estimate_and_assessment_are_not_found(assessed, apmbc_assessed):
    with pytest.raises(Http404):
        selectors.cost_estimate(convention=apmbc_assessed.convention, pk=assessed.pk)
    ccm_assessment = Assessment.objects.filter(estimate=assessed).first()
    with pytest.raises(Http404):
        selectors.assessment(convention=apmbc_assessed.convention, pk=ccm_assessment.pk)


def test_estimate_for_a_meeting_of_another_convention_refused(apmbc_assessed, secretariat):
    with pytest.raises(RuleError) as caught:
        services.record_cost_estimate(
            convention=the_ccm(),
            meeting=apmbc_assessed.meeting,
            lines=[LineIn("documents", "10")],
            by=secretariat,
        )
    assert (caught.value.field, caught.value.message) == (
        "meeting",
        services.MEETING_OF_ANOTHER_CONVENTION
        % {"meeting": apmbc_assessed.meeting, "other": "APMBC", "convention": "CCM"},
    )


def test_ccm_page_and_exports_show_no_apmbc_money(assessed, apmbc_assessed, secretariat):
    client = client_for(secretariat)
    page = client.get("/ccm/finance/?on=2022-01-01")
    assert page.context["convention"].short_name == "CCM"
    assert "Test State XAP" not in page.content.decode()
    assert "Test Meeting of the States Parties to the APMBC" not in page.content.decode()
    exported = client.get("/ccm/finance/status.csv?on=2022-01-01")
    rows = list(csv.DictReader(io.StringIO(exported.content.decode())))
    assert exported["Content-Disposition"] == (
        'attachment; filename="ccm-financial-status-2022-01-01.csv"'
    )
    assert APMBC_ONLY not in {row["iso3"] for row in rows}
    assert sum(Decimal(row["assessed"]) for row in rows) == Decimal("400000.00")


def test_api_status_and_due_dates_per_convention(assessed, apmbc_assessed, secretariat):
    client = token_client(secretariat)
    apmbc_status = client.get("/api/v1/apmbc/finance/status?on=2022-01-01").json()["items"]
    ccm_status = client.get("/api/v1/ccm/finance/status?on=2022-01-01").json()["items"]
    assert sum(Decimal(row["assessed"]) for row in apmbc_status) == APMBC_TOTAL
    assert APMBC_ONLY not in {row["iso3"] for row in ccm_status}
    apmbc_due = client.get("/api/v1/apmbc/finance/due-dates").json()["items"]
    assert {row["meeting"] for row in apmbc_due} == {
        "Test Meeting of the States Parties to the APMBC"
    }


def test_api_cannot_pay_a_ccm_assessment_under_the_apmbc(assessed, apmbc_assessed, secretariat):
    peru = Assessment.objects.get(estimate=assessed, state__iso3="PER")
    response = token_client(secretariat).post(
        "/api/v1/apmbc/finance/payments",
        json.dumps(
            {
                "assessment": peru.pk,
                "received_on": "2021-01-10",
                "amount": "10.00",
                "currency": "USD",
                "reference": "X",
            }
        ),
        content_type="application/json",
    )
    assert response.status_code == 404
    assert not peru.payments.exists()


def test_payment_deadlines_name_their_convention(assessed, apmbc_assessed):
    found = deadlines_between(start=date(2021, 1, 1), end=date(2021, 12, 31))
    by_convention = {d.convention for d in found if d.bound.iso3 == APMBC_ONLY}
    assert by_convention == {"APMBC"}
    assert {d.convention for d in found if d.day == date(2021, 1, 31)} == {"CCM"}
