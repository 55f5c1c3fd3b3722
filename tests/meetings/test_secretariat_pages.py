"""The Secretariat convenes and keeps a meeting on its pages; refusals come back on the form."""

from datetime import date

import pytest

from plenary.meetings.models import Meeting, PlanChange
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

PARTS = {
    "parts-TOTAL_FORMS": "2",
    "parts-INITIAL_FORMS": "0",
    "parts-MIN_NUM_FORMS": "1",
    "parts-MAX_NUM_FORMS": "20",
    "parts-0-starts_on": "2027-09-07",
    "parts-0-ends_on": "2027-09-09",
    "parts-0-format": "in_person",
    "parts-0-venue": "Palais des Nations",
    "parts-0-registration_deadline": "2027-08-07",
    "parts-1-starts_on": "2027-11-16",
    "parts-1-ends_on": "2027-11-17",
    "parts-1-format": "hybrid",
    "parts-1-registration_deadline": "2027-10-16",
}
MEETING = {
    "kind": "msp",
    "code": "14MSP",
    "number": "14",
    "symbol_root": "CCM/MSP/2026",
    "title": "Fourteenth Meeting of States Parties",
    "convening_reference": "CCM/MSP/2025/1, para. 40",
    "convened_by": "the Thirteenth Meeting of States Parties",
}


def _convene(client):
    return client.post("/ccm/meetings/new/", {**MEETING, **PARTS})


def test_the_secretariat_convenes_a_meeting_with_two_parts(secretariat):
    response = _convene(client_for(secretariat))
    assert response.status_code == 302
    meeting = Meeting.objects.get(code="14MSP")
    assert response["Location"] == "/ccm/meetings/14MSP/manage/"
    parts = list(meeting.parts.order_by("number"))
    assert [(p.number, p.starts_on, p.registration_deadline) for p in parts] == [
        (1, date(2027, 9, 7), date(2027, 8, 7)),
        (2, date(2027, 11, 16), date(2027, 10, 16)),
    ]
    assert meeting.time_zone == "Europe/Zurich"
    assert meeting.convening_reference == "CCM/MSP/2025/1, para. 40"


def test_a_delegation_cannot_convene(peru_delegate):
    assert _convene(client_for(peru_delegate)).status_code == 403
    assert not Meeting.objects.filter(code="14MSP").exists()


def test_convening_refusals_show_on_the_form(secretariat):
    client = client_for(secretariat)
    response = client.post("/ccm/meetings/new/", {**MEETING, **PARTS, "kind": "summit"})
    assert response.status_code == 422
    assert b"Select a valid choice" in response.content
    response = client.post(
        "/ccm/meetings/new/", {**MEETING, **PARTS, "parts-1-starts_on": "2027-09-08"}
    )
    assert response.status_code == 422
    assert b"part 2 starts (8 September 2027) before part 1 ends" in response.content
    _convene(client)
    response = _convene(client)
    assert response.status_code == 422
    assert not Meeting.objects.filter(code="14MSP").count() > 1


def test_the_secretariat_replans_adds_an_officer_agenda_and_programme(secretariat):
    client = client_for(secretariat)
    _convene(client)
    base = "/ccm/meetings/14MSP/manage/"
    replan = {
        **PARTS,
        "parts-1-starts_on": "2027-12-01",
        "parts-1-ends_on": "2027-12-02",
        "decided_by": "silence procedure of 1 October 2026",
        "decided_on": "2027-10-01",
        "reason": "the venue is not available in November",
    }
    response = client.post(base + "plan/", replan)
    assert response.status_code == 302
    change = PlanChange.objects.get(meeting__code="14MSP")
    assert change.new_plan[1]["starts_on"] == "2027-12-01"
    response = client.post(base + "plan/", {**replan, "reason": ""})
    assert response.status_code == 422
    assert b"give the reason for the change" in response.content

    officer = {
        "officer-role": "president",
        "officer-person": "Ambassador A",
        "officer-act": "elected",
        "officer-act_on": "2027-09-07",
        "officer-term": "until the Fifteenth Meeting",
    }
    assert client.post(base + "officers/", officer).status_code == 302
    meeting = Meeting.objects.get(code="14MSP")
    assert meeting.officers.get().term == "until the Fifteenth Meeting"
    response = client.post(base + "officers/", {**officer, "officer-state": "PER"})
    assert response.status_code == 422
    assert b"an officer is a person or a State: give exactly one" in response.content

    assert (
        client.post(base + "agenda/", {"item-number": "1", "item-title": "Opening"}).status_code
        == 302
    )
    response = client.post(
        base + "agenda/", {"item-number": "2", "item-letter": "a", "item-title": "Sub"}
    )
    assert response.status_code == 422
    assert b"item 2 is not on the agenda: add it before its sub-items" in response.content
    assert client.post(base + "agenda/adoption/", {"adopt-on": "2027-09-07"}).status_code == 302
    response = client.post(base + "agenda/adoption/", {"adopt-on": ""})
    assert response.status_code == 422
    assert b"give the date on which the agenda was adopted" in response.content

    slot = {
        "slot-part": "1",
        "slot-day": "2027-09-07",
        "slot-starts_at": "10:00",
        "slot-ends_at": "13:00",
    }
    assert client.post(base + "slots/", slot).status_code == 302
    response = client.post(base + "slots/", slot)
    assert response.status_code == 422
    assert b"overlaps the slot 10:00-13:00" in response.content
    the_slot = meeting.parts.get(number=1).slots.get()
    item = meeting.agenda_items.get()
    entry = {"entry-slot": str(the_slot.pk), "entry-agenda_item": str(item.pk)}
    assert client.post(base + "entries/", entry).status_code == 302
    response = client.post(base + "entries/", {"entry-slot": str(the_slot.pk)})
    assert response.status_code == 422
    assert b"an entry names an agenda item or has a text" in response.content

    assert (
        client.post(
            base + "plenary-meetings/", {"plenary-part": "1", "plenary-count": "3"}
        ).status_code
        == 302
    )
    response = client.post(base + "plenary-meetings/", {"plenary-part": "1", "plenary-count": "-1"})
    assert response.status_code == 422
    assert b"a count of meetings is zero or more" in response.content
    assert client.get(base).status_code == 200


def test_a_part_already_held_cannot_be_replanned(secretariat, ccm):
    from plenary.meetings import services

    meeting = services.create_meeting(
        convention=ccm,
        code="OLD",
        kind="msp",
        title="An old meeting",
        parts=[services.PartPlan(1, date(2020, 1, 6), date(2020, 1, 7))],
        by=secretariat,
    )
    response = client_for(secretariat).post(
        "/ccm/meetings/OLD/manage/plan/",
        {
            **{k: v for k, v in PARTS.items() if not k.startswith("parts-1")},
            "parts-TOTAL_FORMS": "1",
            "decided_by": "a decision",
            "reason": "why",
        },
    )
    assert response.status_code == 422
    assert b"part 1 was held (6 January 2020 to 7 January 2020)" in response.content
    assert not meeting.plan_changes.exists()
