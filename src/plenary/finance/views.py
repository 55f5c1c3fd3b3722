from datetime import date

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.safestring import mark_safe

from plenary.finance import charts, exports, selectors
from plenary.rules.errors import RuleError

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _status(request):
    if not request.user.has_perm("finance.view_status"):
        raise PermissionDenied
    today = timezone.localdate()
    on = today
    if request.GET.get("on"):
        try:
            on = date.fromisoformat(request.GET["on"])
        except ValueError:
            on = today
    state_id = selectors.visible_state_id(request.user)
    return on, state_id


def status(request, convention):
    """A convention's financial status: assessed vs paid by year and the arrears by State."""
    on, state_id = _status(request)
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
            "chart": mark_safe(charts.assessed_vs_paid(years)),  # noqa: S308 - built and escaped by charts
            "own_state": request.user.state if state_id else None,
            "estimates": [(e, *selectors.estimate_totals(e)) for e in estimates],
            "budgets": selectors.isu_budgets(convention=convention),
            "contributions": selectors.voluntary_contributions(
                convention=convention, state_id=state_id
            ),
            "due": selectors.payment_due_dates(convention=convention, state_id=state_id),
        },
    )


def status_export(request, convention, fmt: str):
    on, state_id = _status(request)
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
