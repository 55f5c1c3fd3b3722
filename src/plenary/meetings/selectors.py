"""Every read of meetings, each in a fixed number of queries.

The list of participants and the "(continued)" marks of a programme are derived
here from the records (registrations, the treaty registry, the agenda), never typed.
"""

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.db.models import Prefetch, Q
from django.http import Http404

from plenary.meetings.models import (
    Delegation,
    Meeting,
    MeetingPart,
    Officer,
    ProgrammeEntry,
    ProgrammeSlot,
)
from plenary.rules import names, programme, times
from plenary.treaties import selectors as treaties
from plenary.treaties.models import Convention, ObserverRule, Organisation

CATEGORIES = ("states_parties", "signatories", "other_states", "rule_1_2", "rule_1_3")
STATUS_CATEGORY = {
    "state_party": "states_parties",
    "signatory": "signatories",
    "not_party": "other_states",
}
RULE_CATEGORY = {ObserverRule.RULE_1_2: "rule_1_2", ObserverRule.RULE_1_3: "rule_1_3"}


def meetings(*, convention: Convention):
    """Every meeting of the convention with its parts, latest first (two queries)."""
    queryset = (
        Meeting.objects.select_related("convention", "prepares")
        .prefetch_related("parts")
        .filter(convention=convention)
    )
    rows = list(queryset)
    rows.sort(key=lambda meeting: _first_day(meeting), reverse=True)
    return rows


def _first_day(meeting: Meeting) -> date:
    parts = list(meeting.parts.all())
    return min(part.starts_on for part in parts) if parts else date.min


def meeting_by_reference(reference: str, *, convention: Convention) -> Meeting:
    """A meeting of the convention by its code (2RC) or its symbol root (CCM/CONF/2020).

    Codes are unique within a convention only: a meeting of another convention is not found.
    """
    reference = reference.strip().strip("/")
    meeting = (
        Meeting.objects.select_related("convention", "prepares")
        .filter(convention=convention)
        .filter(Q(code__iexact=reference) | Q(symbol_root__iexact=reference))
        .first()
        if reference
        else None
    )
    if meeting is None:
        raise Http404(f"No meeting with the code or symbol root {reference!r}.")
    return meeting


def part_of(meeting: Meeting, number: int) -> MeetingPart:
    part = meeting.parts.filter(number=number).first()
    if part is None:
        raise Http404(f"{meeting} has no part {number}.")
    return part


def part_by_reference(reference: str, number: int, *, convention: Convention) -> MeetingPart:
    """Part `number` of the convention's meeting with this code or symbol root."""
    return part_of(meeting_by_reference(reference, convention=convention), number)


def meeting_record(meeting: Meeting) -> dict:
    """A meeting's parts, plan changes and their procedures, officers and agenda (six queries)."""
    officers = list(
        Officer.objects.filter(meeting=meeting).select_related("state").order_by("role", "position")
    )
    role_order = [choice for choice, _ in Officer._meta.get_field("role").choices]
    officers.sort(key=lambda officer: (role_order.index(officer.role), officer.position))
    return {
        "meeting": meeting,
        "parts": list(meeting.parts.order_by("number")),
        # The silence procedures behind each change (the decisions app's reverse relation).
        "plan_changes": list(
            meeting.plan_changes.order_by("recorded_at", "pk").prefetch_related(
                "silence_procedures"
            )
        ),
        "officers": officers,
        "agenda": list(meeting.agenda_items.order_by("number", "letter")),
    }


def participants_by_category(*, part: MeetingPart) -> dict[str, list[str]]:
    """The participants of a part by the categories of the rules of procedure.

    States by their status on the part's first day (States Parties, signatories, other
    States), then organisations under rule 1 (2) and rule 1 (3), each list named as on
    that day and in the UN's alphabetical order. Five queries.
    """
    on = part.starts_on
    delegations = list(
        Delegation.objects.filter(parts=part).select_related("state", "organisation")
    )
    # A State that deposited but awaits entry into force attends as it did before: a
    # signatory if it signed, else a State not party.
    standing = {
        row.state.pk: (
            ("signatory" if row.signed_on else "not_party")
            if row.status == "deposited"
            else row.status
        )
        for row in treaties.states_on(convention=part.meeting.convention, on=on)
    }
    state_names = treaties.names_on(on=on)
    lists: dict[str, list[str]] = {category: [] for category in CATEGORIES}
    for delegation in delegations:
        if delegation.state_id:
            category = STATUS_CATEGORY[standing[delegation.state_id]]
            lists[category].append(state_names[delegation.state_id])
        else:
            organisation = delegation.organisation
            category = RULE_CATEGORY.get(organisation.observer_rule, "rule_1_3")
            lists[category].append(str(organisation))
    return {
        category: sorted(found, key=names.un_alphabetical_key) for category, found in lists.items()
    }


@dataclass
class ProgrammeLine:
    kind: str  # "item", "sub_item" or "text"
    label: str
    title: str
    symbols: list[str]
    continued: bool = False


@dataclass
class Slot:
    day: date
    starts_at: time
    ends_at: time
    starts: datetime
    ends: datetime
    lines: list[ProgrammeLine] = field(default_factory=list)


@dataclass
class ProgrammeDay:
    day: date
    slots: list[Slot] = field(default_factory=list)


def programme_of(*, part: MeetingPart, zone: str | None = None) -> list[ProgrammeDay]:
    """A part's programme by day and slot, "(continued)" computed; two queries.

    Times are planned in the part's time zone; `zone` shows them in another (a
    virtual participant's own), which may move a slot to another day.
    """
    slots = list(
        ProgrammeSlot.objects.filter(part=part)
        .order_by("day", "starts_at")
        .prefetch_related(
            Prefetch(
                "entries",
                queryset=ProgrammeEntry.objects.select_related("agenda_item").order_by("position"),
            )
        )
    )
    shown_in = ZoneInfo(zone) if zone else None
    lines_by_slot = [_lines(slot) for slot in slots]
    marks = programme.continued_marks([[line for line, _ in lines] for lines in lines_by_slot])
    days: list[ProgrammeDay] = []
    for slot, lines, marked in zip(slots, lines_by_slot, marks, strict=True):
        starts = times.at(slot.day, slot.starts_at, part.time_zone)
        ends = times.at(slot.day, slot.ends_at, part.time_zone)
        if shown_in is not None:
            starts, ends = starts.astimezone(shown_in), ends.astimezone(shown_in)
        shown = Slot(
            day=starts.date(),
            starts_at=starts.time(),
            ends_at=ends.time(),
            starts=starts,
            ends=ends,
        )
        for index, (_, line) in enumerate(lines):
            line.continued = index in marked
            shown.lines.append(line)
        if not days or days[-1].day != shown.day:
            days.append(ProgrammeDay(day=shown.day))
        days[-1].slots.append(shown)
    return days


def _lines(slot: ProgrammeSlot) -> list[tuple[programme.Line, ProgrammeLine]]:
    lines = []
    for entry in slot.entries.all():
        item = entry.agenda_item
        if item is None:
            key = programme.Line(number=None, text=entry.text)
            shown = ProgrammeLine("text", "", entry.text, list(entry.symbols))
        else:
            key = programme.Line(number=item.number, letter=item.letter)
            shown = ProgrammeLine(
                "sub_item" if item.letter else "item", item.label, item.title, list(entry.symbols)
            )
        lines.append((key, shown))
    return lines


def delegation_of(*, meeting: Meeting, state=None, organisation=None) -> Delegation | None:
    return (
        Delegation.objects.filter(meeting=meeting, state=state, organisation=organisation)
        .prefetch_related("members", "parts")
        .first()
    )


def delegations_of(*, meeting: Meeting) -> list[Delegation]:
    """Every delegation of a meeting with its members and parts (three queries)."""
    return list(
        Delegation.objects.filter(meeting=meeting)
        .select_related("state", "organisation")
        .prefetch_related("members", "parts")
        .order_by("state__name", "organisation__name")
    )


def slots_of(*, meeting: Meeting) -> list[ProgrammeSlot]:
    """Every time slot of a meeting's programme, by part, day and start (one query)."""
    return list(
        ProgrammeSlot.objects.filter(part__meeting=meeting)
        .select_related("part")
        .order_by("part__number", "day", "starts_at")
    )


def slot_of(*, meeting: Meeting, slot_id: int) -> ProgrammeSlot:
    slot = ProgrammeSlot.objects.filter(part__meeting=meeting, pk=slot_id).first()
    if slot is None:
        raise Http404(f"{meeting} has no programme slot {slot_id}.")
    return slot


_LABEL = re.compile(r"^\s*(\d+)\s*\(?\s*([a-z]?)\s*\)?\s*$")


def agenda_item_of(*, meeting: Meeting, label: str):
    """An item of the meeting's agenda by its label: "7", "7b" or "7 (b)"."""
    match = _LABEL.match(label.lower())
    item = (
        meeting.agenda_items.filter(number=int(match[1]), letter=match[2]).first()
        if match
        else None
    )
    if item is None:
        raise Http404(f"{label!r} is not an item of the agenda of {meeting}.")
    return item


# Registration and the list of participants (issue 18) -------------------------------------

STATE_CATEGORIES = ("states_parties", "signatories", "other_states")


@dataclass
class MemberRow:
    position: int
    role: str
    role_label: str
    title: str
    name: str
    function: str
    # Empty unless the reader is the Secretariat: contact details are theirs only.
    email: str
    publish: bool


@dataclass
class ParticipantRow:
    name: str
    category: str
    delegation: Delegation
    members: list[MemberRow] = field(default_factory=list)
    # Members not named in the published list (no consent): counted, never named.
    unlisted: int = 0


@dataclass
class CategoryRows:
    code: str
    name: str
    participants: list[ParticipantRow] = field(default_factory=list)


def _category_codes(convention: Convention) -> list[tuple[str, str]]:
    return [(row.code, row.name) for row in convention.rules.participant_categories]


def _category_of(codes: set[str], *, standing: str | None, rule: str | None) -> str:
    """The convention's category for a State's standing or an organisation's rule: the
    code itself when the convention lists it, else the nearest it does list (a State not
    party; the first category that is not one of States)."""
    if standing is not None:
        wanted = STATUS_CATEGORY.get(standing, "other_states")
        if wanted in codes:
            return wanted
        return "other_states" if "other_states" in codes else next(iter(sorted(codes)))
    wanted = RULE_CATEGORY.get(rule, "rule_1_3")
    if wanted in codes:
        return wanted
    others = [code for code in codes if code not in STATE_CATEGORIES]
    return sorted(others)[0] if others else wanted


def _standings(convention: Convention, on: date) -> dict[int, str]:
    return {
        row.state.pk: (
            ("signatory" if row.signed_on else "not_party")
            if row.status == "deposited"
            else row.status
        )
        for row in treaties.states_on(convention=convention, on=on)
    }


def _first_day_of(meeting: Meeting) -> date:
    part = meeting.parts.order_by("number").first()
    return part.starts_on if part else date.min


def register_of(*, meeting: Meeting, contacts: bool, accredited_only: bool) -> list[CategoryRows]:
    """The meeting's delegations by the convention's categories of participants.

    States are placed by their standing on the meeting's first day and named as the UN
    named them then; organisations by the rule of procedure they attend under. With
    `contacts` (the Secretariat) every member is listed with their e-mail; without, only
    the members who consented to publication, and no contact detail. Six queries.
    """
    convention = meeting.convention
    on = _first_day_of(meeting)
    queryset = (
        Delegation.objects.filter(meeting=meeting)
        .select_related("state", "organisation", "attendance_decision")
        .prefetch_related("members", "parts")
    )
    if accredited_only:
        queryset = queryset.filter(status="accredited")
    standing = _standings(convention, on)
    state_names = treaties.names_on(on=on)
    categories = [CategoryRows(code, name) for code, name in _category_codes(convention)]
    by_code = {row.code: row for row in categories}
    codes = set(by_code)
    for delegation in queryset:
        if delegation.state_id:
            code = _category_of(codes, standing=standing.get(delegation.state_id), rule=None)
            name = state_names[delegation.state_id]
        else:
            code = _category_of(codes, standing=None, rule=delegation.organisation.observer_rule)
            name = str(delegation.organisation)
        row = ParticipantRow(name=name, category=code, delegation=delegation)
        for member in delegation.members.all():
            if not contacts and not member.publish:
                row.unlisted += 1
                continue
            row.members.append(
                MemberRow(
                    position=member.position,
                    role=member.role,
                    role_label=str(member.get_role_display()),
                    title=member.title,
                    name=member.name,
                    function=member.function,
                    email=member.email if contacts else "",
                    publish=member.publish,
                )
            )
        if code not in by_code:
            by_code[code] = CategoryRows(code, code)
            categories.append(by_code[code])
        by_code[code].participants.append(row)
    for category in categories:
        category.participants.sort(key=lambda row: names.un_alphabetical_key(row.name))
    return categories


def not_registered(*, meeting: Meeting) -> list[CategoryRows]:
    """Who is expected and has not registered: the States Parties, signatories and other
    States on the meeting's first day and the organisations under rule 1 (2) (named in
    the rules, so expected), by the convention's categories (four queries)."""
    convention = meeting.convention
    on = _first_day_of(meeting)
    registered_states = set(
        Delegation.objects.filter(meeting=meeting, state__isnull=False).values_list(
            "state_id", flat=True
        )
    )
    registered_organisations = set(
        Delegation.objects.filter(meeting=meeting, organisation__isnull=False).values_list(
            "organisation_id", flat=True
        )
    )
    categories = [CategoryRows(code, name) for code, name in _category_codes(convention)]
    by_code = {row.code: row for row in categories}
    codes = set(by_code)
    state_names = treaties.names_on(on=on)
    for state_id, status in _standings(convention, on).items():
        if state_id in registered_states or status not in ("state_party", "signatory"):
            continue
        code = _category_of(codes, standing=status, rule=None)
        if code in by_code:
            by_code[code].participants.append(
                ParticipantRow(name=state_names[state_id], category=code, delegation=None)
            )
    for organisation in Organisation.objects.filter(observer_rule=ObserverRule.RULE_1_2).exclude(
        pk__in=registered_organisations
    ):
        code = _category_of(codes, standing=None, rule=organisation.observer_rule)
        if code in by_code:
            by_code[code].participants.append(
                ParticipantRow(name=str(organisation), category=code, delegation=None)
            )
    for category in categories:
        category.participants.sort(key=lambda row: names.un_alphabetical_key(row.name))
    return [category for category in categories if category.participants]


def delegation_by_participant(*, meeting: Meeting, reference: str) -> Delegation:
    """A delegation of the meeting by its State's ISO code ("PER") or, for an
    organisation, "org-" and the organisation's id (one query)."""
    reference = reference.strip()
    queryset = Delegation.objects.filter(meeting=meeting).select_related(
        "meeting__convention", "state", "organisation"
    )
    if reference.lower().startswith("org-") and reference[4:].isdigit():
        delegation = queryset.filter(organisation_id=int(reference[4:])).first()
    else:
        delegation = queryset.filter(state__iso3__iexact=reference).first() if reference else None
    if delegation is None:
        raise Http404(f"{meeting} has no delegation {reference!r}.")
    return delegation


def participant_reference(delegation: Delegation) -> str:
    """The reference `delegation_by_participant` finds it by."""
    return delegation.state.iso3 if delegation.state_id else f"org-{delegation.organisation_id}"


def decisions_of_meeting(*, meeting: Meeting) -> list:
    """The decisions taken in plenary at the meeting's parts (one query)."""
    from plenary.decisions.models import Decision  # the decisions app builds on meetings

    return list(
        Decision.objects.filter(part__meeting=meeting)
        .select_related("part")
        .order_by("decided_on", "pk")
    )


def list_of_participants_symbol(*, meeting: Meeting) -> str:
    """The symbol of the meeting's INF document that is its list of participants, when the
    Secretariat has issued one with that title; empty otherwise (one query)."""
    from plenary.documents.models import Document  # the documents app builds on meetings

    document = (
        Document.objects.filter(meeting=meeting, series="INF", title__icontains="participants")
        .order_by("number")
        .first()
    )
    return document.symbol if document else ""
