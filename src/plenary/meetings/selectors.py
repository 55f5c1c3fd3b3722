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
from django.utils.translation import gettext as _

from plenary.core.convention_texts import label
from plenary.core.l10n import by_name
from plenary.core.models import DelegationFunction, Role, RoleGrant, User
from plenary.core.statements import quoted, rows
from plenary.meetings.models import (
    Delegation,
    Meeting,
    MeetingPart,
    Officer,
    ProgrammeEntry,
    ProgrammeRelease,
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
        raise Http404(
            _("No meeting with the code or symbol root %(reference)r.") % {"reference": reference}
        )
    return meeting


def meeting_id(reference: str, *, convention: Convention) -> int | None:
    """The id of the meeting `meeting_by_reference` finds, None if none (one query)."""
    return meeting_pk(reference, convention=convention, any_case=True)


def meeting_pk(key: str, *, convention: Convention, any_case: bool) -> int | None:
    """The id of the convention's meeting whose code or symbol root is `key` (in any case
    when `any_case`), the first by id; None if none. Every signed-in hit of a meeting's
    pages asks it: one fixed statement (core/statements.py)."""
    key = key.strip().strip("/")
    if not key:
        return None
    table, (pk, convention_id, code, root) = quoted(
        Meeting, "id", "convention", "code", "symbol_root"
    )
    if any_case:
        code, root, value = f"UPPER({code})", f"UPPER({root})", "UPPER(%s)"
    else:
        value = "%s"
    found = rows(
        f"SELECT {pk} FROM {table} WHERE {convention_id} = %s "  # noqa: S608 (names of ours)
        f"AND ({code} = {value} OR {root} = {value}) ORDER BY {pk} LIMIT 1",
        [convention.pk, key, key],
    )
    return found[0][0] if found else None


def part_of(meeting: Meeting, number: int) -> MeetingPart:
    part = meeting.parts.filter(number=number).first()
    if part is None:
        raise Http404(
            _("%(meeting)s has no part %(number)s.") % {"meeting": meeting, "number": number}
        )
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
            meeting.plan_changes.order_by("recorded_at", "pk")
            .select_related("decision")
            .prefetch_related("silence_procedures")
        ),
        "officers": officers,
        "agenda": list(meeting.agenda_items.order_by("number", "letter")),
    }


def participants_by_category(*, part: MeetingPart, language: str = "en") -> dict[str, list[str]]:
    """The participants of a part by the categories of the rules of procedure.

    States by their status on the part's first day (States Parties, signatories, other
    States), then organisations under rule 1 (2) and rule 1 (3), each list named as on
    that day in `language` and in that language's order (the UN's alphabetical order in
    English). Five queries.
    """
    return participants_by_language(part=part, languages=(language,))[language]


def participants_by_language(
    *, part: MeetingPart, languages: tuple[str, ...]
) -> dict[str, dict[str, list[str]]]:
    """`participants_by_category` in each of `languages`, by language (five queries in
    all): a report drafted in French lists the States by their French names, in French
    order. Organisations keep their one name."""
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
    state_names = treaties.names_on_in(on=on, languages=languages)
    found: dict[str, dict[str, list[str]]] = {}
    for language in languages:
        lists: dict[str, list[str]] = {category: [] for category in CATEGORIES}
        for delegation in delegations:
            if delegation.state_id:
                category = STATUS_CATEGORY[standing[delegation.state_id]]
                lists[category].append(state_names[language][delegation.state_id])
            else:
                organisation = delegation.organisation
                category = RULE_CATEGORY.get(organisation.observer_rule, "rule_1_3")
                lists[category].append(str(organisation))
        key = names.collation_key(language)
        found[language] = {category: sorted(each, key=key) for category, each in lists.items()}
    return found


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
    """A part's draft programme by day and slot, "(continued)" computed; two queries.

    Times are planned in the part's time zone; `zone` shows them in another (a
    virtual participant's own), which may move a slot to another day.
    """
    return programme_days(_slot_rows(part), part_zone=part.time_zone, zone=zone)


def _slot_rows(part: MeetingPart) -> list[dict]:
    slots = (
        ProgrammeSlot.objects.filter(part=part)
        .order_by("day", "starts_at")
        .prefetch_related(
            Prefetch(
                "entries",
                queryset=ProgrammeEntry.objects.select_related("agenda_item").order_by("position"),
            )
        )
    )
    return [_slot_row(slot) for slot in slots]


def _slot_row(slot: ProgrammeSlot) -> dict:
    lines = []
    for entry in slot.entries.all():
        item = entry.agenda_item
        lines.append(
            {
                "number": item.number if item else None,
                "letter": item.letter if item else "",
                "title": item.title if item else entry.text,
                "symbols": list(entry.symbols),
            }
        )
    return {
        "id": slot.pk,
        "day": slot.day.isoformat(),
        "starts_at": f"{slot.starts_at:%H:%M}",
        "ends_at": f"{slot.ends_at:%H:%M}",
        "lines": lines,
    }


PLAN_KEYS = ("starts_on", "ends_on", "format", "venue", "city", "platform", "time_zone")


def draft_programme(*, meeting: Meeting) -> list[dict]:
    """The draft programme of every part of a meeting as a release keeps it (three queries)."""
    parts = list(meeting.parts.order_by("number"))
    slots = (
        ProgrammeSlot.objects.filter(part__meeting=meeting)
        .order_by("day", "starts_at")
        .prefetch_related(
            Prefetch(
                "entries",
                queryset=ProgrammeEntry.objects.select_related("agenda_item").order_by("position"),
            )
        )
    )
    by_part: dict[int, list[dict]] = {part.pk: [] for part in parts}
    for slot in slots:
        by_part[slot.part_id].append(_slot_row(slot))
    return [
        {
            "number": part.number,
            **{
                key: value.isoformat() if isinstance(value, date) else value
                for key in PLAN_KEYS
                for value in [getattr(part, key)]
            },
            "slots": by_part[part.pk],
        }
        for part in parts
    ]


def programme_days(
    rows: list[dict], *, part_zone: str, zone: str | None = None
) -> list[ProgrammeDay]:
    """Slots as a release or the draft keeps them, laid out by day with "(continued)"."""
    shown_in = ZoneInfo(zone) if zone else None
    lines_by_slot = [_lines(row) for row in rows]
    marks = programme.continued_marks([[line for line, _ in lines] for lines in lines_by_slot])
    days: list[ProgrammeDay] = []
    for row, lines, marked in zip(rows, lines_by_slot, marks, strict=True):
        day = date.fromisoformat(row["day"])
        starts = times.at(day, time.fromisoformat(row["starts_at"]), part_zone)
        ends = times.at(day, time.fromisoformat(row["ends_at"]), part_zone)
        if shown_in is not None:
            starts, ends = starts.astimezone(shown_in), ends.astimezone(shown_in)
        shown = Slot(
            day=starts.date(),
            starts_at=starts.time(),
            ends_at=ends.time(),
            starts=starts,
            ends=ends,
        )
        for index, (_slot, line) in enumerate(lines):
            line.continued = index in marked
            shown.lines.append(line)
        if not days or days[-1].day != shown.day:
            days.append(ProgrammeDay(day=shown.day))
        days[-1].slots.append(shown)
    return days


def _lines(row: dict) -> list[tuple[programme.Line, ProgrammeLine]]:
    lines = []
    for line in row["lines"]:
        symbols = list(line.get("symbols") or [])
        if line.get("number") is None:
            key = programme.Line(number=None, text=line["title"])
            shown = ProgrammeLine("text", "", line["title"], symbols)
        else:
            letter = line.get("letter") or ""
            key = programme.Line(number=line["number"], letter=letter)
            label = f"({letter})" if letter else f"{line['number']}."
            shown = ProgrammeLine("sub_item" if letter else "item", label, line["title"], symbols)
        lines.append((key, shown))
    return lines


def releases_of(*, meeting: Meeting) -> list:
    """Every release of a meeting's programme, the latest first (one query)."""
    return list(
        ProgrammeRelease.objects.filter(meeting=meeting)
        .select_related("released_by")
        .order_by("-number")
    )


def latest_release(*, meeting: Meeting):
    """The latest release of a meeting's programme, or None (one query)."""
    return ProgrammeRelease.objects.filter(meeting=meeting).order_by("-number").first()


def release_of(*, meeting: Meeting, number: int):
    release = ProgrammeRelease.objects.filter(meeting=meeting, number=number).first()
    if release is None:
        raise Http404(
            _("%(meeting)s has no release %(number)s of its programme of work.")
            % {"meeting": meeting, "number": number}
        )
    return release


def released_part(release, number: int) -> dict | None:
    """Part `number` of a release as released (its plan and slots), or None."""
    return next((part for part in release.programme if part["number"] == number), None)


def release_days(release, *, number: int, zone: str | None = None) -> list[ProgrammeDay]:
    """Part `number`'s programme as a release has it, laid out by day; no query."""
    part = released_part(release, number)
    if part is None:
        return []
    return programme_days(part["slots"], part_zone=part["time_zone"], zone=zone)


def part_as_released(release, meeting: Meeting, number: int) -> MeetingPart:
    """An unsaved part with the plan a release was made under, for its headings."""
    part = released_part(release, number) or {}
    plan = {key: part[key] for key in PLAN_KEYS if key in part}
    for key in ("starts_on", "ends_on"):
        if key in plan:
            plan[key] = date.fromisoformat(plan[key])
    return MeetingPart(meeting=meeting, number=number, **plan)


def delegation_of(*, meeting: Meeting, state=None, organisation=None) -> Delegation | None:
    return (
        Delegation.objects.filter(meeting=meeting, state=state, organisation=organisation)
        .prefetch_related("members", "parts")
        .first()
    )


def focal_points_of(*, convention: Convention, state=None, organisation=None) -> list[str]:
    """The names of the focal points of a State's or organisation's Delegation under the
    convention today, who register its delegations (one query)."""
    party = {"state": state} if state is not None else {"organisation": organisation}
    grants = RoleGrant.objects.current().filter(
        convention=convention,
        role=Role.DELEGATION,
        function=DelegationFunction.FOCAL_POINT,
        **party,
    )
    users = User.objects.filter(is_active=True, grants__in=grants).distinct()
    return sorted({str(user) for user in users})


def delegations_of(*, meeting: Meeting) -> list[Delegation]:
    """Every delegation of a meeting with its members and parts (three queries): the
    States' in the reader's order of their names, then the organisations'."""
    rows = (
        Delegation.objects.filter(meeting=meeting)
        .select_related("state", "organisation")
        .prefetch_related("members", "parts")
        .order_by("organisation__name")
    )
    return sorted(
        rows, key=lambda row: (row.state_id is None, by_name(str(row.state or row.organisation)))
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
        raise Http404(
            _("%(meeting)s has no programme slot %(slot_id)s.")
            % {"meeting": meeting, "slot_id": slot_id}
        )
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
        raise Http404(
            _("%(label)r is not an item of the agenda of %(meeting)s.")
            % {"label": label, "meeting": meeting}
        )
    return item


def replan_recipients(*, meeting: Meeting) -> list:
    """The active users with an e-mail address holding a Delegation role, under the
    meeting's convention today, for a State or organisation registered for the meeting
    (one query)."""
    delegations = Delegation.objects.filter(meeting=meeting)
    grants = RoleGrant.objects.current().filter(
        convention=meeting.convention_id, role=Role.DELEGATION
    )
    return list(
        User.objects.filter(is_active=True)
        .filter(
            Q(grants__in=grants.filter(state__in=delegations.values("state")))
            | Q(grants__in=grants.filter(organisation__in=delegations.values("organisation")))
        )
        .exclude(email="")
        .distinct()
        .order_by("email", "pk")
    )


def decisions_behind_a_replan(*, meeting: Meeting) -> dict:
    """What a change of the meeting's plan may cite: the adopted silence procedures and
    the decisions of its convention, the latest first (two queries)."""
    from plenary.decisions.models import Decision, Outcome, SilenceProcedure

    convention = meeting.convention_id
    return {
        "procedures": list(
            SilenceProcedure.objects.filter(
                convention=convention, outcome=Outcome.ADOPTED
            ).order_by("-deadline", "-pk")[:200]
        ),
        "decisions": list(
            Decision.objects.filter(
                Q(part__meeting__convention=convention)
                | Q(silence_procedure__convention=convention)
            )
            .select_related("part__meeting", "silence_procedure")
            .order_by("-decided_on", "-pk")[:200]
        ),
    }


def procedure_for_replan(*, meeting: Meeting, pk: int | None):
    from plenary.decisions.models import SilenceProcedure

    return SilenceProcedure.objects.filter(pk=pk).first() if pk else None


def decision_for_replan(*, meeting: Meeting, pk: int | None):
    from plenary.decisions.models import Decision

    if not pk:
        return None
    return (
        Decision.objects.select_related("part__meeting", "silence_procedure").filter(pk=pk).first()
    )


def entries_of(*, meeting: Meeting) -> list[ProgrammeEntry]:
    """Every line of the draft programme, by part, slot and position (one query)."""
    return list(
        ProgrammeEntry.objects.filter(slot__part__meeting=meeting)
        .select_related("slot__part", "agenda_item")
        .order_by("slot__part__number", "slot__day", "slot__starts_at", "position")
    )


def entry_of(*, slot: ProgrammeSlot, position: int) -> ProgrammeEntry:
    entry = (
        ProgrammeEntry.objects.filter(slot=slot, position=position)
        .select_related("slot__part")
        .first()
    )
    if entry is None:
        raise Http404(
            _("The slot %(slot)s has no line %(position)s.") % {"slot": slot, "position": position}
        )
    return entry


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
    rules = convention.rules
    return [(row.code, label(rules, row.name).text) for row in rules.participant_categories]


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
        raise Http404(
            _("%(meeting)s has no delegation %(reference)r.")
            % {"meeting": meeting, "reference": reference}
        )
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
