"""The Secretariat records decisions taken in plenary, on the page and through the API; each
convention has a searchable register of its decisions."""

from datetime import date

import pytest

from plenary.decisions.models import Decision
from plenary.meetings import services as meetings
from tests.conftest import client_for, token_client


@pytest.fixture
def msp(test_meeting, secretariat):
    meetings.add_agenda_item(
        meeting=test_meeting, number=10, title="ISU work plan and budget", by=secretariat
    )
    return test_meeting


def test_the_secretariat_records_a_decision_through_the_api(msp, secretariat):
    response = token_client(secretariat).post(
        "/api/v1/ccm/decisions",
        {
            "meeting": "11MSP",
            "kind": "approved",
            "text": "the ISU's work plan and budget for 2031",
            "decided_on": "2030-09-03",
            "agenda_items": ["10"],
            "documents": ["CCM/MSP/2030/WP.2"],
            "symbol": "CCM/MSP/2030/L.1",
            "adopted_text": "The Meeting approved the ISU's work plan and budget for 2031.",
        },
        content_type="application/json",
    )

    assert response.status_code == 201, response.content
    assert response.json()["agenda_items"] == ["10"]
    assert response.json()["adopted_text"] == (
        "The Meeting approved the ISU's work plan and budget for 2031."
    )
    decision = Decision.objects.get(subject="the ISU's work plan and budget for 2031")
    assert (decision.part.meeting, decision.symbol, decision.documents) == (
        msp,
        "CCM/MSP/2030/L.1",
        ["CCM/MSP/2030/WP.2"],
    )
    assert decision.history.latest().history_user == secretariat

    # The second Review Conference's decisions are on record too (CCM/CONF/2020/WP.2).
    found = client_for(None).get("/api/v1/ccm/decisions?q=MSP/2030/WP.2").json()
    assert [d["text"] for d in found["items"]] == ["the ISU's work plan and budget for 2031"]


def test_a_day_outside_the_part_is_refused_on_the_field(msp, secretariat):
    response = token_client(secretariat).post(
        "/api/v1/ccm/decisions",
        {"meeting": "11MSP", "kind": "adopted", "text": "late", "decided_on": "2030-10-01"},
        content_type="application/json",
    )

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "decided_on"
    assert not Decision.objects.filter(subject="late").exists()


@pytest.mark.parametrize("who", ["president", "peru_delegate", "isu"])
def test_only_the_secretariat_records_a_decision(msp, who, request):
    user = request.getfixturevalue(who)
    response = token_client(user).post(
        "/api/v1/ccm/decisions",
        {"meeting": "11MSP", "kind": "adopted", "text": "not theirs"},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert client_for(user).get("/ccm/decisions/new/").status_code == 403
    assert not Decision.objects.filter(subject="not theirs").exists()


def test_the_secretariat_records_on_the_page_and_the_register_finds_it(msp, secretariat):
    part = msp.parts.get()
    page = client_for(secretariat)
    response = page.post(
        "/ccm/decisions/new/",
        {
            "part": part.pk,
            "kind": "welcomed",
            "subject": "the offer of Peru to host the Twelfth Meeting",
            "decided_on": date(2030, 9, 4).isoformat(),
            "agenda_items": "10",
            "documents": "",
            "symbol": "",
        },
    )

    assert response.status_code == 302
    register = page.get("/ccm/decisions/?q=Peru host").content.decode()
    assert "the offer of Peru to host the Twelfth Meeting" in register
    assert "agenda item 10" in register
    assert "the offer of Peru" not in page.get("/ccm/decisions/?q=budget").content.decode()


def test_an_unknown_agenda_item_is_refused_on_the_page(msp, secretariat):
    response = client_for(secretariat).post(
        "/ccm/decisions/new/",
        {"part": msp.parts.get().pk, "kind": "adopted", "subject": "x", "agenda_items": "99"},
    )
    assert response.status_code == 422
    assert "not one of that meeting" in response.content.decode()


def test_the_register_runs_a_constant_number_of_queries(client, msp, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        assert client.get("/ccm/decisions/").status_code == 200
