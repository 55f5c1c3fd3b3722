"""/api/v1/{convention}/states, /obligations, /transparency-reports: the treaty registry."""

from datetime import date
from typing import Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, Router, Schema, Status

from plenary.api.auth import SIGNED_IN
from plenary.api.errors import ErrorOut
from plenary.api.pagination import paged
from plenary.api.params import ConventionSlug
from plenary.core.permissions import within
from plenary.treaties import selectors, services
from plenary.treaties.models import Obligation, State

router = Router(tags=["treaty registry"])

ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}
ON = "The date the answer is for, YYYY-MM-DD; today when omitted."
NO_SUCH_STATE = "no State has the ISO 3166 code {code!r}"


class StateOut(Schema):
    name: str
    iso3: str
    status: Literal["state_party", "signatory", "not_party"]
    signature: date | None
    deposit: date | None
    instrument: str | None
    entry_into_force: date | None


ObligationCode = Literal["stockpile_destruction", "clearance", "initial_report", "annual_report"]


class ObligationOut(Schema):
    state: str
    iso3: str
    article: int = Field(description="The article of this convention (CCM 3, APMBC 4, ...).")
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
    }


def _report_out(report) -> dict:
    return {
        "id": report.pk,
        "state": report.state.name,
        "iso3": report.state.iso3,
        "kind": report.kind,
        "year_covered": report.year_covered,
        "received_on": report.received_on,
        "document": report.document,
    }


@router.get("/states", response={200: list[StateOut], **ERRORS})
@paged
def list_states(
    request,
    convention: ConventionSlug,
    on: date | None = None,
    status: Literal["state_party", "signatory", "not_party"] | None = None,
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
        raise ValidationError({"state": [NO_SUCH_STATE.format(code=payload.state)]})
    if not request.auth.has_perm("treaties.submit_transparency_report", within(convention, state)):
        raise PermissionDenied("You may record Article 7 reports only for your own State.")
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
        raise PermissionDenied("Only the Secretariat records extensions.")
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
