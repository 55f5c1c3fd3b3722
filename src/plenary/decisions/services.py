"""Every write to decisions: one function per state change, atomic, attributed.

Each service checks its rules and raises a ValidationError keyed by the field at fault
(or PermissionDenied) before anything is written, so a refused change leaves no trace.
`by=None` is the system recording facts of the past (the reference data); a person
acting is always checked against `permissions`. The clock comes in as `now`.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from plenary.core.audit import attribute
from plenary.core.l10n import day as long_date
from plenary.core.models import Role
from plenary.core.permissions import has_role
from plenary.core.validation import invalid as _invalid
from plenary.decisions.models import (
    Addressee,
    BreakKind,
    Decision,
    DecisionKind,
    EffectKind,
    ExtensionRequest,
    Outcome,
    Recommendation,
    ReportingCondition,
    RequestDecision,
    SilenceBreak,
    SilenceProcedure,
)
from plenary.decisions.notifications import (
    CIRCULATED,
    CONCLUDED,
    EXTENDED,
    WITHDRAWN,
    notify_on_commit,
)
from plenary.documents.services import allocate_next_symbol
from plenary.finance.models import CostEstimate
from plenary.finance.services import approve_cost_estimate
from plenary.meetings.models import AgendaItem, Meeting, MeetingPart, PlanChange
from plenary.meetings.services import PartPlan, replan_meeting
from plenary.rules import deadlines, symbols, times
from plenary.rules.errors import RuleError
from plenary.rules.months import add_months
from plenary.treaties import selectors as treaty_selectors
from plenary.treaties.models import Convention, Extension, Obligation, State
from plenary.treaties.services import grant_extension

# Silence procedures
NOT_A_CIRCULATOR = _("only the Presidency or the Secretariat circulates a silence procedure")
SUBJECT_REQUIRED = _("give the subject of the procedure")
DEADLINE_NOT_AFTER_CIRCULATION = _(
    "the deadline ({deadline}) must be after the circulation on {circulated}"
)
DEADLINE_ALREADY_PAST = _("the deadline {deadline} ({zone} time) has already passed")
UNKNOWN_EFFECT = _("the effect is one of {choices}, not {value!r}")
EFFECT_NEEDS_MEETING = _("a change of a meeting's plan names the meeting")
EFFECT_NEEDS_PARTS = _("give the new plan as a list of parts: {error}")
EFFECT_DECISION_KIND = _("a decision's kind is one of {choices}, not {value!r}")
EFFECT_NEEDS_REQUESTS = _("name the extension requests the procedure decides")
EFFECT_REQUEST_UNKNOWN = _("{convention}: {value!r} is not an undecided extension request")
EFFECT_NEEDS_ESTIMATE = _("name the cost estimate the procedure approves")
EFFECT_ESTIMATE_UNKNOWN = _("{convention}: {value!r} is not a cost estimate awaiting approval")
PART_OR_PROCEDURE = _("a request is decided at a meeting part or by a silence procedure")
PROCEDURE_OF_ANOTHER_CONVENTION = _(
    "the silence procedure and the request are under different conventions: {other} and"
    " {convention}"
)
NOT_A_DELEGATION = _(
    "only the Delegation of a State Party to which the procedure was circulated can break"
    " the silence"
)
NOT_YOUR_STATE = _("you may break the silence only for your own State")
NOT_ADDRESSED = _(
    "{convention}: {state} was not a State Party on {circulated}, when the procedure was"
    " circulated; only the States Parties it was circulated to can break the silence"
)
MEETING_OF_ANOTHER_CONVENTION = _(
    "{meeting} is a meeting under another convention: {other}, not {convention}"
)
REASON_REQUIRED = _("give the reason for breaking the silence")
SILENCE_ENDED_AT = _(
    "the silence procedure ended at {time} on {deadline} ({zone} time); it can no longer be broken"
)
ALREADY_CONCLUDED = _("the silence procedure was concluded on {concluded}: {outcome}")
ALREADY_BROKEN = _(
    "{state} broke the silence at {time} ({zone} time); a break is recorded once and cannot be"
    " withdrawn or edited"
)
NOT_YET_DUE = _("the silence procedure runs until {time} on {deadline} ({zone} time)")
NOT_CONCLUDED_OUTCOME = _("a concluded procedure is adopted or broken, not {value!r}")
BROKEN_NEEDS_BREAKS = _("a broken silence names the States that broke it")
ADOPTED_HAS_NO_BREAKS = _("an adopted procedure has no breaks")
NOT_THE_SECRETARIAT = _("only the Secretariat records this")
SHORTER_THAN_MINIMUM = _(
    "{convention}: a silence procedure runs at least {hours} hours, so the deadline must be"
    " {earliest} ({zone} time) or later"
)
UNKNOWN_BREAK_KIND = _("a break is one of {choices}, not {value!r}")
NOT_A_PRESIDENT = _(
    "only the Presidency or the Secretariat extends or withdraws a silence procedure"
)
CHANGE_REASON_REQUIRED = _("give the reason")
EXTENSION_NOT_LATER = _("the new deadline must be after the present one, {time} on {deadline}")

# Decisions in plenary
DECIDED_OUTSIDE_PART = _("{day} is not a day of part {number} ({starts} to {ends})")
ITEM_ELSEWHERE = _("{item} is not an item of the agenda of {meeting}")
UNKNOWN_DECISION_KIND = _("the kind is one of {choices}, not {value!r}")

# Extension requests
NOT_YOUR_REQUEST = _("you may submit extension requests only for your own State")
DEADLINE_PASSED = _(
    "{convention}, Article {article}: the deadline of {state} passed on {day}; an extension"
    " is requested before the deadline it would extend"
)
AFTER_MEETING_CUT_OFF = _(
    "{meeting}: a request is submitted at least {days} days before the meeting opens on"
    " {opens}, by {cut_off} ({source})"
)
DRAFT_TEXT_REQUIRED = _("give the text of the draft decision")
NOT_THE_PRESIDENCY = _("only the Presidency or the Secretariat submits a draft decision")
NO_MEETING_FOR_CRP = _(
    "the request is before no meeting yet: name the meeting, or give the symbol of the CRP"
)
DEADLINE_OR_MONTHS = _("give the requested deadline or the number of months, not both")
DEADLINE_OR_MONTHS_MISSING = _("give the requested deadline or the number of months")
MONTHS_POSITIVE = _("an extension is of one month or more")
OBLIGATION_COMPLETED = _("{state} completed this obligation on {day}: there is nothing to extend")
NOT_A_DEADLINE_IN_FORCE = _(
    "{day} was never the deadline of this obligation (original {original}, extensions to"
    " {extensions})"
)
REQUEST_PENDING = _(
    "{state} already has a request pending on this obligation, to {day}: decide it first"
)
NOT_A_CRP = _("a draft decision is a conference room paper (a CRP), not {symbol}")
ALREADY_DECIDED = _("the request was already {decision} on {day}")
ALREADY_DECIDED_UNDATED = _("the request was already {decision}")
RECOMMENDATION_UNKNOWN = _("the recommendation is one of {choices}, not {value!r}")
GRANT_NEEDS_DEADLINE = _("a recommendation or decision to grant names the new deadline")
REFUSAL_HAS_NO_DEADLINE = _("a refusal names no new deadline")
TERMS_UNKNOWN = _("the terms have no {keys}; they may have {known}")
TERMS_OBSERVATION = _(
    "each observation names who made it (the conference or the analysis group) and its text"
)
BEYOND_REQUEST = _("{day} is after the deadline requested, {requested}")
PART_OF_ANOTHER_MEETING = _("the request is before {meeting}, not {other}")
PART_OF_ANOTHER_CONVENTION = _(
    "{other} is a meeting under another convention: {other_convention}, while the request is"
    " under {convention}"
)
DECISION_UNKNOWN = _("the decision is one of {choices}, not {value!r}")
DEADLINE_MOVED = _(
    "the obligation's deadline is now {current}, not {requested} as when the request was"
    " submitted; record a new request"
)
EXTENSION_MISMATCH = _(
    "the extension on record ends on {actual}, not {given}, or is of another obligation"
)
EXTENSION_ALREADY_LINKED = _("that extension is already the grant of another request")
CONDITION_EMPTY = _("a reporting condition has a text")
ANNUAL_NEEDS_A_DAY = _("a condition due each year names its first day")
TOO_MANY_CONDITIONS = _("at most 26 conditions, (a) to (z)")


def _check_symbol(field: str, value: str) -> symbols.Symbol:
    try:
        return symbols.parse(value)
    except RuleError as error:
        raise _invalid(field, error.message) from error


def _check_symbols(field: str, values: Sequence[str]) -> list[str]:
    return [str(_check_symbol(field, value)) for value in values]


def _local(moment: datetime, zone: str) -> datetime:
    return moment.astimezone(times.zone(zone))


def _clock(moment: datetime) -> str:
    return f"{moment:%H:%M:%S}"


# Silence procedures ----------------------------------------------------------------------


def _effect_requests(convention: Convention, effect: dict) -> list[ExtensionRequest]:
    """The undecided requests under `convention` a "decide_extensions" effect names."""
    ids = effect.get("requests")
    if not isinstance(ids, list) or not ids:
        raise _invalid("effect", EFFECT_NEEDS_REQUESTS)
    found = {
        request.pk: request
        for request in ExtensionRequest.objects.filter(
            pk__in=[i for i in ids if isinstance(i, int)],
            obligation__convention=convention,
            decision="",
        ).select_related("obligation__state", "obligation__convention")
    }
    for value in ids:
        if value not in found:
            raise _invalid(
                "effect", EFFECT_REQUEST_UNKNOWN.format(value=value, convention=convention)
            )
    return [found[i] for i in ids]


def _effect_estimate(convention: Convention, effect: dict) -> CostEstimate:
    """The estimate of `convention` awaiting approval an "approve_cost_estimate" names."""
    value = effect.get("estimate")
    if value is None:
        raise _invalid("effect", EFFECT_NEEDS_ESTIMATE)
    estimate = (
        CostEstimate.objects.filter(pk=value, convention=convention, approved_by="").first()
        if isinstance(value, int)
        else None
    )
    if estimate is None:
        raise _invalid("effect", EFFECT_ESTIMATE_UNKNOWN.format(value=value, convention=convention))
    return estimate


def _check_effect(
    *, kind: str, effect: dict, meeting: Meeting | None, convention: Convention
) -> None:
    if kind not in EffectKind.values:
        raise _invalid(
            "effect_kind", UNKNOWN_EFFECT.format(choices=", ".join(EffectKind.values), value=kind)
        )
    if kind == EffectKind.REPLAN_MEETING:
        if meeting is None:
            raise _invalid("meeting", EFFECT_NEEDS_MEETING)
        try:
            plans = _parts_of(effect)
        except (KeyError, TypeError, ValueError) as error:
            raise _invalid("effect", EFFECT_NEEDS_PARTS.format(error=error)) from None
        if not plans:
            raise _invalid("effect", EFFECT_NEEDS_PARTS.format(error="no parts"))
    if kind == EffectKind.DECISION:
        decision_kind = effect.get("kind", DecisionKind.ADOPTED)
        if decision_kind not in DecisionKind.values:
            raise _invalid(
                "effect",
                EFFECT_DECISION_KIND.format(
                    choices=", ".join(DecisionKind.values), value=decision_kind
                ),
            )
    if kind == EffectKind.DECIDE_EXTENSIONS:
        _effect_requests(convention, effect)
        decision = effect.get("decision", RequestDecision.GRANTED)
        if decision not in RequestDecision.values:
            raise _invalid(
                "effect",
                DECISION_UNKNOWN.format(choices=", ".join(RequestDecision.values), value=decision),
            )
    if kind == EffectKind.APPROVE_COST_ESTIMATE:
        _effect_estimate(convention, effect)


def _parts_of(effect: dict) -> list[PartPlan]:
    """The new plan of a "replan_meeting" effect: {"parts": [{"number", "starts_on", ...}]}."""
    plans = []
    for part in effect["parts"]:
        values = dict(part)
        values["starts_on"] = date.fromisoformat(values["starts_on"])
        values["ends_on"] = date.fromisoformat(values["ends_on"])
        plans.append(PartPlan(**values))
    return plans


def _deadline(day: date, clock: time, zone: str) -> datetime:
    try:
        return times.at(day, clock, zone)
    except RuleError as error:
        raise _invalid(error.field, error.message) from error


def _check_meeting_of(convention: Convention, meeting: Meeting | None, field="meeting") -> None:
    if meeting is not None and meeting.convention_id != convention.pk:
        raise _invalid(
            field,
            MEETING_OF_ANOTHER_CONVENTION.format(
                meeting=meeting, other=meeting.convention, convention=convention
            ),
        )


def _address(procedure: SilenceProcedure) -> None:
    """Circulate to the States Parties of the procedure's convention on the circulation
    date, fixed as rows."""
    parties = treaty_selectors.states_on(
        convention=procedure.convention, on=procedure.circulated_on, status="state_party"
    )
    Addressee.objects.bulk_create(
        [Addressee(procedure=procedure, state=standing.state) for standing in parties]
    )


def _check_minimum(convention: Convention, deadline: datetime, now: datetime, zone: str) -> None:
    hours = convention.rules.minimum_silence_hours
    if hours and deadline - now < timedelta(hours=hours):
        earliest = _local(now + timedelta(hours=hours), zone)
        raise _invalid(
            "deadline",
            SHORTER_THAN_MINIMUM.format(
                convention=convention.short_name,
                hours=hours,
                earliest=f"{_clock(earliest)} on {long_date(earliest.date())}",
                zone=zone,
            ),
        )


@transaction.atomic
def circulate_silence_procedure(
    *,
    convention: Convention,
    subject: str,
    circulated_on: date,
    deadline_on: date,
    now: datetime,
    by,
    document_symbol: str = "",
    text: str = "",
    deadline_time: time = times.END_OF_DAY,
    time_zone: str = "",
    meeting: Meeting | None = None,
    effect_kind: str = EffectKind.NONE,
    effect: dict | None = None,
    source: str = "",
) -> SilenceProcedure:
    """Circulate a proposal to the States Parties under a silence procedure.

    Steps: check the person is the Presidency or the Secretariat; check the subject, the
    document's symbol, the deadline (default 23:59:59 on `deadline_on` in the zone of the
    convention's secretariat, after the circulation, not yet past, and no shorter than the
    convention's minimum period where its file sets one) and the effect adoption will
    carry out; save; fix the addressees as the States Parties on
    `circulated_on`; e-mail their Delegations once committed.
    """
    if not (by is not None and by.has_perm("decisions.circulate_silence_procedure", convention)):
        raise PermissionDenied(NOT_A_CIRCULATOR)
    if not subject.strip():
        raise _invalid("subject", SUBJECT_REQUIRED)
    if document_symbol:
        document_symbol = str(_check_symbol("document_symbol", document_symbol))
    time_zone = time_zone or convention.time_zone
    deadline = _deadline(deadline_on, deadline_time, time_zone)
    if deadline_on < circulated_on:
        raise _invalid(
            "deadline",
            DEADLINE_NOT_AFTER_CIRCULATION.format(
                deadline=long_date(deadline_on), circulated=long_date(circulated_on)
            ),
        )
    if times.is_past(deadline, now):
        raise _invalid(
            "deadline",
            DEADLINE_ALREADY_PAST.format(
                deadline=f"{_clock(deadline)} on {long_date(deadline_on)}", zone=time_zone
            ),
        )
    _check_minimum(convention, deadline, now, time_zone)
    _check_meeting_of(convention, meeting)
    effect = effect or {}
    _check_effect(kind=effect_kind, effect=effect, meeting=meeting, convention=convention)
    procedure = SilenceProcedure(
        convention=convention,
        subject=subject.strip(),
        text=text.strip(),
        document_symbol=document_symbol,
        circulated_by=(
            Role.PRESIDENCY if has_role(by, Role.PRESIDENCY, convention) else Role.SECRETARIAT
        ),
        circulated_by_user=by,
        circulated_on=circulated_on,
        deadline=deadline,
        time_zone=time_zone,
        meeting=meeting,
        effect_kind=effect_kind,
        effect=effect,
        source=source,
    )
    attribute(procedure, by=by, reason="Circulated")
    procedure.save()
    _address(procedure)
    notify_on_commit(procedure, CIRCULATED)
    return procedure


class AlreadyBroken(ValidationError):
    """The State already broke this silence: its first break stands, unchanged."""


def _already_broken(existing: SilenceBreak, zone: str) -> AlreadyBroken:
    local = _local(existing.broken_at, zone)
    return AlreadyBroken(
        {
            "state": [
                ALREADY_BROKEN.format(
                    state=existing.state,
                    time=f"{_clock(local)} on {long_date(local.date())}",
                    zone=zone,
                )
            ]
        }
    )


def _check_open(procedure: SilenceProcedure, now: datetime) -> None:
    if not procedure.is_open:
        raise _invalid(
            "outcome",
            ALREADY_CONCLUDED.format(
                concluded=long_date(_local(procedure.concluded_at, procedure.time_zone).date()),
                outcome=procedure.get_outcome_display(),
            ),
        )
    if times.is_past(procedure.deadline, now):
        local = _local(procedure.deadline, procedure.time_zone)
        raise _invalid(
            "deadline",
            SILENCE_ENDED_AT.format(
                time=_clock(local), deadline=long_date(local.date()), zone=procedure.time_zone
            ),
        )


@transaction.atomic
def break_silence(
    *,
    procedure: SilenceProcedure,
    state: State,
    by,
    reason: str,
    now: datetime,
    kind: str = BreakKind.OBJECTION,
) -> SilenceBreak:
    """Record a State Party's objection or proposed amendment, which breaks the silence.

    Steps: check the person is a Delegation acting for `state`; lock the procedure (so
    that a break and the conclusion, or two breaks of one State, cannot interleave);
    check the State is an addressee (a State Party to the procedure's convention when it
    was circulated: a field error on `state` otherwise), the procedure is open and its
    deadline not past (its last second still counts), and a reason is given; refuse a
    second break of the same State (its first stands); save.
    """
    if not has_role(by, Role.DELEGATION, procedure.convention):
        raise PermissionDenied(NOT_A_DELEGATION)
    if not has_role(by, Role.DELEGATION, procedure.convention, state=state):
        raise PermissionDenied(NOT_YOUR_STATE)
    procedure = SilenceProcedure.objects.select_for_update().get(pk=procedure.pk)
    if not procedure.addressees.filter(state=state).exists():
        raise _invalid(
            "state",
            NOT_ADDRESSED.format(
                state=state,
                convention=procedure.convention,
                circulated=long_date(procedure.circulated_on),
            ),
        )
    _check_open(procedure, now)
    if kind not in BreakKind.values:
        raise _invalid(
            "kind", UNKNOWN_BREAK_KIND.format(choices=", ".join(BreakKind.values), value=kind)
        )
    if not reason.strip():
        raise _invalid("reason", REASON_REQUIRED)
    existing = procedure.breaks.select_related("state").filter(state=state).first()
    if existing is not None:
        raise _already_broken(existing, procedure.time_zone)
    silence_break = SilenceBreak(
        procedure=procedure,
        state=state,
        kind=kind,
        broken_at=now,
        reason=reason.strip(),
        broken_by=by,
    )
    try:
        with transaction.atomic():
            silence_break.save()
    except IntegrityError:
        # Another request of the same State got in between the check and the save.
        existing = procedure.breaks.select_related("state").get(state=state)
        raise _already_broken(existing, procedure.time_zone) from None
    return silence_break


def _lock_open_for_change(procedure: SilenceProcedure, by, reason: str, now: datetime):
    if not (by is not None and by.has_perm("decisions.change_silence_procedure", procedure)):
        raise PermissionDenied(NOT_A_PRESIDENT)
    procedure = SilenceProcedure.objects.select_for_update().get(pk=procedure.pk)
    _check_open(procedure, now)
    if not reason.strip():
        raise _invalid("reason", CHANGE_REASON_REQUIRED)
    return procedure


@transaction.atomic
def extend_silence_procedure(
    *,
    procedure: SilenceProcedure,
    deadline_on: date,
    reason: str,
    now: datetime,
    by,
    deadline_time: time = times.END_OF_DAY,
) -> SilenceProcedure:
    """Move an open procedure's deadline later, before it has passed.

    Steps: check the person is the Presidency or the Secretariat; lock the procedure;
    check it is open, its deadline not past, a reason given, and the new deadline (in
    the procedure's zone) later than the present one; save with the reason in its
    history; tell the addressees' Delegations once committed. Breaks already recorded
    stand.
    """
    procedure = _lock_open_for_change(procedure, by, reason, now)
    deadline = _deadline(deadline_on, deadline_time, procedure.time_zone)
    if deadline <= procedure.deadline:
        local = _local(procedure.deadline, procedure.time_zone)
        raise _invalid(
            "deadline",
            EXTENSION_NOT_LATER.format(time=_clock(local), deadline=long_date(local.date())),
        )
    procedure.deadline = deadline
    attribute(procedure, by=by, reason=f"Deadline extended: {reason.strip()}")
    procedure.save()
    notify_on_commit(procedure, EXTENDED)
    return procedure


@transaction.atomic
def withdraw_silence_procedure(
    *, procedure: SilenceProcedure, reason: str, now: datetime, by
) -> SilenceProcedure:
    """Withdraw an open procedure before its deadline: nothing is decided.

    Steps: check the person is the Presidency or the Secretariat; lock the procedure;
    check it is open, its deadline not past and a reason given; mark it withdrawn with
    its reason; tell the addressees' Delegations once committed.
    """
    procedure = _lock_open_for_change(procedure, by, reason, now)
    procedure.outcome = Outcome.WITHDRAWN
    procedure.concluded_at = now
    procedure.withdrawal_reason = reason.strip()
    attribute(procedure, by=by, reason=f"Withdrawn: {reason.strip()}")
    procedure.save()
    notify_on_commit(procedure, WITHDRAWN)
    return procedure


def _carry_out(procedure: SilenceProcedure, by) -> None:
    """Carry out what the adopted proposal decides."""
    if procedure.effect_kind == EffectKind.REPLAN_MEETING:
        procedure.plan_change = replan_meeting(
            meeting=procedure.meeting,
            parts=_parts_of(procedure.effect),
            decided_by=f"silence procedure of {procedure.period_in_english}",
            reason=procedure.effect.get("reason") or procedure.subject,
            decided_on=procedure.deadline_date,
            source=procedure.source,
            by=by,
        )
    elif procedure.effect_kind == EffectKind.DECISION:
        decision = Decision(
            silence_procedure=procedure,
            kind=procedure.effect.get("kind", DecisionKind.ADOPTED),
            subject=procedure.effect.get("text") or procedure.subject,
            documents=[procedure.document_symbol] if procedure.document_symbol else [],
            decided_on=procedure.deadline_date,
            source=f"silence procedure of {procedure.period_in_english}",
        )
        attribute(decision, by=by, reason="Adopted by silence procedure")
        decision.save()
    elif procedure.effect_kind == EffectKind.DECIDE_EXTENSIONS:
        outcome = procedure.effect.get("decision", RequestDecision.GRANTED)
        requests = _effect_requests(procedure.convention, procedure.effect)
        for request in requests:
            decide_extension_request(request=request, procedure=procedure, decision=outcome, by=by)
        decision = Decision(
            silence_procedure=procedure,
            kind=DecisionKind.GRANTED
            if outcome == RequestDecision.GRANTED
            else DecisionKind.ADOPTED,
            subject=procedure.effect.get("text") or procedure.subject,
            documents=[r.draft_decision_document for r in requests if r.draft_decision_document],
            decided_on=procedure.deadline_date,
            source=f"silence procedure of {procedure.period_in_english}",
        )
        attribute(decision, by=by, reason="Adopted by silence procedure")
        decision.save()
    elif procedure.effect_kind == EffectKind.APPROVE_COST_ESTIMATE:
        estimate = _effect_estimate(procedure.convention, procedure.effect)
        approve_cost_estimate(
            estimate=estimate,
            approved_by=f"silence procedure of {procedure.period_in_english}: {procedure.subject}",
            approved_on=procedure.deadline_date,
            by=by,
        )
        decision = Decision(
            silence_procedure=procedure,
            kind=DecisionKind.APPROVED,
            subject=procedure.effect.get("text") or procedure.subject,
            documents=[estimate.document_symbol] if estimate.document_symbol else [],
            decided_on=procedure.deadline_date,
            source=f"silence procedure of {procedure.period_in_english}",
        )
        attribute(decision, by=by, reason="Adopted by silence procedure")
        decision.save()


@transaction.atomic
def conclude_silence_procedure(
    *, procedure: SilenceProcedure, now: datetime, by=None
) -> SilenceProcedure:
    """Fix the outcome of a procedure whose deadline has passed.

    Steps: lock the procedure; leave a concluded one as it is; refuse before the
    deadline; "broken" if any State broke the silence, else "adopted"; on adoption carry
    out its effect (change the meeting's plan, or record the decision); e-mail the
    addressees' Delegations once committed.
    """
    if by is not None and not by.has_perm("decisions.conclude_silence_procedure", procedure):
        raise PermissionDenied(NOT_THE_SECRETARIAT)
    procedure = (
        SilenceProcedure.objects.select_for_update(of=("self",))
        .select_related("meeting")
        .get(pk=procedure.pk)
    )
    if not procedure.is_open:
        return procedure
    if not times.is_past(procedure.deadline, now):
        local = _local(procedure.deadline, procedure.time_zone)
        raise _invalid(
            "deadline",
            NOT_YET_DUE.format(
                time=_clock(local), deadline=long_date(local.date()), zone=procedure.time_zone
            ),
        )
    broken = procedure.breaks.exists()
    procedure.outcome = Outcome.BROKEN if broken else Outcome.ADOPTED
    procedure.concluded_at = now
    if not broken:
        _carry_out(procedure, by)
    attribute(procedure, by=by, reason=f"Concluded: {procedure.get_outcome_display()}")
    procedure.save()
    notify_on_commit(procedure, CONCLUDED)
    return procedure


def conclude_due_silence_procedures(*, now: datetime, by=None) -> list[SilenceProcedure]:
    """Conclude every open procedure whose deadline has passed (what a worker runs).

    Each in its own transaction: one that cannot be carried out does not hold back
    the others; its error is raised after the rest are concluded.
    """
    concluded, failures = [], []
    # Whole seconds, as `times.is_past` decides: a deadline's last second still counts.
    due = SilenceProcedure.objects.filter(
        outcome=Outcome.OPEN, deadline__lt=now.replace(microsecond=0)
    )
    for procedure in due:
        try:
            concluded.append(conclude_silence_procedure(procedure=procedure, now=now, by=by))
        except ValidationError as error:
            failures.append((procedure, error))
    if failures:
        raise ValidationError(
            [f"{procedure}: {'; '.join(error.messages)}" for procedure, error in failures]
        )
    return concluded


@dataclass(frozen=True)
class PastBreak:
    state: State
    broken_at: datetime
    reason: str


@transaction.atomic
def record_concluded_silence_procedure(
    *,
    convention: Convention,
    subject: str,
    circulated_on: date,
    deadline_on: date,
    outcome: str,
    source: str,
    circulated_by: str = "",
    document_symbol: str = "",
    deadline_time: time = times.END_OF_DAY,
    time_zone: str = "",
    meeting: Meeting | None = None,
    effect_kind: str = EffectKind.NONE,
    effect: dict | None = None,
    breaks: Sequence[PastBreak] = (),
    by=None,
) -> SilenceProcedure:
    """Record a procedure of the past as concluded, WITHOUT carrying out its effect again.

    For history (the reference data): its effect is on record already (e.g. the meeting's
    plan change). Steps: check as for circulation; the outcome is "adopted" (no breaks)
    or "broken" (with its breaks); the addressees are the States Parties on
    `circulated_on`; link the meeting's plan change decided on the deadline's date, if
    one is on record; no e-mail. Recording the same procedure again (same subject and
    circulation date) updates nothing and returns it.
    """
    if by is not None and not by.has_perm("decisions.record_decision", convention):
        raise PermissionDenied(NOT_THE_SECRETARIAT)
    existing = SilenceProcedure.objects.filter(
        convention=convention, subject=subject.strip(), circulated_on=circulated_on
    ).first()
    if existing is not None:
        return existing
    if not subject.strip():
        raise _invalid("subject", SUBJECT_REQUIRED)
    if outcome not in (Outcome.ADOPTED, Outcome.BROKEN):
        raise _invalid("outcome", NOT_CONCLUDED_OUTCOME.format(value=outcome))
    if outcome == Outcome.BROKEN and not breaks:
        raise _invalid("breaks", BROKEN_NEEDS_BREAKS)
    if outcome == Outcome.ADOPTED and breaks:
        raise _invalid("breaks", ADOPTED_HAS_NO_BREAKS)
    if document_symbol:
        document_symbol = str(_check_symbol("document_symbol", document_symbol))
    time_zone = time_zone or convention.time_zone
    deadline = _deadline(deadline_on, deadline_time, time_zone)
    if deadline_on < circulated_on:
        raise _invalid(
            "deadline",
            DEADLINE_NOT_AFTER_CIRCULATION.format(
                deadline=long_date(deadline_on), circulated=long_date(circulated_on)
            ),
        )
    _check_meeting_of(convention, meeting)
    effect = effect or {}
    _check_effect(kind=effect_kind, effect=effect, meeting=meeting, convention=convention)
    plan_change = None
    if meeting is not None:
        changes = PlanChange.objects.filter(meeting=meeting, decided_on=deadline_on)
        plan_change = changes.order_by("pk").first()
    procedure = SilenceProcedure(
        convention=convention,
        subject=subject.strip(),
        document_symbol=document_symbol,
        circulated_by=circulated_by,
        circulated_on=circulated_on,
        deadline=deadline,
        time_zone=time_zone,
        meeting=meeting,
        effect_kind=effect_kind,
        effect=effect,
        outcome=outcome,
        concluded_at=deadline,
        plan_change=plan_change,
        source=source,
    )
    procedure.full_clean()
    attribute(procedure, by=by, reason="Recorded from the record of the past")
    procedure.save()
    _address(procedure)
    addressed = set(procedure.addressees.values_list("state_id", flat=True))
    for past in breaks:
        if past.state.pk not in addressed:
            raise _invalid(
                "breaks",
                NOT_ADDRESSED.format(
                    state=past.state, convention=convention, circulated=long_date(circulated_on)
                ),
            )
        SilenceBreak.objects.create(
            procedure=procedure, state=past.state, broken_at=past.broken_at, reason=past.reason
        )
    return procedure


# Decisions in plenary --------------------------------------------------------------------


def _check_day_of_part(field: str, day: date | None, part: MeetingPart) -> None:
    if day is not None and not part.starts_on <= day <= part.ends_on:
        raise _invalid(
            field,
            DECIDED_OUTSIDE_PART.format(
                day=long_date(day),
                number=part.number,
                starts=long_date(part.starts_on),
                ends=long_date(part.ends_on),
            ),
        )


@transaction.atomic
def record_decision(
    *,
    part: MeetingPart,
    kind: str,
    subject: str,
    decided_on: date | None = None,
    documents: Sequence[str] = (),
    agenda_items: Sequence[AgendaItem] = (),
    paragraph: str = "",
    symbol: str = "",
    text: str = "",
    source: str = "",
    by=None,
) -> Decision:
    """Record a decision the plenary took at a meeting part.

    Steps: check the person is the Secretariat; check the kind, the subject, the
    documents' symbols and the decision's own, that the day is a day of the part and the
    agenda items are items of its meeting; save with its agenda items.
    """
    if by is not None and not by.has_perm("decisions.record_decision", part):
        raise PermissionDenied(NOT_THE_SECRETARIAT)
    if kind not in DecisionKind.values:
        raise _invalid(
            "kind", UNKNOWN_DECISION_KIND.format(choices=", ".join(DecisionKind.values), value=kind)
        )
    if not subject.strip():
        raise _invalid("subject", SUBJECT_REQUIRED)
    documents = _check_symbols("documents", documents)
    if symbol:
        symbol = str(_check_symbol("symbol", symbol))
    _check_day_of_part("decided_on", decided_on, part)
    for item in agenda_items:
        if item.meeting_id != part.meeting_id:
            raise _invalid("agenda_items", ITEM_ELSEWHERE.format(item=item, meeting=part.meeting))
    decision = Decision(
        part=part,
        kind=kind,
        symbol=symbol,
        subject=subject.strip(),
        documents=documents,
        paragraph=paragraph,
        text=" ".join(text.split()),
        decided_on=decided_on,
        source=source,
    )
    attribute(decision, by=by)
    decision.save()
    decision.agenda_items.set(agenda_items)
    return decision


# Extension requests ----------------------------------------------------------------------


def _check_deadline_in_force(obligation: Obligation, day: date) -> None:
    """A request of the past extends a deadline that was in force then."""
    extended_to = list(obligation.extensions.values_list("new_deadline", flat=True))
    if day != obligation.original_deadline and day not in extended_to:
        raise _invalid(
            "current_deadline",
            NOT_A_DEADLINE_IN_FORCE.format(
                day=long_date(day),
                original=long_date(obligation.original_deadline),
                extensions=", ".join(long_date(d) for d in extended_to) or "none",
            ),
        )


def _check_cut_off(convention: Convention, meeting: Meeting | None, day: date | None) -> None:
    """Where the convention's decisions set one, a request reaches the meeting deciding it
    some days before the meeting opens."""
    days = convention.rules.extension_request_before_meeting_days
    if not days or meeting is None or day is None:
        return
    first = meeting.parts.order_by("number").first()
    if first is None:
        return
    cut_off = first.starts_on - timedelta(days=days)
    if day > cut_off:
        raise _invalid(
            "meeting",
            AFTER_MEETING_CUT_OFF.format(
                meeting=meeting,
                days=days,
                opens=long_date(first.starts_on),
                cut_off=long_date(cut_off),
                source=convention.rules.decisions_source,
            ),
        )


def _months(*, obligation: Obligation, current: date, until: date, field: str) -> int:
    try:
        return deadlines.check_extension(
            rules=obligation.convention.rules,
            kind=obligation.kind,
            current_deadline=current,
            new_deadline=until,
        )
    except RuleError as error:
        raise _invalid(field, error.message) from error


@transaction.atomic
def submit_extension_request(
    *,
    obligation: Obligation,
    by,
    submitted_on: date | None,
    requested_deadline: date | None = None,
    months: int | None = None,
    work_plan: str = "",
    documents: Sequence[str] = (),
    meeting: Meeting | None = None,
    current_deadline: date | None = None,
    source: str = "",
) -> ExtensionRequest:
    """Record a State Party's request to extend its Article 3 or Article 4 deadline.

    Steps: check the person is the Secretariat or a Delegation of that State; lock the
    obligation; refuse a completed obligation or a second pending request; take the
    deadline in force (the obligation's current deadline, or for a request of the past a
    deadline that was once in force); compute the requested deadline from `months`, or
    the months from the requested deadline, and check them against the article's maximum
    (the convention's rules); check the meeting, if named, is of the obligation's
    convention (the request belongs to it) and the documents' symbols; refuse a request
    of the present submitted after the deadline it would extend, or, where the
    convention's decisions set a cut-off (`[decisions]
    extension_request_before_meeting_days`), later before the meeting named; save.
    """
    state = obligation.state
    if by is not None and not by.has_perm("decisions.submit_extension_request", obligation):
        raise PermissionDenied(NOT_YOUR_REQUEST)
    if requested_deadline is not None and months is not None:
        raise _invalid("requested_deadline", DEADLINE_OR_MONTHS)
    if requested_deadline is None and months is None:
        raise _invalid("requested_deadline", DEADLINE_OR_MONTHS_MISSING)
    if months is not None and months < 1:
        raise _invalid("months", MONTHS_POSITIVE)
    obligation = Obligation.objects.select_for_update().get(pk=obligation.pk)
    _check_meeting_of(obligation.convention, meeting)
    if obligation.completion_date is not None and current_deadline is None:
        raise _invalid(
            "obligation",
            OBLIGATION_COMPLETED.format(state=state, day=long_date(obligation.completion_date)),
        )
    if current_deadline is None:
        current_deadline = obligation.current_deadline
        if submitted_on is not None and submitted_on > current_deadline:
            raise _invalid(
                "obligation",
                DEADLINE_PASSED.format(
                    state=state,
                    article=obligation.article,
                    convention=obligation.convention,
                    day=long_date(current_deadline),
                ),
            )
        _check_cut_off(obligation.convention, meeting, submitted_on)
    else:
        _check_deadline_in_force(obligation, current_deadline)
    pending = obligation.extension_requests.filter(decision="").first()
    if pending is not None:
        raise _invalid(
            "obligation",
            REQUEST_PENDING.format(state=state, day=long_date(pending.requested_deadline)),
        )
    if months is not None:
        requested_deadline = add_months(current_deadline, months)
    computed = _months(
        obligation=obligation,
        current=current_deadline,
        until=requested_deadline,
        field="months" if months is not None else "requested_deadline",
    )
    request = ExtensionRequest(
        obligation=obligation,
        meeting=meeting,
        submitted_on=submitted_on,
        submitted_by=by if getattr(by, "is_authenticated", False) else None,
        current_deadline=current_deadline,
        requested_deadline=requested_deadline,
        requested_months=computed,
        work_plan=work_plan,
        documents=_check_symbols("documents", documents),
        source=source,
    )
    attribute(request, by=by, reason="Submitted")
    request.save()
    return request


def _lock_undecided(request: ExtensionRequest) -> ExtensionRequest:
    request = (
        ExtensionRequest.objects.select_for_update(of=("self",))
        .select_related("obligation__state", "obligation__convention", "meeting")
        .get(pk=request.pk)
    )
    if request.decision:
        if request.decided_on:
            message = ALREADY_DECIDED.format(
                decision=request.get_decision_display(), day=long_date(request.decided_on)
            )
        else:
            message = ALREADY_DECIDED_UNDATED.format(decision=request.get_decision_display())
        raise _invalid("decision", message)
    return request


@transaction.atomic
def record_analysis(
    *, request: ExtensionRequest, analysis_document: str, observations: str = "", by=None
) -> ExtensionRequest:
    """Record the analysis of a request: its document (e.g. CCM/CONF/2020/6) and observations."""
    if by is not None and not by.has_perm("decisions.record_analysis", request):
        raise PermissionDenied(NOT_THE_SECRETARIAT)
    request = _lock_undecided(request)
    request.analysis_document = str(_check_symbol("analysis_document", analysis_document))
    request.analysis_observations = observations
    attribute(request, by=by, reason="Analysis recorded")
    request.save()
    return request


@transaction.atomic
def submit_draft_decision(*, request: ExtensionRequest, text: str, by) -> ExtensionRequest:
    """The Presidency submits the text of the draft decision on a request.

    Steps: check the person is the Presidency or the Secretariat; lock the undecided
    request; check the text; save it (the Secretariat then issues it as a CRP)."""
    if not (by is not None and by.has_perm("decisions.submit_draft_decision", request)):
        raise PermissionDenied(NOT_THE_PRESIDENCY)
    request = _lock_undecided(request)
    if not text.strip():
        raise _invalid("text", DRAFT_TEXT_REQUIRED)
    request.draft_decision_text = text.strip()
    attribute(request, by=by, reason="Draft decision submitted")
    request.save()
    return request


@transaction.atomic
def record_draft_decision(
    *, request: ExtensionRequest, draft_decision_document: str = "", by=None
) -> ExtensionRequest:
    """Record the draft decision on a request, a conference room paper (CRP).

    With no symbol given, the Secretariat issues it under the next free CRP symbol of
    the meeting the request is before (`documents.services.allocate_next_symbol`)."""
    if by is not None and not by.has_perm("decisions.record_draft_decision", request):
        raise PermissionDenied(NOT_THE_SECRETARIAT)
    request = _lock_undecided(request)
    if not draft_decision_document.strip():
        if request.meeting is None:
            raise _invalid("draft_decision_document", NO_MEETING_FOR_CRP)
        issued = allocate_next_symbol(
            meeting=request.meeting,
            series="CRP",
            title=f"Draft decision on the request submitted by {request.obligation.state}"
            f" for an extension of its Article {request.obligation.article} deadline",
            by=by,
        )
        draft_decision_document = issued.symbol
    symbol = _check_symbol("draft_decision_document", draft_decision_document)
    if symbol.series != "CRP":
        raise _invalid("draft_decision_document", NOT_A_CRP.format(symbol=symbol))
    request.draft_decision_document = str(symbol)
    attribute(request, by=by, reason="Draft decision recorded")
    request.save()
    return request


def _check_part(request: ExtensionRequest, part: MeetingPart) -> None:
    convention = request.obligation.convention
    if part.meeting.convention_id != convention.pk:
        raise _invalid(
            "part",
            PART_OF_ANOTHER_CONVENTION.format(
                other=part.meeting,
                other_convention=part.meeting.convention,
                convention=convention,
            ),
        )
    if request.meeting_id is not None and part.meeting_id != request.meeting_id:
        raise _invalid(
            "part", PART_OF_ANOTHER_MEETING.format(meeting=request.meeting, other=part.meeting)
        )


def _check_until(request: ExtensionRequest, until: date, field: str) -> None:
    _months(
        obligation=request.obligation, current=request.current_deadline, until=until, field=field
    )
    if until > request.requested_deadline:
        raise _invalid(
            field,
            BEYOND_REQUEST.format(
                day=long_date(until), requested=long_date(request.requested_deadline)
            ),
        )


@dataclass(frozen=True)
class Condition:
    """A reporting condition as a decision attaches it: its text, and where the decision
    sets one the day by which the State reports on it (`annually`: that day each year,
    until the deadline granted)."""

    text: str
    due_on: date | None = None
    annually: bool = False


def _set_conditions(request: ExtensionRequest, conditions: Sequence[str | Condition], by) -> None:
    if len(conditions) > 26:
        raise _invalid("conditions", TOO_MANY_CONDITIONS)
    conditions = [c if isinstance(c, Condition) else Condition(text=c) for c in conditions]
    if any(not condition.text.strip() for condition in conditions):
        raise _invalid("conditions", CONDITION_EMPTY)
    if any(condition.annually and condition.due_on is None for condition in conditions):
        raise _invalid("conditions", ANNUAL_NEEDS_A_DAY)
    request.conditions.all().delete()
    for number, given in enumerate(conditions):
        condition = ReportingCondition(
            request=request,
            letter=chr(ord("a") + number),
            text=given.text.strip(),
            due_on=given.due_on,
            annually=given.annually,
        )
        attribute(condition, by=by)
        condition.save()


TERMS_KEYS = {"observations", "further", "reporting_at", "due_stated", "months_stated", "pending"}
TERMS_BY = {"conference", "analysis_group"}


def _check_terms(terms: dict) -> dict:
    """The terms of a recommendation: known keys; observations with their author and text."""
    unknown = sorted(set(terms) - TERMS_KEYS)
    if unknown:
        raise _invalid(
            "terms",
            TERMS_UNKNOWN.format(keys=", ".join(unknown), known=", ".join(sorted(TERMS_KEYS))),
        )
    for key in ("observations", "further"):
        for entry in terms.get(key, []):
            if entry.get("by") not in TERMS_BY or not str(entry.get("text", "")).strip():
                raise _invalid("terms", TERMS_OBSERVATION)
    return terms


@transaction.atomic
def recommend_extension(
    *,
    request: ExtensionRequest,
    part: MeetingPart,
    recommendation: str = Recommendation.GRANT,
    until: date | None = None,
    recommended_on: date | None = None,
    conditions: Sequence[str | Condition] | None = None,
    terms: dict | None = None,
    agenda_item: AgendaItem | None = None,
    by=None,
) -> ExtensionRequest:
    """Record the plenary's recommendation on a request at a part ("recommended to grant
    until D"), with the reporting conditions (a), (b), ... under Article 7, the terms
    the report states it in (`ExtensionRequest.terms`) and its agenda item.

    Steps: check the person is the Secretariat; lock the undecided request; check the
    part is of the meeting the request is before (which it becomes if none); a
    recommendation to grant names a deadline within the article's maximum and not after
    the one requested; the day is a day of the part; replace the conditions if given.
    """
    if by is not None and not by.has_perm("decisions.recommend_extension", request):
        raise PermissionDenied(NOT_THE_SECRETARIAT)
    request = _lock_undecided(request)
    if recommendation not in Recommendation.values:
        raise _invalid(
            "recommendation",
            RECOMMENDATION_UNKNOWN.format(
                choices=", ".join(Recommendation.values), value=recommendation
            ),
        )
    _check_part(request, part)
    if recommendation == Recommendation.GRANT:
        if until is None:
            raise _invalid("until", GRANT_NEEDS_DEADLINE)
        _check_until(request, until, "until")
    elif until is not None:
        raise _invalid("until", REFUSAL_HAS_NO_DEADLINE)
    _check_day_of_part("recommended_on", recommended_on, part)
    if terms is not None:
        request.terms = _check_terms(terms)
    if agenda_item is not None:
        if agenda_item.meeting_id != part.meeting_id:
            raise _invalid(
                "agenda_item", ITEM_ELSEWHERE.format(item=agenda_item, meeting=part.meeting)
            )
        request.agenda_item = agenda_item
    request.meeting_id = part.meeting_id
    request.recommendation = recommendation
    request.recommended_at = part
    request.recommended_on = recommended_on
    request.recommended_deadline = until
    attribute(request, by=by, reason="Recommendation recorded")
    request.save()
    if conditions is not None:
        _set_conditions(request, conditions, by)
    return request


def _conditions_text(request: ExtensionRequest) -> str:
    return "\n".join(str(condition) for condition in request.conditions.all())


@transaction.atomic
def decide_extension_request(
    *,
    request: ExtensionRequest,
    decision: str,
    part: MeetingPart | None = None,
    procedure: SilenceProcedure | None = None,
    until: date | None = None,
    decided_on: date | None = None,
    conditions: Sequence[str | Condition] | None = None,
    extension: Extension | None = None,
    source: str = "",
    by=None,
) -> ExtensionRequest:
    """Record the States Parties' decision on a request: granted until D, or refused,
    in plenary at `part`, or by the adopted silence `procedure` (decided on the day its
    silence ended; a grant by default to the deadline recommended, else requested).

    Steps: check the person is the Secretariat (or the system concluding a procedure);
    lock the undecided request; check the part and the day, or the procedure's
    convention; a grant names its deadline (by default the one recommended),
    within the article's maximum and not after the one requested; replace the
    conditions if given; on a grant, extend the obligation through
    `treaties.services.grant_extension` (which keeps the old deadline in its history) —
    or, for a decision of the past already in the registry, link that `extension`.
    """
    if by is not None and not by.has_perm("decisions.decide_extension_request", request):
        raise PermissionDenied(NOT_THE_SECRETARIAT)
    request = _lock_undecided(request)
    if decision not in RequestDecision.values:
        raise _invalid(
            "decision",
            DECISION_UNKNOWN.format(choices=", ".join(RequestDecision.values), value=decision),
        )
    if (part is None) == (procedure is None):
        raise _invalid("part", PART_OR_PROCEDURE)
    if part is not None:
        _check_part(request, part)
        _check_day_of_part("decided_on", decided_on, part)
        decided_in = str(part.meeting)
    else:
        convention = request.obligation.convention
        if procedure.convention_id != convention.pk:
            raise _invalid(
                "procedure",
                PROCEDURE_OF_ANOTHER_CONVENTION.format(
                    other=procedure.convention, convention=convention
                ),
            )
        # A silence procedure decides on the day its silence ends, in its own zone.
        decided_on = procedure.deadline_date
        decided_in = f"silence procedure of {procedure.period_in_english}"
    if decision == RequestDecision.GRANTED:
        until = (
            until
            or request.recommended_deadline
            or (request.requested_deadline if procedure is not None else None)
        )
        if until is None:
            raise _invalid("until", GRANT_NEEDS_DEADLINE)
        _check_until(request, until, "until")
    elif until is not None:
        raise _invalid("until", REFUSAL_HAS_NO_DEADLINE)
    if conditions is not None:
        _set_conditions(request, conditions, by)
    if decision == RequestDecision.GRANTED:
        if extension is not None:
            if extension.obligation_id != request.obligation_id or extension.new_deadline != until:
                raise _invalid(
                    "extension",
                    EXTENSION_MISMATCH.format(
                        actual=long_date(extension.new_deadline), given=long_date(until)
                    ),
                )
            if ExtensionRequest.objects.filter(extension=extension).exists():
                raise _invalid("extension", EXTENSION_ALREADY_LINKED)
        else:
            obligation = request.obligation
            if obligation.current_deadline != request.current_deadline:
                raise _invalid(
                    "until",
                    DEADLINE_MOVED.format(
                        current=long_date(obligation.current_deadline),
                        requested=long_date(request.current_deadline),
                    ),
                )
            extension = grant_extension(
                obligation=obligation,
                new_deadline=until,
                meeting=decided_in,
                decided_on=decided_on,
                decision_document=request.draft_decision_document,
                conditions=_conditions_text(request),
                source=source
                or (
                    f"Decision recorded in plenary: {part}"
                    if part is not None
                    else f"Decided by silence procedure: {procedure.subject}"
                ),
                by=by,
            )
        request.extension = extension
        request.granted_deadline = until
    if part is not None:
        request.meeting_id = part.meeting_id
    request.decision = decision
    request.decided_at = part
    request.decided_by_procedure = procedure
    request.decided_on = decided_on
    attribute(request, by=by, reason=f"Decision: {decision}")
    request.save()
    return request
