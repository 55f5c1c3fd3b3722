from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from plenary.core.permissions import within
from plenary.treaties import selectors, services
from plenary.treaties.forms import OnDateForm, StateFilterForm, TransparencyReportForm


def convention_home(request, convention):
    """What a convention's pages hold: its States, deadlines, meetings and decisions."""
    return render(request, "treaties/convention_home.html", {"convention": convention})


def _on(form) -> object:
    return (form.is_valid() and form.cleaned_data.get("on")) or timezone.localdate()


def state_list(request, convention):
    form = StateFilterForm(request.GET or None)
    on = _on(form)
    cleaned = form.cleaned_data if form.is_bound and form.is_valid() else {}
    standings = selectors.states_on(
        convention=convention,
        on=on,
        status=cleaned.get("status") or None,
        obligation=cleaned.get("obligation") or None,
        search=cleaned.get("q", ""),
    )
    counts = {status: 0 for status in selectors.STATUSES}
    for standing in standings:
        counts[standing.status] += 1
    return render(
        request,
        "treaties/state_list.html",
        {"form": form, "on": on, "standings": standings, "counts": counts},
    )


def state_detail(request, convention, iso3: str):
    form = OnDateForm(request.GET or None)
    on = _on(form)
    record = selectors.state_record(convention=convention, iso3=iso3, on=on)
    state = record["standing"].state
    can_report = request.user.has_perm(
        "treaties.submit_transparency_report", within(convention, state)
    )
    return render(
        request,
        "treaties/state_detail.html",
        {
            **record,
            "form": form,
            "on": on,
            "state": state,
            "report_form": TransparencyReportForm() if can_report else None,
        },
    )


def submit_transparency_report(request, convention, iso3: str):
    standing = selectors.state_standing(convention=convention, iso3=iso3, on=timezone.localdate())
    state = standing.state
    if not request.user.has_perm("treaties.submit_transparency_report", within(convention, state)):
        raise PermissionDenied(_("You may record Article 7 reports only for your own State."))
    if request.method != "POST":
        return redirect("treaties:state_detail", convention=convention, iso3=state.iso3)
    form = TransparencyReportForm(request.POST)
    if form.is_valid():
        try:
            services.record_transparency_report(
                convention=convention,
                state=state,
                today=timezone.localdate(),
                by=request.user,
                **form.cleaned_data,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The report was recorded."))
            return redirect("treaties:state_detail", convention=convention, iso3=state.iso3)
    record = selectors.state_record(convention=convention, iso3=iso3, on=timezone.localdate())
    return render(
        request,
        "treaties/state_detail.html",
        {
            **record,
            "form": OnDateForm(),
            "on": timezone.localdate(),
            "state": state,
            "report_form": form,
        },
        status=422,
    )


def due(request, convention):
    form = OnDateForm(request.GET or None)
    on = _on(form)
    rows = selectors.due_on(convention=convention, on=on)
    overdue = [row for row in rows if row.status == "overdue"]
    pending = [row for row in rows if row.status == "pending"]
    no_record = [row for row in rows if row.status == selectors.NO_RECORD]
    return render(
        request,
        "treaties/due.html",
        {
            "form": form,
            "on": on,
            "overdue": overdue,
            "pending": pending,
            "no_record": no_record,
            "record_complete_from": convention.rules.reporting.record_complete_from,
        },
    )
