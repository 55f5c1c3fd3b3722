"""The Secretariat convenes and keeps a meeting through the API."""

import pytest

from plenary.meetings.models import Meeting
from tests.conftest import token_client

pytestmark = pytest.mark.django_db

API = "/api/v1/ccm/meetings"
MEETING = {
    "kind": "msp",
    "code": "14MSP",
    "number": 14,
    "symbol_root": "CCM/MSP/2027",
    "title": "Fourteenth Meeting of States Parties",
    "convening_reference": "CCM/MSP/2026/1, para. 40",
    "parts": [
        {
            "starts_on": "2027-09-07",
            "ends_on": "2027-09-09",
            "format": "in_person",
            "registration_deadline": "2027-08-07",
        },
        {"starts_on": "2027-11-16", "ends_on": "2027-11-17", "format": "virtual"},
    ],
}


def test_the_secretariat_convenes_and_keeps_a_meeting(secretariat):
    client = token_client(secretariat)
    response = client.post(API, MEETING, content_type="application/json")
    assert response.status_code == 201, response.json()
    assert [p["registration_deadline"] for p in response.json()["parts"]] == ["2027-08-07", None]
    plan = {
        "parts": [
            MEETING["parts"][0],
            {**MEETING["parts"][1], "starts_on": "2027-12-01", "ends_on": "2027-12-02"},
        ],
        "decided_by": "silence procedure",
        "reason": "postponed",
    }
    response = client.post(f"{API}/14MSP/plan", plan, content_type="application/json")
    assert response.status_code == 200
    assert response.json()["plan_changes"][0]["reason"] == "postponed"
    response = client.post(f"{API}/14MSP/plan", plan, content_type="application/json")
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "parts", "message": "the new plan is the same as the current one"}
    ]
    response = client.post(
        f"{API}/14MSP/officers",
        {
            "role": "vice_president",
            "state": "PER",
            "act": "elected",
            "act_on": "2027-09-07",
            "term": "until the 15MSP",
        },
        content_type="application/json",
    )
    assert response.status_code == 201
    assert response.json()["name"] == "Peru"

    def post(path, body):
        return client.post(
            f"{API}/14MSP/{path}",
            body,
            content_type="application/json",
        )

    assert post("agenda", {"number": 1, "title": "Opening"}).status_code == 201
    assert post("agenda", {"number": 1, "letter": "a", "title": "Sub"}).status_code == 201
    assert post("agenda/adoption", {"on": "2027-09-07"}).status_code == 200
    response = post(
        "slots", {"part": 1, "day": "2027-09-07", "starts_at": "10:00", "ends_at": "13:00"}
    )
    assert response.status_code == 201
    slot = response.json()["id"]
    assert post(f"slots/{slot}/entries", {"agenda_item": "1a"}).status_code == 201
    response = post(f"slots/{slot}/entries", {})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "text"
    assert post("parts/1/plenary-meetings", {"count": 2}).status_code == 200
    meeting = Meeting.objects.get(code="14MSP")
    assert meeting.parts.get(number=1).plenary_meetings_held == 2
    assert meeting.agenda_items.count() == 2


def test_a_delegation_cannot_convene(peru_delegate):
    response = token_client(peru_delegate).post(API, MEETING, content_type="application/json")
    assert response.status_code == 403
    assert not Meeting.objects.filter(code="14MSP").exists()


def test_an_unknown_kind_is_refused_on_its_field(secretariat):
    response = token_client(secretariat).post(
        API, {**MEETING, "kind": "summit"}, content_type="application/json"
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "kind"
