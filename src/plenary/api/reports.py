"""/api/v1/{convention}/reports: Article 7 reports drafted, submitted and received.

The same services as the pages. A Delegation never sets the date a report was received:
a `received_on` in a draft or a submission is refused (422); plenary sets it when the
report is submitted, and only the Secretariat records another (`/reports/received`).
"""

from datetime import date
from typing import Literal

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from plenary.api.auth import SIGNED_IN
from plenary.api.errors import ErrorOut
from plenary.api.pagination import paged
from plenary.api.params import ConventionSlug
from plenary.reports import selectors, services, statistics
from plenary.treaties import selectors as registry

router = Router(tags=["transparency reports"])

ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


class FormEntryOut(Schema):
    form: str
    status: Literal["changed", "unchanged", "not_applicable"]
    unchanged_since: int | None
    content: str


class VersionOut(Schema):
    number: int
    status: Literal["draft", "submitted"]
    channel: Literal["online", "email", "paper"]
    submitted_on: date | None
    processed_on: date | None
    forms: list[FormEntryOut]


class ReportOut(Schema):
    id: int
    state: str
    iso3: str
    kind: Literal["initial", "annual"]
    year_covered: int | None
    visibility: Literal["public", "states_parties"]
    received_on: date | None = Field(description="Set by plenary, never by a Delegation.")
    current_version: int | None
    versions: list[VersionOut]
    draft: VersionOut | None = Field(description="Only for the reporting State's Delegation.")


class StartIn(Schema):
    state: str = Field(description="ISO 3166 alpha-3 code of the reporting State")
    kind: Literal["initial", "annual"]
    year_covered: int | None = None
    visibility: Literal["public", "states_parties"] = "public"


class FormEntryIn(Schema):
    status: Literal["changed", "unchanged", "not_applicable"] = "changed"
    unchanged_since: int | None = None
    content: str = ""


class DraftIn(Schema):
    forms: dict[str, FormEntryIn] = {}
    visibility: Literal["public", "states_parties"] | None = None
    received_on: date | None = Field(None, description="Refused: plenary sets it.")


class SubmitIn(Schema):
    received_on: date | None = Field(None, description="Refused: plenary sets it.")


class ReceivedIn(StartIn):
    channel: Literal["email", "paper"]
    received_on: date
    document: str = ""


def _version(version) -> dict:
    return {
        "number": version.number,
        "status": version.status,
        "channel": version.channel,
        "submitted_on": version.submitted_on,
        "processed_on": version.processed_on,
        "forms": [
            {
                "form": e.form,
                "status": e.status,
                "unchanged_since": e.unchanged_since,
                "content": e.content,
            }
            for e in version.entries.all()
        ],
    }


def _out(view) -> dict:
    report = view.report
    return {
        "id": report.pk,
        "state": report.state.local_name,
        "iso3": report.state.iso3,
        "kind": report.kind,
        "year_covered": report.year_covered,
        "visibility": report.visibility,
        "received_on": report.receipt.received_on if report.receipt_id else None,
        "current_version": view.current.number if view.current else None,
        "versions": [_version(v) for v in view.versions],
        "draft": _version(view.draft) if view.draft else None,
    }


def _view(request, convention, report_id: int):
    try:
        return selectors.report_for(convention=convention, pk=report_id, user=request.auth)
    except selectors.ReportNotFound:
        raise Http404(
            _("no report %(report_id)s you may read") % {"report_id": report_id}
        ) from None


def _again(request, convention, report_id: int) -> dict:
    return _out(_view(request, convention, report_id))


# Before /reports/{report_id}, which would otherwise take the path.
@router.post("/reports/received", response={201: ReportOut, **ERRORS}, auth=SIGNED_IN)
def record_received(request, convention: ConventionSlug, payload: ReceivedIn):
    """The Secretariat records a report received by e-mail or on paper, with its date."""
    convention = registry.convention_named(convention)
    state = registry.state_standing(
        convention=convention, iso3=payload.state, on=selectors.today_for(convention)
    ).state
    report = services.record_report_received(
        convention=convention,
        state=state,
        kind=payload.kind,
        year_covered=payload.year_covered,
        visibility=payload.visibility,
        channel=payload.channel,
        received_on=payload.received_on,
        document=payload.document,
        today=selectors.today_for(convention),
        by=request.auth,
    )
    return Status(201, _again(request, convention, report.pk))


class FigureOut(Schema):
    name: str
    label: str
    value: int | None
    of: int | None
    measured_on: date
    states: list[str]
    due: list[str]
    reason: str
    so_far: bool


class StatisticsOut(Schema):
    year: int
    figures: list[FigureOut]


@router.get("/reports/statistics", response={200: StatisticsOut, **ERRORS})
def report_statistics(
    request, convention: ConventionSlug, year: int = Query(..., ge=1900, le=2200)
):
    """The ISU's figures for a year: initial reports due and received on time, overdue
    initial reports, annual reports received by the annual deadline; a figure the record
    cannot give has no value and says why. A State whose report is restricted to the
    States Parties is counted for all, named only to those who read restricted reports."""
    convention = registry.convention_named(convention)
    figures = statistics.for_reader(
        statistics.year_statistics(
            convention=convention, year=year, today=selectors.today_for(convention)
        ),
        convention=convention,
        names_all=selectors.reads_restricted(user=request.auth, convention=convention),
    )
    return {"year": year, "figures": [figure.as_dict() for figure in figures]}


@router.get("/reports", response={200: list[ReportOut], **ERRORS})
@paged
def list_reports(
    request, convention: ConventionSlug, year: int | None = None, state: str | None = None
):
    """The register: the submitted reports the caller may read (public ones for anyone)."""
    convention = registry.convention_named(convention)
    return [
        _out(v)
        for v in selectors.register(convention=convention, user=request.auth, year=year, iso3=state)
    ]


@router.get("/reports/{report_id}", response={200: ReportOut, **ERRORS})
def get_report(request, convention: ConventionSlug, report_id: int):
    """One report: its submitted versions, and its draft for its own State's Delegation."""
    convention = registry.convention_named(convention)
    try:
        view = selectors.report_for(convention=convention, pk=report_id, user=request.auth)
    except selectors.ReportNotFound:
        raise Http404(
            _("no report %(report_id)s you may read") % {"report_id": report_id}
        ) from None
    return _out(view)


@router.post("/reports", response={201: ReportOut, **ERRORS}, auth=SIGNED_IN)
def start_report(request, convention: ConventionSlug, payload: StartIn):
    """Open a report as a draft private to the State (its drafter, approver or focal point)."""
    convention = registry.convention_named(convention)
    state = registry.state_standing(
        convention=convention, iso3=payload.state, on=selectors.today_for(convention)
    ).state
    report = services.start_report(
        convention=convention,
        state=state,
        kind=payload.kind,
        year_covered=payload.year_covered,
        visibility=payload.visibility,
        by=request.auth,
    )
    return Status(201, _again(request, convention, report.pk))


@router.put("/reports/{report_id}/draft", response={200: ReportOut, **ERRORS}, auth=SIGNED_IN)
def save_draft(request, convention: ConventionSlug, report_id: int, payload: DraftIn):
    """Save forms of the open draft (a drafter, an approver or the focal point of the State)."""
    convention = registry.convention_named(convention)
    view = _view(request, convention, report_id)
    if view.draft is None:
        raise Http404(
            _("report %(report_id)s has no draft you may change") % {"report_id": report_id}
        )
    services.save_draft(
        version=view.draft,
        forms={code: entry.dict() for code, entry in payload.forms.items()},
        visibility=payload.visibility,
        received_on=payload.received_on,
        by=request.auth,
    )
    return _again(request, convention, report_id)


@router.post("/reports/{report_id}/submit", response={200: ReportOut, **ERRORS}, auth=SIGNED_IN)
def submit_report(request, convention: ConventionSlug, report_id: int, payload: SubmitIn):
    """Submit the draft (an approver or the focal point); plenary sets the receipt date."""
    convention = registry.convention_named(convention)
    view = _view(request, convention, report_id)
    if view.draft is None:
        raise Http404(_("report %(report_id)s has no draft to submit") % {"report_id": report_id})
    services.submit_report(
        version=view.draft,
        today=selectors.today_for(convention),
        received_on=payload.received_on,
        by=request.auth,
    )
    return _again(request, convention, report_id)


@router.post("/reports/{report_id}/revise", response={200: ReportOut, **ERRORS}, auth=SIGNED_IN)
def revise_report(request, convention: ConventionSlug, report_id: int):
    """Open the next version as a draft, every form carried forward."""
    convention = registry.convention_named(convention)
    view = _view(request, convention, report_id)
    services.revise_report(report=view.report, by=request.auth)
    return _again(request, convention, report_id)


@router.post("/reports/{report_id}/recall", response={200: ReportOut, **ERRORS}, auth=SIGNED_IN)
def recall_report(request, convention: ConventionSlug, report_id: int):
    """Recall the current submission, until the Secretariat has processed it."""
    convention = registry.convention_named(convention)
    view = _view(request, convention, report_id)
    if view.current is None:
        raise Http404(
            _("report %(report_id)s has no submission to recall") % {"report_id": report_id}
        )
    services.recall_report(version=view.current, by=request.auth)
    return _again(request, convention, report_id)


@router.post("/reports/{report_id}/process", response={200: ReportOut, **ERRORS}, auth=SIGNED_IN)
def process_report(request, convention: ConventionSlug, report_id: int):
    """The Secretariat marks the current submission processed (no recall after it)."""
    convention = registry.convention_named(convention)
    view = _view(request, convention, report_id)
    if view.current is None:
        raise Http404(
            _("report %(report_id)s has no submission to process") % {"report_id": report_id}
        )
    services.process_report(
        version=view.current, today=selectors.today_for(convention), by=request.auth
    )
    return _again(request, convention, report_id)
