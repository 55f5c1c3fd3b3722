"""Every read of the Article 7 reports: the register, a State's reports, one report.

A draft is read only by its State's Delegation; a submitted report by whoever its
visibility lets read it (`reports/permissions.py`). Each selector runs a fixed number of
queries, whatever the number of reports or forms.
"""

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.db.models import Prefetch, Q

from plenary.core.convention_texts import label
from plenary.core.permissions import within
from plenary.reports.models import FormEntry, Report, ReportVersion, VersionStatus, Visibility
from plenary.treaties.models import Convention


class ReportNotFound(LookupError):
    """No report of that number under that convention (views and the API answer 404)."""


def today_for(convention: Convention) -> date:
    """Today in the convention's secretariat's time zone: the date plenary gives a receipt."""
    return datetime.now(ZoneInfo(convention.time_zone)).date()


def reads_restricted(*, user, convention: Convention) -> bool:
    """Whether `user` reads every submitted report, restricted ones too (the Secretariat,
    the ISU, a State Party's Delegation)."""
    return user.has_perm("reports.view_report", within(convention))


@dataclass
class ReportView:
    """A report as one user may see it: its submitted versions, the current one, and the
    open draft when the user is of its State."""

    report: Report
    versions: list[ReportVersion]
    current: ReportVersion | None
    draft: ReportVersion | None
    forms: list = field(default_factory=list)


def _with_versions(reports):
    return reports.select_related("state", "receipt", "convention").prefetch_related(
        Prefetch(
            "versions",
            queryset=ReportVersion.objects.order_by("number").prefetch_related(
                Prefetch("entries", queryset=FormEntry.objects.order_by("form"))
            ),
        )
    )


def _view(report: Report, *, user, restricted: bool | None = None) -> ReportView | None:
    versions = list(report.versions.all())
    submitted = [v for v in versions if v.status == VersionStatus.SUBMITTED]
    draft = next((v for v in versions if v.is_draft), None)
    own = user.has_perm("reports.view_draft", report)
    if restricted is None:
        restricted = reads_restricted(user=user, convention=report.convention)
    readable = report.visibility == Visibility.PUBLIC or restricted or own
    if not own:
        draft = None
    if not (submitted and readable) and draft is None:
        return None
    return ReportView(
        report=report,
        versions=submitted if readable else [],
        current=submitted[-1] if submitted and readable else None,
        draft=draft,
        # The forms' names in the reader's language (core/convention_texts.py).
        forms=[
            replace(form, name=label(report.convention.rules, form.name).text)
            for form in report.convention.rules.reporting.forms
        ],
    )


def report_for(*, convention: Convention, pk: int, user) -> ReportView:
    """One report as `user` may read it; ReportNotFound when there is none or they may not
    read any of it (a draft of another State is not found)."""
    report = _with_versions(Report.objects.filter(convention=convention, pk=pk)).first()
    if report is None:
        raise ReportNotFound(pk)
    view = _view(report, user=user)
    if view is None:
        raise ReportNotFound(pk)
    return view


def register(
    *, convention: Convention, user, year: int | None = None, iso3: str | None = None
) -> list[ReportView]:
    """The submitted reports `user` may read, by State and year: the public register for
    the public, every report for the Secretariat, the ISU and the States Parties."""
    restricted = reads_restricted(user=user, convention=convention)
    reports = Report.objects.filter(convention=convention, versions__status=VersionStatus.SUBMITTED)
    if not restricted:
        reports = reports.filter(visibility=Visibility.PUBLIC)
    if year:
        reports = reports.filter(
            Q(year_covered=year) | Q(year_covered__isnull=True, receipt__received_on__year=year)
        )
    if iso3:
        reports = reports.filter(state__iso3=iso3.upper())
    rows = []
    for report in _with_versions(
        reports.distinct().order_by("state__name", "kind", "year_covered")
    ):
        view = _view(report, user=user, restricted=restricted)
        if view is not None and view.current is not None:
            view.draft = None
            rows.append(view)
    return rows


def reports_of_state(*, convention: Convention, state, user) -> list[ReportView]:
    """A State's reports as `user` may read them: with its drafts for its own Delegation."""
    restricted = reads_restricted(user=user, convention=convention)
    reports = _with_versions(
        Report.objects.filter(convention=convention, state=state).order_by("kind", "year_covered")
    )
    return [
        view
        for report in reports
        if (view := _view(report, user=user, restricted=restricted)) is not None
    ]
