"""/api/v1/{convention}/meetings: meetings, parts, programme, participants, registration."""

from datetime import date, time
from typing import Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from ninja import Field, Router, Schema, Status

from plenary.api.auth import SIGNED_IN
from plenary.api.errors import ErrorOut
from plenary.api.idempotency import idempotent
from plenary.api.pagination import paged
from plenary.api.params import ConventionSlug
from plenary.core.permissions import within
from plenary.core.selectors import acting_for
from plenary.meetings import render, selectors, services
from plenary.rules import times
from plenary.treaties.models import State
from plenary.treaties.selectors import convention_named

router = Router(tags=["meetings"])

ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}
NOT_YOURS = "You may register only the delegation of your own State or organisation."


class PartOut(Schema):
    number: int
    starts_on: date
    ends_on: date
    format: Literal["in_person", "virtual", "hybrid", ""]
    venue: str
    city: str
    platform: str
    time_zone: str
    plenary_meetings_held: int | None
    registration_deadline: date | None


class MeetingOut(Schema):
    code: str
    title: str
    kind: str
    symbol_root: str
    registration_deadline: date | None
    parts: list[PartOut]


class PlanChangeOut(Schema):
    decided_on: date | None
    decided_by: str
    reason: str
    previously: str
    now: str


class OfficerOut(Schema):
    role: str
    name: str
    description: str
    act: str
    act_on: date | None


class AgendaItemOut(Schema):
    number: int
    letter: str
    title: str
    symbols: list[str]


class MeetingDetailOut(MeetingOut):
    convened_by: str
    plan_changes: list[PlanChangeOut]
    officers: list[OfficerOut]
    agenda: list[AgendaItemOut]
    agenda_adopted_on: date | None


class ParticipantsOut(Schema):
    states_parties: list[str]
    signatories: list[str]
    other_states: list[str]
    rule_1_2: list[str]
    rule_1_3: list[str]


class DelegateIn(Schema):
    role: Literal["head", "alternate", "adviser"]
    name: str = Field(min_length=1, max_length=200)
    title: str = Field("", max_length=300)


class DelegationIn(Schema):
    state: str | None = Field(None, description="ISO 3166 alpha-3; your own State by default")
    members: list[DelegateIn]
    parts: list[int] | None = Field(None, description="Part numbers attended; all by default")


class DelegationOut(Schema):
    participant: str
    parts: list[int]
    members: list[DelegateIn]
    submitted_at: str | None


def _meeting_out(meeting) -> dict:
    return {
        "code": meeting.code,
        "title": meeting.title,
        "kind": meeting.kind,
        "symbol_root": meeting.symbol_root,
        "registration_deadline": meeting.registration_deadline,
        "parts": list(meeting.parts.all()),
    }


@router.get("/meetings", response={200: list[MeetingOut], **ERRORS})
@paged
def list_meetings(request, convention: ConventionSlug):
    """Every meeting of the convention with its parts, latest first."""
    rows = selectors.meetings(convention=convention_named(convention))
    return [_meeting_out(m) for m in rows]


@router.get("/meetings/{code}", response={200: MeetingDetailOut, **ERRORS})
def get_meeting(request, convention: ConventionSlug, code: str):
    """A meeting: its current plan, every change of plan, officers and agenda."""
    meeting = selectors.meeting_by_reference(code, convention=convention_named(convention))
    return _meeting_detail(meeting)


def _meeting_detail(meeting) -> dict:
    record = selectors.meeting_record(meeting)
    meeting = record["meeting"]
    return {
        **_meeting_out(meeting),
        "parts": record["parts"],
        "convened_by": meeting.convened_by,
        "agenda_adopted_on": meeting.agenda_adopted_on,
        "plan_changes": [
            {
                "decided_on": change.decided_on,
                "decided_by": change.decided_by,
                "reason": change.reason,
                "previously": render.plan_summary(change.previous_plan),
                "now": render.plan_summary(change.new_plan),
            }
            for change in record["plan_changes"]
        ],
        "officers": [
            {
                "role": officer.role,
                "name": officer.person or officer.state.name,
                "description": officer.description,
                "act": officer.act,
                "act_on": officer.act_on,
            }
            for officer in record["officers"]
        ],
        "agenda": record["agenda"],
    }


def _zone(tz: str | None) -> str | None:
    if not tz:
        return None
    times.zone(tz, field="tz")  # a RuleError answers 422 on the field "tz"
    return tz


@router.get("/meetings/{code}/programme", response={200: dict, **ERRORS})
def get_programme(
    request, convention: ConventionSlug, code: str, part: int = 1, tz: str | None = None
):
    """A part's programme of work by day and slot; `tz` shows the times in another zone."""
    the_part = selectors.part_by_reference(code, part, convention=convention_named(convention))
    return render.programme_data(the_part, selectors.programme_of(part=the_part, zone=_zone(tz)))


@router.get("/meetings/{code}/participants", response={200: ParticipantsOut, **ERRORS})
def get_participants(request, convention: ConventionSlug, code: str, part: int = 1):
    """The participants of a part by the categories of the rules of procedure."""
    the_part = selectors.part_by_reference(code, part, convention=convention_named(convention))
    return selectors.participants_by_category(part=the_part)


def _delegation_out(delegation) -> dict:
    return {
        "participant": str(delegation.participant),
        "parts": sorted(part.number for part in delegation.parts.all()),
        "members": [
            {"role": m.role, "name": m.name, "title": m.title} for m in delegation.members.all()
        ],
        "submitted_at": delegation.submitted_at.isoformat() if delegation.submitted_at else None,
    }


@router.put(
    "/meetings/{code}/delegation",
    response={200: DelegationOut, 201: DelegationOut, **ERRORS},
    auth=SIGNED_IN,
)
def register_delegation(request, convention: ConventionSlug, code: str, payload: DelegationIn):
    """Register your delegation, or replace its members and parts (201 when new).

    A Delegation registers its own State or organisation until the registration
    deadline (23:59:59 on that day, the meeting's time zone); the Secretariat registers
    any State (`state`) at any time.
    """
    user = request.auth
    meeting = selectors.meeting_by_reference(code, convention=convention_named(convention))
    if payload.state:
        participant = State.objects.filter(iso3=payload.state.upper()).first()
        if participant is None:
            raise ValidationError({"state": [f"no State has the ISO 3166 code {payload.state!r}"]})
    else:
        participant = acting_for(user=user, convention=meeting.convention)
    if participant is None or not user.has_perm(
        "meetings.register_delegation", within(meeting.convention, participant)
    ):
        raise PermissionDenied(NOT_YOURS)
    parts = None
    if payload.parts is not None:
        by_number = {part.number: part for part in meeting.parts.all()}
        unknown = [n for n in payload.parts if n not in by_number]
        if unknown:
            raise ValidationError({"parts": [f"{meeting} has no part {unknown[0]}"]})
        parts = [by_number[n] for n in payload.parts]
    members = [services.DelegateIn(**member.dict()) for member in payload.members]
    lookup = (
        {"state": participant} if isinstance(participant, State) else {"organisation": participant}
    )
    return idempotent(request, payload, lambda: _register(user, meeting, members, parts, lookup))


def _register(user, meeting, members, parts, lookup):
    existing = selectors.delegation_of(meeting=meeting, **lookup)
    if existing is None:
        delegation = services.register_delegation(
            meeting=meeting, members=members, parts=parts, now=timezone.now(), by=user, **lookup
        )
        return Status(201, _delegation_out(delegation))
    delegation = services.update_delegation(
        delegation=existing, members=members, parts=parts, now=timezone.now(), by=user
    )
    return _delegation_out(delegation)


@router.get(
    "/meetings/{code}/delegations", response={200: list[DelegationOut], **ERRORS}, auth=SIGNED_IN
)
@paged
def list_delegations(request, convention: ConventionSlug, code: str):
    """Every registered delegation with its members (signed-in users)."""
    meeting = selectors.meeting_by_reference(code, convention=convention_named(convention))
    return [_delegation_out(d) for d in selectors.delegations_of(meeting=meeting)]


# The Secretariat's operations: convene, replan, officers, agenda, programme, plenary
# meetings held. Each calls one service, which checks the permission and answers refusals
# by field (422).


class PartIn(Schema):
    starts_on: date
    ends_on: date
    format: Literal["in_person", "virtual", "hybrid", ""] = ""
    venue: str = ""
    city: str = ""
    platform: str = ""
    time_zone: str = Field("", description="IANA zone; blank: the meeting's")
    registration_deadline: date | None = None


class MeetingIn(Schema):
    kind: str = Field(description="One of the convention's meeting kinds (msp, ...)")
    code: str
    title: str
    number: int | None = None
    symbol_root: str = ""
    convening_reference: str = Field("", description="The mandate that convenes it")
    convened_by: str = ""
    time_zone: str = Field("", description="IANA zone; blank: the secretariat's seat")
    parts: list[PartIn]


class ReplanIn(Schema):
    parts: list[PartIn] = Field(description="The whole new plan, part 1 first")
    decided_by: str
    reason: str
    decided_on: date | None = None


class OfficerIn(Schema):
    role: str
    person: str = ""
    state: str | None = Field(None, description="ISO 3166 alpha-3, for an office a State holds")
    description: str = ""
    act: str = "serving"
    act_on: date | None = None
    term: str = ""


class AgendaItemIn(Schema):
    number: int
    letter: str = ""
    title: str
    symbols: list[str] = []


class AdoptionIn(Schema):
    on: date


class SlotIn(Schema):
    part: int
    day: date
    starts_at: time
    ends_at: time


class SlotOut(Schema):
    id: int
    part: int
    day: date
    starts_at: time
    ends_at: time


class EntryIn(Schema):
    agenda_item: str | None = Field(None, description="7 or 7b")
    text: str = ""
    symbols: list[str] = []


class PlenaryMeetingsIn(Schema):
    count: int


def _plans(parts: list[PartIn]) -> list[services.PartPlan]:
    return [services.PartPlan(number=number, **part.dict()) for number, part in enumerate(parts, 1)]


@router.post("/meetings", response={201: MeetingDetailOut, **ERRORS}, auth=SIGNED_IN)
def convene_meeting(request, convention: ConventionSlug, payload: MeetingIn):
    """Convene a meeting with its parts (the Secretariat of the convention)."""
    data = payload.dict(exclude={"parts"})
    meeting = services.create_meeting(
        convention=convention_named(convention),
        parts=_plans(payload.parts),
        by=request.auth,
        **data,
    )
    return Status(201, _meeting_detail(meeting))


@router.post("/meetings/{code}/plan", response={200: MeetingDetailOut, **ERRORS}, auth=SIGNED_IN)
def replan(request, convention: ConventionSlug, code: str, payload: ReplanIn):
    """Replace the plan of a meeting (dates, venue, format, parts), with the decision and
    the reason; a part already held cannot change."""
    meeting = selectors.meeting_by_reference(code, convention=convention_named(convention))
    services.replan_meeting(
        meeting=meeting,
        parts=_plans(payload.parts),
        decided_by=payload.decided_by,
        decided_on=payload.decided_on,
        reason=payload.reason,
        today=timezone.localdate(),
        by=request.auth,
    )
    return _meeting_detail(meeting)


@router.post("/meetings/{code}/officers", response={201: OfficerOut, **ERRORS}, auth=SIGNED_IN)
def add_officer(request, convention: ConventionSlug, code: str, payload: OfficerIn):
    """Record an officer elected, confirmed or designated, with the date and the term."""
    meeting = selectors.meeting_by_reference(code, convention=convention_named(convention))
    state = None
    if payload.state:
        state = State.objects.filter(iso3=payload.state.upper()).first()
        if state is None:
            raise ValidationError({"state": [f"no State has the ISO 3166 code {payload.state!r}"]})
    officer = services.record_officer(
        meeting=meeting, **payload.dict(exclude={"state"}), state=state, by=request.auth
    )
    return Status(
        201,
        {
            "role": officer.role,
            "name": officer.person or officer.state.name,
            "description": officer.description,
            "act": officer.act,
            "act_on": officer.act_on,
        },
    )


@router.post("/meetings/{code}/agenda", response={201: AgendaItemOut, **ERRORS}, auth=SIGNED_IN)
def add_agenda_item(request, convention: ConventionSlug, code: str, payload: AgendaItemIn):
    """Put an item, or a lettered sub-item, on the agenda."""
    meeting = selectors.meeting_by_reference(code, convention=convention_named(convention))
    item = services.add_agenda_item(meeting=meeting, **payload.dict(), by=request.auth)
    return Status(201, item)


@router.post(
    "/meetings/{code}/agenda/adoption", response={200: MeetingDetailOut, **ERRORS}, auth=SIGNED_IN
)
def adopt_agenda(request, convention: ConventionSlug, code: str, payload: AdoptionIn):
    """Record the day the meeting adopted its agenda."""
    meeting = selectors.meeting_by_reference(code, convention=convention_named(convention))
    services.adopt_agenda(meeting=meeting, on=payload.on, by=request.auth)
    return _meeting_detail(meeting)


@router.post("/meetings/{code}/slots", response={201: SlotOut, **ERRORS}, auth=SIGNED_IN)
def add_programme_slot(request, convention: ConventionSlug, code: str, payload: SlotIn):
    """Add a time slot (in the part's zone) to a part's programme of work."""
    part = selectors.part_by_reference(code, payload.part, convention=convention_named(convention))
    slot = services.add_programme_slot(
        part=part,
        day=payload.day,
        starts_at=payload.starts_at,
        ends_at=payload.ends_at,
        by=request.auth,
    )
    return Status(201, _slot_out(slot))


def _slot_out(slot) -> dict:
    return {
        "id": slot.pk,
        "part": slot.part.number,
        "day": slot.day,
        "starts_at": slot.starts_at,
        "ends_at": slot.ends_at,
    }


@router.post(
    "/meetings/{code}/slots/{slot_id}/entries", response={201: dict, **ERRORS}, auth=SIGNED_IN
)
def add_programme_entry(
    request, convention: ConventionSlug, code: str, slot_id: int, payload: EntryIn
):
    """Add a line at the end of a slot: an agenda item ("7", "7b") or a text."""
    meeting = selectors.meeting_by_reference(code, convention=convention_named(convention))
    slot = selectors.slot_of(meeting=meeting, slot_id=slot_id)
    item = None
    if payload.agenda_item:
        item = selectors.agenda_item_of(meeting=meeting, label=payload.agenda_item)
    entry = services.add_programme_entry(
        slot=slot, agenda_item=item, text=payload.text, symbols=payload.symbols, by=request.auth
    )
    return Status(201, {"slot": slot.pk, "position": entry.position, "line": str(entry)})


@router.post(
    "/meetings/{code}/parts/{number}/plenary-meetings",
    response={200: PartOut, **ERRORS},
    auth=SIGNED_IN,
)
def record_plenary_meetings_held(
    request, convention: ConventionSlug, code: str, number: int, payload: PlenaryMeetingsIn
):
    """Record how many formal plenary meetings a part has held."""
    part = selectors.part_by_reference(code, number, convention=convention_named(convention))
    return services.record_plenary_meetings_held(part=part, count=payload.count, by=request.auth)
