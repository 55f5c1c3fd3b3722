"""What an adopted silence procedure decides beyond a meeting's plan: extension requests
granted (dated the day the silence ended) and a cost estimate approved, carried out by
the scheduler's job through the services in the conclusion's one transaction; a broken
procedure changes nothing."""

from datetime import timedelta

import pytest
from django.utils import timezone

from plenary import jobs
from plenary.decisions import services
from plenary.decisions.models import Decision, ExtensionRequest, Outcome, SilenceProcedure
from plenary.finance.models import CostEstimate
from plenary.finance.services import LineIn, record_cost_estimate
from plenary.meetings.services import PartPlan, create_meeting
from plenary.rules.months import add_months
from plenary.treaties import selectors as treaties
from tests.conftest import acts_for, token_client


@pytest.fixture
def request_to_decide(future_clearance, tst_delegate, secretariat) -> ExtensionRequest:
    request = services.submit_extension_request(
        obligation=future_clearance,
        by=tst_delegate,
        submitted_on=timezone.localdate(),
        months=12,
    )
    return services.submit_draft_decision(
        request=request, text="The States Parties decide to grant.", by=secretariat
    )


def circulate(user, payload):
    today = timezone.localdate()
    return token_client(user).post(
        "/api/v1/ccm/silence-procedures",
        {
            "subject": "Extension request of Test State TST",
            "deadline_on": (today + timedelta(days=5)).isoformat(),
            **payload,
        },
        content_type="application/json",
    )


def conclude_after(procedure: SilenceProcedure) -> str:
    return jobs.conclude_silence_procedures(now=procedure.deadline + timedelta(seconds=1))


def in_force(obligation, day):
    [row] = treaties.obligations_on(
        convention=obligation.convention, on=day, iso3="TST", obligation="clearance"
    )
    return row.current_deadline


def test_an_adopted_procedure_grants_the_request_on_the_day_its_silence_ends(
    president, request_to_decide, mailoutbox
):
    old = request_to_decide.current_deadline
    new = add_months(old, 12)
    response = circulate(
        president,
        {"effect_kind": "decide_extensions", "extension_requests": [request_to_decide.pk]},
    )
    assert response.status_code == 201, response.content
    procedure = SilenceProcedure.objects.get(pk=response.json()["id"])
    assert procedure.effect == {"requests": [request_to_decide.pk], "decision": "granted"}

    assert conclude_after(procedure).endswith(f"{procedure.pk} adopted")

    request_to_decide.refresh_from_db()
    day = procedure.deadline_date
    assert (request_to_decide.decision, request_to_decide.decided_on) == ("granted", day)
    assert request_to_decide.decided_by_procedure == procedure
    assert request_to_decide.granted_deadline == new
    assert request_to_decide.extension.decided_on == day
    assert request_to_decide.extension.meeting == (
        f"silence procedure of {procedure.period_in_english}"
    )
    assert request_to_decide.history.latest().history_user.is_system_actor
    obligation = request_to_decide.obligation
    assert in_force(obligation, day - timedelta(days=1)) == old
    assert in_force(obligation, day) == new
    decision = Decision.objects.get(silence_procedure=procedure)
    assert (decision.kind, decision.decided_on) == ("granted", day)


def test_a_broken_procedure_decides_nothing(
    president, request_to_decide, future_clearance, tst_delegate
):
    old = future_clearance.current_deadline
    response = circulate(
        president,
        {"effect_kind": "decide_extensions", "extension_requests": [request_to_decide.pk]},
    )
    procedure = SilenceProcedure.objects.get(pk=response.json()["id"])
    services.break_silence(
        procedure=procedure,
        state=acts_for(tst_delegate),
        by=tst_delegate,
        reason="We withdraw our request.",
        now=timezone.now(),
    )

    assert conclude_after(procedure).endswith(f"{procedure.pk} broken")

    request_to_decide.refresh_from_db()
    future_clearance.refresh_from_db()
    assert (request_to_decide.decision, request_to_decide.extension) == ("", None)
    assert future_clearance.current_deadline == old
    assert not Decision.objects.filter(silence_procedure=procedure).exists()


def test_an_effect_that_cannot_be_carried_out_leaves_everything_as_it_was(
    president, secretariat, request_to_decide, future_clearance
):
    """One transaction: the grant refused (the deadline moved meanwhile) concludes nothing."""
    response = circulate(
        president,
        {"effect_kind": "decide_extensions", "extension_requests": [request_to_decide.pk]},
    )
    procedure = SilenceProcedure.objects.get(pk=response.json()["id"])
    future_clearance.current_deadline += timedelta(days=1)
    future_clearance.save()

    with pytest.raises(Exception, match="record a new request"):
        conclude_after(procedure)

    procedure.refresh_from_db()
    request_to_decide.refresh_from_db()
    assert procedure.outcome == Outcome.OPEN
    assert request_to_decide.decision == ""
    assert not Decision.objects.filter(silence_procedure=procedure).exists()


def test_circulation_names_only_undecided_requests_of_its_convention(president):
    before = SilenceProcedure.objects.count()
    response = circulate(president, {"effect_kind": "decide_extensions", "extension_requests": [0]})

    assert response.status_code == 422
    [error] = response.json()["errors"]
    assert error["field"] == "effect"
    assert error["message"] == "CCM: 0 is not an undecided extension request"
    assert SilenceProcedure.objects.count() == before


@pytest.fixture
def estimate(ccm, secretariat) -> CostEstimate:
    today = timezone.localdate()
    meeting = create_meeting(
        convention=ccm,
        code="TEST-MSP",
        kind="msp",
        title="Test Meeting of States Parties",
        parts=[PartPlan(1, today + timedelta(days=200), today + timedelta(days=202))],
        by=secretariat,
    )
    return record_cost_estimate(
        convention=ccm,
        meeting=meeting,
        lines=[LineIn("conference_services", "1000.00")],
        document_symbol="CCM/MSP/2099/3",
        by=secretariat,
    )


def test_an_adopted_procedure_approves_the_cost_estimate(president, estimate):
    response = circulate(
        president, {"effect_kind": "approve_cost_estimate", "cost_estimate": estimate.pk}
    )
    assert response.status_code == 201, response.content
    procedure = SilenceProcedure.objects.get(pk=response.json()["id"])

    conclude_after(procedure)

    estimate.refresh_from_db()
    assert estimate.approved_on == procedure.deadline_date
    assert estimate.approved_by.startswith(f"silence procedure of {procedure.period_in_english}")
    assert Decision.objects.get(silence_procedure=procedure).kind == "approved"
    # Approved once: a second procedure naming it is refused at circulation.
    again = circulate(
        president, {"effect_kind": "approve_cost_estimate", "cost_estimate": estimate.pk}
    )
    assert again.status_code == 422
    assert again.json()["errors"][0]["field"] == "effect"


def test_the_secretariat_approves_an_estimate_through_the_api_and_no_one_else(
    president, secretariat, estimate
):
    path = f"/api/v1/ccm/finance/estimates/{estimate.pk}/approval"
    body = {"approved_by": "Report of the meeting, para. 30", "approved_on": "2030-09-04"}

    refused = token_client(president).post(path, body, content_type="application/json")
    assert refused.status_code == 403
    estimate.refresh_from_db()
    assert estimate.approved_by == ""

    approved = token_client(secretariat).post(path, body, content_type="application/json")
    assert approved.status_code == 200, approved.content
    assert approved.json()["approved_by"] == "Report of the meeting, para. 30"
