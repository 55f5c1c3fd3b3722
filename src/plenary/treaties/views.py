from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from plenary.core.page_cache import (
    BROAD,
    roles_under_convention,
    shared_when_signed_in,
    state_scope,
)
from plenary.core.permissions import within
from plenary.decisions import selectors as decision_selectors
from plenary.treaties import selectors, services
from plenary.treaties.forms import (
    CompletionForm,
    CorrectionForm,
    DepositForm,
    OnDateForm,
    ProvisionalApplicationForm,
    SignatureForm,
    StateFilterForm,
    TransparencyReportForm,
    WithdrawalForm,
)
from plenary.treaties.models import Obligation


def convention_home(request, convention):
    """What a convention's pages hold: its States, deadlines, meetings and decisions."""
    return render(request, "treaties/convention_home.html", {"convention": convention})


def _on(form) -> object:
    return (form.is_valid() and form.cleaned_data.get("on")) or timezone.localdate()


# The list shows no action: it depends on no role.
@shared_when_signed_in(vary=roles_under_convention)
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


def _state_scopes(request, convention, iso3: str) -> list[str]:
    """A State's page reads the records that name the State (its reports) and BROAD (its
    participation, obligations and extensions)."""
    return [BROAD, state_scope(iso3)]


def _report_form_part(request, convention, iso3: str) -> str:
    """The form to record a report, for the State's own Delegation: the one part of the page
    that depends on the State the reader acts for."""
    state = selectors.state_with_code(iso3)
    if state is None or not request.user.has_perm(
        "treaties.submit_transparency_report", within(convention, state)
    ):
        return ""
    return render_to_string(
        "treaties/_report_form.html",
        {"state": state, "report_form": TransparencyReportForm()},
        request=request,
    )


# The page depends on the reader's roles; the report form (their own State's) is their part.
@shared_when_signed_in(
    vary=roles_under_convention,
    scopes=_state_scopes,
    parts={"report_form": _report_form_part},
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
            "can_keep_registry": request.user.has_perm("treaties.record_participation", convention),
            # What decisions granting its extensions ask it to report, and by when.
            "requirements": decision_selectors.reporting_requirements(
                convention=convention, iso3=state.iso3, today=timezone.localdate()
            ),
        },
    )


def submit_transparency_report(request, convention, iso3: str):
    standing = selectors.state_standing(convention=convention, iso3=iso3, on=timezone.localdate())
    state = standing.state
    if not request.user.has_perm("treaties.submit_transparency_report", within(convention, state)):
        raise PermissionDenied(_("You may record transparency reports only for your own State."))
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


REGISTRY_FORMS = {
    "signature": SignatureForm,
    "deposit": DepositForm,
    "withdrawal": WithdrawalForm,
    "completion": CompletionForm,
    "provisional": ProvisionalApplicationForm,
    "correction": CorrectionForm,
}
RECORDED = {
    "signature": gettext_lazy("The signature was recorded."),
    "deposit": gettext_lazy("The deposit was recorded."),
    "withdrawal": gettext_lazy("The withdrawal was recorded."),
    "completion": gettext_lazy("The declaration of completion was recorded."),
    "provisional": gettext_lazy("The declaration of provisional application was recorded."),
    "correction": gettext_lazy("The correction was recorded."),
}


def _show_on_fields(form, error: ValidationError) -> None:
    """A refusal on the form's own field where it has one, above the form otherwise."""
    for key, messages_ in error.message_dict.items():
        form.add_error(key if key in form.fields else None, messages_)


def _registry_forms(data, action, obligations, convention):
    forms = {}
    for name, form_class in REGISTRY_FORMS.items():
        if name == "provisional" and convention.rules.provisional_application is None:
            continue
        bound = data if name == action else None
        extra = {"obligations": obligations} if name == "completion" else {}
        forms[name] = form_class(bound, prefix=name, **extra)
    return forms


def _record(action, form, *, convention, state, by, today):
    data = form.cleaned_data
    if action == "signature":
        services.record_signature(convention=convention, state=state, by=by, today=today, **data)
    elif action == "deposit":
        services.record_deposit(convention=convention, state=state, by=by, today=today, **data)
    elif action == "withdrawal":
        services.record_withdrawal(convention=convention, state=state, by=by, today=today, **data)
    elif action == "provisional":
        services.record_provisional_application(
            convention=convention, state=state, by=by, today=today, **data
        )
    elif action == "correction":
        services.correct_treaty_action(
            convention=convention, state=state, by=by, today=today, **data
        )
    else:
        obligation = get_object_or_404(
            Obligation, pk=data["obligation"], convention=convention, state=state
        )
        services.declare_completion(
            obligation=obligation,
            completed_on=data["completed_on"],
            source=data["source"],
            by=by,
            today=today,
        )


def state_registry(request, convention, iso3: str):
    """The Secretariat records a State's signature, deposit, withdrawal or completion."""
    if not request.user.has_perm("treaties.record_participation", convention):
        raise PermissionDenied(_("Only the Secretariat keeps the depositary's record."))
    state = selectors.state_of(iso3)
    today = timezone.localdate()
    obligations = selectors.open_obligations(convention=convention, state=state)
    action = request.POST.get("action") if request.method == "POST" else None
    forms = _registry_forms(request.POST if action else None, action, obligations, convention)
    status = 200
    if action in forms:
        form = forms[action]
        if form.is_valid():
            try:
                _record(
                    action, form, convention=convention, state=state, by=request.user, today=today
                )
            except ValidationError as error:
                _show_on_fields(form, error)
            else:
                messages.success(request, RECORDED[action])
                return redirect("treaties:state_registry", convention=convention, iso3=state.iso3)
        status = 422
    standing = selectors.state_standing(convention=convention, iso3=state.iso3, on=today)
    return render(
        request,
        "treaties/state_registry.html",
        {"state": state, "standing": standing, "forms": forms, "on": today},
        status=status,
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
