"""A part's programme and the meetings of a convention, as text, JSON and iCalendar.

The selectors gather the records; these functions only lay them out, so the
command line, the pages and the feeds show the same programme.
"""

from datetime import UTC, date, datetime

import icalendar
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from plenary.core import l10n
from plenary.meetings.models import Meeting, MeetingFormat, MeetingPart
from plenary.meetings.selectors import ProgrammeDay, ProgrammeLine
from plenary.rules import prose, times

PRODID = "-//plenary//meetings//EN"
EN_DASH = "\u2013"  # between the times of a slot, as the UN prints them


def line_text(line: ProgrammeLine) -> str:
    """ "6. Organization of work (continued)", "(a) Universalization (CCM/CONF/2020/12)"."""
    words = [line.label, line.title] if line.label else [line.title]
    text = " ".join(words)
    if line.continued:
        text += " " + _("(continued)")
    if line.symbols:
        text += f" ({prose.join(line.symbols)})"
    return text


def part_heading(part: MeetingPart) -> str:
    """ "1st Part: virtual meeting, 25-27 November 2020" (seed 000's annex), in the active
    language: fr "1re partie : réunion virtuelle, 25-27 novembre 2020"."""
    values = {
        "place": _place(part),
        "dates": l10n.period(part.starts_on, part.ends_on),
        "number": part.number,
    }
    # One message per ordinal: the word for "part" decides the ordinal's gender.
    if part.number == 1:
        heading = pgettext("programme of work", "1st Part: %(place)s, %(dates)s")
    elif part.number == 2:
        heading = pgettext("programme of work", "2nd Part: %(place)s, %(dates)s")
    elif part.number == 3:
        heading = pgettext("programme of work", "3rd Part: %(place)s, %(dates)s")
    else:
        heading = pgettext("programme of work", "%(number)sth Part: %(place)s, %(dates)s")
    return heading % values


def _place(part: MeetingPart) -> str:
    """How the part meets ("virtual meeting"), or else its city."""
    if part.format == MeetingFormat.VIRTUAL:
        return pgettext("programme of work", "virtual meeting")
    if part.format == MeetingFormat.HYBRID:
        return pgettext("programme of work", "hybrid meeting")
    if part.format == MeetingFormat.IN_PERSON:
        return pgettext("programme of work", "in-person meeting")
    return part.city or ""


def programme_text(part: MeetingPart, days: list[ProgrammeDay]) -> str:
    """The programme laid out as the annex to a President's letter."""
    out = [str(part.meeting), part_heading(part), "", _("Programme of work")]
    for day in days:
        out += ["", l10n.weekday_and_month_day(day.day)]
        for slot in day.slots:
            out += ["", f"{slot.starts_at:%H:%M} {EN_DASH} {slot.ends_at:%H:%M}", ""]
            for line in slot.lines:
                indent = "    " if line.kind == "sub_item" else ""
                out.append(indent + line_text(line))
    return "\n".join(out) + "\n"


def programme_data(part: MeetingPart, days: list[ProgrammeDay]) -> dict:
    return {
        "meeting": part.meeting.title,
        "part": part.number,
        "time_zone": str(days[0].slots[0].starts.tzinfo) if days else part.time_zone,
        "days": [
            {
                "day": day.day.isoformat(),
                "slots": [
                    {
                        "starts_at": f"{slot.starts_at:%H:%M}",
                        "ends_at": f"{slot.ends_at:%H:%M}",
                        "lines": [
                            {
                                "kind": line.kind,
                                "label": line.label,
                                "title": line.title,
                                "continued": line.continued,
                                "symbols": line.symbols,
                                "text": line_text(line),
                            }
                            for line in slot.lines
                        ],
                    }
                    for slot in day.slots
                ],
            }
            for day in days
        ],
    }


def _calendar(name: str) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    return calendar


def _finish(calendar: icalendar.Calendar) -> bytes:
    calendar.add_missing_timezones()
    return calendar.to_ical()


def programme_ics(part: MeetingPart, days: list[ProgrammeDay], *, host: str) -> bytes:
    """One event per slot, in the venue's time zone (VTIMEZONE included)."""
    meeting = part.meeting
    calendar = _calendar(
        _("%(meeting)s, part %(number)s: programme of work")
        % {"meeting": meeting.title, "number": part.number}
    )
    stamp = datetime.now(UTC).replace(microsecond=0)
    for day in days:
        for slot in day.slots:
            event = icalendar.Event()
            starts = slot.starts.astimezone(times.zone(part.time_zone))
            event.add("uid", f"{meeting.code}-{part.number}-{starts:%Y%m%dT%H%M}@{host}")
            event.add("dtstamp", stamp)
            event.add("dtstart", starts)
            event.add("dtend", slot.ends.astimezone(times.zone(part.time_zone)))
            items = "; ".join(line_text(line) for line in slot.lines if line.kind == "item")
            event.add("summary", f"{meeting.title}: {items}" if items else meeting.title)
            event.add("description", "\n".join(line_text(line) for line in slot.lines))
            if part.platform or part.venue:
                event.add(
                    "location", ", ".join(filter(None, [part.venue, part.city, part.platform]))
                )
            calendar.add_component(event)
    return _finish(calendar)


def meetings_ics(meetings: list[Meeting], *, host: str, name: str) -> bytes:
    """One all-day event per part of each meeting."""
    calendar = _calendar(name)
    stamp = datetime.now(UTC).replace(microsecond=0)
    for meeting in meetings:
        for part in meeting.parts.all():
            event = icalendar.Event()
            event.add("uid", f"{meeting.code}-{part.number}@{host}")
            event.add("dtstamp", stamp)
            event.add("dtstart", part.starts_on)
            event.add("dtend", date.fromordinal(part.ends_on.toordinal() + 1))
            several = len(meeting.parts.all()) > 1
            summary = (
                _("%(meeting)s (part %(number)s)")
                % {"meeting": meeting.title, "number": part.number}
                if several
                else meeting.title
            )
            event.add("summary", summary)
            where = ", ".join(filter(None, [part.venue, part.city, part.platform]))
            if where:
                event.add("location", where)
            if part.format:
                event.add(
                    "description", _("Format: %(format)s") % {"format": part.get_format_display()}
                )
            calendar.add_component(event)
    return _finish(calendar)


def plan_summary(plan: list[dict]) -> str:
    """A plan as prose: "16-20 November 2020, in person, Palais des Nations, Geneva"."""
    parts = []
    for part in plan:
        starts, ends = date.fromisoformat(part["starts_on"]), date.fromisoformat(part["ends_on"])
        words = [l10n.period(starts, ends)]
        if part.get("format"):
            words.append(dict(MeetingFormat.choices)[part["format"]])
        words += [part[key] for key in ("venue", "city", "platform") if part.get(key)]
        parts.append(", ".join(str(word) for word in words))
    if len(parts) == 1:
        return parts[0]
    return "; ".join(
        _("part %(number)s: %(text)s") % {"number": number, "text": text}
        for number, text in enumerate(parts, start=1)
    )


def _slot_words(where: dict) -> str:
    day = date.fromisoformat(where["day"])
    return _("part %(part)s, %(day)s, %(starts)s%(dash)s%(ends)s") % {
        "part": where["part"],
        "day": l10n.weekday_and_day(day),
        "starts": where["starts_at"],
        "dash": EN_DASH,
        "ends": where["ends_at"],
    }


def change_lines(changes: list[dict]) -> list[str]:
    """What a release changed, one sentence each, in the active language."""
    out = []
    for change in changes:
        slot = _slot_words(change)
        kind = change["change"]
        if kind == "added":
            text = _("Slot added: %(slot)s") % {"slot": slot}
        elif kind == "removed":
            text = _("Slot removed: %(slot)s") % {"slot": slot}
        elif kind == "moved":
            text = _("Slot moved from %(was)s to %(slot)s") % {
                "was": _slot_words(change["was"]),
                "slot": slot,
            }
        else:
            text = _("Items changed in %(slot)s") % {"slot": slot}
        if kind in ("added", "items_changed") and change.get("after") is not None:
            text += ": " + ("; ".join(change["after"]) or "—")
        if kind == "items_changed":
            text += " " + _("(previously: %(before)s)") % {
                "before": "; ".join(change["before"]) or "—"
            }
        out.append(text)
    return out
