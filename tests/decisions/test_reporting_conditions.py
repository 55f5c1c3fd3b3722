"""The reporting conditions a grant attaches ("an updated work plan annually by 30 April")
become requirements with due days: on the State's page, among its deadlines and the
reminders, and met once the State's report is received in time."""

from datetime import timedelta

import pytest
from django.utils import timezone

from plenary.decisions import selectors, services
from plenary.decisions.deadlines import deadlines_between
from plenary.meetings.services import PartPlan, create_meeting
from plenary.rules.months import add_months
from plenary.treaties.services import record_transparency_report
from tests.conftest import client_for, token_client


@pytest.fixture
def granted(ccm, future_clearance, tst_delegate, secretariat):
    """TST's clearance extended by 24 months at a meeting before its deadline, with one
    condition due a month after the decision and each year after, and one with no day."""
    opens = timezone.localdate() + timedelta(days=30)
    meeting = create_meeting(
        convention=ccm,
        code="TEST-MSP",
        kind="msp",
        title="Test Meeting of States Parties",
        parts=[PartPlan(1, opens, opens + timedelta(days=2))],
        by=secretariat,
    )
    request = services.submit_extension_request(
        obligation=future_clearance,
        by=tst_delegate,
        submitted_on=timezone.localdate(),
        months=24,
        meeting=meeting,
    )
    return services.decide_extension_request(
        request=request,
        part=meeting.parts.get(),
        decision="granted",
        until=add_months(request.current_deadline, 24),
        decided_on=opens,
        conditions=[
            services.Condition(
                "an updated work plan", due_on=opens + timedelta(days=30), annually=True
            ),
            "progress in clearance",
        ],
        by=secretariat,
    )


def test_a_condition_due_each_year_is_due_on_each_day_until_the_deadline_granted(granted):
    due = selectors.reporting_requirements(today=granted.decided_on, iso3="TST")

    first = granted.decided_on + timedelta(days=30)
    years = [add_months(first, 12 * n) for n in range(5)]
    expected = [day for day in years if day <= granted.granted_deadline]
    assert len(expected) >= 2
    assert [(r.due_on, r.condition.letter, r.status) for r in due] == [
        (day, "a", "due") for day in expected
    ]


def test_the_state_meets_a_condition_by_reporting_in_time(ccm, granted, secretariat):
    first = granted.decided_on + timedelta(days=30)
    record_transparency_report(
        convention=ccm,
        state=granted.state,
        kind="annual",
        year_covered=first.year - 1,
        received_on=first - timedelta(days=3),
        today=first,
        by=secretariat,
    )

    due = selectors.reporting_requirements(today=add_months(first, 12) + timedelta(days=1))

    mine = [r for r in due if r.request == granted]
    assert [(r.status, r.met_on) for r in mine[:2]] == [
        ("met", first - timedelta(days=3)),
        ("overdue", None),
    ]
    assert mine[0].status_text.startswith("met: report received on")


def test_the_due_days_are_the_states_deadlines_and_reminders(granted, tst_delegate):
    first = granted.decided_on + timedelta(days=30)

    [deadline] = deadlines_between(start=first, end=first, state="TST")
    assert deadline.kind == "reporting_condition"
    assert deadline.bound.binds_state("TST") and not deadline.bound.binds_state("PER")
    assert "report on condition (a)" in deadline.subject
    assert deadline.notify_missed
    assert deadlines_between(start=first, end=first, state="PER") == []

    response = token_client(tst_delegate).get(
        f"/api/v1/deadlines?start={first.isoformat()}&end={first.isoformat()}&state=TST"
    )
    assert response.status_code == 200, response.content
    assert "reporting_condition" in response.content.decode()


def test_the_states_page_shows_its_reporting_conditions(granted, django_assert_max_num_queries):
    with django_assert_max_num_queries(40):
        page = client_for(None).get("/ccm/states/TST/").content.decode()
    assert 'id="reporting-conditions"' in page
    assert "(a) an updated work plan" in page
    assert (
        "progress in clearance"
        not in page.split('id="reporting-conditions"')[1].split("</section>")[0]
    )


def test_the_api_and_the_page_take_a_conditions_day(granted, secretariat):
    body = token_client(secretariat).get(f"/api/v1/ccm/extension-requests/{granted.pk}").json()
    assert body["conditions"][0]["due_on"] == (granted.decided_on + timedelta(days=30)).isoformat()
    assert body["conditions"][0]["annually"] is True

    from plenary.decisions.forms import _condition

    parsed = _condition("an updated plan [annually by 2031-04-30]")
    assert (parsed.text, parsed.due_on.isoformat(), parsed.annually) == (
        "an updated plan",
        "2031-04-30",
        True,
    )
    assert _condition("a plan").due_on is None
