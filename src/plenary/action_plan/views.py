from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from plenary.action_plan import render as layout
from plenary.action_plan import selectors, services
from plenary.action_plan.forms import (
    ActionForm,
    AreaForm,
    ConsultationForm,
    ContributionForm,
    CoordinationForm,
    DeadlineForm,
    IndicatorForm,
    IndicatorValueForm,
    PlanForm,
    SectionForm,
)
from plenary.core import l10n
from plenary.core.forms import ItemTranslationForm, TranslationsForm
from plenary.core.selectors import acting_for
from plenary.rules import times

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
YEAR_NOT_A_NUMBER = gettext_lazy("the year is a number, e.g. 2020")
NO_ATTACHMENT = gettext_lazy("No such attachment.")
YEAR_OUTSIDE_PLAN = gettext_lazy("%(year)s is not a year of the plan (%(period)s).")


def _show(form, error: ValidationError) -> None:
    """Put a service's refusal on the form's field it names, else above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, errors in error.error_dict.items():
        form.add_error(name if name in form.fields else None, errors)


def _year(request, plan) -> int:
    value = request.GET.get("year")
    if not value:
        return min(timezone.localdate().year, plan.last_year)
    try:
        year = int(value)
    except ValueError:
        raise Http404(YEAR_NOT_A_NUMBER) from None
    if not selectors.within_plan(plan=plan, year=year):
        raise Http404(YEAR_OUTSIDE_PLAN % {"year": year, "period": plan.period})
    return year


def plan_list(request, convention):
    plans = selectors.action_plans(convention=convention)
    may_keep = request.user.has_perm("action_plan.manage_plan", convention)
    return render(request, "action_plan/plan_list.html", {"plans": plans, "may_keep": may_keep})


def plan_detail(request, convention, code: str):
    plan = selectors.action_plan(convention=convention, code=code)
    may_keep = request.user.has_perm("action_plan.manage_plan", plan)
    return render(request, "action_plan/plan_detail.html", {"plan": plan, "may_keep": may_keep})


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


def progress_xlsx(request, convention, code: str):
    plan = selectors.action_plan(convention=convention, code=code)
    year = _year(request, plan)
    body = layout.progress_xlsx(
        plan=plan, year=year, sections=selectors.plan_progress(plan=plan, year=year)
    )
    response = HttpResponse(body, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{plan.code}_{year}_progress.xlsx"'
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
    year = int(year_value) if (year_value or "").isdigit() else None
    indicator, row, entered = selectors.indicator_record(
        convention=convention, pk=pk, year=year, today=timezone.localdate()
    )
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
            "may_keep": request.user.has_perm("action_plan.manage_plan", convention),
        },
    )


def area_detail(request, convention, slug: str):
    area = selectors.thematic_area(convention=convention, slug=slug)
    may_record = request.user.has_perm("action_plan.record_coordination", area)
    return render(request, "action_plan/area_detail.html", {"area": area, "may_record": may_record})


def consultation_list(request, convention):
    return render(
        request,
        "action_plan/consultation_list.html",
        {
            "consultations": selectors.consultations(convention=convention),
            "now": timezone.now(),
            "may_issue": request.user.has_perm("action_plan.issue_consultation", convention),
        },
    )


def _deadline_text(consultation) -> str:
    local = consultation.deadline.astimezone(times.zone(consultation.time_zone))
    return _("%(time)s on %(day)s (%(zone)s time)") % {
        "time": f"{local:%H:%M:%S}",
        "day": l10n.day(local.date()),
        "zone": consultation.time_zone,
    }


def _may_manage(user, consultation) -> bool:
    return user.is_authenticated and user.has_perm("action_plan.issue_consultation", consultation)


def _questions(consultation) -> list:
    return [q for section in consultation.sections.all() for q in section.questions.all()]


def _title_translations(consultation, data=None) -> TranslationsForm:
    return TranslationsForm(
        data,
        prefix="translations",
        record=consultation,
        field="title",
        label=_("Title"),
        max_length=300,
    )


def _question_translation(consultation, data=None) -> ItemTranslationForm:
    return ItemTranslationForm(
        data,
        prefix="question_translation",
        items=_questions(consultation),
        label=_("The question"),
        max_length=5000,
    )


def _consultation_page(
    request,
    consultation,
    *,
    form=None,
    deadline_form=None,
    translation_forms=None,
    status=200,
):
    user = request.user
    now = timezone.now()
    is_open = consultation.closed_at is None and not times.is_past(consultation.deadline, now)
    own = selectors.contribution_of(consultation=consultation, user=user)
    may_contribute = user.is_authenticated and user.has_perm("action_plan.contribute", consultation)
    if form is None and may_contribute and is_open:
        form = ContributionForm(consultation=consultation, contribution=own)
    may_manage = _may_manage(user, consultation)
    if deadline_form is None and may_manage and consultation.closed_at is None:
        deadline_form = DeadlineForm()
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
            "deadline_form": deadline_form if may_manage else None,
            "may_manage": may_manage,
            "translation_forms": (
                {
                    "title": _title_translations(consultation),
                    "question": _question_translation(consultation),
                    **(translation_forms or {}),
                }
                if may_manage
                else {}
            ),
            "may_see_all": user.has_perm("action_plan.view_all_contributions", consultation),
        },
        status=status,
    )


def consultation_detail(request, convention, pk: int):
    consultation = selectors.consultation_record(convention=convention, pk=pk)
    user = request.user
    if request.method != "POST":
        return _consultation_page(request, consultation)
    if not (user.is_authenticated and user.has_perm("action_plan.contribute", consultation)):
        raise PermissionDenied(services.NOT_A_DELEGATION)
    own = selectors.contribution_of(consultation=consultation, user=user)
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
            _show(form, error)
        else:
            messages.success(request, _("Your contribution is recorded."))
            return redirect("action_plan:consultation", convention=convention, pk=pk)
    return _consultation_page(request, consultation, form=form, status=422)


def consultation_issue(request, convention):
    """The Presidency (or the Secretariat) issues a consultation: its questions by section,
    its addressees and its deadline."""
    if not request.user.has_perm("action_plan.issue_consultation", convention):
        raise PermissionDenied(services.MAY_NOT_ISSUE)
    form = ConsultationForm(
        request.POST or None,
        convention=convention,
        initial={"issued_by": _("The President"), "addressees": _("The States Parties")},
    )
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            data = form.cleaned_data
            try:
                consultation = services.issue_consultation(
                    convention=convention,
                    title=data["title"],
                    issued_by=data["issued_by"],
                    issued_on=timezone.localdate(),
                    deadline_on=data["deadline_on"],
                    addressees=data["addressees"]
                    or str(dict(form.fields["addressed_to"].choices)[data["addressed_to"]]),
                    addressed_to=data["addressed_to"],
                    states=list(data["states"]),
                    organisations=list(data["organisations"]),
                    addresses_organisations=data["addresses_organisations"],
                    visibility=data["visibility"],
                    plan=data["plan"],
                    sections=form.sections(),
                    source=f"Issued on plenary by {request.user.username}",
                    now=timezone.now(),
                    by=request.user,
                )
            except ValidationError as error:
                _show(form, error)
            else:
                messages.success(request, _("The consultation is issued."))
                return redirect(
                    "action_plan:consultation", convention=convention, pk=consultation.pk
                )
    return render(
        request,
        "action_plan/record_form.html",
        {
            "form": form,
            "heading": _("Issue a written consultation"),
            "intro": _(
                "Group the questions by thematic area, one question per line; the addressees"
                " are notified in their language."
            ),
            "button": _("Issue the consultation"),
        },
        status=status,
    )


def consultation_deadline(request, convention, pk: int):
    consultation = selectors.consultation_record(convention=convention, pk=pk)
    if request.method != "POST":
        return redirect("action_plan:consultation", convention=convention, pk=pk)
    if not _may_manage(request.user, consultation):
        raise PermissionDenied(services.MAY_NOT_ISSUE)
    form = DeadlineForm(request.POST)
    if form.is_valid():
        try:
            services.move_consultation_deadline(
                consultation=consultation,
                deadline_on=form.cleaned_data["deadline_on"],
                reason=form.cleaned_data["reason"],
                now=timezone.now(),
                by=request.user,
            )
        except ValidationError as error:
            _show(form, error)
        else:
            messages.success(request, _("The deadline is moved."))
            return redirect("action_plan:consultation", convention=convention, pk=pk)
    return _consultation_page(request, consultation, deadline_form=form, status=422)


def _translate_consultation(request, convention, pk: int, name: str, bind, changes):
    """The Presidency's translations of a consultation: one form, one service call."""
    consultation = selectors.consultation_record(convention=convention, pk=pk)
    if request.method != "POST":
        return redirect("action_plan:consultation", convention=convention, pk=pk)
    if not _may_manage(request.user, consultation):
        raise PermissionDenied(services.MAY_NOT_ISSUE)
    form = bind(consultation, request.POST)
    if form.is_valid():
        try:
            services.set_consultation_translations(
                consultation=consultation, **changes(consultation, form), by=request.user
            )
        except ValidationError as error:
            _show(form, error)
        else:
            messages.success(request, _("The translations are recorded."))
            return redirect("action_plan:consultation", convention=convention, pk=pk)
    return _consultation_page(request, consultation, translation_forms={name: form}, status=422)


def consultation_translations(request, convention, pk: int):
    def changes(consultation, form):
        return {
            "title_translations": form.changes(),
            "original_language": form.cleaned_data["original_language"],
        }

    return _translate_consultation(request, convention, pk, "title", _title_translations, changes)


def question_translations(request, convention, pk: int):
    def changes(consultation, form):
        data = form.cleaned_data
        number = next(q.number for q in _questions(consultation) if q.pk == data["item"])
        return {"question_translations": {number: {data["language"]: data["text"]}}}

    return _translate_consultation(
        request, convention, pk, "question", _question_translation, changes
    )


def consultation_close(request, convention, pk: int):
    consultation = selectors.consultation_record(convention=convention, pk=pk)
    if request.method != "POST":
        return redirect("action_plan:consultation", convention=convention, pk=pk)
    if not _may_manage(request.user, consultation):
        raise PermissionDenied(services.MAY_NOT_ISSUE)
    try:
        services.close_consultation(consultation=consultation, now=timezone.now(), by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The consultation is closed."))
    return redirect("action_plan:consultation", convention=convention, pk=pk)


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


# Keeping the plan: one page per record, each calling its one service --------------------


def _record_page(request, *, form, call, done, heading, button, back=""):
    """Show `form`; on a valid POST call the service, then go to `done(record)`. A refusal
    shows on its field (422)."""
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            try:
                record = call(form.cleaned_data)
            except ValidationError as error:
                _show(form, error)
            else:
                messages.success(request, _("Recorded: %(record)s.") % {"record": record})
                return redirect(done(record))
    return render(
        request,
        "action_plan/record_form.html",
        {"form": form, "heading": heading, "button": button, "back": back},
        status=status,
    )


def _may_keep_plans(request, obj) -> None:
    if not request.user.has_perm("action_plan.manage_plan", obj):
        raise PermissionDenied(services.MAY_NOT_MANAGE_PLAN)


def _plan_url(convention, plan) -> str:
    return reverse("action_plan:plan_detail", kwargs={"convention": convention, "code": plan.code})


def plan_new(request, convention):
    _may_keep_plans(request, convention)
    return _record_page(
        request,
        form=PlanForm(request.POST or None),
        call=lambda data: services.record_action_plan(
            convention=convention, by=request.user, **data
        ),
        done=lambda plan: _plan_url(convention, plan),
        heading=_("Define an action plan"),
        button=_("Record the action plan"),
    )


def section_new(request, convention, code: str):
    plan = selectors.action_plan(convention=convention, code=code)
    _may_keep_plans(request, plan)
    return _record_page(
        request,
        form=SectionForm(request.POST or None, plan=plan),
        call=lambda data: services.record_section(plan=plan, by=request.user, **data),
        done=lambda section: _plan_url(convention, plan),
        heading=_("Add a section to %(plan)s") % {"plan": plan.name},
        button=_("Record the section"),
        back=_plan_url(convention, plan),
    )


def action_new(request, convention, code: str):
    plan = selectors.action_plan(convention=convention, code=code)
    _may_keep_plans(request, plan)
    return _record_page(
        request,
        form=ActionForm(request.POST or None, plan=plan),
        call=lambda data: services.record_action(by=request.user, **data),
        done=lambda action: _plan_url(convention, plan),
        heading=_("Add an action to %(plan)s") % {"plan": plan.name},
        button=_("Record the action"),
        back=_plan_url(convention, plan),
    )


def action_translation(request, convention, code: str):
    """An action's text in another language (those who keep the plans)."""
    plan = selectors.action_plan(convention=convention, code=code)
    _may_keep_plans(request, plan)
    actions = {a.pk: a for section in plan.sections.all() for a in section.actions.all()}
    form = ItemTranslationForm(
        request.POST or None,
        items=actions.values(),
        label=_("The action's text"),
        max_length=5000,
        describe=lambda action: f"{action.number}. {action.text}",
    )
    return _record_page(
        request,
        form=form,
        call=lambda data: services.set_action_translations(
            action=actions[data["item"]],
            text_translations={data["language"]: data["text"]},
            by=request.user,
        ),
        done=lambda action: _plan_url(convention, plan),
        heading=_("An action of %(plan)s in another language") % {"plan": plan.name},
        button=_("Record the translation"),
        back=_plan_url(convention, plan),
    )


def indicator_new(request, convention, code: str):
    plan = selectors.action_plan(convention=convention, code=code)
    _may_keep_plans(request, plan)
    return _record_page(
        request,
        form=IndicatorForm(request.POST or None, plan=plan),
        call=lambda data: services.record_indicator(by=request.user, **data),
        done=lambda indicator: reverse(
            "action_plan:indicator", kwargs={"convention": convention, "pk": indicator.pk}
        ),
        heading=_("Add an indicator to %(plan)s") % {"plan": plan.name},
        button=_("Record the indicator"),
        back=_plan_url(convention, plan),
    )


def area_new(request, convention):
    _may_keep_plans(request, convention)
    return _record_page(
        request,
        form=AreaForm(request.POST or None),
        call=lambda data: services.record_thematic_area(
            convention=convention, by=request.user, **data
        ),
        done=lambda area: reverse(
            "action_plan:area_detail", kwargs={"convention": convention, "slug": area.slug}
        ),
        heading=_("Add a thematic area"),
        button=_("Record the thematic area"),
    )


def coordination_new(request, convention, slug: str):
    area = selectors.thematic_area(convention=convention, slug=slug)
    if not request.user.has_perm("action_plan.record_coordination", area):
        raise PermissionDenied(services.MAY_NOT_RECORD_COORDINATION)
    back = reverse("action_plan:area_detail", kwargs={"convention": convention, "slug": slug})
    return _record_page(
        request,
        form=CoordinationForm(request.POST or None),
        call=lambda data: services.record_coordination(
            area=area,
            states=list(data["states"]),
            title=data["title"],
            term_from=data["term_from"],
            term_to=data["term_to"],
            source=data["source"],
            by=request.user,
        ),
        done=lambda coordination: back,
        heading=_("Record the coordinators of %(area)s") % {"area": area.name},
        button=_("Record the coordinators"),
        back=back,
    )
