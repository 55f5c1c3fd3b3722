"""Every write to meetings: one function per state change, atomic, attributed.

Each service checks its rule and raises a ValidationError keyed by the field at
fault before anything is written, so a refused change leaves no trace.
"""

import io
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from datetime import date, datetime, time
from pathlib import PurePosixPath

import pypdf
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Max, ProtectedError
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from plenary.core.audit import attribute
from plenary.core.l10n import day as long_date
from plenary.core.models import DelegationFunction, Role, RoleGrant, User
from plenary.core.notices import send_notice
from plenary.core.permissions import is_secretariat, within
from plenary.core.translations import merged as _merged_translations
from plenary.core.validation import check_may as _check_may
from plenary.core.validation import invalid as _invalid
from plenary.meetings.models import (
    AgendaItem,
    CredentialsKind,
    Delegate,
    DelegateRole,
    Delegation,
    DelegationStatus,
    Meeting,
    MeetingFormat,
    MeetingPart,
    Officer,
    PlanChange,
    ProgrammeEntry,
    ProgrammeRelease,
    ProgrammeSlot,
)
from plenary.meetings.render import plan_summary
from plenary.meetings.selectors import draft_programme, latest_release, replan_recipients
from plenary.rules import times
from plenary.rules.errors import RuleError
from plenary.rules.programme import release_changes
from plenary.treaties.models import ObserverRule, Organisation, State

NO_PARTS = _("a meeting has at least one part")
PART_NUMBERS = _("parts are numbered 1, 2, ... in order; got %(numbers)s")
PART_ENDS_BEFORE_START = _("part %(number)s cannot end (%(ends)s) before it starts (%(starts)s)")
PARTS_OVERLAP = _("part %(number)s starts (%(starts)s) before part %(previous)s ends (%(ends)s)")
UNKNOWN_FORMAT = _("part %(number)s: the format is one of %(choices)s, not %(value)r")
PLAN_UNCHANGED = _("the new plan is the same as the current one")
PART_IN_USE = _("part %(number)s has a programme, delegations or decisions: it cannot be dropped")
SUB_ITEM_WITHOUT_ITEM = _("item %(number)s is not on the agenda: add it before its sub-items")
DUPLICATE_ITEM = _("item %(label)s is already on the agenda of %(meeting)s")
SLOT_OUTSIDE_PART = _("%(day)s is not a day of part %(number)s (%(starts)s to %(ends)s)")
SLOT_ENDS_BEFORE_START = _("a slot ends after it starts: %(starts)s to %(ends)s")
SLOTS_OVERLAP = _("the slot %(starts)s-%(ends)s on %(day)s overlaps the slot %(other)s")
ENTRY_ITEM_ELSEWHERE = _("%(item)s is not an item of the agenda of %(meeting)s")
ENTRY_EMPTY = _("an entry names an agenda item or has a text")
REGISTRATION_CLOSED = _(
    "registration for {meeting} closed at 23:59:59 on {deadline} ({zone} time); only the"
    " Secretariat can change a registration now"
)
ALREADY_REGISTERED = _("%(participant)s already has a delegation for %(meeting)s: edit it instead")
ONE_HEAD = _("a delegation has exactly one head of delegation")
DELEGATE_NAME = _("each delegate needs a name")
PART_OF_ANOTHER_MEETING = _("part %(number)s is not a part of %(meeting)s")
NO_PART_ATTENDED = _("a delegation attends at least one part")
NOT_YOUR_DELEGATION = _("you may register only the delegation of your own State or organisation")
ONLY_THE_FOCAL_POINT = _(
    "only the focal point of the delegation of {participant} registers it and changes its"
    " registration (or the Secretariat): ask your focal point"
)
EMAIL_REQUIRED = _("give the e-mail address of {name}: the Secretariat writes to each member")
FROM_THE_RECORD_SECRETARIAT = _(
    "only the Secretariat records a delegation from the record of a meeting"
)
FROM_THE_RECORD_SOURCE = _("name the record the delegation is taken from (its source)")
OFFICER_WHO = _("an officer is a person or a State: give exactly one")
MAY_NOT_MANAGE = _(
    "Only the Secretariat of the convention convenes meetings and keeps their plan, officers,"
    " agenda and programme."
)
UNKNOWN_KIND = _("the kind of meeting is one of {choices}, not {value!r}")
PART_HELD = _("part {number} was held ({starts} to {ends}): it cannot be replanned")
DECISION_REQUIRED = _("name the decision behind the change")
REASON_REQUIRED = _("give the reason for the change")
PART_REGISTRATION_CLOSED = _(
    "registration for part {number} of {meeting} closed at 23:59:59 on {deadline} ({zone}"
    " time); only the Secretariat can add it now"
)
ADOPTION_DATE_REQUIRED = _("give the date on which the agenda was adopted")
DECISION_ELSEWHERE = _("that decision was not taken under this meeting's convention")
PROCEDURE_NOT_ADOPTED = _("that silence procedure was not adopted: it decided nothing")
NOT_AN_EMAIL = _("{email} is not an e-mail address")
REASON_AFTER_DEADLINE = _(
    "registration has closed: give the reason for changing this delegation (it is kept in"
    " the history)"
)
CREDENTIALS_EMPTY = _("the note verbale or credentials file is empty")
CREDENTIALS_TOO_LARGE = _("the file is {size} bytes; at most {limit} bytes are accepted")
CREDENTIALS_NOT_PDF = _("{name}: the note verbale or credentials must be a PDF file")
CREDENTIALS_NOT_WHOLE_PDF = _(
    "{name}: the file starts as a PDF but is not one (it carries HTML, or is broken)"
)
UNKNOWN_CREDENTIALS_KIND = _("the file is one of {choices}")
MAY_NOT_ACCREDIT = _(
    "Only the Secretariat of the convention accredits delegations and records the"
    " approval of observers."
)
ALREADY_ACCREDITED = _("the delegation of {participant} is already accredited")
NO_CREDENTIALS = _(
    "the delegation of {participant} has sent no note verbale or credentials: it cannot be"
    " accredited yet"
)
NOT_APPROVED = _(
    "the meeting has not approved the attendance of {participant} (rule 1 (3)): record its"
    " decision first"
)
NOT_RULE_1_3 = _(
    "{participant} is not an observer under rule 1 (3): its attendance needs no approval"
)
DECISION_NOT_AT_MEETING = _("the decision is not one taken at {meeting}")
APPROVAL_DATE_REQUIRED = _("give the date of the meeting's decision")
APPROVAL_REFERENCE_REQUIRED = _("give the reference of the meeting's decision")
# Markup a browser would render: a "PDF" carrying it is a polyglot.
_MARKUP = (b"<html", b"<script", b"<!doctype", b"<body", b"<iframe", b"<svg")


@dataclass(frozen=True)
class PartPlan:
    """A part as planned: the values `replan_meeting` compares and keeps in history."""

    number: int
    starts_on: date
    ends_on: date
    format: str = ""
    venue: str = ""
    city: str = ""
    platform: str = ""
    # The part's venue zone; empty means the meeting's own.
    time_zone: str = ""
    # Delegations register for this part by the end of this day; None: the meeting's deadline.
    registration_deadline: date | None = None

    @classmethod
    def of(cls, part: MeetingPart) -> "PartPlan":
        return cls(**{name: getattr(part, name) for name in cls.__dataclass_fields__})

    def as_dict(self) -> dict:
        values = asdict(self)
        values["starts_on"] = self.starts_on.isoformat()
        values["ends_on"] = self.ends_on.isoformat()
        # Plans recorded before parts had deadlines of their own carry no such key.
        if self.registration_deadline is None:
            del values["registration_deadline"]
        else:
            values["registration_deadline"] = self.registration_deadline.isoformat()
        return values


@dataclass(frozen=True)
class DelegateIn:
    role: str
    name: str
    title: str = ""
    function: str = ""
    email: str = ""
    # The delegate's consent to their name and function in the published list.
    publish: bool = False


def _check_zone(name: str, field: str = "time_zone") -> None:
    try:
        times.zone(name, field=field)
    except RuleError as error:
        raise _invalid(error.field, error.message) from error


def _in_zone(parts: Sequence[PartPlan], zone: str) -> list[PartPlan]:
    """The plan with the meeting's zone on every part that names none."""
    return [part if part.time_zone else replace(part, time_zone=zone) for part in parts]


def _check_plan(parts: Sequence[PartPlan]) -> None:
    if not parts:
        raise _invalid("parts", NO_PARTS)
    numbers = [part.number for part in parts]
    if numbers != list(range(1, len(parts) + 1)):
        raise _invalid("parts", PART_NUMBERS % {"numbers": numbers})
    previous = None
    for part in parts:
        if part.ends_on < part.starts_on:
            raise _invalid(
                "ends_on",
                PART_ENDS_BEFORE_START
                % {
                    "number": part.number,
                    "ends": long_date(part.ends_on),
                    "starts": long_date(part.starts_on),
                },
            )
        if part.format and part.format not in MeetingFormat.values:
            raise _invalid(
                "format",
                UNKNOWN_FORMAT
                % {
                    "number": part.number,
                    "choices": ", ".join(MeetingFormat.values),
                    "value": part.format,
                },
            )
        _check_zone(part.time_zone)
        if previous is not None and part.starts_on <= previous.ends_on:
            raise _invalid(
                "starts_on",
                PARTS_OVERLAP
                % {
                    "number": part.number,
                    "starts": long_date(part.starts_on),
                    "previous": previous.number,
                    "ends": long_date(previous.ends_on),
                },
            )
        previous = part


@transaction.atomic
def create_meeting(
    *,
    convention,
    code: str,
    kind: str,
    title: str,
    parts: Sequence[PartPlan],
    number: int | None = None,
    prepares: Meeting | None = None,
    symbol_root: str = "",
    convened_by: str = "",
    convening_reference: str = "",
    registration_deadline: date | None = None,
    time_zone: str = "",
    source: str = "",
    by=None,
) -> Meeting:
    """Convene a meeting as first planned.

    Steps: check the person is the convention's Secretariat; check the kind is one of the
    convention's meeting kinds; take the zone of the convention's secretariat where none is
    given (and the meeting's zone for a part that names none); check the plan (parts
    numbered from 1, each ending on or after its start, in order without overlap, known
    formats and time zones);
    check the meeting's fields; save the meeting and its parts.
    """
    _check_may(by, "meetings.manage_meeting", MAY_NOT_MANAGE, convention)
    kinds = [kind.code for kind in convention.rules.meeting_kinds]
    if kind not in kinds:
        raise _invalid("kind", UNKNOWN_KIND.format(choices=", ".join(kinds), value=kind))
    time_zone = time_zone or convention.time_zone
    parts = _in_zone(parts, time_zone)
    _check_plan(parts)
    _check_zone(time_zone)
    meeting = Meeting(
        convention=convention,
        code=code,
        kind=kind,
        number=number,
        title=title,
        prepares=prepares,
        symbol_root=symbol_root,
        convened_by=convened_by,
        convening_reference=convening_reference,
        registration_deadline=registration_deadline,
        time_zone=time_zone,
        source=source,
    )
    meeting.full_clean()
    attribute(meeting, by=by, reason="Convened")
    meeting.save()
    for plan in parts:
        part = MeetingPart(meeting=meeting, **asdict(plan))
        attribute(part, by=by, reason="Convened")
        part.save()
    return meeting


def _current_plan(meeting: Meeting) -> list[PartPlan]:
    return [PartPlan.of(part) for part in meeting.parts.order_by("number")]


@transaction.atomic
def replan_meeting(
    *,
    meeting: Meeting,
    parts: Sequence[PartPlan],
    decided_by: str,
    reason: str,
    decided_on: date | None = None,
    cause: str = "",
    source: str = "",
    today: date | None = None,
    decision=None,
    silence_procedure=None,
    by=None,
) -> PlanChange:
    """Move, relocate, change the format of, or split a meeting, as decided.

    Steps: check the person is the Secretariat; lock the meeting; check the new plan;
    refuse a plan equal to the current one, a change to a part already held (ended before
    `today`; records of the past pass no `today`) and the dropping of a part that already
    has a programme or delegations; update,
    add or drop parts; record the change with the plan before and after, its reason and
    the decision behind it, linked where it is a record (a decision, or an adopted silence
    procedure of the meeting's convention); tell the registered delegations once committed.
    """
    _check_may(by, "meetings.manage_meeting", MAY_NOT_MANAGE, meeting)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    parts = _in_zone(parts, meeting.time_zone)
    _check_plan(parts)
    decided_by = decided_by.strip() or _decided_by(meeting, decision, silence_procedure)
    if not decided_by:
        raise _invalid("decided_by", DECISION_REQUIRED)
    if not reason.strip():
        raise _invalid("reason", REASON_REQUIRED)
    before = _current_plan(meeting)
    if before == list(parts):
        raise _invalid("parts", PLAN_UNCHANGED)
    existing = {part.number: part for part in meeting.parts.all()}
    if today is not None:
        planned = {plan.number: plan for plan in parts}
        for number, part in existing.items():
            if part.ends_on < today and planned.get(number) != PartPlan.of(part):
                raise _invalid(
                    "parts",
                    PART_HELD.format(
                        number=number,
                        starts=long_date(part.starts_on),
                        ends=long_date(part.ends_on),
                    ),
                )
    for number, part in existing.items():
        if number > len(parts) and (part.slots.exists() or part.delegations.exists()):
            raise _invalid("parts", PART_IN_USE % {"number": number})
    for plan in parts:
        part = existing.get(plan.number) or MeetingPart(meeting=meeting)
        if part.pk and PartPlan.of(part) == plan:
            continue
        for name, value in asdict(plan).items():
            setattr(part, name, value)
        attribute(part, by=by, reason=f"{reason} ({decided_by})")
        part.save()
    for number, part in existing.items():
        if number > len(parts):
            try:
                with transaction.atomic():
                    part.delete()
            except ProtectedError:
                # Another app's records (e.g. decisions taken at the part) point at it.
                raise _invalid("parts", PART_IN_USE % {"number": number}) from None
    change = PlanChange(
        meeting=meeting,
        decided_on=decided_on,
        decided_by=decided_by,
        reason=reason,
        cause=" ".join(cause.split()),
        previous_plan=[plan.as_dict() for plan in before],
        new_plan=[plan.as_dict() for plan in parts],
        source=source,
        recorded_by=by if getattr(by, "is_authenticated", False) else None,
        decision=decision,
    )
    change.save()
    if silence_procedure is not None and silence_procedure.plan_change_id is None:
        silence_procedure.plan_change = change
        attribute(silence_procedure, by=by, reason="The change of plan it decided")
        silence_procedure.save(update_fields=["plan_change"])
    _notify_replanned(meeting, change)
    return change


def _decided_by(meeting: Meeting, decision, silence_procedure) -> str:
    """The words for a decision given as a record; refuse one of another convention, or a
    silence procedure that was not adopted."""
    if decision is not None:
        decided_at = decision.part.meeting if decision.part_id else None
        convention = (
            decided_at.convention_id
            if decided_at
            else getattr(decision.silence_procedure, "convention_id", None)
        )
        if convention != meeting.convention_id:
            raise _invalid("decision", DECISION_ELSEWHERE)
        where = f" at {decided_at}" if decided_at else ""
        return f"decision{where}: {decision.subject}"[:300]
    if silence_procedure is not None:
        if silence_procedure.convention_id != meeting.convention_id:
            raise _invalid("silence_procedure", DECISION_ELSEWHERE)
        if silence_procedure.outcome != "adopted":
            raise _invalid("silence_procedure", PROCEDURE_NOT_ADOPTED)
        return f"silence procedure of {silence_procedure.period_in_english}"[:300]
    return ""


def _notify_replanned(meeting: Meeting, change: PlanChange) -> None:
    """After commit, tell the users of each registered delegation, in their language."""
    users = replan_recipients(meeting=meeting)
    if not users:
        return
    context = {
        "meeting": meeting,
        "change": change,
        # Worded when each notice is rendered, in its recipient's language.
        "previously": lazy(plan_summary, str)(change.previous_plan),
        "now": lazy(plan_summary, str)(change.new_plan),
    }

    def send() -> None:
        for user in users:
            send_notice(
                user,
                "meetings/notices/replanned_subject.txt",
                "meetings/notices/replanned_body.txt",
                context,
            )

    transaction.on_commit(send)


@transaction.atomic
def record_plenary_meetings_held(*, part: MeetingPart, count: int, by=None) -> MeetingPart:
    """Record how many formal plenary meetings a part held."""
    _check_may(by, "meetings.manage_meeting", MAY_NOT_MANAGE, part)
    if count < 0:
        raise _invalid("plenary_meetings_held", _("a count of meetings is zero or more"))
    part.plenary_meetings_held = count
    attribute(part, by=by, reason="Plenary meetings held")
    part.save(update_fields=["plenary_meetings_held"])
    return part


@transaction.atomic
def record_officer(
    *,
    meeting: Meeting,
    role: str,
    person: str = "",
    state: State | None = None,
    description: str = "",
    act: str = "serving",
    act_on: date | None = None,
    term: str = "",
    basis: str = "",
    source: str = "",
    by=None,
) -> Officer:
    """Record an officer of the meeting, how and when they took office, and their term."""
    _check_may(by, "meetings.manage_meeting", MAY_NOT_MANAGE, meeting)
    if bool(person.strip()) == (state is not None):
        raise _invalid("person", OFFICER_WHO)
    position = (
        meeting.officers.filter(role=role).aggregate(Max("position"))["position__max"] or 0
    ) + 1
    officer = Officer(
        meeting=meeting,
        role=role,
        person=person.strip(),
        state=state,
        description=description,
        act=act,
        act_on=act_on,
        term=term.strip(),
        basis=" ".join(basis.split()),
        position=position,
        source=source,
    )
    officer.full_clean()
    attribute(officer, by=by)
    officer.save()
    return officer


@transaction.atomic
def add_agenda_item(
    *,
    meeting: Meeting,
    number: int,
    title: str,
    letter: str = "",
    symbols: Sequence[str] = (),
    by=None,
) -> AgendaItem:
    """Put an item, or a lettered sub-item of an item already there, on the agenda."""
    _check_may(by, "meetings.manage_meeting", MAY_NOT_MANAGE, meeting)
    letter = letter.strip().lower()
    label = f"{number} ({letter})" if letter else str(number)
    if letter and not meeting.agenda_items.filter(number=number, letter="").exists():
        raise _invalid("letter", SUB_ITEM_WITHOUT_ITEM % {"number": number})
    if meeting.agenda_items.filter(number=number, letter=letter).exists():
        raise _invalid("number", DUPLICATE_ITEM % {"label": label, "meeting": meeting})
    item = AgendaItem(
        meeting=meeting, number=number, letter=letter, title=title.strip(), symbols=list(symbols)
    )
    item.full_clean()
    attribute(item, by=by)
    item.save()
    return item


@transaction.atomic
def set_meeting_translations(
    *,
    meeting: Meeting,
    title_translations: Mapping[str, str],
    original_language: str | None = None,
    by,
) -> Meeting:
    """Give the meeting's title in other languages (core/translations.py).

    Steps: check the person is the convention's Secretariat; check each language is one of
    settings.LANGUAGES and not the original's; set each text given, remove each blank one
    (languages not named stay); optionally change the language the title is written in;
    save, recorded in the history.
    """
    _check_may(by, "meetings.manage_meeting", MAY_NOT_MANAGE, meeting)
    meeting.original_language, meeting.translations = _merged_translations(
        meeting,
        {"title": title_translations},
        original_language=original_language,
        limits={"title": Meeting._meta.get_field("title").max_length},
    )
    attribute(meeting, by=by, reason="Translations")
    meeting.save(update_fields=["original_language", "translations"])
    return meeting


@transaction.atomic
def set_agenda_item_translations(
    *,
    item: AgendaItem,
    title_translations: Mapping[str, str],
    original_language: str | None = None,
    by,
) -> AgendaItem:
    """Give an agenda item's title in other languages, as `set_meeting_translations`."""
    _check_may(by, "meetings.manage_meeting", MAY_NOT_MANAGE, item.meeting)
    item.original_language, item.translations = _merged_translations(
        item,
        {"title": title_translations},
        original_language=original_language,
        limits={"title": AgendaItem._meta.get_field("title").max_length},
    )
    attribute(item, by=by, reason="Translations")
    item.save(update_fields=["original_language", "translations"])
    return item


@transaction.atomic
def adopt_agenda(*, meeting: Meeting, on: date | None, by=None) -> Meeting:
    """Record the day the meeting adopted its agenda in plenary."""
    _check_may(by, "meetings.manage_meeting", MAY_NOT_MANAGE, meeting)
    if on is None:
        raise _invalid("on", ADOPTION_DATE_REQUIRED)
    meeting.agenda_adopted_on = on
    attribute(meeting, by=by, reason="Agenda adopted")
    meeting.save(update_fields=["agenda_adopted_on"])
    return meeting


def _fmt(clock: time) -> str:
    return f"{clock:%H:%M}"


@transaction.atomic
def add_programme_slot(
    *, part: MeetingPart, day: date, starts_at: time, ends_at: time, by=None
) -> ProgrammeSlot:
    """Add a time slot to a part's programme.

    Steps: lock the part (two slots added at once cannot both pass the overlap check);
    check the day is a day of the part, the slot ends after it starts and overlaps no
    other slot of that day.
    """
    _check_may(by, "meetings.manage_meeting", MAY_NOT_MANAGE, part)
    part = MeetingPart.objects.select_for_update().get(pk=part.pk)
    _check_slot_time(part, day, starts_at, ends_at)
    slot = ProgrammeSlot(part=part, day=day, starts_at=starts_at, ends_at=ends_at)
    attribute(slot, by=by)
    slot.save()
    return slot


@transaction.atomic
def add_programme_entry(
    *,
    slot: ProgrammeSlot,
    agenda_item: AgendaItem | None = None,
    text: str = "",
    symbols: Sequence[str] = (),
    by=None,
) -> ProgrammeEntry:
    """Add a line at the end of a slot: an item of the meeting's agenda, or free text."""
    _check_may(by, "meetings.manage_meeting", MAY_NOT_MANAGE, slot.part)
    slot = ProgrammeSlot.objects.select_for_update().select_related("part__meeting").get(pk=slot.pk)
    meeting = slot.part.meeting
    if agenda_item is None and not text.strip():
        raise _invalid("text", ENTRY_EMPTY)
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        raise _invalid(
            "agenda_item", ENTRY_ITEM_ELSEWHERE % {"item": agenda_item, "meeting": meeting}
        )
    position = (slot.entries.aggregate(Max("position"))["position__max"] or 0) + 1
    entry = ProgrammeEntry(
        slot=slot,
        position=position,
        agenda_item=agenda_item,
        text=text.strip(),
        symbols=list(symbols),
    )
    attribute(entry, by=by)
    entry.save()
    return entry


def registration_closes_at(meeting: Meeting) -> datetime | None:
    if meeting.registration_deadline is None:
        return None
    return times.end_of_day(meeting.registration_deadline, meeting.time_zone)


def _part_deadline(part: MeetingPart, meeting: Meeting) -> date | None:
    return part.registration_deadline or meeting.registration_deadline


def _check_may_register(*, meeting: Meeting, participant, by) -> None:
    """The focal point of a State's or organisation's Delegation registers it; the
    Secretariat anyone. `by=None` is the system loading records of the past."""
    if by is None or is_secretariat(by, meeting):
        return
    scope = within(meeting.convention, participant)
    if by.has_perm("meetings.register_delegation", scope):
        return
    if by.has_perm("meetings.view_own_delegation", scope):
        raise PermissionDenied(ONLY_THE_FOCAL_POINT.format(participant=participant))
    raise PermissionDenied(NOT_YOUR_DELEGATION)


def _check_open(
    *, meeting: Meeting, parts: Sequence[MeetingPart], by, now: datetime, attended_before=()
) -> None:
    """Registration is open for a part until 23:59:59 on its deadline (the meeting's when the
    part has none) in the meeting's zone: a delegation may change its registration while one
    part it attends is open, and cannot add a part that is closed. The Secretariat may
    register at any time."""
    if by is None or is_secretariat(by, meeting):
        return
    closed = [
        part
        for part in parts
        if _part_deadline(part, meeting) is not None
        and times.is_past(times.end_of_day(_part_deadline(part, meeting), meeting.time_zone), now)
    ]
    if not closed:
        return
    if len(closed) == len(parts) and all(part.registration_deadline is None for part in parts):
        raise _invalid(
            "registration_deadline",
            REGISTRATION_CLOSED.format(
                meeting=meeting,
                deadline=long_date(meeting.registration_deadline),
                zone=meeting.time_zone,
            ),
        )
    for part in closed:
        if len(closed) == len(parts) or part.pk not in attended_before:
            raise _invalid(
                "parts",
                PART_REGISTRATION_CLOSED.format(
                    number=part.number,
                    meeting=meeting,
                    deadline=long_date(_part_deadline(part, meeting)),
                    zone=meeting.time_zone,
                ),
            )


def _check_members(
    members: Sequence[DelegateIn], *, required: bool, emails: bool, without_email=frozenset()
) -> None:
    """One head and named members with valid e-mail addresses. `required`: a delegation
    has members (not so a delegation taken from a meeting's record, which names none);
    `emails`: each member has an e-mail address, except the members named in
    `without_email` (kept from a registration made before addresses were asked for)."""
    if not members and not required:
        return
    if any(not member.name.strip() for member in members):
        raise _invalid("members", DELEGATE_NAME)
    for member in members:
        if member.role not in DelegateRole.values:
            raise _invalid(
                "members",
                _("a delegate's role is one of %(choices)s")
                % {"choices": ", ".join(DelegateRole.values)},
            )
    if sum(member.role == DelegateRole.HEAD for member in members) != 1:
        raise _invalid("members", ONE_HEAD)
    for member in members:
        if member.email.strip():
            try:
                validate_email(member.email.strip())
            except ValidationError:
                raise _invalid("members", NOT_AN_EMAIL.format(email=member.email.strip())) from None
        elif emails and member.name.strip() not in without_email:
            raise _invalid("members", EMAIL_REQUIRED.format(name=member.name.strip()))


def _parts_attended(meeting: Meeting, parts: Sequence[MeetingPart] | None) -> list[MeetingPart]:
    if parts is None:
        return list(meeting.parts.all())
    if not parts:
        raise _invalid("parts", NO_PART_ATTENDED)
    for part in parts:
        if part.meeting_id != meeting.pk:
            raise _invalid(
                "parts", PART_OF_ANOTHER_MEETING % {"number": part.number, "meeting": meeting}
            )
    return list(parts)


def _replace_members(
    delegation: Delegation, members: Sequence[DelegateIn], by, reason: str = ""
) -> None:
    delegation.members.all().delete()
    for position, member in enumerate(members, start=1):
        delegate = Delegate(
            delegation=delegation,
            position=position,
            role=member.role,
            name=member.name.strip(),
            title=member.title.strip(),
            function=member.function.strip(),
            email=member.email.strip(),
            publish=member.publish,
        )
        attribute(delegate, by=by, reason=reason)
        delegate.save()


def _check_credentials(upload: File) -> None:
    """A note verbale or credentials: one PDF, checked by its content, not its name.

    It starts with `%PDF-`, carries no markup a browser would render (a PDF+HTML polyglot
    is refused) and parses whole with pypdf into at least one page."""
    name = PurePosixPath(upload.name or "").name
    if not upload.size:
        raise _invalid("credentials", CREDENTIALS_EMPTY)
    limit = settings.DOCUMENT_MAX_UPLOAD_BYTES
    if upload.size > limit:
        raise _invalid("credentials", CREDENTIALS_TOO_LARGE.format(size=upload.size, limit=limit))
    upload.seek(0)
    content = upload.read()
    upload.seek(0)
    if not content.startswith(b"%PDF-"):
        raise _invalid("credentials", CREDENTIALS_NOT_PDF.format(name=name))
    lowered = content.lower()
    try:
        if any(mark in lowered for mark in _MARKUP):
            raise ValueError("markup in a PDF")
        if not pypdf.PdfReader(io.BytesIO(content), strict=True).pages:
            raise ValueError("no page")
    except Exception:  # pypdf raises many kinds on a broken file: each is a refusal
        raise _invalid("credentials", CREDENTIALS_NOT_WHOLE_PDF.format(name=name)) from None


def _store_credentials(delegation: Delegation, upload: File, kind: str, now: datetime) -> None:
    if kind not in CredentialsKind.values:
        raise _invalid(
            "credentials_kind",
            UNKNOWN_CREDENTIALS_KIND.format(choices=", ".join(CredentialsKind.values)),
        )
    _check_credentials(upload)
    participant = delegation.participant
    code = participant.iso3 if delegation.state_id else f"org-{participant.pk}"
    delegation.credentials.save(
        f"{delegation.meeting.code}-{code}-{kind}.pdf", File(upload), save=False
    )
    delegation.credentials_kind = kind
    delegation.credentials_uploaded_at = now


def _confirm_registration(delegation: Delegation, *, by, changed: bool) -> None:
    """After commit: a confirmation to the focal points of the participant and to the
    person who registered, each in their language."""
    convention = delegation.meeting.convention
    grants = RoleGrant.objects.current().filter(
        convention=convention,
        role=Role.DELEGATION,
        function=DelegationFunction.FOCAL_POINT,
        **(
            {"state": delegation.state_id}
            if delegation.state_id
            else {"organisation": delegation.organisation_id}
        ),
    )
    users = {user.pk: user for user in User.objects.filter(is_active=True, grants__in=grants)}
    if getattr(by, "is_authenticated", False) and not is_secretariat(by, delegation.meeting):
        users.setdefault(by.pk, by)
    recipients = [user for user in users.values() if user.email]
    context = {
        "meeting": delegation.meeting.title,
        "participant": str(delegation.participant),
        "members": [
            # The label stays lazy: it is rendered in the recipient's language.
            {
                "role": DelegateRole(member.role).label,
                "name": member.name,
                "function": member.function,
            }
            for member in delegation.members.all()
        ],
        "parts": sorted(part.number for part in delegation.parts.all()),
        "credentials": bool(delegation.credentials),
        "changed": changed,
    }
    transaction.on_commit(
        lambda: [
            send_notice(
                user,
                "meetings/notices/registration_subject.txt",
                "meetings/notices/registration_body.txt",
                context,
            )
            for user in recipients
        ]
    )


@transaction.atomic
def register_delegation(
    *,
    meeting: Meeting,
    members: Sequence[DelegateIn],
    now: datetime,
    state: State | None = None,
    organisation: Organisation | None = None,
    parts: Sequence[MeetingPart] | None = None,
    credentials: File | None = None,
    credentials_kind: str = CredentialsKind.NOTE_VERBALE,
    source: str = "",
    from_the_record: bool = False,
    by=None,
) -> Delegation:
    """Register a State's or an organisation's delegation for a meeting.

    Steps: check the person is the focal point of that participant's Delegation (or the
    Secretariat) and registration is open (the Secretariat may register at any time);
    check the delegation has one head and named members, each with a valid e-mail
    address, and the parts it attends are parts of the meeting (all parts by default);
    refuse a second delegation of the same participant (the database's constraint
    decides a race: the loser gets the same refusal); save it with its members and its
    note verbale or credentials (a PDF, checked by its content); confirm by e-mail to the
    participant's focal points after commit.

    `from_the_record`: the Secretariat records a delegation of a past meeting as its
    record (a report, with `source`) names it: members and their addresses may be
    missing, the delegation took part (accredited) and nobody is written to. The loader
    of reference data does the same with `by=None`.
    """
    participant = state or organisation
    if (state is None) == (organisation is None):
        raise _invalid("state", _("a delegation is of one State or of one organisation"))
    _check_may_register(meeting=meeting, participant=participant, by=by)
    if from_the_record:
        if by is None or not is_secretariat(by, meeting):
            raise PermissionDenied(FROM_THE_RECORD_SECRETARIAT)
        if not source.strip():
            raise _invalid("source", FROM_THE_RECORD_SOURCE)
    live = by is not None and not from_the_record
    attended = _parts_attended(meeting, parts)
    _check_open(meeting=meeting, parts=attended, by=by, now=now)
    _check_members(members, required=live, emails=live)
    if meeting.delegations.filter(state=state, organisation=organisation).exists():
        raise _invalid(
            "state" if state else "organisation",
            ALREADY_REGISTERED % {"participant": participant, "meeting": meeting},
        )
    delegation = Delegation(
        meeting=meeting,
        state=state,
        organisation=organisation,
        submitted_by=by if getattr(by, "is_authenticated", False) else None,
        submitted_at=now,
        source=source,
        # A registration taken from the record of a meeting (its report lists who took
        # part) is of a delegation that was accredited then.
        status=DelegationStatus.ACCREDITED
        if (by is None and source) or from_the_record
        else DelegationStatus.NOMINATED,
    )
    if credentials is not None:
        _store_credentials(delegation, credentials, credentials_kind, now)
    attribute(
        delegation, by=by, reason="Taken from the record" if from_the_record else "Registered"
    )
    try:
        with transaction.atomic():
            delegation.save()
    except IntegrityError:
        # Another request registered the same participant between the check and the save.
        raise _invalid(
            "state" if state else "organisation",
            ALREADY_REGISTERED % {"participant": participant, "meeting": meeting},
        ) from None
    delegation.parts.set(attended)
    _replace_members(delegation, members, by)
    if live:
        _confirm_registration(delegation, by=by, changed=False)
    return delegation


def _closed_for_delegation(delegation: Delegation, now: datetime) -> bool:
    """Whether registration has closed for every part the delegation attends."""
    meeting = delegation.meeting
    deadlines = [_part_deadline(part, meeting) for part in delegation.parts.all()]
    return bool(deadlines) and all(
        day is not None and times.is_past(times.end_of_day(day, meeting.time_zone), now)
        for day in deadlines
    )


def _kept_without_email(delegation: Delegation) -> frozenset[str]:
    """The names of the delegation's members who have no e-mail address (registered
    before addresses were asked for, or taken from a record): they may stay so."""
    return frozenset(delegation.members.filter(email="").values_list("name", flat=True))


@transaction.atomic
def update_delegation(
    *,
    delegation: Delegation,
    members: Sequence[DelegateIn],
    now: datetime,
    parts: Sequence[MeetingPart] | None = None,
    credentials: File | None = None,
    credentials_kind: str = CredentialsKind.NOTE_VERBALE,
    reason: str = "",
    by=None,
) -> Delegation:
    """Change a delegation's members, the parts it attends or its note verbale.

    Steps: lock the delegation; the same checks as a registration; after the deadline
    only the Secretariat changes it, and gives the reason (kept in the history); a change
    by the delegation itself returns an accredited delegation to "nominated", for the
    Secretariat to accredit again; confirm by e-mail after commit.
    """
    delegation = (
        Delegation.objects.select_for_update().select_related("meeting").get(pk=delegation.pk)
    )
    _check_may_register(meeting=delegation.meeting, participant=delegation.participant, by=by)
    attended = _parts_attended(delegation.meeting, parts)
    _check_open(
        meeting=delegation.meeting,
        parts=attended,
        by=by,
        now=now,
        attended_before={part.pk for part in delegation.parts.all()},
    )
    _check_members(
        members,
        required=by is not None,
        emails=by is not None,
        without_email=_kept_without_email(delegation),
    )
    secretariat = by is not None and is_secretariat(by, delegation.meeting)
    if secretariat and _closed_for_delegation(delegation, now) and not reason.strip():
        raise _invalid("reason", REASON_AFTER_DEADLINE)
    if credentials is not None:
        _store_credentials(delegation, credentials, credentials_kind, now)
    if by is not None and not secretariat:
        delegation.status = DelegationStatus.NOMINATED
        delegation.accredited_at = None
    why = reason.strip() or "Registration changed"
    attribute(delegation, by=by, reason=why)
    delegation.submitted_at = now
    delegation.save()
    delegation.parts.set(attended)
    _replace_members(delegation, members, by, reason=why)
    if by is not None:
        _confirm_registration(delegation, by=by, changed=True)
    return delegation


@transaction.atomic
def upload_credentials(
    *,
    delegation: Delegation,
    upload: File,
    now: datetime,
    kind: str = CredentialsKind.NOTE_VERBALE,
    reason: str = "",
    by,
) -> Delegation:
    """Send the delegation's note verbale or credentials (one PDF, replacing any before).

    Steps: lock the delegation; check the person acts for it and registration is open for a
    part it attends (the Secretariat at any time, with a reason after the deadline); check
    the file is a whole PDF by its content; store it; the delegation is nominated again.
    """
    delegation = (
        Delegation.objects.select_for_update().select_related("meeting").get(pk=delegation.pk)
    )
    meeting = delegation.meeting
    _check_may_register(meeting=meeting, participant=delegation.participant, by=by)
    attended = list(delegation.parts.all())
    _check_open(
        meeting=meeting,
        parts=attended,
        by=by,
        now=now,
        attended_before={part.pk for part in attended},
    )
    secretariat = is_secretariat(by, meeting)
    if secretariat and _closed_for_delegation(delegation, now) and not reason.strip():
        raise _invalid("reason", REASON_AFTER_DEADLINE)
    _store_credentials(delegation, upload, kind, now)
    if not secretariat:
        delegation.status = DelegationStatus.NOMINATED
        delegation.accredited_at = None
    attribute(delegation, by=by, reason=reason.strip() or "Credentials sent")
    delegation.save()
    return delegation


@transaction.atomic
def accredit_delegation(*, delegation: Delegation, now: datetime, by) -> Delegation:
    """The Secretariat accredits a nominated delegation.

    Steps: check the person is the Secretariat; lock the delegation; refuse one already
    accredited, one with no note verbale or credentials, and a rule 1 (3) observer whose
    attendance the meeting has not approved; mark it accredited.
    """
    _check_may(by, "meetings.manage_meeting", MAY_NOT_ACCREDIT, delegation.meeting)
    delegation = (
        # Only the delegation's own row: PostgreSQL refuses FOR UPDATE across an outer join.
        Delegation.objects.select_for_update(of=("self",))
        .select_related("meeting", "organisation", "state")
        .get(pk=delegation.pk)
    )
    if delegation.status == DelegationStatus.ACCREDITED:
        raise _invalid("status", ALREADY_ACCREDITED.format(participant=delegation.participant))
    if not delegation.credentials:
        raise _invalid("credentials", NO_CREDENTIALS.format(participant=delegation.participant))
    if _needs_approval(delegation) and delegation.attendance_approved_on is None:
        raise _invalid(
            "attendance_approved_on", NOT_APPROVED.format(participant=delegation.participant)
        )
    delegation.status = DelegationStatus.ACCREDITED
    delegation.accredited_at = now
    attribute(delegation, by=by, reason="Accredited")
    delegation.save(update_fields=["status", "accredited_at"])
    return delegation


def _needs_approval(delegation: Delegation) -> bool:
    organisation = delegation.organisation
    return organisation is not None and organisation.observer_rule == ObserverRule.RULE_1_3


@transaction.atomic
def approve_observer_attendance(
    *,
    delegation: Delegation,
    decided_on: date | None = None,
    reference: str = "",
    decision=None,
    by,
) -> Delegation:
    """Record the meeting's decision approving a rule 1 (3) observer's attendance.

    Steps: check the person is the Secretariat; lock the delegation; refuse a participant
    that is not an organisation under rule 1 (3); take the date and reference from the
    decision recorded in plenary when one is named (it must be a decision of this
    meeting), else require both; save them (the history keeps who recorded it).
    """
    _check_may(by, "meetings.manage_meeting", MAY_NOT_ACCREDIT, delegation.meeting)
    delegation = (
        Delegation.objects.select_for_update(of=("self",))
        .select_related("meeting", "organisation")
        .get(pk=delegation.pk)
    )
    if not _needs_approval(delegation):
        raise _invalid("organisation", NOT_RULE_1_3.format(participant=delegation.participant))
    if decision is not None:
        part = decision.part
        if part is None or part.meeting_id != delegation.meeting_id:
            raise _invalid("decision", DECISION_NOT_AT_MEETING.format(meeting=delegation.meeting))
        decided_on = decided_on or decision.decided_on
        reference = reference.strip() or decision.symbol or str(decision)
    if decided_on is None:
        raise _invalid("decided_on", APPROVAL_DATE_REQUIRED)
    if not reference.strip():
        raise _invalid("reference", APPROVAL_REFERENCE_REQUIRED)
    delegation.attendance_approved_on = decided_on
    delegation.attendance_reference = reference.strip()[:300]
    delegation.attendance_decision = decision
    attribute(delegation, by=by, reason="Attendance approved by the meeting")
    delegation.save(
        update_fields=["attendance_approved_on", "attendance_reference", "attendance_decision"]
    )
    return delegation


# The programme of work: the Secretariat edits the draft (slots are added above, moved or
# removed here, their lines added or removed), then releases it as a numbered version.

NOTHING_TO_RELEASE = _("the draft is the same as version {number}: nothing to release")
EMPTY_PROGRAMME = _("the programme has no slot yet: add one before releasing it")
SLOT_UNCHANGED = _("the slot is already at that day and time")


def _check_slot_time(part: MeetingPart, day: date, starts_at: time, ends_at: time, *, slot=None):
    """The day is a day of the part, the slot ends after it starts, overlaps no other."""
    if not part.starts_on <= day <= part.ends_on:
        raise _invalid(
            "day",
            SLOT_OUTSIDE_PART
            % {
                "day": long_date(day),
                "number": part.number,
                "starts": long_date(part.starts_on),
                "ends": long_date(part.ends_on),
            },
        )
    if ends_at <= starts_at:
        raise _invalid(
            "ends_at", SLOT_ENDS_BEFORE_START % {"starts": _fmt(starts_at), "ends": _fmt(ends_at)}
        )
    others = part.slots.filter(day=day, starts_at__lt=ends_at, ends_at__gt=starts_at)
    if slot is not None:
        others = others.exclude(pk=slot.pk)
    clash = others.order_by("starts_at").first()
    if clash is not None:
        raise _invalid(
            "starts_at",
            SLOTS_OVERLAP
            % {
                "starts": _fmt(starts_at),
                "ends": _fmt(ends_at),
                "day": long_date(day),
                "other": f"{_fmt(clash.starts_at)}-{_fmt(clash.ends_at)}",
            },
        )


@transaction.atomic
def move_programme_slot(
    *, slot: ProgrammeSlot, part: MeetingPart, day: date, starts_at: time, ends_at: time, by
) -> ProgrammeSlot:
    """Move a slot of the draft to another day, hours or part of the same meeting.

    Steps: check the person is the Secretariat; lock the part moved to; check the part is
    of the slot's meeting, the new time differs and passes the rules of a new slot; save.
    The slot keeps its lines and its identity, so the next release lists it as moved.
    """
    _check_may(by, "meetings.manage_meeting", MAY_NOT_MANAGE, slot.part)
    slot = ProgrammeSlot.objects.select_for_update().select_related("part").get(pk=slot.pk)
    if part.meeting_id != slot.part.meeting_id:
        raise _invalid(
            "part", PART_OF_ANOTHER_MEETING % {"number": part.number, "meeting": slot.part.meeting}
        )
    part = MeetingPart.objects.select_for_update().get(pk=part.pk)
    if (slot.part_id, slot.day, slot.starts_at, slot.ends_at) == (
        part.pk,
        day,
        starts_at,
        ends_at,
    ):
        raise _invalid("day", SLOT_UNCHANGED)
    _check_slot_time(part, day, starts_at, ends_at, slot=slot)
    slot.part, slot.day, slot.starts_at, slot.ends_at = part, day, starts_at, ends_at
    attribute(slot, by=by, reason="Slot moved")
    slot.save()
    return slot


@transaction.atomic
def remove_programme_slot(*, slot: ProgrammeSlot, by) -> None:
    """Take a slot and its lines out of the draft (a release already made keeps them)."""
    _check_may(by, "meetings.manage_meeting", MAY_NOT_MANAGE, slot.part)
    slot = ProgrammeSlot.objects.select_for_update().get(pk=slot.pk)
    for entry in slot.entries.all():
        attribute(entry, by=by, reason="Slot removed")
        entry.delete()
    attribute(slot, by=by, reason="Slot removed")
    slot.delete()


@transaction.atomic
def remove_programme_entry(*, entry: ProgrammeEntry, by) -> None:
    """Take a line out of a slot of the draft; the lines after it move up one place."""
    _check_may(by, "meetings.manage_meeting", MAY_NOT_MANAGE, entry.slot.part)
    slot = ProgrammeSlot.objects.select_for_update().get(pk=entry.slot_id)
    attribute(entry, by=by, reason="Line removed")
    entry.delete()
    for position, later in enumerate(slot.entries.order_by("position"), start=1):
        if later.position != position:
            later.position = position
            attribute(later, by=by, reason="Line removed above")
            later.save(update_fields=["position"])


@transaction.atomic
def release_programme(
    *, meeting: Meeting, now: datetime, note: str = "", source: str = "", by
) -> ProgrammeRelease:
    """Release the draft programme of work of every part as the next numbered version.

    Steps: check the person is the Secretariat; lock the meeting (two releases at once
    cannot take the same number); take the draft of every part as it stands; refuse an
    empty programme or one equal to the last release; list what changed since it (slots
    added, removed, moved, lines changed); save version N with the list.
    """
    _check_may(by, "meetings.manage_meeting", MAY_NOT_MANAGE, meeting)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    draft = draft_programme(meeting=meeting)
    if not any(part["slots"] for part in draft):
        raise _invalid("programme", EMPTY_PROGRAMME)
    last = latest_release(meeting=meeting)
    if last is not None and last.programme == draft:
        raise _invalid("programme", NOTHING_TO_RELEASE.format(number=last.number))
    release = ProgrammeRelease(
        meeting=meeting,
        number=(last.number + 1) if last else 1,
        released_at=now,
        released_by=by if getattr(by, "is_authenticated", False) else None,
        programme=draft,
        changes=release_changes(last.programme if last else None, draft),
        note=note.strip(),
        source=source,
    )
    attribute(release, by=by, reason=f"Programme of work, version {release.number}")
    release.save()
    return release
