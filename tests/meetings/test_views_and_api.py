"""Meeting pages, feeds and /api/v1/meetings: what a delegate and a program see."""

import json
from datetime import date

import icalendar
import pytest

from plenary.meetings.models import Delegation, Meeting
from tests.conftest import client_for, open_meeting, token_client


def test_meeting_page_shows_the_plan_history_programme_and_participants(ccm):
    response = client_for(None).get("/ccm/meetings/2RC/")
    page = response.content.decode()
    assert response.status_code == 200
    assert (
        "Previously planned for 16-20 November 2020, in person, Palais des Nations, Geneva." in page
    )
    assert "Organization of work (continued)" in page
    assert "Czech Republic" in page
    assert "Secretary-General of the Meeting: Ms. Radha Day" in page


def test_programme_shown_in_a_participants_time_zone(ccm):
    page = client_for(None).get("/ccm/meetings/2RC/?part=1&tz=America/Lima").content.decode()
    # 10:00 in Geneva (UTC+1 in November) is 04:00 in Lima (UTC-5).
    assert '<time datetime="2020-11-25T04:00:00-05:00">04:00</time>' in page


@pytest.mark.parametrize(
    "url",
    ["/ccm/meetings/", "/ccm/meetings/2RC/", "/api/v1/ccm/meetings", "/api/v1/ccm/meetings/2RC"],
)
def test_meeting_pages_run_a_fixed_number_of_queries(ccm, django_assert_max_num_queries, url):
    # 16: the meeting page lists its parts' reports issued as documents (two queries).
    with django_assert_max_num_queries(16):
        assert client_for(None).get(url).status_code == 200


def test_meetings_feed_is_valid_icalendar(ccm):
    response = client_for(None).get("/ccm/meetings.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    summaries = {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")}
    assert "Second Review Conference (part 2)" in summaries
    assert "First Preparatory Meeting of the Second Review Conference" in summaries


def test_programme_feed_has_one_event_per_slot_in_geneva_time(ccm):
    response = client_for(None).get("/ccm/meetings/2RC/programme.ics?part=1")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 9
    first = events[0].decoded("DTSTART")
    assert (first.isoformat(), str(first.tzinfo)) == ("2020-11-25T10:00:00+01:00", "Europe/Zurich")
    assert [c["TZID"] for c in calendar.walk("VTIMEZONE")] == ["Europe/Zurich"]


def test_api_participants_and_programme(ccm):
    client = client_for(None)
    participants = client.get("/api/v1/ccm/meetings/CCM/CONF/2020/participants?part=1")
    assert participants.status_code == 404  # the path takes the code; a symbol root has slashes
    participants = client.get("/api/v1/ccm/meetings/2RC/participants?part=1").json()
    assert participants["signatories"] == ["Angola", "Cyprus", "Indonesia"]
    programme = client.get("/api/v1/ccm/meetings/2RC/programme?part=1&tz=Asia/Tokyo").json()
    assert programme["days"][0]["slots"][0]["starts_at"] == "18:00"
    bad = client.get("/api/v1/ccm/meetings/2RC/programme?tz=Mars/Olympus")
    assert bad.status_code == 422
    message = "'Mars/Olympus' is not a time zone of the IANA database (e.g. Europe/Zurich)"
    assert bad.json()["errors"] == [{"field": "tz", "message": message}]


def test_api_registers_and_then_edits_own_delegation(ccm, peru_focal_point):
    meeting = open_meeting(ccm)
    client = token_client(peru_focal_point)
    body = {
        "members": [
            {
                "role": "head",
                "name": "Ms. Head",
                "title": "Ambassador",
                "email": "member@example.org",
            }
        ]
    }
    created = client.put(
        f"/api/v1/ccm/meetings/{meeting.code}/delegation",
        json.dumps(body),
        content_type="application/json",
    )
    assert created.status_code == 201
    assert created.json()["participant"] == "Peru"
    body["members"].append(
        {"role": "adviser", "name": "Mr. Adviser", "email": "member@example.org"}
    )
    edited = client.put(
        f"/api/v1/ccm/meetings/{meeting.code}/delegation",
        json.dumps(body),
        content_type="application/json",
    )
    assert edited.status_code == 200
    assert [m["name"] for m in edited.json()["members"]] == ["Ms. Head", "Mr. Adviser"]
    assert Delegation.objects.filter(meeting=meeting).count() == 1


def test_api_refuses_registration_for_another_state(ccm, peru_focal_point):
    meeting = open_meeting(ccm)
    response = token_client(peru_focal_point).put(
        f"/api/v1/ccm/meetings/{meeting.code}/delegation",
        json.dumps(
            {
                "state": "CHL",
                "members": [{"role": "head", "name": "X", "email": "member@example.org"}],
            }
        ),
        content_type="application/json",
    )
    assert response.status_code == 403
    assert not Delegation.objects.filter(meeting=meeting).exists()


def test_api_refuses_registration_after_the_deadline(ccm, peru_focal_point):
    response = token_client(peru_focal_point).put(
        "/api/v1/ccm/meetings/2RC/delegation",
        json.dumps({"members": [{"role": "head", "name": "X", "email": "member@example.org"}]}),
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "registration_deadline"


def test_registration_page_registers_own_delegation(ccm, chile_focal_point):
    meeting = open_meeting(ccm)
    client = client_for(chile_focal_point)
    form = {
        "members-TOTAL_FORMS": "6",
        "members-INITIAL_FORMS": "0",
        "members-MIN_NUM_FORMS": "6",
        "members-MAX_NUM_FORMS": "40",
        "members-0-role": "head",
        "members-0-name": "Sra. Jefa",
        "members-0-title": "Embajadora",
        "members-0-email": "jefa@example.org",
        "parts": [str(meeting.parts.get().pk)],
    }
    response = client.post(f"/ccm/meetings/{meeting.code}/registration/", form)
    assert response.status_code == 302
    delegation = Delegation.objects.get(meeting=meeting, state__iso3="CHL")
    assert [(m.role, m.name, m.title) for m in delegation.members.all()] == [
        ("head", "Sra. Jefa", "Embajadora")
    ]


def test_registration_page_is_for_delegations_only(ccm, observer):
    meeting = open_meeting(ccm)
    assert (
        client_for(observer).get(f"/ccm/meetings/{meeting.code}/registration/").status_code == 403
    )
    anonymous = client_for(None).get(f"/ccm/meetings/{meeting.code}/registration/")
    assert anonymous.status_code == 302


def test_today_is_used_for_theopen_meeting(ccm):
    assert open_meeting(ccm).registration_deadline > date(2026, 1, 1)


def test_a_meeting_parts_history_shows_each_change_of_plan(ccm, observer):
    part = Meeting.objects.get(code="2RC").parts.get(number=1)
    response = client_for(observer).get(f"/history/meetings/meetingpart/{part.pk}/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Silence procedure of 6 to 10 November 2020" in page


def test_each_change_of_plan_links_to_its_silence_procedure(ccm):
    page = client_for(None).get("/ccm/meetings/2RC/").content.decode()
    assert page.count("Record of the silence procedure") == 2
