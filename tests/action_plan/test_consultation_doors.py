"""Issuing, moving and closing a consultation on the page and through the API; the
addressee rule on contributions."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from plenary.action_plan.models import AddressedTo, Consultation, Contribution
from plenary.core.models import Role
from tests.conftest import client_for, make_user, token_client


@pytest.fixture
def brazil_delegate(ccm):
    return make_user("brazil_delegate", Role.DELEGATION, "BRA")


def _issue_payload(deadline):
    return {
        "title": "Draft action plan: written contributions",
        "issued_by": "The President",
        "addressed_to": "states_parties",
        "deadline_on": deadline.isoformat(),
        "sections": [
            {"title": "Universalisation", "area": "universalisation", "questions": ["How?"]},
            {"title": "Victim assistance", "area": "victim-assistance", "questions": ["Who?"]},
        ],
    }


def test_the_president_issues_a_consultation_on_the_page(
    president, peru_delegate, django_capture_on_commit_callbacks
):
    deadline = timezone.localdate() + timedelta(days=20)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(president).post(
            "/ccm/consultations/new/",
            {
                "title": "Draft plan",
                "plan": "LAP",
                "issued_by": "The President",
                "addressees": "The States Parties",
                "addressed_to": "states_parties",
                "deadline_on": deadline.isoformat(),
                "visibility": "presidency",
                "area_1": "universalisation",
                "questions_1": "First question?\nSecond question?",
                "area_2": "victim-assistance",
                "questions_2": "Third question?",
            },
        )
    consultation = Consultation.objects.get(title="Draft plan")
    assert response.status_code == 302
    assert response["Location"] == f"/ccm/consultations/{consultation.pk}/"
    assert consultation.addressed_to == AddressedTo.STATES_PARTIES
    assert consultation.plan.code == "LAP"
    assert [(s.title, s.area.slug) for s in consultation.sections.all()] == [
        ("Universalisation", "universalisation"),
        ("Victim assistance", "victim-assistance"),
    ]
    assert [q.text for s in consultation.sections.all() for q in s.questions.all()] == [
        "First question?",
        "Second question?",
        "Third question?",
    ]
    assert consultation.history.first().history_user == president
    assert "peru_delegate@example.org" in [m.to[0] for m in mail.outbox]


def test_a_delegation_may_not_issue_a_consultation(peru_delegate):
    response = client_for(peru_delegate).post("/ccm/consultations/new/", {"title": "X"})
    assert response.status_code == 403
    assert not Consultation.objects.filter(title="X").exists()


def test_a_state_not_party_is_refused_on_the_field(president, peru_delegate, brazil_delegate):
    deadline = timezone.localdate() + timedelta(days=20)
    response = token_client(president).post(
        "/api/v1/ccm/consultations", _issue_payload(deadline), content_type="application/json"
    )
    assert response.status_code == 201, response.content
    pk = response.json()["id"]
    body = {"answers": [{"question": 1, "text": "Brazil's view"}]}
    refused = token_client(brazil_delegate).put(
        f"/api/v1/ccm/consultations/{pk}/contributions/mine", body, content_type="application/json"
    )
    assert refused.status_code == 422
    assert refused.json()["errors"] == [
        {
            "field": "state",
            "message": "CCM: Brazil is not a State Party, and this consultation is addressed"
            " to the States Parties",
        }
    ]
    page = client_for(brazil_delegate).post(f"/ccm/consultations/{pk}/", {"q1": "x"})
    assert page.status_code == 422
    assert "CCM: Brazil is not a State Party" in page.content.decode()
    accepted = token_client(peru_delegate).put(
        f"/api/v1/ccm/consultations/{pk}/contributions/mine",
        {"answers": [{"question": 1, "text": "Peru's view"}]},
        content_type="application/json",
    )
    assert accepted.status_code == 200
    assert [c.state.iso3 for c in Contribution.objects.filter(consultation_id=pk)] == ["PER"]


def test_the_deadline_moves_with_a_reason_and_the_consultation_closes(president, peru_delegate):
    deadline = timezone.localdate() + timedelta(days=20)
    pk = (
        token_client(president)
        .post(
            "/api/v1/ccm/consultations", _issue_payload(deadline), content_type="application/json"
        )
        .json()["id"]
    )
    client = client_for(president)
    missing = client.post(
        f"/ccm/consultations/{pk}/deadline/", {"deadline_on": deadline + timedelta(days=5)}
    )
    assert missing.status_code == 422
    moved = client.post(
        f"/ccm/consultations/{pk}/deadline/",
        {"deadline_on": (deadline + timedelta(days=5)).isoformat(), "reason": "More time"},
    )
    assert moved.status_code == 302
    consultation = Consultation.objects.get(pk=pk)
    assert consultation.deadline_date == deadline + timedelta(days=5)
    assert consultation.history.first().history_change_reason.endswith(": More time")
    refused = token_client(peru_delegate).post(f"/api/v1/ccm/consultations/{pk}/close")
    assert refused.status_code == 403
    closed = token_client(president).post(f"/api/v1/ccm/consultations/{pk}/close")
    assert closed.status_code == 200
    assert closed.json()["is_open"] is False
    late = token_client(peru_delegate).put(
        f"/api/v1/ccm/consultations/{pk}/contributions/mine",
        {"answers": [{"question": 1, "text": "late"}]},
        content_type="application/json",
    )
    assert late.status_code == 422
    assert late.json()["errors"][0]["field"] == "deadline"


def test_a_chosen_list_of_states_and_organisations_alone_may_contribute(
    president, peru_delegate, brazil_delegate, django_capture_on_commit_callbacks
):
    """Brazil and the ICRC are on the list; Peru (a State Party) and the CMC are not."""
    icrc = make_user("icrc_delegate", Role.DELEGATION, organisation="ICRC")
    cmc = make_user("cmc_delegate", Role.DELEGATION, organisation="CMC")
    payload = {
        **_issue_payload(timezone.localdate() + timedelta(days=20)),
        "addressed_to": "chosen",
        "states": ["BRA"],
        "organisations": ["ICRC"],
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = token_client(president).post(
            "/api/v1/ccm/consultations", payload, content_type="application/json"
        )
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["addressed_states"], body["addressed_organisations"]) == (
        ["BRA"],
        ["International Committee of the Red Cross"],
    )
    notified = {m.to[0] for m in mail.outbox}
    assert {"brazil_delegate@example.org", "icrc_delegate@example.org"} <= notified
    assert not notified & {"peru_delegate@example.org", "cmc_delegate@example.org"}
    mine = f"/api/v1/ccm/consultations/{body['id']}/contributions/mine"
    answer = {"answers": [{"question": 1, "text": "A view"}]}

    def put(user):
        return token_client(user).put(mine, answer, content_type="application/json")

    assert put(brazil_delegate).status_code == 200
    assert put(icrc).status_code == 200
    peru = put(peru_delegate)
    assert peru.status_code == 422
    assert peru.json()["errors"] == [
        {
            "field": "state",
            "message": "Peru is not among the States this consultation is addressed to",
        }
    ]
    refused = put(cmc)
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "organisation"
    page = client_for(president).get(f"/ccm/consultations/{body['id']}/").content.decode()
    assert "Brazil; International Committee of the Red Cross" in page


def test_a_chosen_list_on_the_page_names_an_organisation(president):
    from plenary.treaties.models import Organisation

    icrc = Organisation.objects.get(abbreviation="ICRC")
    response = client_for(president).post(
        "/ccm/consultations/new/",
        {
            "title": "Only the ICRC",
            "issued_by": "The President",
            "addressed_to": "chosen",
            "organisations": [icrc.pk],
            "deadline_on": (timezone.localdate() + timedelta(days=20)).isoformat(),
            "visibility": "presidency",
            "area_1": "universalisation",
            "questions_1": "How?",
        },
    )
    assert response.status_code == 302, response.content.decode()
    consultation = Consultation.objects.get(title="Only the ICRC")
    assert list(consultation.addressed_organisations.all()) == [icrc]
    assert (consultation.addresses_states, consultation.addresses_organisations) == (False, True)
    empty = client_for(president).post(
        "/ccm/consultations/new/",
        {
            "title": "No one",
            "issued_by": "The President",
            "addressed_to": "chosen",
            "deadline_on": (timezone.localdate() + timedelta(days=20)).isoformat(),
            "visibility": "presidency",
            "area_1": "universalisation",
            "questions_1": "How?",
        },
    )
    assert empty.status_code == 422
    assert "choose the States or organisations the consultation is addressed to" in (
        empty.content.decode()
    )
