"""An extension request through its whole life in a two-part meeting the test convenes,
each step by its role through the API and the page: submitted by the State's Delegation,
analysed by the ISU, its draft decision submitted by the President and issued by the
Secretariat as the meeting's next CRP, recommended at part 1 and decided at part 2. The
grant takes effect on its decision day."""

import dataclasses
from datetime import date, timedelta

import pytest
from django.utils import timezone

from plenary.core.models import Role
from plenary.decisions.models import ExtensionRequest
from plenary.meetings import services as meetings
from plenary.rules.months import add_months
from plenary.treaties import selectors as treaties
from plenary.treaties.models import Obligation
from plenary.treaties.services import record_obligation, record_participation
from tests.conftest import client_for, make_user, new_state, token_client


@pytest.fixture
def obligation(ccm) -> Obligation:
    """A test State's Article 3 obligation whose deadline is some months ahead."""
    state = new_state("TST")
    today = timezone.localdate()
    record_participation(
        convention=ccm,
        state=state,
        signed_on=date(2008, 12, 3),
        deposited_on=add_months(today, -8 * 12) + timedelta(days=10),
        instrument="ratification",
    )
    found = record_obligation(
        convention=ccm, state=state, kind="stockpile_destruction", source="test"
    )
    assert found.current_deadline > today
    return found


@pytest.fixture
def conference(ccm, obligation, secretariat):
    """Two parts: the first before the State's deadline, the second after it."""
    deadline = obligation.current_deadline
    return meetings.create_meeting(
        convention=ccm,
        code="TEST-RC",
        kind="review_conference",
        title="Test Review Conference",
        symbol_root="CCM/CONF/2099",
        parts=[
            meetings.PartPlan(1, deadline - timedelta(days=40), deadline - timedelta(days=38)),
            meetings.PartPlan(2, deadline + timedelta(days=20), deadline + timedelta(days=21)),
        ],
        by=secretariat,
    )


def post(user, path, payload):
    return token_client(user).post(
        f"/api/v1/ccm/extension-requests{path}", payload, content_type="application/json"
    )


def test_a_request_recommended_at_part_1_and_decided_at_part_2(
    obligation, conference, secretariat, president, isu
):
    delegate = make_user("tst_delegate", Role.DELEGATION, "TST")
    old = obligation.current_deadline
    new = add_months(old, 24)
    part1, part2 = conference.parts.order_by("number")

    submitted = post(
        delegate,
        "",
        {
            "state": "TST",
            "obligation": "stockpile_destruction",
            "requested_deadline": new.isoformat(),
            "meeting": "TEST-RC",
        },
    )
    assert submitted.status_code == 201, submitted.content
    pk = submitted.json()["id"]

    assert (
        post(president, f"/{pk}/analysis", {"analysis_document": "CCM/CONF/2099/6"}).status_code
        == 403
    )
    assert post(isu, f"/{pk}/analysis", {"analysis_document": "CCM/CONF/2099/6"}).status_code == 200
    drafted = post(president, f"/{pk}/draft-decision", {"text": "The Conference decides to grant."})
    assert drafted.status_code == 200
    assert post(president, f"/{pk}/draft-decision/issue", {}).status_code == 403
    issued = post(secretariat, f"/{pk}/draft-decision/issue", {})
    assert issued.status_code == 200, issued.content
    assert issued.json()["draft_decision_document"] == "CCM/CONF/2099/CRP.1"

    recommended = post(
        secretariat,
        f"/{pk}/recommendation",
        {
            "meeting": "TEST-RC",
            "part": 1,
            "until": new.isoformat(),
            "day": part1.starts_on.isoformat(),
            "conditions": ["progress in destroying its stockpile"],
        },
    )
    assert recommended.status_code == 200, recommended.content
    assert (
        post(
            delegate, f"/{pk}/decision", {"meeting": "TEST-RC", "part": 2, "decision": "granted"}
        ).status_code
        == 403
    )
    decided = post(
        secretariat,
        f"/{pk}/decision",
        {
            "meeting": "TEST-RC",
            "part": 2,
            "decision": "granted",
            "day": part2.starts_on.isoformat(),
        },
    )
    assert decided.status_code == 200, decided.content
    assert decided.json()["granted_deadline"] == new.isoformat()
    assert decided.json()["decided_at"] == "TEST-RC part 2"

    def in_force(day):
        [row] = treaties.obligations_on(
            convention=obligation.convention, on=day, iso3="TST", obligation="stockpile_destruction"
        )
        return row.current_deadline, row.status

    day_before = part2.starts_on - timedelta(days=1)
    assert in_force(old) == (old, "pending")
    # Decided after the old deadline: the State was overdue in between.
    assert in_force(day_before) == (old, "overdue")
    assert in_force(part2.starts_on) == (new, "pending")
    request = ExtensionRequest.objects.get(pk=pk)
    assert request.history.latest().history_user == secretariat
    assert [c.letter for c in request.conditions.all()] == ["a"]


def test_a_request_after_the_deadline_is_refused_naming_the_rule(ccm, secretariat):
    """The Lebanese clearance obligation's deadline (1 May 2021 or as extended) has passed."""
    lebanon = Obligation.objects.get(state__iso3="LBN", kind="clearance")
    assert lebanon.current_deadline < timezone.localdate()
    response = post(secretariat, "", {"state": "LBN", "obligation": "clearance", "months": 12})

    assert response.status_code == 422
    [error] = response.json()["errors"]
    assert error["field"] == "obligation"
    assert error["message"] == (
        f"CCM, Article 4: the deadline of Lebanon passed on"
        f" {lebanon.current_deadline:%-d %B %Y}; an extension is requested before the deadline it"
        " would extend"
    )
    assert not ExtensionRequest.objects.filter(
        obligation=lebanon, submitted_on=timezone.localdate()
    ).exists()


def test_each_step_on_the_page_by_its_role(obligation, conference, secretariat, isu, president):
    delegate = make_user("tst_delegate", Role.DELEGATION, "TST")
    page = client_for(delegate)
    form = page.get("/ccm/extension-requests/new/").content.decode()
    assert "Article 3" in form
    response = page.post(
        "/ccm/extension-requests/new/",
        {
            "obligation": obligation.pk,
            "months": 12,
            "meeting": "TEST-RC",
            "work_plan": "Destroy the remaining stocks.",
        },
    )
    assert response.status_code == 302, response.content.decode()
    request = ExtensionRequest.objects.get(obligation=obligation)
    url = f"/ccm/extension-requests/{request.pk}/"
    assert 'id="step-analysis"' not in page.get(url).content.decode()
    assert 'id="step-analysis"' in client_for(isu).get(url).content.decode()
    assert "Request awaiting analysis: Test State TST" in client_for(isu).get("/").content.decode()
    assert "Your State&#x27;s request is pending" in page.get("/").content.decode()

    client_for(isu).post(f"{url}analysis/", {"analysis-analysis_document": "CCM/CONF/2099/6"})
    client_for(president).post(f"{url}draft/", {"draft-text": "The Conference decides."})
    client_for(secretariat).post(f"{url}issue/", {"issue-draft_decision_document": ""})
    request.refresh_from_db()
    assert (request.analysis_document, request.draft_decision_document) == (
        "CCM/CONF/2099/6",
        "CCM/CONF/2099/CRP.1",
    )
    part1 = conference.parts.get(number=1)
    refused = client_for(secretariat).post(
        f"{url}recommend/",
        {"recommend-part": part1.pk, "recommend-recommendation": "grant"},
    )
    assert refused.status_code == 422
    assert "names the new deadline" in refused.content.decode()


@pytest.fixture
def cut_off(monkeypatch):
    """The CCM's rules with a cut-off before the deciding meeting (its file sets none)."""
    from plenary.rules import conventions

    rules = dataclasses.replace(
        conventions.get_ruleset("CCM"),
        extension_request_before_meeting_days=365,
        decisions_source="a test decision",
    )
    monkeypatch.setattr(conventions, "_registry", {**conventions.registry(), "CCM": rules})
    return rules


def test_a_request_later_than_the_cut_off_before_the_meeting_is_refused_naming_the_rule(
    obligation, conference, cut_off
):
    delegate = make_user("tst_delegate", Role.DELEGATION, "TST")
    opens = conference.parts.get(number=1).starts_on

    response = post(
        delegate,
        "",
        {"state": "TST", "obligation": "stockpile_destruction", "months": 12, "meeting": "TEST-RC"},
    )

    assert response.status_code == 422
    [error] = response.json()["errors"]
    assert error["field"] == "meeting"
    assert error["message"] == (
        f"Test Review Conference: a request is submitted at least 365 days before the meeting"
        f" opens on {opens:%-d %B %Y}, by {opens - timedelta(days=365):%-d %B %Y}"
        " (a test decision)"
    )
    assert not ExtensionRequest.objects.filter(obligation=obligation).exists()
    # Named to no meeting yet, the cut-off does not apply; nor does the CCM's file set one.
    assert (
        post(
            delegate, "", {"state": "TST", "obligation": "stockpile_destruction", "months": 12}
        ).status_code
        == 201
    )


def test_the_ccm_file_sets_no_cut_off_for_extension_requests():
    from plenary.rules import conventions

    assert conventions.get_ruleset("CCM").extension_request_before_meeting_days is None
