from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from plenary.core.selectors import state_acted_for
from plenary.decisions import selectors, services
from plenary.decisions.forms import (
    AnalysisForm,
    BreakSilenceForm,
    ChangeProcedureForm,
    CirculateForm,
    DecideForm,
    DraftTextForm,
    IssueDraftForm,
    RecommendForm,
    RecordDecisionForm,
    SubmitRequestForm,
)
from plenary.decisions.models import EffectKind
from plenary.rules import times


def _show_errors(form, error: ValidationError) -> None:
    """Put each refusal on its field when the form has it, above the form otherwise."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for field, errors in error.message_dict.items():
        # The services name the deadline as one thing; the forms ask for its date and time.
        field = "deadline_on" if field == "deadline" else field
        form.add_error(field if field in form.fields else None, errors)


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
        {
            "open_rows": open_rows,
            "concluded": concluded,
            "now": now,
            "may_circulate": request.user.has_perm(
                "decisions.circulate_silence_procedure", convention
            ),
        },
    )


def _circulate_page(request, convention, form, status=200):
    return render(
        request,
        "decisions/silence_circulate.html",
        {
            "form": form,
            "addressees": selectors.addressees_on(convention=convention, on=timezone.localdate()),
            "today": timezone.localdate(),
        },
        status=status,
    )


def circulate(request, convention):
    """The Presidency or the Secretariat drafts a procedure, sees its addressees (the
    States Parties today) and circulates it."""
    if not request.user.has_perm("decisions.circulate_silence_procedure", convention):
        raise PermissionDenied(services.NOT_A_CIRCULATOR)
    meetings = list(selectors.meetings_of(convention=convention))
    choices = {
        "meetings": meetings,
        "requests": selectors.undecided_requests(convention=convention),
        "estimates": selectors.estimates_awaiting_approval(convention=convention),
    }
    if request.method != "POST":
        form = CirculateForm(
            **choices,
            initial={"time_zone": convention.time_zone, "meeting": request.GET.get("meeting")},
        )
        return _circulate_page(request, convention, form)
    form = CirculateForm(request.POST, **choices)
    if form.is_valid():
        data = form.cleaned_data
        meeting = next((m for m in meetings if m.code == data["meeting"]), None)
        effect = {}
        if data["effect_kind"] == EffectKind.REPLAN_MEETING and meeting is not None:
            if data["starts_on"] and data["ends_on"]:
                effect = selectors.replan_effect(
                    meeting=meeting,
                    number=data["part_number"] or 1,
                    starts_on=data["starts_on"],
                    ends_on=data["ends_on"],
                    reason=data["subject"],
                )
        elif data["effect_kind"] == EffectKind.DECISION:
            effect = {"text": data["decision_text"] or data["text"]}
        elif data["effect_kind"] == EffectKind.DECIDE_EXTENSIONS:
            effect = {"requests": [int(pk) for pk in data["extension_requests"]]}
        elif data["effect_kind"] == EffectKind.APPROVE_COST_ESTIMATE:
            chosen = data["cost_estimate"]
            effect = {"estimate": int(chosen)} if chosen else {}
        now = timezone.now()
        try:
            procedure = services.circulate_silence_procedure(
                convention=convention,
                subject=data["subject"],
                text=data["text"],
                document_symbol=data["document_symbol"],
                circulated_on=timezone.localdate(),
                deadline_on=data["deadline_on"],
                deadline_time=data["deadline_time"],
                time_zone=data["time_zone"],
                meeting=meeting,
                effect_kind=data["effect_kind"],
                effect=effect,
                now=now,
                by=request.user,
            )
        except ValidationError as error:
            _show_errors(form, error)
        else:
            messages.success(request, _("The silence procedure is circulated."))
            return redirect("decisions:silence_detail", convention=convention, pk=procedure.pk)
    return _circulate_page(request, convention, form, status=422)


def _detail(
    request, convention, pk: int, form=None, status: int = 200, change_form=None, confirm=None
):
    now = timezone.now()
    procedure = selectors.silence_procedure_record(convention=convention, pk=pk)
    user = request.user
    addressed = {a.state_id for a in procedure.addressees.all()}
    already = {b.state_id for b in procedure.breaks.all()}
    state = state_acted_for(user=user, convention=procedure.convention)
    may_break = (
        procedure.is_open
        and not procedure.deadline < now
        and state is not None
        and state.pk in addressed
        and state.pk not in already
    )
    return render(
        request,
        "decisions/silence_detail.html",
        {
            "procedure": procedure,
            "deadline": selectors.describe_deadline(procedure),
            "time_left": selectors.time_left(procedure, now) if procedure.is_open else "",
            "show_breaks": user.has_perm("decisions.view_silence_breaks", procedure),
            "outcome": selectors.outcome_text(procedure),
            "may_change": procedure.is_open
            and not procedure.deadline < now
            and user.has_perm("decisions.change_silence_procedure", procedure),
            "change_form": change_form or ChangeProcedureForm(),
            "confirm": confirm,
            "history": selectors.procedure_history(procedure),
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
    state = state_acted_for(user=user, convention=procedure.convention)
    if state is None:
        raise PermissionDenied(services.NOT_A_DELEGATION)
    form = BreakSilenceForm(request.POST)
    if form.is_valid():
        if not form.cleaned_data["confirmed"]:
            # The confirmation step: the same answer, to be sent again once confirmed.
            confirm = BreakSilenceForm(initial={**form.cleaned_data, "confirmed": True})
            return _detail(
                request, convention, pk, form=confirm, confirm={"state": state, **form.cleaned_data}
            )
        try:
            services.break_silence(
                procedure=procedure,
                state=state,
                by=user,
                kind=form.cleaned_data["kind"],
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


def _change(request, convention, pk: int, action: str):
    if request.method != "POST":
        return redirect("decisions:silence_detail", convention=convention, pk=pk)
    procedure = selectors.silence_procedure_record(convention=convention, pk=pk)
    form = ChangeProcedureForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            if action == "extend":
                if data["deadline_on"] is None:
                    raise ValidationError({"deadline_on": [_("give the new deadline")]})
                services.extend_silence_procedure(
                    procedure=procedure,
                    deadline_on=data["deadline_on"],
                    deadline_time=data["deadline_time"] or times.END_OF_DAY,
                    reason=data["reason"],
                    now=timezone.now(),
                    by=request.user,
                )
                done = _("The deadline is extended.")
            else:
                services.withdraw_silence_procedure(
                    procedure=procedure, reason=data["reason"], now=timezone.now(), by=request.user
                )
                done = _("The silence procedure is withdrawn.")
        except ValidationError as error:
            _show_errors(form, error)
        else:
            messages.success(request, done)
            return redirect("decisions:silence_detail", convention=convention, pk=pk)
    return _detail(request, convention, pk, change_form=form, status=422)


def extend_silence(request, convention, pk: int):
    return _change(request, convention, pk, "extend")


def withdraw_silence(request, convention, pk: int):
    return _change(request, convention, pk, "withdraw")


def extension_list(request, convention):
    meeting = request.GET.get("meeting") or None
    found = selectors.meeting_named(convention=convention, name=meeting) if meeting else None
    requests = selectors.extension_requests(
        convention=convention, meeting=found, iso3=request.GET.get("state") or None
    )
    return render(
        request, "decisions/extension_list.html", {"requests": requests, "meeting": found}
    )


# Each step of a request: the form, the permission that shows it, and the service call.
STEPS = {
    "analysis": (AnalysisForm, "decisions.record_analysis"),
    "draft": (DraftTextForm, "decisions.submit_draft_decision"),
    "issue": (IssueDraftForm, "decisions.record_draft_decision"),
    "recommend": (RecommendForm, "decisions.recommend_extension"),
    "decide": (DecideForm, "decisions.decide_extension_request"),
}
AT_PART = {"recommend", "decide"}


def _step_form(step, extension_request, data=None):
    form_class, _perm = STEPS[step]
    # Prefixed: the page shows several steps' forms at once, each with its own ids.
    if step in AT_PART:
        return form_class(
            data, prefix=step, parts=list(selectors.parts_for_request(extension_request))
        )
    return form_class(data, prefix=step)


def _extension_page(request, convention, pk: int, bound=None, status=200):
    extension_request = selectors.extension_request(convention=convention, pk=pk)
    forms = {}
    if not extension_request.decision:
        for step, (_form, perm) in STEPS.items():
            if request.user.has_perm(perm, extension_request):
                forms[step] = (
                    bound[1] if bound and bound[0] == step else _step_form(step, extension_request)
                )
    return render(
        request,
        "decisions/extension_detail.html",
        {
            "r": extension_request,
            "recommendation": selectors.recommendation_text(extension_request),
            "forms": forms,
        },
        status=status,
    )


def extension_detail(request, convention, pk: int):
    return _extension_page(request, convention, pk)


def _run_step(step, extension_request, data, by):
    if step == "analysis":
        services.record_analysis(
            request=extension_request,
            analysis_document=data["analysis_document"],
            observations=data["observations"],
            by=by,
        )
    elif step == "draft":
        services.submit_draft_decision(request=extension_request, text=data["text"], by=by)
    elif step == "issue":
        services.record_draft_decision(
            request=extension_request,
            draft_decision_document=data["draft_decision_document"],
            by=by,
        )
    elif step == "recommend":
        services.recommend_extension(
            request=extension_request,
            part=data["part"],
            recommendation=data["recommendation"],
            until=data["until"],
            recommended_on=data["day"],
            conditions=data["conditions"],
            by=by,
        )
    else:
        services.decide_extension_request(
            request=extension_request,
            part=data["part"],
            decision=data["decision"],
            until=data["until"],
            decided_on=data["day"],
            conditions=data["conditions"],
            by=by,
        )


def extension_step(request, convention, pk: int, step: str):
    """One step of a request (analysis, draft, issue, recommend, decide) by its role."""
    if request.method != "POST" or step not in STEPS:
        return redirect("decisions:extension_detail", convention=convention, pk=pk)
    extension_request = selectors.extension_request(convention=convention, pk=pk)
    if not request.user.has_perm(STEPS[step][1], extension_request):
        raise PermissionDenied(_("your role does not take this step"))
    form = _step_form(step, extension_request, request.POST)
    if form.is_valid():
        try:
            _run_step(step, extension_request, form.cleaned_data, request.user)
        except ValidationError as error:
            _show_errors(form, error)
        else:
            messages.success(request, _("Recorded."))
            return redirect("decisions:extension_detail", convention=convention, pk=pk)
    return _extension_page(request, convention, pk, bound=(step, form), status=422)


def submit_extension_request(request, convention):
    """A Delegation submits its State's request (or the Secretariat one received)."""
    state = state_acted_for(user=request.user, convention=convention)
    secretariat = request.user.has_perm("decisions.record_decision", convention)
    if state is None and not secretariat:
        raise PermissionDenied(services.NOT_YOUR_REQUEST)
    obligations = list(
        selectors.requestable_obligations(
            convention=convention, state=None if secretariat else state
        )
    )
    meetings = list(selectors.meetings_of(convention=convention))
    form = SubmitRequestForm(request.POST or None, obligations=obligations, meetings=meetings)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            created = services.submit_extension_request(
                obligation=data["obligation"],
                by=request.user,
                submitted_on=timezone.localdate(),
                requested_deadline=data["requested_deadline"],
                months=data["months"],
                work_plan=data["work_plan"],
                documents=data["documents"],
                meeting=data["meeting"],
            )
        except ValidationError as error:
            _show_errors(form, error)
        else:
            messages.success(request, _("The request is submitted."))
            return redirect("decisions:extension_detail", convention=convention, pk=created.pk)
    status = 422 if request.method == "POST" else 200
    return render(request, "decisions/extension_submit.html", {"form": form}, status=status)


def decision_register(request, convention):
    """The convention's register of decisions, searchable by words of their text, their
    symbol or their documents' symbols."""
    query = request.GET.get("q", "").strip()
    meeting_name = request.GET.get("meeting") or None
    meeting = (
        selectors.meeting_named(convention=convention, name=meeting_name) if meeting_name else None
    )
    return render(
        request,
        "decisions/decision_register.html",
        {
            "decisions": selectors.decision_register(
                convention=convention, query=query, meeting=meeting
            ),
            "query": query,
            "meeting": meeting,
            "may_record": request.user.has_perm("decisions.record_decision", convention),
        },
    )


def record_decision(request, convention):
    """The Secretariat records a decision the plenary took at a part."""
    if not request.user.has_perm("decisions.record_decision", convention):
        raise PermissionDenied(services.NOT_THE_SECRETARIAT)
    parts = list(selectors.parts_of_convention(convention=convention))
    form = RecordDecisionForm(request.POST or None, parts=parts)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        part = data["part"]
        items = selectors.agenda_items_named(meeting=part.meeting, numbers=data["agenda_items"])
        try:
            if len(items) != len(data["agenda_items"]):
                raise ValidationError(
                    {"agenda_items": [_("an agenda item is not one of that meeting's")]}
                )
            services.record_decision(
                part=part,
                kind=data["kind"],
                subject=data["subject"],
                decided_on=data["decided_on"],
                documents=data["documents"],
                agenda_items=items,
                paragraph=data["paragraph"],
                symbol=data["symbol"],
                text=data["text"],
                by=request.user,
            )
        except ValidationError as error:
            _show_errors(form, error)
        else:
            messages.success(request, _("The decision is recorded."))
            return redirect("decisions:register", convention=convention)
    status = 422 if request.method == "POST" else 200
    return render(request, "decisions/decision_record.html", {"form": form}, status=status)
