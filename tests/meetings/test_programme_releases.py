"""The programme of work is edited as a draft and released as numbered versions; the
public sees the latest release, the Secretariat the draft too; a replan tells the
registered delegations and cites the decision behind it."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from plenary.decisions.models import Decision, DecisionKind
from plenary.meetings import selectors, services
from plenary.meetings.models import Meeting, ProgrammeRelease
from tests.conftest import client_for, token_client

pytestmark = pytest.mark.django_db

NOW = datetime(2027, 6, 1, 12, 0, tzinfo=ZoneInfo("Europe/Zurich"))
DAY1, DAY2 = date(2027, 9, 7), date(2027, 9, 8)


@pytest.fixture
def msp(ccm, secretariat):
    meeting = services.create_meeting(
        convention=ccm,
        code="14MSP",
        kind="msp",
        title="Fourteenth Meeting of States Parties",
        symbol_root="CCM/MSP/2027",
        parts=[
            services.PartPlan(1, DAY1, DAY2, format="in_person"),
            services.PartPlan(2, date(2027, 11, 16), date(2027, 11, 17), format="virtual"),
        ],
        by=secretariat,
    )
    opening = services.add_agenda_item(
        meeting=meeting, number=1, title="Opening of the Meeting", by=secretariat
    )
    services.add_agenda_item(meeting=meeting, number=2, title="Election", by=secretariat)
    part = meeting.parts.get(number=1)
    slot = services.add_programme_slot(
        part=part, day=DAY1, starts_at=time(10), ends_at=time(13), by=secretariat
    )
    services.add_programme_entry(slot=slot, agenda_item=opening, by=secretariat)
    return meeting


def _slot(meeting, day, hour):
    return meeting.parts.get(number=1).slots.get(day=day, starts_at=time(hour))


def test_the_first_release_lists_no_change_and_the_second_lists_every_change(msp, secretariat):
    first = services.release_programme(meeting=msp, now=NOW, by=secretariat)
    assert (first.number, first.changes) == (1, [])
    morning = _slot(msp, DAY1, 10)
    services.move_programme_slot(
        slot=morning,
        part=msp.parts.get(number=1),
        day=DAY2,
        starts_at=time(10),
        ends_at=time(12),
        by=secretariat,
    )
    services.add_programme_entry(
        slot=morning, agenda_item=msp.agenda_items.get(number=2), by=secretariat
    )
    afternoon = services.add_programme_slot(
        part=msp.parts.get(number=1), day=DAY1, starts_at=time(15), ends_at=time(18), by=secretariat
    )
    services.add_programme_entry(slot=afternoon, text="Informal consultations", by=secretariat)
    second = services.release_programme(meeting=msp, now=NOW, note="Moved", by=secretariat)
    assert second.number == 2
    assert [change["change"] for change in second.changes] == ["added", "moved", "items_changed"]
    assert second.changes[1]["was"] == {
        "part": 1,
        "day": "2027-09-07",
        "starts_at": "10:00",
        "ends_at": "13:00",
    }
    assert second.changes[2]["after"] == ["1. Opening of the Meeting", "2. Election"]
    services.remove_programme_slot(slot=afternoon, by=secretariat)
    third = services.release_programme(meeting=msp, now=NOW, by=secretariat)
    assert [(c["change"], c["before"]) for c in third.changes] == [
        ("removed", ["Informal consultations"])
    ]
    # The releases made keep the programme as it was.
    assert (
        ProgrammeRelease.objects.get(meeting=msp, number=2).programme[0]["slots"][0]["day"]
        == "2027-09-07"
    )


def test_a_release_equal_to_the_last_or_empty_is_refused(msp, secretariat, ccm):
    services.release_programme(meeting=msp, now=NOW, by=secretariat)
    with pytest.raises(ValidationError) as refused:
        services.release_programme(meeting=msp, now=NOW, by=secretariat)
    assert refused.value.message_dict == {
        "programme": ["the draft is the same as version 1: nothing to release"]
    }
    empty = services.create_meeting(
        convention=ccm,
        code="15MSP",
        kind="msp",
        title="Fifteenth",
        parts=[services.PartPlan(1, DAY1, DAY2)],
        by=secretariat,
    )
    with pytest.raises(ValidationError) as refused:
        services.release_programme(meeting=empty, now=NOW, by=secretariat)
    assert refused.value.message_dict == {
        "programme": ["the programme has no slot yet: add one before releasing it"]
    }


def test_removing_a_line_moves_the_lines_after_it_up(msp, secretariat):
    slot = _slot(msp, DAY1, 10)
    services.add_programme_entry(slot=slot, text="Statements", by=secretariat)
    services.remove_programme_entry(entry=slot.entries.get(position=1), by=secretariat)
    assert [(e.position, e.text) for e in slot.entries.all()] == [(1, "Statements")]


def test_a_slot_cannot_move_onto_another(msp, secretariat):
    part = msp.parts.get(number=1)
    other = services.add_programme_slot(
        part=part, day=DAY1, starts_at=time(15), ends_at=time(18), by=secretariat
    )
    with pytest.raises(ValidationError) as refused:
        services.move_programme_slot(
            slot=other, part=part, day=DAY1, starts_at=time(12), ends_at=time(16), by=secretariat
        )
    assert refused.value.message_dict == {
        "starts_at": ["the slot 12:00-16:00 on 7 September 2027 overlaps the slot 10:00-13:00"]
    }


def test_the_public_sees_the_release_and_the_secretariat_the_draft(msp, secretariat, observer):
    page = client_for(observer).get("/ccm/meetings/14MSP/")
    assert "No programme released yet." in page.content.decode()
    assert 'class="slot"' not in page.content.decode()
    services.release_programme(meeting=msp, now=NOW, by=secretariat)
    services.add_programme_entry(slot=_slot(msp, DAY1, 10), text="A draft line", by=secretariat)
    public = client_for(observer).get("/ccm/meetings/14MSP/").content.decode()
    assert "Version 1, released on 1 June 2027." in public
    assert "1. Opening of the Meeting" in public
    assert "A draft line" not in public
    assert (
        "A draft line"
        not in client_for(observer).get("/ccm/meetings/14MSP/?programme=draft").content.decode()
    )
    draft = client_for(secretariat).get("/ccm/meetings/14MSP/?programme=draft").content.decode()
    assert "A draft line" in draft
    api = client_for(None).get("/api/v1/ccm/meetings/14MSP/programme").json()
    assert api["version"] == 1
    assert [line["text"] for line in api["days"][0]["slots"][0]["lines"]] == [
        "1. Opening of the Meeting"
    ]
    refused = client_for(observer).get("/api/v1/ccm/meetings/14MSP/programme?version=draft")
    assert refused.status_code == 403
    draft_api = token_client(secretariat).get("/api/v1/ccm/meetings/14MSP/programme?version=draft")
    assert draft_api.json()["days"][0]["slots"][0]["lines"][-1]["text"] == "A draft line"


def test_a_release_has_its_page_word_html_and_icalendar(msp, secretariat, observer):
    services.release_programme(meeting=msp, now=NOW, by=secretariat)
    client = client_for(observer)
    page = client.get("/ccm/meetings/14MSP/programme/1/")
    assert page.status_code == 200
    assert "Programme of work, version 1, released on 1 June 2027" in page.content.decode()
    docx = client.get("/ccm/meetings/14MSP/programme/1.docx?part=1")
    assert docx.status_code == 200
    assert docx.content[:2] == b"PK"
    html = client.get("/ccm/meetings/14MSP/programme/1.html?part=1").content.decode()
    assert "1. Opening of the Meeting" in html
    ics = icalendar.Calendar.from_ical(client.get("/ccm/meetings/14MSP/programme/1.ics").content)
    events = [c for c in ics.walk() if c.name == "VEVENT"]
    assert [e["dtstart"].dt.isoformat() for e in events] == ["2027-09-07T10:00:00+02:00"]
    assert client.get("/ccm/meetings/14MSP/programme/2/").status_code == 404
    history = client.get("/ccm/meetings/14MSP/programme/").content.decode()
    assert "Version 1" in history and "The first version." in history


def test_the_release_pages_run_a_fixed_number_of_queries(
    msp, secretariat, django_assert_max_num_queries
):
    services.release_programme(meeting=msp, now=NOW, by=secretariat)
    client = client_for(None)
    for url in (
        "/ccm/meetings/14MSP/",
        "/ccm/meetings/14MSP/programme/",
        "/ccm/meetings/14MSP/programme/1/",
    ):
        with django_assert_max_num_queries(20):
            assert client.get(url).status_code == 200


def test_the_loaded_programme_is_release_1_of_the_second_review_conference(ccm):
    meeting = Meeting.objects.get(convention=ccm, code="2RC")
    release = selectors.latest_release(meeting=meeting)
    released_on = release.released_at.astimezone(ZoneInfo("Europe/Zurich")).date()
    assert (release.number, released_on, release.changes) == (
        1,
        date(2020, 11, 12),
        [],
    )
    days = selectors.release_days(release, number=1)
    assert sum(len(slot.lines) for day in days for slot in day.slots) == 44
    page = client_for(None).get("/ccm/meetings/2RC/").content.decode()
    assert "Version 1, released on 12 November 2020." in page


def test_a_replan_tells_the_registered_delegations(
    msp, secretariat, peru_focal_point, chile_focal_point, django_capture_on_commit_callbacks
):
    services.register_delegation(
        meeting=msp,
        state=peru_focal_point.grants.get().state,
        members=[services.DelegateIn(role="head", name="A. Head", email="member@example.org")],
        now=timezone.now(),
        by=secretariat,
    )
    mail.outbox.clear()
    plan = [
        services.PartPlan.of(msp.parts.get(number=1)),
        services.PartPlan(2, date(2027, 11, 23), date(2027, 11, 24), format="virtual"),
    ]
    with pytest.raises(ValidationError):
        services.replan_meeting(
            meeting=msp, parts=plan, decided_by="", reason="Rooms", by=secretariat
        )
    with django_capture_on_commit_callbacks(execute=True):
        services.replan_meeting(
            meeting=msp, parts=plan, decided_by="silence procedure", reason="Rooms", by=secretariat
        )
    assert [m.to for m in mail.outbox] == [["peru_focal_point@example.org"]]
    assert mail.outbox[0].subject == (
        "CCM, Fourteenth Meeting of States Parties: the plan has changed"
    )
    assert "Previously planned for: part 1: 7-8 September 2027" in mail.outbox[0].body
    assert "Reason: Rooms" in mail.outbox[0].body


def test_a_replan_cites_a_decision_in_plenary(msp, secretariat, ccm):
    held = Meeting.objects.get(convention=ccm, code="2RC").parts.get(number=1)
    decision = Decision.objects.create(
        part=held, kind=DecisionKind.ADOPTED, subject="to hold the 14MSP later"
    )
    plan = [
        services.PartPlan(1, DAY1 + timedelta(days=7), DAY2 + timedelta(days=7)),
        services.PartPlan.of(msp.parts.get(number=2)),
    ]
    change = services.replan_meeting(
        meeting=msp, parts=plan, decided_by="", reason="Later", decision=decision, by=secretariat
    )
    assert change.decided_by == ("decision at Second Review Conference: to hold the 14MSP later")
    page = client_for(None).get("/ccm/meetings/14MSP/").content.decode()
    assert f'href="/ccm/decisions/#decision-{decision.pk}"' in page
