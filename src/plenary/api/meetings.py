"""/api/v1/{convention}/meetings: meetings, parts, programme, participants, registration."""

from datetime import date, datetime, time
from typing import Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from ninja import Field, File, Form, Router, Schema, Status
from ninja.files import UploadedFile

from plenary.api.auth import ANYONE, SIGNED_IN
from plenary.api.errors import ErrorOut
from plenary.api.idempotency import idempotent
from plenary.api.pagination import paged
from plenary.api.params import ConventionSlug
from plenary.core.permissions import within
from plenary.core.selectors import acting_for
from plenary.core.translations import translations_of
from plenary.meetings import render, selectors, services
from plenary.rules import times
from plenary.treaties.models import Organisation, State
from plenary.treaties.selectors import convention_named

router = Router(tags=["meetings"])

ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}
NOT_YOURS = _("You may register only the delegation of your own State or organisation.")
NOT_REGISTERED = _(
    "%(participant)s has no delegation registered for this meeting: register it first"
)
ONLY_SECRETARIAT = _("Only the Secretariat sees every registration.")


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
    title: str = Field(description="As written, in `original_language`")
    original_language: str
    title_translations: dict[str, str] = Field(
        description='The title in other languages: {"fr": "..."}'
    )
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
    decision: int | None = Field(None, description="The decision's id, where one is recorded")
    silence_procedures: list[int] = Field([], description="The procedures that decided it")


class OfficerOut(Schema):
    role: str
    name: str
    description: str
    act: str
    act_on: date | None
    term: str


class AgendaItemOut(Schema):
    number: int
    letter: str
    title: str = Field(description="As written, in `original_language`")
    original_language: str
    title_translations: dict[str, str] = Field(
        description='The title in other languages: {"fr": "..."}'
    )
    symbols: list[str]

    @staticmethod
    def resolve_title_translations(item) -> dict[str, str]:
        return translations_of(item, "title")


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
    title: str = Field("", max_length=300, description="e.g. H.E. Mr., Ms.")
    function: str = Field("", max_length=300, description="e.g. Permanent Representative")
    email: str = Field("", max_length=254, description="Seen by the Secretariat only")
    publish: bool = Field(False, description="Consents to being named in the published list")


class DelegateOut(Schema):
    role: str
    name: str
    title: str
    function: str


class DelegationIn(Schema):
    state: str | None = Field(None, description="ISO 3166 alpha-3; your own State by default")
    organisation: int | None = Field(
        None, description="An organisation's id (the Secretariat); your own by default"
    )
    members: list[DelegateIn]
    parts: list[int] | None = Field(None, description="Part numbers attended; all by default")
    reason: str = Field(
        "", max_length=500, description="The Secretariat's reason for a change after the deadline"
    )
    from_the_record: bool = Field(
        False,
        description=(
            "The Secretariat records a delegation of a past meeting as its record (a report,"
            " named in `source`) lists it: members may be missing, and it took part"
            " (accredited); nobody is written to"
        ),
    )
    source: str = Field("", max_length=500, description="The record, with `from_the_record`")


class DelegationOut(Schema):
    participant: str
    reference: str = Field(description="ISO 3166 alpha-3, or org-<id> for an organisation")
    status: Literal["nominated", "accredited"]
    parts: list[int]
    members: list[DelegateOut]
    submitted_at: str | None
    credentials: str = Field(description="note_verbale, credentials or empty: none received")
    attendance_approved_on: date | None
    attendance_reference: str


def _meeting_out(meeting) -> dict:
    return {
        "code": meeting.code,
        "title": meeting.title,
        "original_language": meeting.original_language,
        "title_translations": translations_of(meeting, "title"),
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
                "decision": change.decision_id,
                "silence_procedures": [p.pk for p in change.silence_procedures.all()],
            }
            for change in record["plan_changes"]
        ],
        "officers": [
            {
                "role": officer.role,
                "name": officer.person or officer.state.local_name,
                "description": officer.description,
                "act": officer.act,
                "act_on": officer.act_on,
                "term": officer.term,
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


@router.get("/meetings/{code}/programme", response={200: dict, **ERRORS}, auth=ANYONE)
def get_programme(
    request,
    convention: ConventionSlug,
    code: str,
    part: int = 1,
    tz: str | None = None,
    version: str | None = None,
):
    """A part's programme of work by day and slot, as last released (`version`: an earlier
    release's number, or "draft" for the Secretariat); `tz` shows the times in another
    zone. Before the first release it has no days."""
    the_part = selectors.part_by_reference(code, part, convention=convention_named(convention))
    meeting = the_part.meeting
    zone = _zone(tz)
    if version == "draft":
        user = request.auth
        if not user.has_perm("meetings.manage_meeting", meeting):
            raise PermissionDenied(services.MAY_NOT_MANAGE)
        out = render.programme_data(the_part, selectors.programme_of(part=the_part, zone=zone))
        return {**out, "version": "draft"}
    if version:
        if not version.isdigit():
            raise ValidationError({"version": [_('a release\'s number, or "draft"')]})
        release = selectors.release_of(meeting=meeting, number=int(version))
    else:
        release = selectors.latest_release(meeting=meeting)
    days = selectors.release_days(release, number=the_part.number, zone=zone) if release else []
    out = render.programme_data(the_part, days)
    return {**out, "version": release.number if release else None}


@router.get("/meetings/{code}/participants", response={200: ParticipantsOut, **ERRORS})
def get_participants(request, convention: ConventionSlug, code: str, part: int = 1):
    """The participants of a part by the categories of the rules of procedure."""
    the_part = selectors.part_by_reference(code, part, convention=convention_named(convention))
    return selectors.participants_by_category(part=the_part)


def _delegation_out(delegation, *, everyone: bool = True) -> dict:
    """A delegation; `everyone=False` names only the members who consented."""
    return {
        "participant": str(delegation.participant),
        "reference": selectors.participant_reference(delegation),
        "status": delegation.status,
        "parts": sorted(part.number for part in delegation.parts.all()),
        "members": [
            {"role": m.role, "name": m.name, "title": m.title, "function": m.function}
            for m in delegation.members.all()
            if everyone or m.publish
        ],
        "submitted_at": delegation.submitted_at.isoformat() if delegation.submitted_at else None,
        "credentials": delegation.credentials_kind if delegation.credentials else "",
        "attendance_approved_on": delegation.attendance_approved_on,
        "attendance_reference": delegation.attendance_reference,
    }


def _participant_of(user, meeting, *, state: str | None, organisation: int | None):
    """The State or organisation a request registers: the one named (for the Secretariat),
    else the user's own; refused unless the user may register it."""
    if state:
        participant = State.objects.filter(iso3=state.upper()).first()
        if participant is None:
            raise ValidationError(
                {"state": [_("no State has the ISO 3166 code %(state)r") % {"state": state}]}
            )
    elif organisation is not None:
        participant = Organisation.objects.filter(pk=organisation).first()
        if participant is None:
            raise ValidationError(
                {
                    "organisation": [
                        _("no organisation has the id %(organisation)s")
                        % {"organisation": organisation}
                    ]
                }
            )
    else:
        participant = acting_for(user=user, convention=meeting.convention)
    if participant is None:
        raise PermissionDenied(NOT_YOURS)
    scope = within(meeting.convention, participant)
    if user.has_perm("meetings.register_delegation", scope):
        return participant
    if user.has_perm("meetings.view_own_delegation", scope):
        # A delegate, drafter or approver of that participant: its focal point registers.
        raise PermissionDenied(str(services.ONLY_THE_FOCAL_POINT).format(participant=participant))
    raise PermissionDenied(NOT_YOURS)


@router.put(
    "/meetings/{code}/delegation",
    response={200: DelegationOut, 201: DelegationOut, **ERRORS},
    auth=SIGNED_IN,
)
def register_delegation(request, convention: ConventionSlug, code: str, payload: DelegationIn):
    """Register your delegation, or replace its members and parts (201 when new).

    The focal point of a State's or organisation's Delegation registers it until the
    registration deadline (23:59:59 on that day, the meeting's time zone), each member
    with an e-mail address; the Secretariat registers any State (`state`) or
    organisation at any time, and records past delegations `from_the_record`.
    """
    user = request.auth
    meeting = selectors.meeting_by_reference(code, convention=convention_named(convention))
    participant = _participant_of(
        user, meeting, state=payload.state, organisation=payload.organisation
    )
    parts = None
    if payload.parts is not None:
        by_number = {part.number: part for part in meeting.parts.all()}
        unknown = [n for n in payload.parts if n not in by_number]
        if unknown:
            raise ValidationError(
                {
                    "parts": [
                        _("%(meeting)s has no part %(number)s")
                        % {"meeting": meeting, "number": unknown[0]}
                    ]
                }
            )
        parts = [by_number[n] for n in payload.parts]
    members = [services.DelegateIn(**member.dict()) for member in payload.members]
    lookup = (
        {"state": participant} if isinstance(participant, State) else {"organisation": participant}
    )
    return idempotent(
        request, payload, lambda: _register(user, meeting, members, parts, lookup, payload)
    )


def _register(user, meeting, members, parts, lookup, payload):
    reason = payload.reason
    existing = selectors.delegation_of(meeting=meeting, **lookup)
    if existing is None or payload.from_the_record:
        # A delegation from the record is new: one already registered is refused.
        delegation = services.register_delegation(
            meeting=meeting,
            members=members,
            parts=parts,
            now=timezone.now(),
            source=payload.source,
            from_the_record=payload.from_the_record,
            by=user,
            **lookup,
        )
        return Status(201, _delegation_out(delegation))
    delegation = services.update_delegation(
        delegation=existing,
        members=members,
        parts=parts,
        now=timezone.now(),
        reason=reason,
        by=user,
    )
    return _delegation_out(delegation)


@router.get(
    "/meetings/{code}/delegations", response={200: list[DelegationOut], **ERRORS}, auth=SIGNED_IN
)
@paged
def list_delegations(request, convention: ConventionSlug, code: str):
    """Every registered delegation (signed-in users): its members as the published list
    names them (with their consent) unless you are the Secretariat; no contact details."""
    meeting = selectors.meeting_by_reference(code, convention=convention_named(convention))
    everyone = request.auth.has_perm("meetings.view_registrations", meeting)
    return [
        _delegation_out(d, everyone=everyone) for d in selectors.delegations_of(meeting=meeting)
    ]


@router.post(
    "/meetings/{code}/delegation/credentials",
    response={200: DelegationOut, **ERRORS},
    auth=SIGNED_IN,
)
def upload_credentials(
    request,
    convention: ConventionSlug,
    code: str,
    file: File[UploadedFile],
    kind: Form[Literal["note_verbale", "credentials"]] = "note_verbale",
    state: Form[str] = "",
    organisation: Form[int | None] = None,
    reason: Form[str] = "",
):
    """Send the delegation's note verbale or credentials: one PDF (checked by its content),
    replacing any sent before; registration must be open (the Secretariat: any time, with a
    reason after the deadline). Register the delegation first."""
    user = request.auth
    meeting = selectors.meeting_by_reference(code, convention=convention_named(convention))
    participant = _participant_of(user, meeting, state=state or None, organisation=organisation)
    lookup = (
        {"state": participant} if isinstance(participant, State) else {"organisation": participant}
    )
    delegation = selectors.delegation_of(meeting=meeting, **lookup)
    if delegation is None:
        raise ValidationError({"delegation": [NOT_REGISTERED % {"participant": participant}]})
    delegation = services.upload_credentials(
        delegation=delegation, upload=file, kind=kind, reason=reason, now=timezone.now(), by=user
    )
    return _delegation_out(delegation)


class MemberOut(DelegateOut):
    position: int
    email: str
    publish: bool


class RegistrationOut(DelegationOut):
    category: str
    members: list[MemberOut]


class NotRegisteredOut(Schema):
    category: str
    participants: list[str]


class RegisterOut(Schema):
    registrations: list[RegistrationOut]
    not_registered: list[NotRegisteredOut]


@router.get("/meetings/{code}/registrations", response={200: RegisterOut, **ERRORS}, auth=SIGNED_IN)
def get_registrations(request, convention: ConventionSlug, code: str):
    """Every registration with its members' contact details, by category, and who has not
    registered (the Secretariat only)."""
    meeting = selectors.meeting_by_reference(code, convention=convention_named(convention))
    if not request.auth.has_perm("meetings.view_registrations", meeting):
        raise PermissionDenied(ONLY_SECRETARIAT)
    categories = selectors.register_of(meeting=meeting, contacts=True, accredited_only=False)
    return {
        "registrations": [
            {
                **_delegation_out(row.delegation),
                "participant": row.name,
                "category": category.code,
                "members": [
                    {
                        "position": m.position,
                        "role": m.role,
                        "name": m.name,
                        "title": m.title,
                        "function": m.function,
                        "email": m.email,
                        "publish": m.publish,
                    }
                    for m in row.members
                ],
            }
            for category in categories
            for row in category.participants
        ],
        "not_registered": [
            {"category": category.code, "participants": [row.name for row in category.participants]}
            for category in selectors.not_registered(meeting=meeting)
        ],
    }


@router.post(
    "/meetings/{code}/delegations/{reference}/accreditation",
    response={200: DelegationOut, **ERRORS},
    auth=SIGNED_IN,
)
def accredit_delegation(request, convention: ConventionSlug, code: str, reference: str):
    """Accredit a nominated delegation (the Secretariat): `reference` is the State's ISO
    code or org-<id>."""
    meeting = selectors.meeting_by_reference(code, convention=convention_named(convention))
    delegation = selectors.delegation_by_participant(meeting=meeting, reference=reference)
    delegation = services.accredit_delegation(
        delegation=delegation, now=timezone.now(), by=request.auth
    )
    return _delegation_out(delegation)


class ApprovalIn(Schema):
    decision: int | None = Field(None, description="The id of a decision taken at the meeting")
    decided_on: date | None = None
    reference: str = Field("", max_length=300, description="blank: the decision's symbol")


@router.post(
    "/meetings/{code}/delegations/{reference}/attendance-approval",
    response={200: DelegationOut, **ERRORS},
    auth=SIGNED_IN,
)
def approve_observer_attendance(
    request, convention: ConventionSlug, code: str, reference: str, payload: ApprovalIn
):
    """Record the meeting's decision approving a rule 1 (3) observer's attendance (the
    Secretariat), by a decision recorded in plenary or by its date and reference."""
    meeting = selectors.meeting_by_reference(code, convention=convention_named(convention))
    delegation = selectors.delegation_by_participant(meeting=meeting, reference=reference)
    decision = None
    if payload.decision is not None:
        decisions = selectors.decisions_of_meeting(meeting=meeting)
        decision = next((d for d in decisions if d.pk == payload.decision), None)
        if decision is None:
            raise ValidationError(
                {
                    "decision": [
                        _("%(meeting)s has no decision %(decision)s")
                        % {"meeting": meeting, "decision": payload.decision}
                    ]
                }
            )
    delegation = services.approve_observer_attendance(
        delegation=delegation,
        decision=decision,
        decided_on=payload.decided_on,
        reference=payload.reference,
        by=request.auth,
    )
    return _delegation_out(delegation)


class ListedMemberOut(Schema):
    role: str
    title: str
    name: str
    function: str


class ListedParticipantOut(Schema):
    name: str
    members: list[ListedMemberOut]
    unlisted: int = Field(description="Members not named: no consent to publication")


class ListedCategoryOut(Schema):
    category: str
    name: str
    participants: list[ListedParticipantOut]


class ListOfParticipantsOut(Schema):
    meeting: str
    symbol: str = Field(description="The INF document's symbol; empty: not yet issued")
    categories: list[ListedCategoryOut]


@router.get(
    "/meetings/{code}/list-of-participants", response={200: ListOfParticipantsOut, **ERRORS}
)
def get_list_of_participants(request, convention: ConventionSlug, code: str):
    """The published list of participants: accredited delegations by the categories of
    the rules of procedure, members named with their consent, no contact details."""
    meeting = selectors.meeting_by_reference(code, convention=convention_named(convention))
    categories = selectors.register_of(meeting=meeting, contacts=False, accredited_only=True)
    rows = [
        {
            "category": category.code,
            "name": str(category.name),
            "participants": [
                {
                    "name": row.name,
                    "members": [
                        {
                            "role": m.role,
                            "title": m.title,
                            "name": m.name,
                            "function": m.function,
                        }
                        for m in row.members
                    ],
                    "unlisted": row.unlisted,
                }
                for row in category.participants
            ],
        }
        for category in categories
    ]
    return {
        "meeting": meeting.code,
        "symbol": selectors.list_of_participants_symbol(meeting=meeting),
        "categories": rows,
    }


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
    registration_deadline: date | None = Field(
        None, description="The meeting's deadline, for parts that have none of their own"
    )
    prepares: str | None = Field(None, description="Code of the meeting it prepares")
    source: str = ""
    parts: list[PartIn]


class ReplanIn(Schema):
    parts: list[PartIn] = Field(description="The whole new plan, part 1 first")
    decided_by: str = Field("", description="Blank: named after the decision or procedure")
    reason: str
    decided_on: date | None = None
    decision: int | None = Field(None, description="Id of the decision behind it")
    silence_procedure: int | None = Field(None, description="Id of the adopted procedure")
    source: str = ""
    from_the_record: bool = Field(
        False,
        description=(
            "A change decided in the past, recorded now from its record (a report, a letter):"
            " parts whose dates have passed may then change, as they did when it was decided"
        ),
    )


class OfficerIn(Schema):
    role: str
    person: str = ""
    state: str | None = Field(None, description="ISO 3166 alpha-3, for an office a State holds")
    description: str = ""
    act: str = "serving"
    act_on: date | None = None
    term: str = ""
    source: str = ""


class AgendaItemIn(Schema):
    number: int
    letter: str = ""
    title: str
    symbols: list[str] = []


class TitleTranslationsIn(Schema):
    title_translations: dict[str, str] = Field(
        description=(
            'Each language\'s title: {"fr": "...", "es": ""}; a blank one removes that'
            " translation, a language not named stays as it was"
        )
    )
    original_language: str | None = Field(
        None, description="The language `title` is written in, where it changes"
    )


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
    data = payload.dict(exclude={"parts", "prepares"})
    the_convention = convention_named(convention)
    prepares = (
        selectors.meeting_by_reference(payload.prepares, convention=the_convention)
        if payload.prepares
        else None
    )
    meeting = services.create_meeting(
        convention=the_convention,
        parts=_plans(payload.parts),
        prepares=prepares,
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
        source=payload.source,
        decision=_cited(
            selectors.decision_for_replan(meeting=meeting, pk=payload.decision),
            payload.decision,
            "decision",
        ),
        silence_procedure=_cited(
            selectors.procedure_for_replan(meeting=meeting, pk=payload.silence_procedure),
            payload.silence_procedure,
            "silence_procedure",
        ),
        today=None if payload.from_the_record else timezone.localdate(),
        by=request.auth,
    )
    return _meeting_detail(meeting)


def _cited(found, pk: int | None, field: str):
    if pk and found is None:
        raise ValidationError(
            {
                field: [
                    _("no %(field)s has the id %(pk)s")
                    % {"field": field.replace("_", " "), "pk": pk}
                ]
            }
        )
    return found


@router.post("/meetings/{code}/officers", response={201: OfficerOut, **ERRORS}, auth=SIGNED_IN)
def add_officer(request, convention: ConventionSlug, code: str, payload: OfficerIn):
    """Record an officer elected, confirmed or designated, with the date and the term."""
    meeting = selectors.meeting_by_reference(code, convention=convention_named(convention))
    state = None
    if payload.state:
        state = State.objects.filter(iso3=payload.state.upper()).first()
        if state is None:
            raise ValidationError(
                {
                    "state": [
                        _("no State has the ISO 3166 code %(state)r") % {"state": payload.state}
                    ]
                }
            )
    officer = services.record_officer(
        meeting=meeting, **payload.dict(exclude={"state"}), state=state, by=request.auth
    )
    return Status(
        201,
        {
            "role": officer.role,
            "name": officer.person or officer.state.local_name,
            "description": officer.description,
            "act": officer.act,
            "act_on": officer.act_on,
            "term": officer.term,
        },
    )


@router.post("/meetings/{code}/agenda", response={201: AgendaItemOut, **ERRORS}, auth=SIGNED_IN)
def add_agenda_item(request, convention: ConventionSlug, code: str, payload: AgendaItemIn):
    """Put an item, or a lettered sub-item, on the agenda."""
    meeting = selectors.meeting_by_reference(code, convention=convention_named(convention))
    item = services.add_agenda_item(meeting=meeting, **payload.dict(), by=request.auth)
    return Status(201, item)


@router.put(
    "/meetings/{code}/translations", response={200: MeetingDetailOut, **ERRORS}, auth=SIGNED_IN
)
def set_meeting_translations(
    request, convention: ConventionSlug, code: str, payload: TitleTranslationsIn
):
    """Give the meeting's title in other languages (the Secretariat of the convention)."""
    meeting = selectors.meeting_by_reference(code, convention=convention_named(convention))
    services.set_meeting_translations(meeting=meeting, **payload.dict(), by=request.auth)
    return _meeting_detail(meeting)


@router.put(
    "/meetings/{code}/agenda/{label}/translations",
    response={200: AgendaItemOut, **ERRORS},
    auth=SIGNED_IN,
)
def set_agenda_item_translations(
    request, convention: ConventionSlug, code: str, label: str, payload: TitleTranslationsIn
):
    """Give an agenda item's title ("7", "7b") in other languages (the Secretariat)."""
    meeting = selectors.meeting_by_reference(code, convention=convention_named(convention))
    item = selectors.agenda_item_of(meeting=meeting, label=label)
    return services.set_agenda_item_translations(item=item, **payload.dict(), by=request.auth)


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


# The programme's draft, edited slot by slot, and its numbered releases.


class MoveSlotIn(Schema):
    part: int
    day: date
    starts_at: time
    ends_at: time


class ReleaseIn(Schema):
    note: str = ""
    released_on: date | None = Field(
        None,
        description=(
            "For a version circulated in the past, recorded now from its record: the day it"
            " was circulated (its hour taken as the start of the day); default now"
        ),
    )
    source: str = ""


class ReleaseOut(Schema):
    number: int
    released_at: str
    note: str
    changes: list[dict]
    changes_text: list[str]


def _release_out(release) -> dict:
    return {
        "number": release.number,
        "released_at": release.released_at.isoformat(),
        "note": release.note,
        "changes": release.changes,
        "changes_text": render.change_lines(release.changes),
    }


@router.post(
    "/meetings/{code}/slots/{slot_id}/move", response={200: SlotOut, **ERRORS}, auth=SIGNED_IN
)
def move_programme_slot(
    request, convention: ConventionSlug, code: str, slot_id: int, payload: MoveSlotIn
):
    """Move a slot of the draft to another day, hours or part; it keeps its lines."""
    meeting = selectors.meeting_by_reference(code, convention=convention_named(convention))
    slot = selectors.slot_of(meeting=meeting, slot_id=slot_id)
    moved = services.move_programme_slot(
        slot=slot,
        part=selectors.part_of(meeting, payload.part),
        day=payload.day,
        starts_at=payload.starts_at,
        ends_at=payload.ends_at,
        by=request.auth,
    )
    return _slot_out(moved)


@router.delete("/meetings/{code}/slots/{slot_id}", response={204: None, **ERRORS}, auth=SIGNED_IN)
def remove_programme_slot(request, convention: ConventionSlug, code: str, slot_id: int):
    """Take a slot and its lines out of the draft (releases already made keep them)."""
    meeting = selectors.meeting_by_reference(code, convention=convention_named(convention))
    services.remove_programme_slot(
        slot=selectors.slot_of(meeting=meeting, slot_id=slot_id), by=request.auth
    )
    return Status(204, None)


@router.delete(
    "/meetings/{code}/slots/{slot_id}/entries/{position}",
    response={204: None, **ERRORS},
    auth=SIGNED_IN,
)
def remove_programme_entry(
    request, convention: ConventionSlug, code: str, slot_id: int, position: int
):
    """Take line `position` (1, 2, ...) out of a slot of the draft."""
    meeting = selectors.meeting_by_reference(code, convention=convention_named(convention))
    slot = selectors.slot_of(meeting=meeting, slot_id=slot_id)
    services.remove_programme_entry(
        entry=selectors.entry_of(slot=slot, position=position), by=request.auth
    )
    return Status(204, None)


@router.get("/meetings/{code}/programme/releases", response={200: list[ReleaseOut], **ERRORS})
@paged
def list_programme_releases(request, convention: ConventionSlug, code: str):
    """Every released version of the programme, the latest first, each with its changes."""
    meeting = selectors.meeting_by_reference(code, convention=convention_named(convention))
    return [_release_out(row) for row in selectors.releases_of(meeting=meeting)]


@router.post(
    "/meetings/{code}/programme/releases", response={201: ReleaseOut, **ERRORS}, auth=SIGNED_IN
)
def release_programme(request, convention: ConventionSlug, code: str, payload: ReleaseIn):
    """Release the draft programme of every part as the next numbered version."""
    meeting = selectors.meeting_by_reference(code, convention=convention_named(convention))
    now = timezone.now()
    if payload.released_on is not None:
        if payload.released_on > timezone.localdate():
            raise ValidationError({"released_on": [_("a version is released today or earlier")]})
        now = datetime.combine(
            payload.released_on, time(0, 0), tzinfo=times.zone(meeting.time_zone)
        )
    release = services.release_programme(
        meeting=meeting, now=now, note=payload.note, source=payload.source, by=request.auth
    )
    return Status(201, _release_out(release))
