from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from plenary.core.permissions import within
from plenary.reports import render as files
from plenary.reports import selectors, services, statistics
from plenary.reports.forms import DraftForm, ReceivedReportForm, StartReportForm
from plenary.treaties import selectors as registry


def _show(form, error: ValidationError) -> None:
    """A refusal on the field it names, else above the form."""
    for key, messages_ in error.message_dict.items():
        form.add_error(key if key in form.fields else None, messages_)


def _report(convention, pk: int, user):
    try:
        return selectors.report_for(convention=convention, pk=pk, user=user)
    except selectors.ReportNotFound:
        raise Http404(_("No such report.")) from None


def _register_rows(request, convention):
    year = request.GET.get("year")
    return selectors.register(
        convention=convention,
        user=request.user,
        year=int(year) if year and year.isdigit() and 1900 <= int(year) <= 2200 else None,
        iso3=(request.GET.get("state") or "")[:3] or None,
    )


def register(request, convention):
    rows = _register_rows(request, convention)
    return render(request, "reports/register.html", {"rows": rows})


def register_csv(request, convention):
    """The register as CSV, as the reader may read it (the public: public reports)."""
    response = HttpResponse(
        files.register_csv(_register_rows(request, convention)), content_type="text/csv"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{convention.slug}-article-reports.csv"'
    )
    return response


def _download(view, body: bytes, content_type: str, extension: str) -> HttpResponse:
    report = view.report
    name = f"{report.convention.slug}-{report.state.iso3}-{report.kind}"
    if report.year_covered:
        name += f"-{report.year_covered}"
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}.{extension}"'
    return response


def report_docx(request, convention, pk: int):
    """The report's current version (or the reader's own draft) as .docx, form by form."""
    view = _report(convention, pk, request.user)
    return _download(
        view,
        files.report_docx(view),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "docx",
    )


def report_pdf(request, convention, pk: int):
    """The same as PDF, drawn in Python (no program the machine may lack)."""
    view = _report(convention, pk, request.user)
    return _download(view, files.report_pdf(view), "application/pdf", "pdf")


def _state(convention, iso3: str):
    return registry.state_standing(
        convention=convention, iso3=iso3, on=selectors.today_for(convention)
    ).state


def state_reports(request, convention, iso3: str, start_form=None, received_form=None):
    state = _state(convention, iso3)
    scope = within(convention, state)
    can_draft = request.user.has_perm("reports.draft_report", scope)
    can_receive = request.user.has_perm("reports.record_received", scope)
    return render(
        request,
        "reports/state.html",
        {
            "state": state,
            "rows": selectors.reports_of_state(
                convention=convention, state=state, user=request.user
            ),
            "start_form": (start_form or StartReportForm()) if can_draft else None,
            "received_form": (received_form or ReceivedReportForm()) if can_receive else None,
        },
        status=422 if (start_form or received_form) else 200,
    )


@require_POST
def start_report(request, convention, iso3: str):
    state = _state(convention, iso3)
    form = StartReportForm(request.POST)
    if form.is_valid():
        try:
            report = services.start_report(
                convention=convention, state=state, by=request.user, **form.cleaned_data
            )
        except PermissionDenied:
            raise
        except ValidationError as error:
            _show(form, error)
        else:
            messages.success(
                request, _("The draft is open; only %(state)s reads it.") % {"state": state}
            )
            return redirect("reports:report", convention=convention, pk=report.pk)
    return state_reports(request, convention, iso3, start_form=form)


@require_POST
def record_received(request, convention, iso3: str):
    state = _state(convention, iso3)
    form = ReceivedReportForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            report = services.record_report_received(
                convention=convention,
                state=state,
                today=selectors.today_for(convention),
                by=request.user,
                **form.cleaned_data,
            )
        except ValidationError as error:
            _show(form, error)
        else:
            messages.success(request, _("The report is recorded as received."))
            return redirect("reports:report", convention=convention, pk=report.pk)
    return state_reports(request, convention, iso3, received_form=form)


def report(request, convention, pk: int, draft_form=None):
    view = _report(convention, pk, request.user)
    can_draft = request.user.has_perm("reports.draft_report", view.report)
    if view.draft is not None and can_draft and draft_form is None:
        draft_form = DraftForm(
            initial=DraftForm.initial_from(view.draft, view.report.visibility),
            template_forms=view.forms,
        )
    return render(
        request,
        "reports/report.html",
        {
            "view": view,
            "draft_form": draft_form if can_draft else None,
            "can_submit": request.user.has_perm("reports.submit_report", view.report),
            "can_draft": can_draft,
            "can_process": request.user.has_perm("reports.process_report", view.report),
        },
        status=422 if draft_form is not None and draft_form.is_bound else 200,
    )


def _act(request, convention, pk: int, act, done: str):
    view = _report(convention, pk, request.user)
    try:
        act(view)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, done)
    return redirect("reports:report", convention=convention, pk=pk)


@require_POST
def save_draft(request, convention, pk: int):
    view = _report(convention, pk, request.user)
    if view.draft is None:
        raise PermissionDenied(_("This report has no draft you may change."))
    form = DraftForm(request.POST, template_forms=view.forms)
    if form.is_valid():
        try:
            services.save_draft(
                version=view.draft,
                forms=form.entries(),
                visibility=form.cleaned_data["visibility"],
                by=request.user,
            )
        except ValidationError as error:
            _show(form, error)
        else:
            messages.success(request, _("The draft is saved."))
            return redirect("reports:report", convention=convention, pk=pk)
    return report(request, convention, pk, draft_form=form)


@require_POST
def submit(request, convention, pk: int):
    def act(view):
        if view.draft is None:
            raise PermissionDenied(_("This report has no draft to submit."))
        services.submit_report(
            version=view.draft,
            today=selectors.today_for(convention),
            by=request.user,
            received_on=request.POST.get("received_on") or None,
        )

    return _act(request, convention, pk, act, _("The report is submitted."))


@require_POST
def revise(request, convention, pk: int):
    return _act(
        request,
        convention,
        pk,
        lambda view: services.revise_report(report=view.report, by=request.user),
        _("A new version is open as a draft; the submitted one stays current."),
    )


@require_POST
def recall(request, convention, pk: int):
    def act(view):
        if view.current is None:
            raise PermissionDenied(_("Nothing submitted to recall."))
        services.recall_report(version=view.current, by=request.user)

    return _act(request, convention, pk, act, _("The submission is recalled."))


@require_POST
def process(request, convention, pk: int):
    def act(view):
        if view.current is None:
            raise PermissionDenied(_("Nothing submitted to process."))
        services.process_report(
            version=view.current, today=selectors.today_for(convention), by=request.user
        )

    return _act(request, convention, pk, act, _("The submission is marked processed."))


def _year(request, convention) -> int:
    year = request.GET.get("year", "")
    if year.isdigit() and 1900 <= int(year) <= 2200:
        return int(year)
    return selectors.today_for(convention).year - 1


def statistics_page(request, convention):
    """The ISU's figures of Article 7 reports for a year (?year=, default last year)."""
    year = _year(request, convention)
    figures = statistics.for_reader(
        statistics.year_statistics(
            convention=convention, year=year, today=selectors.today_for(convention)
        ),
        convention=convention,
        names_all=selectors.reads_restricted(user=request.user, convention=convention),
    )
    return render(request, "reports/statistics.html", {"year": year, "figures": figures})
