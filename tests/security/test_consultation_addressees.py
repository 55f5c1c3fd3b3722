"""A consultation's addressee rule holds (issue 24: "a non-party State (Brazil) answers a
consultation addressed to States Parties"; fixed on the action plan's branch, its test
kept here too)."""

from datetime import timedelta

from django.utils import timezone

from plenary.action_plan.models import Contribution
from tests.conftest import make_user, token_client


def test_a_non_party_cannot_answer_a_consultation_to_states_parties(ccm, president):
    deadline = timezone.localdate() + timedelta(days=20)
    issued = token_client(president).post(
        "/api/v1/ccm/consultations",
        {
            "title": "Draft action plan: written contributions",
            "issued_by": "The President",
            "addressed_to": "states_parties",
            "deadline_on": deadline.isoformat(),
            "sections": [
                {"title": "Universalisation", "area": "universalisation", "questions": ["How?"]}
            ],
        },
        content_type="application/json",
    )
    assert issued.status_code == 201, issued.content
    brazil = make_user("brazil_delegate", "delegation", "BRA")
    answer = token_client(brazil).put(
        f"/api/v1/ccm/consultations/{issued.json()['id']}/contributions/mine",
        {"answers": [{"question": 1, "text": "Brazil's view"}]},
        content_type="application/json",
    )
    assert answer.status_code == 422
    assert answer.json()["errors"][0]["field"] == "state"
    assert not Contribution.objects.exists()
