from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from plenary.decisions import selectors, services
from plenary.decisions.forms import BreakSilenceForm


def silence_list(request, convention):
    now = timezone.now()
    procedures = list(selectors.silence_procedures(convention=convention))
    open_rows = [
        (p, selectors.time_left(p, now))
        for p in sorted(procedures, key=lambda p: p.deadline)
        if p.is_open
    ]
    concluded = [p for p in procedures if not p.is_open]
    return render(
        request,
        "decisions/silence_list.html",
        {"open_rows": open_rows, "concluded": concluded, "now": now},
    )


def _detail(request, convention, pk: int, form=None, status: int = 200):
    now = timezone.now()
    procedure = selectors.silence_procedure_record(convention=convention, pk=pk)
    user = request.user
    addressed = {a.state_id for a in procedure.addressees.all()}
    already = {b.state_id for b in procedure.breaks.all()}
    may_break = (
        procedure.is_open
        and not procedure.deadline < now
        and getattr(user, "role", None) == "delegation"
        and user.state_id in addressed
        and user.state_id not in already
    )
    return render(
        request,
        "decisions/silence_detail.html",
        {
            "procedure": procedure,
            "deadline": selectors.describe_deadline(procedure),
            "time_left": selectors.time_left(procedure, now) if procedure.is_open else "",
            "show_breaks": user.has_perm("decisions.view_silence_breaks"),
            # A refused submission shows its form with the reason for the refusal.
            "break_form": form or (BreakSilenceForm() if may_break else None),
        },
        status=status,
    )


def silence_detail(request, convention, pk: int):
    return _detail(request, convention, pk)


def break_silence(request, convention, pk: int):
    if request.method != "POST":
        return redirect("decisions:silence_detail", convention=convention, pk=pk)
    procedure = selectors.silence_procedure_record(convention=convention, pk=pk)
    user = request.user
    if not user.is_authenticated or user.state_id is None:
        raise PermissionDenied(services.NOT_A_DELEGATION)
    form = BreakSilenceForm(request.POST)
    if form.is_valid():
        try:
            services.break_silence(
                procedure=procedure,
                state=user.state,
                by=user,
                reason=form.cleaned_data["reason"],
                now=timezone.now(),
            )
        except ValidationError as error:
            # The refusal may name a field the form has not (state, deadline): show it above.
            form.add_error(None, error.messages)
        else:
            messages.success(request, _("Your State's break of the silence is recorded."))
            return redirect("decisions:silence_detail", convention=convention, pk=pk)
    return _detail(request, convention, pk, form=form, status=422)


def extension_list(request, convention):
    meeting = request.GET.get("meeting") or None
    found = selectors.meeting_named(convention=convention, name=meeting) if meeting else None
    requests = selectors.extension_requests(
        convention=convention, meeting=found, iso3=request.GET.get("state") or None
    )
    return render(
        request, "decisions/extension_list.html", {"requests": requests, "meeting": found}
    )


def extension_detail(request, convention, pk: int):
    extension_request = selectors.extension_request(convention=convention, pk=pk)
    return render(
        request,
        "decisions/extension_detail.html",
        {
            "r": extension_request,
            "recommendation": selectors.recommendation_text(extension_request),
        },
    )
