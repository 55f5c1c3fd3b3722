from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from plenary.action_plan import render as layout
from plenary.action_plan import selectors, services
from plenary.action_plan.forms import ContributionForm, IndicatorValueForm
from plenary.core.selectors import acting_for
from plenary.rules import times
from plenary.rules.errors import RuleError

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
YEAR_NOT_A_NUMBER = "the year is a number, e.g. 2020"
NO_ATTACHMENT = "No such attachment."


def _year(request, plan) -> int:
    value = request.GET.get("year")
    if not value:
        return min(timezone.localdate().year, plan.last_year)
    try:
        year = int(value)
        selectors.check_year(plan=plan, year=year)
    except ValueError:  # not a number, or far from the plan's years (a RuleError)
        raise Http404(YEAR_NOT_A_NUMBER) from None
    return year


def plan_list(request, convention):
    plans = selectors.action_plans(convention=convention)
    return render(request, "action_plan/plan_list.html", {"plans": plans})


def plan_detail(request, convention, code: str):
    plan = selectors.action_plan(convention=convention, code=code)
    return render(request, "action_plan/plan_detail.html", {"plan": plan})


def progress(request, convention, code: str):
    plan = selectors.action_plan(convention=convention, code=code)
    year = _year(request, plan)
    sections = selectors.plan_progress(plan=plan, year=year)
    for section in sections:
        for row in section.rows:
            row.chart = mark_safe(layout.chart_svg(row))  # noqa: S308 - built from escaped text
    return render(
        request,
        "action_plan/progress.html",
        {
            "plan": plan,
            "year": year,
            "sections": sections,
            "years": range(plan.first_year, plan.last_year + 1),
        },
    )


def progress_csv(request, convention, code: str):
    plan = selectors.action_plan(convention=convention, code=code)
    year = _year(request, plan)
    response = HttpResponse(
        layout.progress_csv(selectors.plan_progress(plan=plan, year=year)),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{plan.code}_{year}_progress.csv"'
    return response


def progress_docx(request, convention, code: str):
    plan = selectors.action_plan(convention=convention, code=code)
    year = _year(request, plan)
    body = layout.progress_docx(
        plan=plan, year=year, sections=selectors.plan_progress(plan=plan, year=year)
    )
    response = HttpResponse(body, content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{plan.code}_{year}_progress.docx"'
    return response


def indicator_detail(request, convention, pk: int):
    year_value = request.GET.get("year")
    try:
        indicator, row, entered = selectors.indicator_record(
            convention=convention,
            pk=pk,
            year=int(year_value) if (year_value or "").isdigit() else None,
            today=timezone.localdate(),
        )
    except RuleError as error:  # a year far from the plan's
        raise Http404(error.message) from None
    form = None
    may_enter = not indicator.is_computed and request.user.has_perm(
        "action_plan.enter_indicator_value", indicator
    )
    status = 200
    if may_enter:
        form = IndicatorValueForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                services.enter_indicator_value(
                    indicator=indicator,
                    year=data["year"],
                    value=data["value"],
                    answer=data["answer"],
                    state=data["state"],
                    source=data["source"],
                    now=timezone.now(),
                    by=request.user,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The value is recorded."))
                return redirect("action_plan:indicator", convention=convention, pk=pk)
        if request.method == "POST":
            status = 422
    elif request.method == "POST":
        raise PermissionDenied(services.MAY_NOT_ENTER_VALUE)
    return render(
        request,
        "action_plan/indicator_detail.html",
        {
            "indicator": indicator,
            "row": row,
            "chart": mark_safe(layout.chart_svg(row)),  # noqa: S308 - built from escaped text
            "entered": entered,
            "form": form,
        },
        status=status,
    )


def area_list(request, convention):
    year = request.GET.get("year")
    return render(
        request,
        "action_plan/area_list.html",
        {
            "areas": selectors.thematic_areas(convention=convention),
            "in_year": selectors.coordinators_in(convention=convention, year=int(year))
            if (year or "").isdigit()
            else None,
            "year": year,
        },
    )


def area_detail(request, convention, slug: str):
    area = selectors.thematic_area(convention=convention, slug=slug)
    return render(request, "action_plan/area_detail.html", {"area": area})


def consultation_list(request, convention):
    return render(
        request,
        "action_plan/consultation_list.html",
        {"consultations": selectors.consultations(convention=convention), "now": timezone.now()},
    )


def _deadline_text(consultation) -> str:
    local = consultation.deadline.astimezone(times.zone(consultation.time_zone))
    return f"{local:%H:%M:%S} on {local.day} {local:%B %Y} ({consultation.time_zone} time)"


def consultation_detail(request, convention, pk: int):
    consultation = selectors.consultation_record(convention=convention, pk=pk)
    user = request.user
    now = timezone.now()
    is_open = not times.is_past(consultation.deadline, now)
    own = selectors.contribution_of(consultation=consultation, user=user)
    may_contribute = user.is_authenticated and user.has_perm("action_plan.contribute", consultation)
    form = None
    status = 200
    if request.method == "POST":
        if not may_contribute:
            raise PermissionDenied(services.NOT_A_DELEGATION)
        form = ContributionForm(
            request.POST, request.FILES, consultation=consultation, contribution=own
        )
        if form.is_valid():
            try:
                services.submit_contribution(
                    consultation=consultation,
                    answers=form.answers(),
                    attachment=form.cleaned_data.get("attachment"),
                    by=user,
                    now=timezone.now(),
                )
            except ValidationError as error:
                if hasattr(error, "error_dict") and "attachment" in error.error_dict:
                    form.add_error("attachment", error.error_dict["attachment"])
                else:
                    form.add_error(None, error)
            else:
                messages.success(request, _("Your contribution is recorded."))
                return redirect("action_plan:consultation", convention=convention, pk=pk)
        status = 422
    elif may_contribute and is_open:
        form = ContributionForm(consultation=consultation, contribution=own)
    return render(
        request,
        "action_plan/consultation_detail.html",
        {
            "consultation": consultation,
            "deadline": _deadline_text(consultation),
            "is_open": is_open,
            "own": own,
            "acts_for": acting_for(user=user, convention=consultation.convention),
            "form": form,
            "may_see_all": user.has_perm("action_plan.view_all_contributions", consultation),
        },
        status=status,
    )


def compiled(request, convention, pk: int):
    consultation = selectors.consultation_record(convention=convention, pk=pk)
    questions, contributions = selectors.compiled(consultation=consultation, user=request.user)
    return render(
        request,
        "action_plan/compiled.html",
        {"consultation": consultation, "questions": questions, "contributions": contributions},
    )


def compiled_docx(request, convention, pk: int):
    consultation = selectors.consultation_record(convention=convention, pk=pk)
    questions, contributions = selectors.compiled(consultation=consultation, user=request.user)
    body = layout.compiled_docx(
        consultation=consultation, questions=questions, contributions=contributions
    )
    response = HttpResponse(body, content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="consultation_{pk}_contributions.docx"'
    return response


def attachment(request, convention, pk: int, contribution: int):
    consultation = selectors.consultation_record(convention=convention, pk=pk)
    found = next(
        (
            c
            for c in selectors.visible_contributions(consultation=consultation, user=request.user)
            if c.pk == contribution and c.attachment
        ),
        None,
    )
    if found is None:
        raise Http404(NO_ATTACHMENT)
    found.attachment.open("rb")
    response = HttpResponse(found.attachment.read(), content_type="application/octet-stream")
    found.attachment.close()
    response["Content-Disposition"] = f'attachment; filename="{found.attachment_name}"'
    return response
