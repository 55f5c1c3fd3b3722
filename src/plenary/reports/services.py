"""Every write to a State's Article 7 reports: one function per state change, atomic.

Pages, the API and the commands call these; each checks the acting user's permission
(`reports/permissions.py`). A Delegation never sets the date a report is received: plenary
sets it (`today`, in the secretariat's time zone) when an approver submits the report, and
only the Secretariat records another date, for a report received by e-mail or on paper.
"""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from plenary.core.audit import attribute
from plenary.core.permissions import within
from plenary.core.validation import check_may, invalid
from plenary.reports.models import (
    Channel,
    FormEntry,
    FormStatus,
    Report,
    ReportVersion,
    VersionStatus,
    Visibility,
)
from plenary.treaties import services as registry
from plenary.treaties.models import Convention, Participation, ReportKind, State, TransparencyReport

MAY_NOT_DRAFT = _("Only a drafter, an approver or the focal point of {state} drafts its reports.")
MAY_NOT_SUBMIT = _("Only an approver or the focal point of {state} submits its reports.")
MAY_NOT_RECEIVE = _("Only the Secretariat records a report received by e-mail or on paper.")
MAY_NOT_PROCESS = _("Only the Secretariat marks a submission processed.")
NOT_A_PARTY = _("the Convention is not in force for {state}: it has deposited no instrument")
ALREADY_REPORTED = _("{state} already has this report: revise it instead")
ANNUAL_NEEDS_YEAR = _("an annual report covers a calendar year: give the year")
INITIAL_HAS_NO_YEAR = _("an initial report covers no calendar year: leave the year empty")
UNKNOWN_KIND = _("must be one of: initial, annual")
UNKNOWN_VISIBILITY = _("must be one of: public, states_parties")
UNKNOWN_CHANNEL = _("must be one of: email, paper")
UNKNOWN_FORM = _("the reporting template has no form {form}")
UNKNOWN_STATUS = _("must be one of: changed, unchanged, not_applicable")
LOCKED = _("this version is submitted and locked: revise the report to change it")
NOT_A_DRAFT = _("this version is not a draft")
DRAFT_OPEN = _("a revision of this report is already being drafted")
NOTHING_SUBMITTED = _("only a submitted report can be revised")
NOT_SUBMITTED = _("only a submitted version can be recalled")
PROCESSED = _("the Secretariat has processed this submission: it can no longer be recalled")
ALREADY_PROCESSED = _("this submission is already processed")
UNCHANGED_NEEDS_YEAR = _("form {form}: give the year of the report it is unchanged since")
UNCHANGED_YEAR_LATER = _("form {form}: the year it is unchanged since cannot be after {year}")
NOT_APPLICABLE_NEEDS_STATEMENT = _("form {form}: state why the form does not apply")
RECEIPT_BY_PLENARY = _(
    "the date a report is received is set by plenary when it is submitted, never by a Delegation"
)


def _form_codes(convention: Convention) -> list[str]:
    return [form.code for form in convention.rules.reporting.forms]


def _check_kind(kind: str, year_covered: int | None) -> None:
    if kind not in ReportKind.values:
        raise invalid("kind", str(UNKNOWN_KIND))
    if kind == ReportKind.ANNUAL and year_covered is None:
        raise invalid("year_covered", str(ANNUAL_NEEDS_YEAR))
    if kind == ReportKind.INITIAL and year_covered is not None:
        raise invalid("year_covered", str(INITIAL_HAS_NO_YEAR))


def _check_unreported(*, convention: Convention, state: State, kind: str, year: int | None):
    if not Participation.objects.filter(
        convention=convention, state=state, deposited_on__isnull=False
    ).exists():
        raise invalid("state", str(NOT_A_PARTY).format(state=state))
    for model in (Report, TransparencyReport):
        found = model.objects.filter(convention=convention, state=state, kind=kind)
        if kind == ReportKind.ANNUAL:
            found = found.filter(year_covered=year)
        if found.exists():
            raise invalid("kind", str(ALREADY_REPORTED).format(state=state))


@transaction.atomic
def start_report(
    *,
    convention: Convention,
    state: State,
    kind: str,
    visibility: str = Visibility.PUBLIC,
    year_covered: int | None = None,
    by,
) -> Report:
    """Open a State's report as a private draft, one entry per form of the template.

    Steps: check the user drafts for the State; check the kind, year and visibility;
    refuse a report the State already has (drafted or on record); create the report, its
    first version and an empty entry per form.
    """
    check_may(
        by,
        "reports.draft_report",
        str(MAY_NOT_DRAFT).format(state=state),
        within(convention, state),
    )
    _check_kind(kind, year_covered)
    if visibility not in Visibility.values:
        raise invalid("visibility", str(UNKNOWN_VISIBILITY))
    _check_unreported(convention=convention, state=state, kind=kind, year=year_covered)
    report = attribute(
        Report(
            convention=convention,
            state=state,
            kind=kind,
            year_covered=year_covered,
            visibility=visibility,
        ),
        by=by,
    )
    report.save()
    version = attribute(ReportVersion(report=report, number=1), by=by)
    version.save()
    for code in _form_codes(convention):
        attribute(FormEntry(version=version, form=code), by=by).save()
    return report


def _locked_version(version: ReportVersion) -> ReportVersion:
    return (
        ReportVersion.objects.select_for_update(of=("self",))
        .select_related("report__convention", "report__state", "report__receipt")
        .get(pk=version.pk)
    )


@transaction.atomic
def save_draft(
    *,
    version: ReportVersion,
    forms: dict[str, dict],
    by,
    visibility: str | None = None,
    received_on: date | None = None,
) -> ReportVersion:
    """Save what the State's drafters wrote so far: for each form given, its status
    (changed, unchanged since a year, not applicable) and its content.

    Steps: lock the version; check the user drafts for the State; refuse a receipt date;
    check the version is a draft; check each form's code and status; save the entries that changed.
    """
    version = _locked_version(version)
    report = version.report
    check_may(by, "reports.draft_report", str(MAY_NOT_DRAFT).format(state=report.state), report)
    if received_on is not None:
        raise invalid("received_on", str(RECEIPT_BY_PLENARY))
    if not version.is_draft:
        raise invalid("version", str(LOCKED))
    if visibility is not None:
        if visibility not in Visibility.values:
            raise invalid("visibility", str(UNKNOWN_VISIBILITY))
        if visibility != report.visibility:
            report.visibility = visibility
            attribute(report, by=by).save()
    entries = {entry.form: entry for entry in version.entries.all()}
    for code, values in forms.items():
        entry = entries.get(code)
        if entry is None:
            raise invalid("forms", str(UNKNOWN_FORM).format(form=code))
        status = values.get("status", entry.status)
        if status not in FormStatus.values:
            raise invalid(f"form_{code}_status", str(UNKNOWN_STATUS))
        since = values.get("unchanged_since", entry.unchanged_since)
        new = {
            "status": status,
            "unchanged_since": since if status == FormStatus.UNCHANGED else None,
            "content": values.get("content", entry.content) or "",
        }
        if status == FormStatus.UNCHANGED and new["unchanged_since"] is None:
            raise invalid(
                f"form_{code}_unchanged_since", str(UNCHANGED_NEEDS_YEAR).format(form=code)
            )
        if any(getattr(entry, key) != value for key, value in new.items()):
            for key, value in new.items():
                setattr(entry, key, value)
            attribute(entry, by=by).save()
    return version


def _check_complete(version: ReportVersion) -> None:
    year = version.report.year_covered or 9999
    for entry in version.entries.all():
        if entry.status == FormStatus.UNCHANGED and entry.unchanged_since > year:
            raise invalid(
                f"form_{entry.form}_unchanged_since",
                str(UNCHANGED_YEAR_LATER).format(form=entry.form, year=year),
            )
        if entry.status == FormStatus.NOT_APPLICABLE and not entry.content.strip():
            raise invalid(
                f"form_{entry.form}_content",
                str(NOT_APPLICABLE_NEEDS_STATEMENT).format(form=entry.form),
            )


@transaction.atomic
def submit_report(
    *, version: ReportVersion, today: date, by, received_on: date | None = None
) -> ReportVersion:
    """Submit a draft for the State: it is locked and becomes the current version.

    Steps: lock the version; check the user approves for the State; refuse a receipt
    date given by the caller; check the version is a draft and each form (an unchanged
    form names a year not after the report's, a form not applicable says why); lock it
    as submitted on `today`; at the first submission, record the receipt the registry
    counts, received `today` (plenary's date, not the State's).
    """
    version = _locked_version(version)
    report = version.report
    check_may(by, "reports.submit_report", str(MAY_NOT_SUBMIT).format(state=report.state), report)
    if received_on is not None:
        raise invalid("received_on", str(RECEIPT_BY_PLENARY))
    if not version.is_draft:
        raise invalid("version", str(NOT_A_DRAFT))
    _check_complete(version)
    version.status = VersionStatus.SUBMITTED
    version.channel = Channel.ONLINE
    version.submitted_on = today
    version.submitted_by = by
    attribute(version, by=by, reason="Submitted").save()
    if report.receipt_id is None:
        receipt = attribute(
            TransparencyReport(
                convention=report.convention,
                state=report.state,
                kind=report.kind,
                year_covered=report.year_covered,
                received_on=today,
                source="Submitted online in plenary",
            ),
            by=by,
        )
        receipt.save()
        report.receipt = receipt
        attribute(report, by=by).save()
    return version


@transaction.atomic
def revise_report(*, report: Report, by) -> ReportVersion:
    """Open the next version as a draft; the submitted one stays current until it is
    submitted.

    Steps: lock the report; check the user drafts for the State; refuse when nothing is
    submitted yet or a revision is already open; copy every form of the current version,
    each marked unchanged since the current report's year (carried forward, pre-filled)
    unless it was not applicable.
    """
    report = (
        Report.objects.select_for_update(of=("self",))
        .select_related("receipt", "state")
        .get(pk=report.pk)
    )
    check_may(by, "reports.draft_report", str(MAY_NOT_DRAFT).format(state=report.state), report)
    versions = list(report.versions.order_by("number"))
    if any(v.is_draft for v in versions):
        raise invalid("report", str(DRAFT_OPEN))
    current = versions[-1] if versions else None
    if current is None:
        raise invalid("report", str(NOTHING_SUBMITTED))
    version = attribute(ReportVersion(report=report, number=current.number + 1), by=by)
    version.save()
    year = report.year or current.submitted_on.year
    for entry in current.entries.all():
        carried = entry.status != FormStatus.NOT_APPLICABLE
        attribute(
            FormEntry(
                version=version,
                form=entry.form,
                status=FormStatus.UNCHANGED if carried else entry.status,
                unchanged_since=(entry.unchanged_since or year) if carried else None,
                content=entry.content,
            ),
            by=by,
        ).save()
    return version


@transaction.atomic
def recall_report(*, version: ReportVersion, by) -> ReportVersion:
    """Take back a submission the Secretariat has not processed: it is a draft again.

    Steps: lock the version; check the user approves for the State; refuse a draft or a
    processed submission; make it a draft; when it was the first version, the receipt
    goes too (the report is no longer received).
    """
    version = _locked_version(version)
    report = version.report
    check_may(by, "reports.submit_report", str(MAY_NOT_SUBMIT).format(state=report.state), report)
    if version.is_draft:
        raise invalid("version", str(NOT_SUBMITTED))
    if version.processed_on is not None:
        raise invalid("version", str(PROCESSED))
    if report.versions.filter(number__gt=version.number).exists():
        raise invalid("version", str(DRAFT_OPEN))
    version.status = VersionStatus.DRAFT
    version.submitted_on = None
    version.submitted_by = None
    attribute(version, by=by, reason="Recalled").save()
    if version.number == 1 and report.receipt_id is not None:
        receipt = report.receipt
        report.receipt = None
        attribute(report, by=by).save()
        attribute(receipt, by=by, reason="Recalled by the State").delete()
    return version


@transaction.atomic
def process_report(*, version: ReportVersion, today: date, by) -> ReportVersion:
    """The Secretariat has processed a submission (transmitted, published): no recall.

    Steps: lock the version; check the Secretariat; refuse a draft or a processed one; save.
    """
    version = _locked_version(version)
    check_may(by, "reports.process_report", str(MAY_NOT_PROCESS), version.report)
    if version.is_draft:
        raise invalid("version", str(NOT_SUBMITTED))
    if version.processed_on is not None:
        raise invalid("version", str(ALREADY_PROCESSED))
    version.processed_on = today
    attribute(version, by=by, reason="Processed").save()
    return version


@transaction.atomic
def record_report_received(
    *,
    convention: Convention,
    state: State,
    kind: str,
    channel: str,
    received_on: date,
    today: date,
    by,
    year_covered: int | None = None,
    visibility: str = Visibility.PUBLIC,
    file=None,
    document: str = "",
) -> Report:
    """The Secretariat records a report received by e-mail or on paper: its file, the
    channel and the date received.

    Steps: check the Secretariat; check the channel and visibility; record the receipt in
    the registry (which checks the kind, year and date); keep the report as its first,
    submitted and processed version with the file.
    """
    check_may(by, "reports.record_received", str(MAY_NOT_RECEIVE), within(convention, state))
    if channel not in (Channel.EMAIL, Channel.PAPER):
        raise invalid("channel", str(UNKNOWN_CHANNEL))
    if visibility not in Visibility.values:
        raise invalid("visibility", str(UNKNOWN_VISIBILITY))
    _check_kind(kind, year_covered)
    if Report.objects.filter(
        convention=convention, state=state, kind=kind, year_covered=year_covered
    ).exists():
        raise invalid("kind", str(ALREADY_REPORTED).format(state=state))
    receipt = registry.record_transparency_report(
        convention=convention,
        state=state,
        kind=kind,
        year_covered=year_covered,
        received_on=received_on,
        today=today,
        document=document,
        source=f"Received by {channel}, recorded by the Secretariat",
        by=by,
    )
    report = attribute(
        Report(
            convention=convention,
            state=state,
            kind=kind,
            year_covered=year_covered,
            visibility=visibility,
            receipt=receipt,
        ),
        by=by,
    )
    report.save()
    version = ReportVersion(
        report=report,
        number=1,
        status=VersionStatus.SUBMITTED,
        channel=channel,
        submitted_on=received_on,
        processed_on=today,
    )
    if file is not None:
        version.file = file
    attribute(version, by=by, reason=f"Received by {channel}").save()
    return report
