"""iCalendar feeds parse back with `icalendar`, with their time zones: a meeting's programme
per part and all meetings (meetings.render), and a State's private deadline feed."""

from datetime import date, datetime, timedelta

import icalendar
import pytest
from django.utils import timezone

from plenary.reminders import services
from plenary.reminders.models import FeedToken
from plenary.treaties.models import State
from tests.conftest import client_for, open_meeting


def _events(body: bytes) -> tuple[icalendar.Calendar, list]:
    calendar = icalendar.Calendar.from_ical(body)
    return calendar, list(calendar.walk("VEVENT"))


def _zones(calendar) -> set[str]:
    return {str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")}


def _feed_url(client, iso3="PER") -> str:
    response = client.post(f"/states/{iso3}/deadline-feeds/")
    assert response.status_code == 201
    return response.context["feed_url"].removeprefix("https://plenary.example.org")


def test_state_feed_every_event_starts_in_its_zone(ccm, peru_delegate):
    open_meeting(ccm)
    url = _feed_url(client_for(peru_delegate))
    response = client_for(None).get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar, events = _events(response.content)
    assert _zones(calendar) == {"Europe/Zurich"}
    for event in events:
        start = event.decoded("DTSTART")
        assert isinstance(start, datetime)
        assert event["DTSTART"].params["TZID"] == "Europe/Zurich"
        assert str(start.tzinfo) == "Europe/Zurich"
        assert event.decoded("DTEND") - start == timedelta(hours=1)
        assert (event.decoded("DTEND") - timedelta(seconds=1)).time().isoformat() == "23:59:59"
    today = timezone.localdate()
    next_report = today.year - 1 if today <= date(today.year, 4, 30) else today.year
    summaries = {str(event["SUMMARY"]) for event in events}
    assert f"Due: CCM: Peru: Article 7 annual report covering {next_report}" in summaries
    assert "Due: CCM: Test Meeting of States Parties: registration of delegations" in summaries
    assert all("Chile" not in summary for summary in summaries)


def test_state_feed_revoked_or_unknown_token_is_404(ccm, peru_delegate):
    client = client_for(peru_delegate)
    url = _feed_url(client)
    token = FeedToken.objects.get(state__iso3="PER")
    assert client_for(None).get(url).status_code == 200

    response = client.post(f"/states/PER/deadline-feeds/{token.pk}/revoke/")
    assert response.status_code == 302
    assert client_for(None).get(url).status_code == 404
    assert client_for(None).get("/feeds/deadlines/not-a-key.ics").status_code == 404


def test_state_feed_revoke_twice_is_refused(ccm, peru_delegate):
    services.issue_feed_token(
        state=State.objects.get(iso3="PER"), by=peru_delegate, now=timezone.now()
    )
    token = FeedToken.objects.get()
    services.revoke_feed_token(token=token, now=timezone.now())
    with pytest.raises(services.RuleError) as error:
        services.revoke_feed_token(token=token, now=timezone.now())
    assert error.value.message == services.ALREADY_REVOKED


def test_state_feeds_of_another_state_are_forbidden(ccm, chile_delegate, secretariat):
    assert client_for(chile_delegate).get("/states/PER/deadline-feeds/").status_code == 403
    assert client_for(secretariat).get("/states/PER/deadline-feeds/").status_code == 200
    assert client_for(secretariat).get("/states/XYZ/deadline-feeds/").status_code == 404


def test_feed_key_is_stored_only_as_its_digest(ccm, peru_delegate):
    key = services.issue_feed_token(
        state=State.objects.get(iso3="PER"), by=peru_delegate, now=timezone.now()
    )
    token = FeedToken.objects.get()
    assert key not in (token.digest, token.prefix) and key.startswith(token.prefix)


@pytest.mark.parametrize("part", [1, 2])
def test_programme_feed_every_event_starts_in_the_venue_zone(ccm, part):
    response = client_for(None).get(f"/ccm/meetings/2RC/programme.ics?part={part}")
    assert response.status_code == 200
    calendar, events = _events(response.content)
    for event in events:
        assert event["DTSTART"].params["TZID"] == "Europe/Zurich"
        assert str(event.decoded("DTSTART").tzinfo) == "Europe/Zurich"
    if events:
        assert _zones(calendar) == {"Europe/Zurich"}


def test_meetings_feed_every_event_is_a_whole_day(ccm):
    _calendar, events = _events(client_for(None).get("/ccm/meetings.ics").content)
    assert events
    for event in events:
        # All-day events (VALUE=DATE) are floating days: a calendar shows them on that day.
        start = event.decoded("DTSTART")
        assert type(start) is date
        assert event["DTSTART"].params.get("VALUE") == "DATE"
        assert event.decoded("DTEND") > start
