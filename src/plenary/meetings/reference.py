"""Load a convention's meetings (data/<slug>/meetings.json) through the meetings services.

A meeting is loaded once, as first planned, then moved through each recorded
change of plan, so its history reads as it happened. A meeting already in the
database is left as it is: after the first load it belongs to the Secretariat.
"""

import json
from datetime import date, datetime, time
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext, npgettext

from plenary.core.audit import assign
from plenary.meetings import services
from plenary.meetings.models import Meeting
from plenary.rules import times
from plenary.treaties.models import Convention, Organisation, State


class MeetingDataError(ValueError):
    """A record of meetings.json breaks a rule; the message names the meeting and the field."""


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _plan(parts: list[dict]) -> list[services.PartPlan]:
    return [
        services.PartPlan(
            **{
                **part,
                "starts_on": date.fromisoformat(part["starts_on"]),
                "ends_on": date.fromisoformat(part["ends_on"]),
            }
        )
        for part in parts
    ]


def _state_named(name: str) -> State:
    """A State by its current or a former UN short name, as a record printed it."""
    state = State.objects.filter(Q(name=name) | Q(former_names__name=name)).distinct().first()
    if state is None:
        raise MeetingDataError(f"no State is or was called {name!r}")
    return state


def _load_organisations(rows: list[dict]) -> None:
    for row in rows:
        organisation = Organisation.objects.filter(name=row["name"]).first() or Organisation()
        values = {
            key: row.get(key, "") for key in ("name", "abbreviation", "observer_rule", "source")
        }
        if assign(organisation, values):
            organisation.full_clean()
            organisation.save()


def _load_meeting(convention: Convention, row: dict) -> None:
    prepares = (
        Meeting.objects.get(convention=convention, code=row["prepares"])
        if row.get("prepares")
        else None
    )
    meeting = services.create_meeting(
        convention=convention,
        code=row["code"],
        kind=row["kind"],
        number=row.get("number"),
        title=row["title"],
        prepares=prepares,
        symbol_root=row.get("symbol_root", ""),
        convened_by=row.get("convened_by", ""),
        convening_reference=row.get("convening_reference", ""),
        registration_deadline=_date(row.get("registration_deadline")),
        time_zone=row.get("time_zone", ""),
        source=row.get("source", ""),
        parts=_plan(row["plan"]),
    )
    for change in row.get("plan_changes", []):
        services.replan_meeting(
            meeting=meeting,
            parts=_plan(change["plan"]),
            decided_by=change["decided_by"],
            decided_on=_date(change.get("decided_on")),
            reason=change["reason"],
            cause=change.get("cause", ""),
            source=change.get("source", ""),
        )
    parts = {part.number: part for part in meeting.parts.all()}
    for held in row.get("plenary_meetings_held", []):
        services.record_plenary_meetings_held(part=parts[held["part"]], count=held["count"])
    for officer in row.get("officers", []):
        services.record_officer(
            meeting=meeting,
            role=officer["role"],
            person=officer.get("person", ""),
            state=_state_named(officer["state"]) if officer.get("state") else None,
            description=officer.get("description", ""),
            act=officer.get("act", "serving"),
            act_on=_date(officer.get("act_on")),
            term=officer.get("term", ""),
            basis=officer.get("basis", ""),
            source=officer.get("source", ""),
        )
    _load_agenda(meeting, row)
    for programme in row.get("programme", []):
        _load_programme(meeting, parts[programme["part"]], programme["slots"])
    _release_programme(meeting, row.get("programme", []))
    for group in row.get("delegations", []):
        attended = [parts[number] for number in group["parts"]]
        for name in group.get("states", []):
            services.register_delegation(
                meeting=meeting,
                state=_state_named(name),
                members=[],
                parts=attended,
                now=_registered_at(meeting),
                source=group["source"],
            )
        for name in group.get("organisations", []):
            services.register_delegation(
                meeting=meeting,
                organisation=Organisation.objects.get(name=name),
                members=[],
                parts=attended,
                now=_registered_at(meeting),
                source=group["source"],
            )


def _registered_at(meeting: Meeting) -> datetime:
    # The date each delegation registered is not in the sources: the deadline stands for it.
    day = meeting.registration_deadline or meeting.parts.order_by("number").first().starts_on
    return datetime.combine(day, time(0, 0), tzinfo=times.zone(meeting.time_zone))


def _load_agenda(meeting: Meeting, row: dict) -> None:
    for item in row.get("agenda", []):
        services.add_agenda_item(
            meeting=meeting,
            number=item["number"],
            letter=item.get("letter", ""),
            title=item["title"],
            symbols=item.get("symbols", []),
        )
    if row.get("agenda_adopted_on"):
        services.adopt_agenda(meeting=meeting, on=_date(row["agenda_adopted_on"]))


def _item_ref(meeting: Meeting, ref: str):
    number, _, letter = ref.partition("(")
    return meeting.agenda_items.get(number=int(number), letter=letter.rstrip(")"))


def _load_programme(meeting: Meeting, part, slots: list[dict]) -> None:
    for row in slots:
        slot = services.add_programme_slot(
            part=part,
            day=date.fromisoformat(row["day"]),
            starts_at=time.fromisoformat(row["starts_at"]),
            ends_at=time.fromisoformat(row["ends_at"]),
        )
        for entry in row["entries"]:
            services.add_programme_entry(
                slot=slot,
                agenda_item=_item_ref(meeting, entry["item"]) if "item" in entry else None,
                text=entry.get("text", ""),
                symbols=entry.get("symbols", []),
            )


def _release_programme(meeting: Meeting, programmes: list[dict]) -> None:
    """The programme as circulated is release 1: the public pages show releases only."""
    released = [row for row in programmes if row.get("released_on")]
    if not released:
        return
    day = max(date.fromisoformat(row["released_on"]) for row in released)
    # The hour of circulation is not in the sources: the start of the day stands for it.
    services.release_programme(
        meeting=meeting,
        now=datetime.combine(day, time(0, 0), tzinfo=times.zone(meeting.time_zone)),
        source="; ".join(row["source"] for row in released),
        by=None,
    )


@transaction.atomic
def load_meetings(*, convention: Convention, directory: Path) -> str | None:
    """Load the organisations and every meeting of `convention` not yet in the database
    from its directory; return a summary, or None when it has no meetings.json."""
    path = directory / "meetings.json"
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("convention", convention.short_name).upper() != convention.short_name.upper():
        raise MeetingDataError(
            f"{path.name}: the meetings of {data['convention']}, not of {convention.short_name}"
        )
    _load_organisations(data.get("organisations", []))
    added = 0
    for row in data["meetings"]:
        if Meeting.objects.filter(convention=convention, code=row["code"]).exists():
            continue
        try:
            with transaction.atomic():
                _load_meeting(convention, row)
        except ValidationError as error:
            details = "; ".join(
                f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items()
            )
            raise MeetingDataError(f"{path.name}, meeting {row['code']}: {details}") from error
        except (MeetingDataError, KeyError, ValueError) as error:
            raise MeetingDataError(f"{path.name}, meeting {row['code']}: {error}") from error
        added += 1
    total = Meeting.objects.filter(convention=convention).count()
    return gettext("Meetings: %(added)s, %(total)s.") % {
        "added": npgettext("meetings", "%(count)s added", "%(count)s added", added)
        % {"count": added},
        "total": npgettext("meetings", "%(count)s in all", "%(count)s in all", total)
        % {"count": total},
    }
