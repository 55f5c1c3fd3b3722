"""/api/v1/{convention}/states, /obligations, /transparency-reports: the treaty registry."""

from datetime import date
from typing import Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from ninja import Field, Router, Schema, Status

from plenary.api.auth import SIGNED_IN
from plenary.api.errors import ErrorOut
from plenary.api.pagination import paged
from plenary.api.params import ConventionSlug
from plenary.core.permissions import within
from plenary.treaties import selectors, services
from plenary.treaties.models import Obligation, State

TreatyStatus = Literal["state_party", "deposited", "signatory", "not_party"]

router = Router(tags=["treaty registry"])

ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}
ON = "The date the answer is for, YYYY-MM-DD; today when omitted."
NO_SUCH_STATE = _("no State has the ISO 3166 code %(code)r")


class StateOut(Schema):
    name: str = Field(
        description="The UN's short name in the request's language (Accept-Language: fr, es, "
        "ar, zh-hans, ru), in English where the UN's list gives none"
    )
    iso3: str
    status: TreatyStatus
    signature: date | None
    deposit: date | None
    instrument: str | None
    entry_into_force: date | None
    provisional_application: date | None = Field(
        None, description="The day it declared provisional application, if it did (on `on`)."
    )
    applies_provisionally: bool = Field(
        False, description="Whether it applies provisionally on `on`, pending entry into force."
    )


ObligationCode = Literal["stockpile_destruction", "clearance", "initial_report", "annual_report"]


class ObligationOut(Schema):
    state: str
    iso3: str
    article: int = Field(description="The article of this convention (e.g. CCM 3, APMBC 4).")
    obligation: ObligationCode = Field(description="The obligation's neutral code.")
    original_deadline: date
    current_deadline: date
    status: Literal["pending", "completed", "overdue", "no_record"] = Field(
        description="no_record: a report due before the record of reports is complete, "
        "not on record (never counted overdue)."
    )


class TransparencyReportOut(Schema):
    id: int
    state: str
    iso3: str
    kind: Literal["initial", "annual"]
    year_covered: int | None
    received_on: date
    # True: the sources say only that it had been received by `received_on`.
    received_by_only: bool = False
    document: str


class TransparencyReportIn(Schema):
    state: str = Field(description="ISO 3166 alpha-3 code of the reporting State")
    kind: Literal["initial", "annual"]
    year_covered: int | None = None
    received_on: date
    document: str = ""


class ExtensionIn(Schema):
    new_deadline: date
    meeting: str = Field(min_length=1)
    source: str = Field(min_length=1)
    decided_on: date | None = None
    decision_document: str = ""
    conditions: str = ""
    months: int | None = None


class ExtensionOut(Schema):
    id: int
    previous_deadline: date
    new_deadline: date
    months: int
    meeting: str
    decided_on: date | None


def _today(on: date | None) -> date:
    return on or timezone.localdate()


def _state_out(standing) -> dict:
    return {
        "name": standing.name,
        "iso3": standing.iso3,
        "status": standing.status,
        "signature": standing.signed_on,
        "deposit": standing.deposited_on,
        "instrument": standing.instrument or None,
        "entry_into_force": standing.entry_into_force,
        "provisional_application": standing.provisional_application_from,
        "applies_provisionally": standing.applies_provisionally,
    }


def _report_out(report) -> dict:
    return {
        "id": report.pk,
        "state": report.state.local_name,
        "iso3": report.state.iso3,
        "kind": report.kind,
        "year_covered": report.year_covered,
        "received_on": report.received_on,
        "received_by_only": report.received_by_only,
        "document": report.document,
    }


@router.get("/states", response={200: list[StateOut], **ERRORS})
@paged
def list_states(
    request,
    convention: ConventionSlug,
    on: date | None = None,
    status: TreatyStatus | None = None,
):
    """Every State with its status towards the convention on `on`."""
    convention = selectors.convention_named(convention)
    standings = selectors.states_on(convention=convention, on=_today(on), status=status)
    return [_state_out(s) for s in standings]


@router.get("/states/{iso3}", response={200: StateOut, **ERRORS})
def get_state(request, convention: ConventionSlug, iso3: str, on: date | None = None):
    convention = selectors.convention_named(convention)
    return _state_out(selectors.state_standing(convention=convention, iso3=iso3, on=_today(on)))


@router.get("/states/{iso3}/obligations", response={200: list[ObligationOut], **ERRORS})
@paged
def state_obligations(request, convention: ConventionSlug, iso3: str, on: date | None = None):
    convention = selectors.convention_named(convention)
    selectors.state_standing(convention=convention, iso3=iso3, on=_today(on))
    rows = selectors.obligations_on(convention=convention, on=_today(on), iso3=iso3)
    return [row.as_dict() for row in rows]


@router.get("/obligations", response={200: list[ObligationOut], **ERRORS})
@paged
def list_obligations(
    request,
    convention: ConventionSlug,
    on: date | None = None,
    article: int | None = None,
    obligation: ObligationCode | None = None,
    status: Literal["pending", "completed", "overdue", "no_record"] | None = None,
):
    """The obligations of every State Party on `on`: stockpile destruction, clearance and
    transparency reports; optionally of one article of the convention or one neutral code."""
    convention = selectors.convention_named(convention)
    rows = selectors.obligations_on(
        convention=convention,
        on=_today(on),
        article=article,
        obligation=obligation,
        status=status,
    )
    return [row.as_dict() for row in rows]


@router.get("/transparency-reports", response={200: list[TransparencyReportOut], **ERRORS})
@paged
def list_transparency_reports(
    request, convention: ConventionSlug, on: date | None = None, state: str | None = None
):
    """Article 7 reports received by `on` (all when omitted), optionally of one State."""
    convention = selectors.convention_named(convention)
    reports = selectors.transparency_reports(convention=convention, on=on, iso3=state)
    return [_report_out(r) for r in reports]


@router.post(
    "/transparency-reports",
    response={201: TransparencyReportOut, **ERRORS},
    auth=SIGNED_IN,
)
def submit_transparency_report(request, convention: ConventionSlug, payload: TransparencyReportIn):
    """Record an Article 7 report: the Secretariat for any State, a Delegation for its own."""
    convention = selectors.convention_named(convention)
    state = State.objects.filter(iso3=payload.state.upper()).first()
    if state is None:
        raise ValidationError({"state": [NO_SUCH_STATE % {"code": payload.state}]})
    if not request.auth.has_perm("treaties.submit_transparency_report", within(convention, state)):
        raise PermissionDenied(_("You may record transparency reports only for your own State."))
    report = services.record_transparency_report(
        convention=convention,
        state=state,
        kind=payload.kind,
        year_covered=payload.year_covered,
        received_on=payload.received_on,
        document=payload.document,
        today=timezone.localdate(),
        by=request.auth,
    )
    return Status(201, _report_out(report))


@router.post(
    "/obligations/{obligation_id}/extensions",
    response={201: ExtensionOut, **ERRORS},
    auth=SIGNED_IN,
)
def grant_extension(request, convention: ConventionSlug, obligation_id: int, payload: ExtensionIn):
    """Record an extension the States Parties granted (the Secretariat keeps the record)."""
    convention = selectors.convention_named(convention)
    obligation = get_object_or_404(Obligation, pk=obligation_id, convention=convention)
    if not request.auth.has_perm("treaties.grant_extension", obligation):
        raise PermissionDenied(_("Only the Secretariat records extensions."))
    extension = services.grant_extension(obligation=obligation, by=request.auth, **payload.dict())
    return Status(
        201,
        {
            "id": extension.pk,
            "previous_deadline": extension.previous_deadline,
            "new_deadline": extension.new_deadline,
            "months": extension.months,
            "meeting": extension.meeting,
            "decided_on": extension.decided_on,
        },
    )


# The depositary's record, kept by the Secretariat (issue 17).
class ParticipationOut(Schema):
    iso3: str
    status: TreatyStatus
    signed_on: date | None
    deposited_on: date | None
    instrument: str | None
    entry_into_force: date | None
    withdrawal_effective_on: date | None
    provisional_application: date | None
    applies_provisionally: bool


class SignatureIn(Schema):
    signed_on: date
    notification: str = Field(description="The depositary notification (C.N.) reference.")


class DepositIn(Schema):
    instrument: Literal["ratification", "acceptance", "approval", "accession", "succession"]
    deposited_on: date
    notification: str = Field(description="The depositary notification (C.N.) reference.")


class WithdrawalIn(Schema):
    received_on: date = Field(description="The day the Depositary received the instrument.")
    notification: str = Field(description="The depositary notification (C.N.) reference.")
    armed_conflict_ends_on: date | None = Field(
        None, description="The end of an armed conflict the State is engaged in, if any."
    )


class ParticipationCorrectionIn(Schema):
    reason: str = Field(min_length=1, description="Why the record is corrected.")
    signed_on: date | None = None
    signature_source: str = ""
    deposited_on: date | None = None
    instrument: str = ""
    deposit_source: str = ""
    withdrawal_effective_on: date | None = None
    withdrawal_source: str = ""
    provisional_application_from: date | None = None
    provisional_application_source: str = ""


class ProvisionalApplicationIn(Schema):
    declared_on: date = Field(description="The day of the declaration: the deposit's.")
    notification: str = Field(description="The depositary notification (C.N.) reference.")


class CorrectionIn(Schema):
    action: Literal["signature", "deposit", "withdrawal", "provisional_application"]
    on: date = Field(
        description="The corrected date (for a withdrawal, the day the Depositary received it)."
    )
    reason: str = Field(description="Why the record is corrected.")
    instrument: Literal["", "ratification", "acceptance", "approval", "accession", "succession"] = (
        Field("", description="A deposit's corrected kind of instrument; empty keeps it.")
    )
    notification: str = Field("", description="The corrected notification; empty keeps it.")
    armed_conflict_ends_on: date | None = None


class CompletionIn(Schema):
    completed_on: date
    source: str = Field(description="The declaration, its document or the meeting.")


class ObligationIn(Schema):
    state: str = Field(description="ISO 3166 alpha-3 code of the State Party")
    obligation: Literal["stockpile_destruction", "clearance"]
    source: str = Field(min_length=1)
    reason: str = Field(min_length=1, description="Why it is recorded or corrected.")
    end_of_active_hostilities: date | None = None
    completed_on: date | None = None
    completed_by: date | None = None
    completion_note: str = ""


class HeldObligationOut(Schema):
    id: int
    iso3: str
    obligation: str
    original_deadline: date
    current_deadline: date
    completed_on: date | None


def _state_named(iso3: str) -> State:
    state = State.objects.filter(iso3=iso3.upper()).first()
    if state is None:
        raise ValidationError({"state": [NO_SUCH_STATE % {"code": iso3}]})
    return state


def _participation_out(convention, state) -> dict:
    standing = selectors.state_standing(
        convention=convention, iso3=state.iso3, on=timezone.localdate()
    )
    return {
        "iso3": state.iso3,
        "status": standing.status,
        "signed_on": standing.signed_on,
        "deposited_on": standing.deposited_on,
        "instrument": standing.instrument or None,
        "entry_into_force": standing.entry_into_force,
        "withdrawal_effective_on": standing.withdrawal_effective_on,
        "provisional_application": standing.provisional_application_from,
        "applies_provisionally": standing.applies_provisionally,
    }


def _obligation_out(obligation) -> dict:
    return {
        "id": obligation.pk,
        "iso3": obligation.state.iso3,
        "obligation": obligation.kind,
        "original_deadline": obligation.original_deadline,
        "current_deadline": obligation.current_deadline,
        "completed_on": obligation.completion_date,
    }


@router.post("/states/{iso3}/signature", response={201: ParticipationOut, **ERRORS}, auth=SIGNED_IN)
def record_signature(request, convention: ConventionSlug, iso3: str, payload: SignatureIn):
    """Record a State's signature as the depositary notified it (the Secretariat)."""
    convention = selectors.convention_named(convention)
    state = _state_named(iso3)
    services.record_signature(
        convention=convention,
        state=state,
        by=request.auth,
        today=timezone.localdate(),
        **payload.dict(),
    )
    return Status(201, _participation_out(convention, state))


def _record(service, request, convention: str, iso3: str, payload):
    """Record one treaty action of the State through its service, as of today."""
    convention = selectors.convention_named(convention)
    state = _state_named(iso3)
    service(
        convention=convention,
        state=state,
        by=request.auth,
        today=timezone.localdate(),
        **payload.dict(),
    )
    return convention, state


@router.post("/states/{iso3}/deposit", response={201: ParticipationOut, **ERRORS}, auth=SIGNED_IN)
def record_deposit(request, convention: ConventionSlug, iso3: str, payload: DepositIn):
    """Record the deposit of an instrument: ratification, acceptance or approval for a
    signatory, accession (or succession) for a State that did not sign (the Secretariat)."""
    convention, state = _record(services.record_deposit, request, convention, iso3, payload)
    return Status(201, _participation_out(convention, state))


@router.post(
    "/states/{iso3}/withdrawal", response={201: ParticipationOut, **ERRORS}, auth=SIGNED_IN
)
def record_withdrawal(request, convention: ConventionSlug, iso3: str, payload: WithdrawalIn):
    """Record an instrument of withdrawal; it takes effect by the convention's rule."""
    convention, state = _record(services.record_withdrawal, request, convention, iso3, payload)
    return Status(201, _participation_out(convention, state))


@router.post(
    "/states/{iso3}/provisional-application",
    response={201: ParticipationOut, **ERRORS},
    auth=SIGNED_IN,
)
def record_provisional_application(
    request, convention: ConventionSlug, iso3: str, payload: ProvisionalApplicationIn
):
    """Record a State's declaration, with its instrument, that it applies provisionally what
    the convention provides (e.g. CCM Article 18: Article 1) pending entry into force."""
    convention, state = _record(
        services.record_provisional_application, request, convention, iso3, payload
    )
    return Status(201, _participation_out(convention, state))


@router.post(
    "/states/{iso3}/correction", response={200: ParticipationOut, **ERRORS}, auth=SIGNED_IN
)
def correct_treaty_action(request, convention: ConventionSlug, iso3: str, payload: CorrectionIn):
    """Correct one treaty action on record (date, kind of instrument, notification) with the
    reason; entry into force and deadlines recompute (the Secretariat)."""
    convention, state = _record(services.correct_treaty_action, request, convention, iso3, payload)
    return _participation_out(convention, state)


@router.put(
    "/states/{iso3}/participation", response={200: ParticipationOut, **ERRORS}, auth=SIGNED_IN
)
def correct_participation(
    request, convention: ConventionSlug, iso3: str, payload: ParticipationCorrectionIn
):
    """Correct a State's whole depositary record, with the reason (the Secretariat)."""
    convention = selectors.convention_named(convention)
    state = _state_named(iso3)
    services.record_participation(
        convention=convention, state=state, by=request.auth, **payload.dict()
    )
    return _participation_out(convention, state)


@router.put("/obligations", response={200: HeldObligationOut, **ERRORS}, auth=SIGNED_IN)
def record_obligation(request, convention: ConventionSlug, payload: ObligationIn):
    """Record or correct a State Party's stockpile destruction or clearance obligation."""
    convention = selectors.convention_named(convention)
    values = payload.dict()
    state = _state_named(values.pop("state"))
    obligation = services.record_obligation(
        convention=convention, state=state, kind=values.pop("obligation"), by=request.auth, **values
    )
    return _obligation_out(obligation)


@router.post(
    "/obligations/{obligation_id}/completion",
    response={201: HeldObligationOut, **ERRORS},
    auth=SIGNED_IN,
)
def declare_completion(
    request, convention: ConventionSlug, obligation_id: int, payload: CompletionIn
):
    """Record a State Party's declaration that it completed the obligation."""
    convention = selectors.convention_named(convention)
    obligation = get_object_or_404(Obligation, pk=obligation_id, convention=convention)
    obligation = services.declare_completion(
        obligation=obligation, by=request.auth, today=timezone.localdate(), **payload.dict()
    )
    return Status(201, _obligation_out(obligation))
