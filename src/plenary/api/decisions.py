"""/api/v1/{convention}/silence-procedures and /extension-requests: decisions for programs.

Every endpoint answers for one convention, named in the path, with no default: another
convention's procedure or request is not found.
"""

from datetime import date, datetime, time
from typing import Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from ninja import Field, Router, Schema, Status

from plenary.api.auth import SIGNED_IN
from plenary.api.errors import ErrorOut, error_body
from plenary.api.pagination import paged
from plenary.api.params import ConventionSlug
from plenary.core import l10n
from plenary.core.selectors import state_acted_for
from plenary.decisions import selectors, services
from plenary.decisions.models import SilenceProcedure
from plenary.treaties.models import Obligation, State
from plenary.treaties.selectors import convention_named

router = Router(tags=["decisions"])

ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}
NO_SUCH_STATE = _("no State has the ISO 3166 code %(code)r")
NO_SUCH_OBLIGATION = _("%(state)s has no Article %(article)s obligation")
NO_SUCH_KIND = _("%(state)s has no %(kind)s obligation")
OBLIGATION_REQUIRED = _("name the obligation (its neutral code) or its article")
ObligationCode = Literal["stockpile_destruction", "clearance"]
ALREADY_BROKEN_DETAIL = _("This State has already broken the silence.")


class SilenceSummaryOut(Schema):
    id: int
    subject: str
    document_symbol: str
    circulated_by: str
    circulated: date
    deadline: datetime
    outcome: str
    broken_by: list[str]


class AddresseeOut(Schema):
    iso3: str
    name: str


class BreakOut(Schema):
    state: str
    iso3: str
    kind: str
    broken_at: datetime
    reason: str


class SilenceDetailOut(SilenceSummaryOut):
    text: str
    status: str = Field(description="What the page says: open, broken pending, concluded.")
    time_zone: str
    meeting: str | None
    effect_kind: str
    concluded_at: datetime | None
    addressees: list[AddresseeOut]
    breaks: list[BreakOut]


class BreakIn(Schema):
    reason: str = Field(min_length=1)
    kind: Literal["objection", "amendment"] = "objection"
    state: str | None = Field(
        None, description="ISO 3166 alpha-3 code; the caller's own State when omitted"
    )


class PartMoveIn(Schema):
    number: int = 1
    starts_on: date
    ends_on: date


class CirculateIn(Schema):
    subject: str = Field(min_length=1)
    text: str = ""
    document_symbol: str = ""
    deadline_on: date
    deadline_time: time = time(23, 59, 59)
    time_zone: str = Field("", description="IANA zone; the secretariat's when omitted")
    meeting: str | None = Field(None, description="code or symbol root of the meeting")
    effect_kind: Literal[
        "none", "replan_meeting", "decision", "decide_extensions", "approve_cost_estimate"
    ] = "none"
    move_part: PartMoveIn | None = Field(None, description="for replan_meeting: the new dates")
    decision_text: str = ""
    extension_requests: list[int] = Field(
        [], description="for decide_extensions: the ids of the requests granted on adoption"
    )
    cost_estimate: int | None = Field(
        None, description="for approve_cost_estimate: the id of the estimate approved"
    )


class ExtendIn(Schema):
    deadline_on: date
    deadline_time: time = time(23, 59, 59)
    reason: str = Field(min_length=1)


class WithdrawIn(Schema):
    reason: str = Field(min_length=1)


class ConditionOut(Schema):
    letter: str
    text: str
    due_on: date | None = None
    annually: bool = False


class ConditionIn(Schema):
    text: str
    due_on: date | None = Field(None, description="the first day by which the State reports")
    annually: bool = Field(False, description="due on that day each year, until the deadline")


def _conditions(given) -> list | None:
    if given is None:
        return None
    return [
        item if isinstance(item, str) else services.Condition(item.text, item.due_on, item.annually)
        for item in given
    ]


class ExtensionRequestOut(Schema):
    id: int
    state: str
    iso3: str
    article: int = Field(description="The article of the obligation's convention.")
    obligation: ObligationCode = Field(description="The obligation's neutral code.")
    meeting: str | None
    submitted_on: date | None
    original_deadline: date
    requested_deadline: date
    months: int
    analysis_document: str
    draft_decision_text: str
    draft_decision_document: str
    recommendation: str | None
    recommended_at: str | None
    decision: str | None
    decided_at: str | None
    decided_on: date | None
    granted_deadline: date | None
    conditions: list[ConditionOut]


class ExtensionRequestIn(Schema):
    state: str = Field(description="ISO 3166 alpha-3 code of the requesting State")
    obligation: ObligationCode | None = Field(
        None, description="the obligation's neutral code: stockpile_destruction or clearance"
    )
    article: int | None = Field(
        None, description="or its article in the convention (e.g. CCM: 3 or 4; APMBC: 4 or 5)"
    )
    requested_deadline: date | None = None
    months: int | None = None
    meeting: str | None = Field(None, description="code or symbol root of the meeting")
    work_plan: str = ""
    documents: list[str] = []


def _summary(procedure: SilenceProcedure) -> dict:
    return {
        "id": procedure.pk,
        "subject": procedure.subject,
        "document_symbol": procedure.document_symbol,
        "circulated_by": procedure.circulated_by,
        "circulated": procedure.circulated_on,
        "deadline": procedure.deadline,
        "outcome": procedure.outcome,
        "broken_by": l10n.in_name_order(str(b.state) for b in procedure.breaks.all()),
    }


def _detail(procedure: SilenceProcedure, user) -> dict:
    # The public sees the outcome and who broke the silence; signed-in users also see
    # the addressees and each break's reason and time.
    full = user.has_perm("decisions.view_silence_breaks", procedure)
    return {
        **_summary(procedure),
        "text": procedure.text,
        "status": selectors.outcome_text(procedure),
        "time_zone": procedure.time_zone,
        "meeting": procedure.meeting.code if procedure.meeting_id else None,
        "effect_kind": procedure.effect_kind,
        "concluded_at": procedure.concluded_at,
        "addressees": [
            {"iso3": a.state.iso3, "name": str(a.state)}
            for a in l10n.in_name_order(procedure.addressees.all(), lambda a: str(a.state))
        ]
        if full
        else [],
        "breaks": [
            {
                "state": b.state.local_name,
                "iso3": b.state.iso3,
                "kind": b.kind,
                "broken_at": b.broken_at,
                "reason": b.reason,
            }
            for b in procedure.breaks.all()
        ]
        if full
        else [],
    }


def _part(part) -> str | None:
    if part is None:
        return None
    return _("%(meeting)s part %(number)s") % {"meeting": part.meeting.code, "number": part.number}


def _request_out(request) -> dict:
    row = selectors.extension_row(request)
    return {
        "id": request.pk,
        "state": row["state"],
        "iso3": request.obligation.state.iso3,
        "article": row["article"],
        "obligation": row["obligation"],
        "meeting": request.meeting.code if request.meeting_id else None,
        "submitted_on": request.submitted_on,
        "original_deadline": row["original_deadline"],
        "requested_deadline": row["requested_deadline"],
        "months": row["months"],
        "analysis_document": request.analysis_document,
        "draft_decision_text": request.draft_decision_text,
        "draft_decision_document": request.draft_decision_document,
        "recommendation": row["recommendation"],
        "recommended_at": _part(request.recommended_at),
        "decision": row["decision"],
        "decided_at": _part(request.decided_at),
        "decided_on": request.decided_on,
        "granted_deadline": row["granted_deadline"],
        "conditions": [
            {"letter": c.letter, "text": c.text, "due_on": c.due_on, "annually": c.annually}
            for c in request.conditions.all()
        ],
    }


@router.get("/silence-procedures", response={200: list[SilenceSummaryOut], **ERRORS})
@paged
def list_silence_procedures(request, convention: ConventionSlug, outcome: str | None = None):
    """Every silence procedure of the convention, latest deadline first, with its outcome."""
    procedures = selectors.silence_procedures(
        convention=convention_named(convention), outcome=outcome
    )
    return [_summary(p) for p in procedures]


# Before /silence-procedures/{procedure_id}: that path would take "past" as an id.
class PastBreakIn(Schema):
    state: str = Field(description="ISO 3166 alpha-3 code")
    broken_at: datetime
    reason: str = Field(min_length=1)


class PastProcedureIn(Schema):
    subject: str = Field(min_length=1)
    circulated_on: date
    deadline_on: date
    outcome: Literal["adopted", "broken"]
    source: str = Field(min_length=1, description="the record it is taken from")
    circulated_by: Literal["presidency", "secretariat", ""] = ""
    document_symbol: str = ""
    meeting: str | None = None
    breaks: list[PastBreakIn] = []


@router.post("/silence-procedures/past", response={201: SilenceDetailOut, **ERRORS}, auth=SIGNED_IN)
def record_past_silence_procedure(request, convention: ConventionSlug, payload: PastProcedureIn):
    """Record a procedure concluded before plenary ran it (the Secretariat), from its
    record: its effect is already on record and is not carried out again."""
    found = convention_named(convention)
    breaks = []
    for past in payload.breaks:
        state = State.objects.filter(iso3=past.state.upper()).first()
        if state is None:
            raise ValidationError({"breaks": [NO_SUCH_STATE % {"code": past.state}]})
        breaks.append(services.PastBreak(state=state, broken_at=past.broken_at, reason=past.reason))
    procedure = services.record_concluded_silence_procedure(
        convention=found,
        subject=payload.subject,
        circulated_on=payload.circulated_on,
        deadline_on=payload.deadline_on,
        outcome=payload.outcome,
        source=payload.source,
        circulated_by=payload.circulated_by,
        document_symbol=payload.document_symbol,
        meeting=(
            selectors.meeting_named(convention=found, name=payload.meeting)
            if payload.meeting
            else None
        ),
        breaks=breaks,
        by=request.auth,
    )
    return Status(201, _detail(_procedure(convention, procedure.pk), request.auth))


@router.get("/silence-procedures/{procedure_id}", response={200: SilenceDetailOut, **ERRORS})
def get_silence_procedure(request, convention: ConventionSlug, procedure_id: int):
    procedure = selectors.silence_procedure_record(
        convention=convention_named(convention), pk=procedure_id
    )
    return _detail(procedure, request.auth)


@router.post(
    "/silence-procedures/{procedure_id}/breaks",
    response={201: BreakOut, **ERRORS},
    auth=SIGNED_IN,
)
def break_silence(request, convention: ConventionSlug, procedure_id: int, payload: BreakIn):
    """Break the silence for the caller's State (a Delegation of an addressee State).

    A State breaks a silence once: sending it again answers 409 and leaves the first
    break as it was.
    """
    procedure: SilenceProcedure = selectors.silence_procedure_record(
        convention=convention_named(convention), pk=procedure_id
    )
    user = request.auth
    if payload.state is None:
        state = state_acted_for(user=user, convention=procedure.convention)
        if state is None:
            raise PermissionDenied(services.NOT_A_DELEGATION)
    else:
        state = State.objects.filter(iso3=payload.state.upper()).first()
    if state is None:
        raise ValidationError({"state": [NO_SUCH_STATE % {"code": payload.state}]})
    try:
        silence_break = services.break_silence(
            procedure=procedure,
            state=state,
            by=user,
            kind=payload.kind,
            reason=payload.reason,
            now=timezone.now(),
        )
    except services.AlreadyBroken as error:
        errors = [
            {"field": field, "message": message}
            for field, messages in error.message_dict.items()
            for message in messages
        ]
        return Status(409, error_body(ALREADY_BROKEN_DETAIL, errors))
    return Status(
        201,
        {
            "state": state.local_name,
            "iso3": state.iso3,
            "kind": silence_break.kind,
            "broken_at": silence_break.broken_at,
            "reason": silence_break.reason,
        },
    )


def _procedure(convention: str, procedure_id: int) -> SilenceProcedure:
    return selectors.silence_procedure_record(
        convention=convention_named(convention), pk=procedure_id
    )


@router.post("/silence-procedures", response={201: SilenceDetailOut, **ERRORS}, auth=SIGNED_IN)
def circulate_silence_procedure(request, convention: ConventionSlug, payload: CirculateIn):
    """Circulate a proposal (the Presidency or the Secretariat) to the convention's States
    Parties today; their Delegations get a notice."""
    found = convention_named(convention)
    meeting = (
        selectors.meeting_named(convention=found, name=payload.meeting) if payload.meeting else None
    )
    effect: dict = {}
    if payload.effect_kind == "replan_meeting" and meeting is not None and payload.move_part:
        effect = selectors.replan_effect(
            meeting=meeting,
            number=payload.move_part.number,
            starts_on=payload.move_part.starts_on,
            ends_on=payload.move_part.ends_on,
            reason=payload.subject,
        )
    elif payload.effect_kind == "decision":
        effect = {"text": payload.decision_text or payload.text}
    elif payload.effect_kind == "decide_extensions":
        effect = {"requests": payload.extension_requests, "decision": "granted"}
    elif payload.effect_kind == "approve_cost_estimate":
        effect = {"estimate": payload.cost_estimate}
    procedure = services.circulate_silence_procedure(
        convention=found,
        subject=payload.subject,
        text=payload.text,
        document_symbol=payload.document_symbol,
        circulated_on=timezone.localdate(),
        deadline_on=payload.deadline_on,
        deadline_time=payload.deadline_time,
        time_zone=payload.time_zone,
        meeting=meeting,
        effect_kind=payload.effect_kind,
        effect=effect,
        now=timezone.now(),
        by=request.auth,
    )
    return Status(201, _detail(_procedure(convention, procedure.pk), request.auth))


@router.post(
    "/silence-procedures/{procedure_id}/extend",
    response={200: SilenceDetailOut, **ERRORS},
    auth=SIGNED_IN,
)
def extend_silence_procedure(
    request, convention: ConventionSlug, procedure_id: int, payload: ExtendIn
):
    """Extend an open procedure's deadline (the Presidency or the Secretariat)."""
    services.extend_silence_procedure(
        procedure=_procedure(convention, procedure_id),
        deadline_on=payload.deadline_on,
        deadline_time=payload.deadline_time,
        reason=payload.reason,
        now=timezone.now(),
        by=request.auth,
    )
    return _detail(_procedure(convention, procedure_id), request.auth)


@router.post(
    "/silence-procedures/{procedure_id}/withdraw",
    response={200: SilenceDetailOut, **ERRORS},
    auth=SIGNED_IN,
)
def withdraw_silence_procedure(
    request, convention: ConventionSlug, procedure_id: int, payload: WithdrawIn
):
    """Withdraw an open procedure before its deadline (the Presidency or the Secretariat)."""
    services.withdraw_silence_procedure(
        procedure=_procedure(convention, procedure_id),
        reason=payload.reason,
        now=timezone.now(),
        by=request.auth,
    )
    return _detail(_procedure(convention, procedure_id), request.auth)


@router.post(
    "/silence-procedures/{procedure_id}/conclude",
    response={200: SilenceDetailOut, **ERRORS},
    auth=SIGNED_IN,
)
def conclude_silence_procedure(request, convention: ConventionSlug, procedure_id: int):
    """Conclude a procedure past its deadline now (the Secretariat; the scheduler does it
    within a minute anyway)."""
    services.conclude_silence_procedure(
        procedure=_procedure(convention, procedure_id),
        now=timezone.now().replace(microsecond=0),
        by=request.auth,
    )
    return _detail(_procedure(convention, procedure_id), request.auth)


@router.get("/extension-requests", response={200: list[ExtensionRequestOut], **ERRORS})
@paged
def list_extension_requests(
    request, convention: ConventionSlug, meeting: str | None = None, state: str | None = None
):
    """Deadline-extension requests, optionally before one meeting (code or symbol root) or
    of one State (ISO 3166 alpha-3)."""
    convention = convention_named(convention)
    found = selectors.meeting_named(convention=convention, name=meeting) if meeting else None
    requests = selectors.extension_requests(convention=convention, meeting=found, iso3=state)
    return [_request_out(r) for r in requests]


@router.get("/extension-requests/{request_id}", response={200: ExtensionRequestOut, **ERRORS})
def get_extension_request(request, convention: ConventionSlug, request_id: int):
    found = selectors.extension_request(convention=convention_named(convention), pk=request_id)
    return _request_out(found)


@router.post("/extension-requests", response={201: ExtensionRequestOut, **ERRORS}, auth=SIGNED_IN)
def submit_extension_request(request, convention: ConventionSlug, payload: ExtensionRequestIn):
    """Submit a request: a Delegation for its own State, or the Secretariat."""
    convention = convention_named(convention)
    state = State.objects.filter(iso3=payload.state.upper()).first()
    if state is None:
        raise ValidationError({"state": [NO_SUCH_STATE % {"code": payload.state}]})
    meeting = (
        selectors.meeting_named(convention=convention, name=payload.meeting)
        if payload.meeting
        else None
    )
    held = Obligation.objects.filter(convention=convention, state=state).select_related(
        "convention"
    )
    if payload.obligation:
        obligation = held.filter(kind=payload.obligation).first()
        if obligation is None:
            raise ValidationError(
                {"obligation": [NO_SUCH_KIND % {"state": state, "kind": payload.obligation}]}
            )
    elif payload.article:
        obligation = next((o for o in held if o.article == str(payload.article)), None)
        if obligation is None:
            raise ValidationError(
                {"article": [NO_SUCH_OBLIGATION % {"state": state, "article": payload.article}]}
            )
    else:
        raise ValidationError({"obligation": [OBLIGATION_REQUIRED]})
    created = services.submit_extension_request(
        obligation=obligation,
        by=request.auth,
        submitted_on=timezone.localdate(),
        requested_deadline=payload.requested_deadline,
        months=payload.months,
        work_plan=payload.work_plan,
        documents=payload.documents,
        meeting=meeting,
    )
    found = selectors.extension_request(convention=convention, pk=created.pk)
    return Status(201, _request_out(found))


class DecisionOut(Schema):
    id: int
    kind: str
    symbol: str
    text: str
    decided_on: date | None
    part: str | None
    silence_procedure: int | None
    agenda_items: list[str]
    documents: list[str]
    paragraph: str
    adopted_text: str = ""


class DecisionIn(Schema):
    meeting: str = Field(description="code or symbol root of the meeting")
    part: int = 1
    kind: Literal["adopted", "recommended", "took_note", "approved", "welcomed", "granted"]
    text: str = Field(min_length=1)
    decided_on: date | None = None
    agenda_items: list[str] = Field([], description='numbers of the items: "10", "11a"')
    documents: list[str] = []
    symbol: str = ""
    paragraph: str = ""
    adopted_text: str = Field(
        "", description="the decision as adopted, where it says more than its kind and text"
    )


UNKNOWN_ITEMS = _("%(items)s: not an item of the agenda of %(meeting)s")


def _decision_out(decision) -> dict:
    return {
        "id": decision.pk,
        "kind": decision.kind,
        "symbol": decision.symbol,
        "text": decision.subject,
        "decided_on": decision.decided_on,
        "part": _part(decision.part),
        "silence_procedure": decision.silence_procedure_id,
        "agenda_items": [f"{i.number}{i.letter}" for i in decision.agenda_items.all()],
        "documents": decision.documents,
        "paragraph": decision.paragraph,
        "adopted_text": decision.text,
    }


@router.get("/decisions", response={200: list[DecisionOut], **ERRORS})
@paged
def list_decisions(request, convention: ConventionSlug, q: str = "", meeting: str | None = None):
    """The convention's register of decisions, latest first; `q` searches their text,
    symbol and documents."""
    found = convention_named(convention)
    at = selectors.meeting_named(convention=found, name=meeting) if meeting else None
    return [
        _decision_out(d) for d in selectors.decision_register(convention=found, query=q, meeting=at)
    ]


@router.post("/decisions", response={201: DecisionOut, **ERRORS}, auth=SIGNED_IN)
def record_decision(request, convention: ConventionSlug, payload: DecisionIn):
    """Record a decision taken in plenary at a part (the Secretariat)."""
    found = convention_named(convention)
    part = selectors.part_named(convention=found, meeting=payload.meeting, number=payload.part)
    items = selectors.agenda_items_named(meeting=part.meeting, numbers=payload.agenda_items)
    if len(items) != len(payload.agenda_items):
        known = {f"{i.number}{i.letter}" for i in items}
        missing = ", ".join(n for n in payload.agenda_items if n not in known)
        raise ValidationError(
            {"agenda_items": [UNKNOWN_ITEMS % {"items": missing, "meeting": part.meeting}]}
        )
    decision = services.record_decision(
        part=part,
        kind=payload.kind,
        subject=payload.text,
        decided_on=payload.decided_on,
        documents=payload.documents,
        agenda_items=items,
        paragraph=payload.paragraph,
        symbol=payload.symbol,
        text=payload.adopted_text,
        by=request.auth,
    )
    return Status(201, _decision_out(decision))


class AnalysisIn(Schema):
    analysis_document: str = Field(min_length=1)
    observations: str = ""


class DraftTextIn(Schema):
    text: str = Field(min_length=1)


class IssueDraftIn(Schema):
    draft_decision_document: str = Field(
        "", description="the CRP's symbol; blank: the meeting's next CRP symbol is issued"
    )


class AtPartIn(Schema):
    meeting: str = Field(description="code or symbol root of the meeting")
    part: int
    until: date | None = None
    day: date | None = None
    conditions: list[str | ConditionIn] | None = None


class RecommendIn(AtPartIn):
    recommendation: Literal["grant", "refuse"] = "grant"


class DecideIn(AtPartIn):
    decision: Literal["granted", "refused"]


def _extension(convention: str, request_id: int):
    return selectors.extension_request(convention=convention_named(convention), pk=request_id)


def _request_after(convention: str, request_id: int) -> dict:
    return _request_out(_extension(convention, request_id))


@router.post(
    "/extension-requests/{request_id}/analysis",
    response={200: ExtensionRequestOut, **ERRORS},
    auth=SIGNED_IN,
)
def record_analysis(request, convention: ConventionSlug, request_id: int, payload: AnalysisIn):
    """Record the analysis of a request (the ISU, a coordinator or the Secretariat)."""
    services.record_analysis(
        request=_extension(convention, request_id),
        analysis_document=payload.analysis_document,
        observations=payload.observations,
        by=request.auth,
    )
    return _request_after(convention, request_id)


@router.post(
    "/extension-requests/{request_id}/draft-decision",
    response={200: ExtensionRequestOut, **ERRORS},
    auth=SIGNED_IN,
)
def submit_draft_decision(
    request, convention: ConventionSlug, request_id: int, payload: DraftTextIn
):
    """Submit the text of the draft decision (the Presidency)."""
    services.submit_draft_decision(
        request=_extension(convention, request_id), text=payload.text, by=request.auth
    )
    return _request_after(convention, request_id)


@router.post(
    "/extension-requests/{request_id}/draft-decision/issue",
    response={200: ExtensionRequestOut, **ERRORS},
    auth=SIGNED_IN,
)
def record_draft_decision(
    request, convention: ConventionSlug, request_id: int, payload: IssueDraftIn
):
    """Issue the draft decision as a CRP (the Secretariat): the next CRP symbol of the
    meeting unless one is given."""
    services.record_draft_decision(
        request=_extension(convention, request_id),
        draft_decision_document=payload.draft_decision_document,
        by=request.auth,
    )
    return _request_after(convention, request_id)


@router.post(
    "/extension-requests/{request_id}/recommendation",
    response={200: ExtensionRequestOut, **ERRORS},
    auth=SIGNED_IN,
)
def recommend_extension(request, convention: ConventionSlug, request_id: int, payload: RecommendIn):
    """Record what the plenary recommended at a part (the Secretariat)."""
    found = convention_named(convention)
    services.recommend_extension(
        request=_extension(convention, request_id),
        part=selectors.part_named(convention=found, meeting=payload.meeting, number=payload.part),
        recommendation=payload.recommendation,
        until=payload.until,
        recommended_on=payload.day,
        conditions=_conditions(payload.conditions),
        by=request.auth,
    )
    return _request_after(convention, request_id)


@router.post(
    "/extension-requests/{request_id}/decision",
    response={200: ExtensionRequestOut, **ERRORS},
    auth=SIGNED_IN,
)
def decide_extension_request(
    request, convention: ConventionSlug, request_id: int, payload: DecideIn
):
    """Record the plenary's decision at a part (the Secretariat); a grant moves the
    obligation's deadline from the decision's day."""
    found = convention_named(convention)
    services.decide_extension_request(
        request=_extension(convention, request_id),
        part=selectors.part_named(convention=found, meeting=payload.meeting, number=payload.part),
        decision=payload.decision,
        until=payload.until,
        decided_on=payload.day,
        conditions=_conditions(payload.conditions),
        by=request.auth,
    )
    return _request_after(convention, request_id)
