"""Deadlines laid out as JSON and as an iCalendar feed (RFC 5545, VTIMEZONE included).

A meeting's programme and the meetings of a convention are `meetings.render`'s feeds;
this adds a State's deadlines. Each deadline is an event that ends at the deadline's
last second in its own zone, titled with its convention ("CCM: ...").
"""

from datetime import UTC, datetime, timedelta

import icalendar
from django.utils.translation import gettext as _

from plenary.rules import times
from plenary.rules.reminders import Deadline

PRODID = "-//plenary//deadlines//EN"


def deadlines_data(deadlines: list[Deadline]) -> list[dict]:
    return [deadline.as_dict() for deadline in deadlines]


def deadlines_ics(deadlines: list[Deadline], *, host: str, name: str, site_url: str) -> bytes:
    """One event per deadline: the last hour before it passes, in the deadline's zone, with
    an alarm a day before; its texts in the active language."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    stamp = datetime.now(UTC).replace(microsecond=0)
    for deadline in deadlines:
        ends = deadline.ends_at.astimezone(times.zone(deadline.time_zone))
        event = icalendar.Event()
        event.add("uid", f"{deadline.key.replace(':', '-')}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", ends - timedelta(hours=1) + timedelta(seconds=1))
        event.add("dtend", ends + timedelta(seconds=1))
        event.add("summary", _("Due: %(heading)s") % {"heading": deadline.heading})
        description = deadline.note
        if deadline.link:
            event.add("url", site_url + deadline.link)
            description = f"{description}\n{site_url}{deadline.link}".strip()
        if description:
            event.add("description", description)
        event.add("categories", [deadline.convention, deadline.kind])
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", _("Due tomorrow: %(heading)s") % {"heading": deadline.heading})
        alarm.add("trigger", timedelta(days=-1))
        event.add_component(alarm)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
