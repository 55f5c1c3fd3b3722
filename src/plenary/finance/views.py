from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_bidi, gettext, pgettext
from django.utils.translation import gettext_lazy as _

from plenary.core import l10n
from plenary.finance import charts, exports, selectors, services
from plenary.finance.forms import (
    LINES,
    ActualCostForm,
    ContributionForm,
    CostEstimateForm,
    IssueForm,
    IsuBudgetForm,
    PaymentForm,
)
from plenary.meetings import selectors as meeting_selectors
from plenary.rules.errors import RuleError
from plenary.treaties.models import State

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _status(request, convention):
    if not request.user.has_perm("finance.view_status", convention):
        raise PermissionDenied
    today = timezone.localdate()
    on = today
    if request.GET.get("on"):
        try:
            on = date.fromisoformat(request.GET["on"])
        except ValueError:
            on = today
    state_id = selectors.visible_state_id(request.user, convention)
    return on, state_id


def _chart(years) -> str:
    """The assessed-vs-paid chart in the reader's language and direction."""
    return charts.assessed_vs_paid(
        years,
        title=gettext("Assessed and paid by year (US dollars)"),
        assessed=pgettext("chart", "assessed"),
        paid=pgettext("chart", "paid"),
        money=l10n.amount,
        right_to_left=get_language_bidi(),
    )


def status(request, convention):
    """A convention's financial status: assessed vs paid by year and the arrears by State."""
    on, state_id = _status(request, convention)
    accounts = selectors.accounts(convention=convention, on=on, state_id=state_id)
    years = selectors.totals_by_year(convention=convention, state_id=state_id)
    estimates = selectors.cost_estimates(convention=convention)
    return render(
        request,
        "finance/status.html",
        {
            "convention": convention,
            "on": on,
            "accounts": accounts,
            "arrears": [a for a in accounts if a.arrears > 0],
            "chart": mark_safe(_chart(years)),  # noqa: S308 - built and escaped by charts
            "own_state": State.objects.get(pk=state_id) if state_id else None,
            "estimates": [(e, *selectors.estimate_totals(e)) for e in estimates],
            "budgets": selectors.isu_budgets(convention=convention),
            "contributions": selectors.voluntary_contributions(
                convention=convention, state_id=state_id
            ),
            "due": selectors.payment_due_dates(convention=convention, state_id=state_id),
            "may_manage": request.user.has_perm("finance.manage", convention),
            "payments": selectors.payments(convention=convention, state_id=state_id),
        },
    )


def status_export(request, convention, fmt: str):
    on, state_id = _status(request, convention)
    accounts = selectors.accounts(convention=convention, on=on, state_id=state_id)
    name = f"{convention.slug}-financial-status-{on.isoformat()}"
    if fmt == "csv":
        response = HttpResponse(exports.status_csv(accounts), content_type="text/csv")
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    else:
        response = HttpResponse(exports.status_xlsx(accounts), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response


def apportionment(request, convention, reference: str):
    """A meeting's cost shared by the scale: ?total=400000."""
    meeting = selectors.meeting_with_parts(reference, convention=convention)
    total = request.GET.get("total", "")
    result, error = None, None
    if total:
        try:
            result = selectors.apportion_meeting(meeting=meeting, total=total)
        except RuleError as refused:
            error = refused
    rules = meeting.convention.rules
    return render(
        request,
        "finance/apportionment.html",
        {
            "meeting": meeting,
            "total": total,
            "result": result,
            "error": error,
            "shared_by": selectors.SHARED_BY[rules.cost_shared_by],
            "rate_without_un_rate": selectors.RATE_WITHOUT_UN_RATE[rules.rate_without_un_rate],
        },
        status=422 if error else 200,
    )


def scale(request, convention):
    periods = selectors.scale_periods()
    year = request.GET.get("year")
    chosen = None
    rates = []
    if year and year.isdigit():
        try:
            chosen, by_state = selectors.scale_for(year=int(year))
            rates = sorted(by_state.values(), key=lambda r: r.scale_name)
        except RuleError:
            chosen = None
    return render(
        request,
        "finance/scale.html",
        {"periods": periods, "chosen": chosen, "rates": rates, "year": year},
    )


# The Secretariat keeps the accounts on the page (issue 17): each form calls one service.
def _check_manager(request, record) -> None:
    if not request.user.has_perm("finance.manage", record):
        raise PermissionDenied(_("Only the Secretariat manages the Convention's finances."))


def _show_rule_error(form, error: RuleError, aliases: dict | None = None) -> None:
    """A refusal on the form's field where it has one, above the form otherwise."""
    field = (aliases or {}).get(error.field, error.field)
    form.add_error(field if field in form.fields else None, error.message)


def _line_aliases() -> dict:
    aliases = {}
    for n in range(1, LINES + 1):
        aliases[f"lines.{n - 1}.category"] = f"line_{n}_category"
        aliases[f"lines.{n - 1}.estimated"] = f"line_{n}_estimated"
    return aliases


def estimate_new(request, convention):
    """The Secretariat records a meeting's cost estimate: its document, decision and lines."""
    _check_manager(request, convention)
    meetings = meeting_selectors.meetings(convention=convention)
    form = CostEstimateForm(request.POST or None, meetings=meetings)
    if request.method == "POST" and form.is_valid():
        meeting = next(m for m in meetings if m.code == form.cleaned_data["meeting"])
        try:
            estimate = services.record_cost_estimate(
                convention=convention,
                meeting=meeting,
                lines=[
                    services.LineIn(category, amount, description)
                    for category, amount, description in form.lines()
                ],
                document_symbol=form.cleaned_data["document_symbol"],
                approved_by=form.cleaned_data["approved_by"],
                approved_on=form.cleaned_data["approved_on"],
                by=request.user,
            )
        except RuleError as error:
            _show_rule_error(form, error, _line_aliases())
        else:
            messages.success(request, _("The cost estimate was recorded."))
            return redirect("finance:estimate", convention=convention, pk=estimate.pk)
    return render(
        request,
        "finance/estimate_new.html",
        {"form": form},
        status=422 if form.is_bound else 200,
    )


ESTIMATE_ACTIONS = ("issue", "actual", "settle", "payment")
ESTIMATE_DONE = {
    "issue": _("The assessments were issued."),
    "actual": _("The actual cost was recorded."),
    "settle": _("The actual cost was settled."),
    "payment": _("The payment was recorded."),
}


def _estimate_forms(data, action, estimate, assessments):
    return {
        "issue": IssueForm(data if action == "issue" else None, prefix="issue"),
        "actual": ActualCostForm(
            data if action == "actual" else None, prefix="actual", lines=estimate.lines.all()
        ),
        "settle": IssueForm(data if action == "settle" else None, prefix="settle"),
        "payment": PaymentForm(
            data if action == "payment" else None, prefix="payment", assessments=assessments
        ),
    }


def _act_on_estimate(action, form, estimate, assessments, by):
    data = form.cleaned_data
    if action == "issue":
        services.issue_assessments(estimate=estimate, by=by, **data)
    elif action == "settle":
        services.settle_actual_cost(estimate=estimate, by=by, **data)
    elif action == "actual":
        line = next(line for line in estimate.lines.all() if line.pk == data["line"])
        services.record_actual_cost(line=line, actual=data["actual"], by=by)
    else:
        assessment = next(a for a in assessments if a.pk == data["assessment"])
        services.record_payment(
            assessment=assessment,
            received_on=data["received_on"],
            amount=data["amount"],
            currency=data["currency"],
            reference=data["reference"],
            exchange_rate=data["exchange_rate"],
            rate_date=data["rate_date"],
            by=by,
        )


def estimate(request, convention, pk: int):
    """One cost estimate: its lines and assessments; the Secretariat issues the assessments,
    records actual costs and payments, and settles the actual cost."""
    found = selectors.cost_estimate(convention=convention, pk=pk)
    _check_manager(request, found)
    assessments = selectors.assessments_of(estimate=found)
    action = request.POST.get("action") if request.method == "POST" else None
    forms = _estimate_forms(request.POST if action else None, action, found, assessments)
    status = 200
    if action in ESTIMATE_ACTIONS:
        form = forms[action]
        if form.is_valid():
            try:
                _act_on_estimate(action, form, found, assessments, request.user)
            except RuleError as error:
                _show_rule_error(form, error, {"estimate": None})
            else:
                messages.success(request, ESTIMATE_DONE[action])
                return redirect("finance:estimate", convention=convention, pk=found.pk)
        status = 422
    estimated, actual = selectors.estimate_totals(found)
    return render(
        request,
        "finance/estimate.html",
        {
            "estimate": found,
            "estimated": estimated,
            "actual": actual,
            "assessments": assessments,
            "forms": forms,
            "accepted": ", ".join(convention.rules.accepted_currencies),
        },
        status=status,
    )


def isu(request, convention):
    """The Secretariat records an ISU budget and work plan, or a voluntary contribution."""
    _check_manager(request, convention)
    action = request.POST.get("action") if request.method == "POST" else None
    states = selectors.states_by_name()
    forms = {
        "budget": IsuBudgetForm(request.POST if action == "budget" else None, prefix="budget"),
        "contribution": ContributionForm(
            request.POST if action == "contribution" else None, prefix="contribution", states=states
        ),
    }
    status = 200
    if action in forms:
        form = forms[action]
        if form.is_valid():
            data = form.cleaned_data
            try:
                if action == "budget":
                    services.record_isu_budget(convention=convention, by=request.user, **data)
                else:
                    iso3 = data.pop("state")
                    state = next(s for s in states if s.iso3 == iso3)
                    services.record_voluntary_contribution(
                        convention=convention, state=state, by=request.user, **data
                    )
            except RuleError as error:
                _show_rule_error(form, error)
            else:
                messages.success(request, _("Recorded."))
                return redirect("finance:isu", convention=convention)
        status = 422
    return render(
        request,
        "finance/isu.html",
        {
            "forms": forms,
            "budgets": selectors.isu_budgets(convention=convention),
            "contributions": selectors.voluntary_contributions(convention=convention),
        },
        status=status,
    )


def receipt(request, convention, pk: int):
    """The receipt of a payment: for the Secretariat, and for the paying State's Delegation."""
    _on, state_id = _status(request, convention)
    found = selectors.payment(convention=convention, pk=pk)
    own = state_id is not None and found.assessment.state_id == state_id
    if not (own or request.user.has_perm("finance.manage", convention)):
        raise PermissionDenied(
            _("Only the Secretariat and the paying State's Delegation see a receipt.")
        )
    return render(request, "finance/receipt.html", {"payment": found})
