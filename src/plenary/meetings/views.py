from zoneinfo import available_timezones

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from plenary.core.forms import ItemTranslationForm, TranslationsForm
from plenary.core.page_cache import BROAD, roles_under_convention, shared_when_signed_in
from plenary.core.permissions import within
from plenary.core.selectors import acting_for
from plenary.drafting import content as drafting_content
from plenary.drafting import render as drafting_render
from plenary.drafting.render import DOCX_TYPE, to_docx
from plenary.meetings import exports, selectors, services
from plenary.meetings import render as layout
from plenary.meetings.forms import (
    AccreditForm,
    AdoptAgendaForm,
    AgendaItemForm,
    ApprovalForm,
    DelegateFormSet,
    DelegationForm,
    EntryForm,
    MeetingForm,
    MoveSlotForm,
    OfficerForm,
    PartFormSet,
    PlenaryMeetingsForm,
    ProgrammeZoneForm,
    ReleaseForm,
    RemoveEntryForm,
    RemoveSlotForm,
    ReplanForm,
    SlotForm,
    delegate_formset,
    part_plans,
    show_refusal,
)
from plenary.meetings.models import CredentialsKind
from plenary.meetings.participants import list_of_participants
from plenary.treaties.models import Organisation, State

ZONES = sorted(zone for zone in available_timezones() if "/" in zone and not zone.startswith("Etc"))


def meeting_list(request, convention):
    rows = selectors.meetings(convention=convention)
    may_convene = request.user.has_perm("meetings.manage_meeting", convention)
    return render(
        request, "meetings/meeting_list.html", {"meetings": rows, "may_convene": may_convene}
    )


def _chosen_part(request, parts):
    number = request.GET.get("part") or "1"
    for part in parts:
        if str(part.number) == number:
            return part
    raise Http404(_("This meeting has no part %(number)s.") % {"number": number})


def _meeting_audience(request) -> tuple:
    """The meeting page shows, by role, the Secretariat's links and the registration link
    of a focal point or delegate: it depends on the reader's roles and functions and on
    whether they act for a State or an organisation, not on which one."""
    from plenary.core.permissions import current_grants

    grants = current_grants(request.user, getattr(request, "convention", None))
    return (
        roles_under_convention(request),
        sorted({(bool(g.state_id), bool(g.organisation_id)) for g in grants}),
    )


def _meeting_scopes(request, convention, code: str) -> list[str]:
    """The meeting page reads its meeting's records (registrations, programme) and BROAD."""
    return [BROAD, f"meeting:{selectors.meeting_id(code, convention=convention)}"]


@shared_when_signed_in(vary=_meeting_audience, scopes=_meeting_scopes)
def meeting_detail(request, convention, code: str):
    meeting = selectors.meeting_by_reference(code, convention=convention)
    record = selectors.meeting_record(meeting)
    part = _chosen_part(request, record["parts"])
    zone_form = ProgrammeZoneForm(request.GET or None, zones=ZONES)
    zone = zone_form.cleaned_data.get("tz") if zone_form.is_valid() else ""
    participant = acting_for(user=request.user, convention=meeting.convention)
    scope = within(meeting.convention, participant) if participant is not None else None
    may_register = scope is not None and request.user.has_perm(
        "meetings.register_delegation", scope
    )
    # A Delegation user who is not its focal point reads the registration.
    may_see_registration = may_register or (
        scope is not None and request.user.has_perm("meetings.view_own_delegation", scope)
    )
    may_manage = request.user.has_perm("meetings.manage_meeting", meeting)
    release = selectors.latest_release(meeting=meeting)
    show_draft = may_manage and request.GET.get("programme") == "draft"
    if show_draft:
        programme = selectors.programme_of(part=part, zone=zone or None)
    elif release is not None:
        programme = selectors.release_days(release, number=part.number, zone=zone or None)
    else:
        programme = []
    return render(
        request,
        "meetings/meeting_detail.html",
        {
            **record,
            "part": part,
            "plan_history": [
                {
                    "change": change,
                    "previously": layout.plan_summary(change.previous_plan),
                    "now": layout.plan_summary(change.new_plan),
                }
                for change in record["plan_changes"]
            ],
            "programme": programme,
            "release": release,
            "show_draft": show_draft,
            "zone": zone or part.time_zone,
            "zone_form": zone_form,
            "participants": selectors.participants_by_category(part=part),
            "registration_closes_at": services.registration_closes_at(meeting),
            "may_register": may_register,
            "may_see_registration": may_see_registration,
            "may_manage": may_manage,
        },
    )


def _participant_for(request, meeting):
    """The State or organisation whose registration the signed-in user sees, and whether
    they may change it: their own (its focal point changes it, the other members of the
    Delegation read it), or any State for the Secretariat (?state=PER)."""
    user = request.user
    if user.has_perm("meetings.manage_meeting", meeting) and request.GET.get("state"):
        return get_object_or_404(State, iso3=request.GET["state"].upper()), True
    if user.has_perm("meetings.manage_meeting", meeting) and request.GET.get("organisation"):
        return get_object_or_404(Organisation, pk=request.GET["organisation"]), True
    participant = acting_for(user=user, convention=meeting.convention)
    if participant is None:
        raise PermissionDenied(_("Only a Delegation registers its own delegation."))
    scope = within(meeting.convention, participant)
    if user.has_perm("meetings.register_delegation", scope):
        return participant, True
    if user.has_perm("meetings.view_own_delegation", scope):
        return participant, False
    raise PermissionDenied(_("Only a Delegation registers its own delegation."))


def _posted_count(data) -> int:
    try:
        return min(int(data.get("members-TOTAL_FORMS", "0")), 1000)
    except ValueError:
        return 0


@login_required
def register(request, convention, code: str):
    meeting = selectors.meeting_by_reference(code, convention=convention)
    participant, may_edit = _participant_for(request, meeting)
    is_state = isinstance(participant, State)
    lookup = {"state": participant} if is_state else {"organisation": participant}
    existing = selectors.delegation_of(meeting=meeting, **lookup)
    if not may_edit:
        return _registration_read_only(request, meeting, participant, existing, lookup)
    parts = list(meeting.parts.order_by("number"))
    secretariat = request.user.has_perm("meetings.manage_meeting", meeting)
    without_email = (
        frozenset(m.name for m in existing.members.all() if not m.email)
        if existing
        else frozenset()
    )
    if request.method == "POST" and "add_member" in request.POST:
        # One more row: what was typed comes back as it was, unchecked until it is saved.
        rows = [
            {
                key: request.POST.get(f"members-{index}-{key}", "")
                for key in ("role", "name", "title", "function", "email", "publish")
            }
            for index in range(_posted_count(request.POST))
        ]
        for row in rows:
            row["publish"] = bool(row["publish"])
        formset = delegate_formset(extra=1)(prefix="members", initial=rows)
        parts_form = DelegationForm(
            secretariat=secretariat,
            parts=parts,
            initial={
                "parts": request.POST.getlist("parts"),
                "credentials_kind": request.POST.get("credentials_kind", ""),
                "reason": request.POST.get("reason", ""),
            },
        )
        status = 200
    elif request.method == "POST":
        formset = DelegateFormSet(
            request.POST, prefix="members", form_kwargs={"without_email": without_email}
        )
        parts_form = DelegationForm(
            request.POST, request.FILES, parts=parts, secretariat=secretariat
        )
        if formset.is_valid() and parts_form.is_valid():
            data = parts_form.cleaned_data
            members = [
                services.DelegateIn(
                    role=row["role"],
                    name=row["name"],
                    title=row.get("title", ""),
                    function=row.get("function", ""),
                    email=row.get("email", ""),
                    publish=bool(row.get("publish")),
                )
                for row in formset.cleaned_data
                if row.get("name")
            ]
            chosen = [part for part in parts if str(part.pk) in data["parts"]]
            credentials = {
                "credentials": data["credentials"] or None,
                "credentials_kind": data["credentials_kind"] or CredentialsKind.NOTE_VERBALE,
            }
            try:
                if existing is None:
                    services.register_delegation(
                        meeting=meeting,
                        members=members,
                        parts=chosen,
                        now=timezone.now(),
                        by=request.user,
                        **credentials,
                        **lookup,
                    )
                else:
                    services.update_delegation(
                        delegation=existing,
                        members=members,
                        parts=chosen,
                        now=timezone.now(),
                        reason=data.get("reason", ""),
                        by=request.user,
                        **credentials,
                    )
            except ValidationError as error:
                show_refusal(parts_form, error)
            else:
                messages.success(
                    request,
                    _("%(meeting)s: the delegation of %(who)s is registered.")
                    % {"who": participant, "meeting": meeting},
                )
                return redirect("meetings:meeting_detail", convention=convention, code=meeting.code)
        status = 422
    else:
        initial = [
            {
                "role": member.role,
                "name": member.name,
                "title": member.title,
                "function": member.function,
                "email": member.email,
                "publish": member.publish,
            }
            for member in (existing.members.all() if existing else [])
        ]
        formset = DelegateFormSet(prefix="members", initial=initial)
        attended = existing.parts.all() if existing else parts
        parts_form = DelegationForm(
            secretariat=secretariat,
            parts=parts,
            initial={
                "parts": [str(p.pk) for p in attended],
                "credentials_kind": existing.credentials_kind if existing else "",
            },
        )
        status = 200
    return render(
        request,
        "meetings/register.html",
        {
            "meeting": meeting,
            "participant": participant,
            "existing": existing,
            "formset": formset,
            "parts_form": parts_form,
            "registration_closes_at": services.registration_closes_at(meeting),
            "may_manage": secretariat,
            "reference": selectors.participant_reference(existing) if existing else "",
        },
        status=status,
    )


def _registration_read_only(request, meeting, participant, existing, lookup):
    """What a Delegation user who is not its focal point sees: the registration as it
    stands and who may change it. A change posted is refused (403)."""
    focal_points = selectors.focal_points_of(convention=meeting.convention, **lookup)
    who = {"participant": participant, "names": ", ".join(focal_points)}
    if focal_points:
        notice = (
            _(
                "Only the focal point of the delegation of %(participant)s registers it and"
                " changes its registration: %(names)s (or the Secretariat)."
            )
            % who
        )
    else:
        notice = (
            _(
                "Only the focal point of the delegation of %(participant)s registers it and"
                " changes its registration (or the Secretariat); %(participant)s has no focal"
                " point today: ask the Secretariat."
            )
            % who
        )
    if request.method == "POST":
        raise PermissionDenied(notice)
    return render(
        request,
        "meetings/registration_read_only.html",
        {
            "meeting": meeting,
            "participant": participant,
            "existing": existing,
            "notice": notice,
            "registration_closes_at": services.registration_closes_at(meeting),
            "reference": selectors.participant_reference(existing) if existing else "",
        },
    )


def _ics(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def meetings_feed(request, convention):
    body = layout.meetings_ics(
        selectors.meetings(convention=convention),
        host=request.get_host().split(":")[0],
        name=_("%(convention)s: meetings") % {"convention": convention.local_name},
    )
    return _ics(body, f"{convention.slug}-meetings.ics")


def programme_feed(request, convention, code: str):
    """The latest release of a part's programme (empty before the first release)."""
    meeting = selectors.meeting_by_reference(code, convention=convention)
    part = _chosen_part(request, list(meeting.parts.order_by("number")))
    release = selectors.latest_release(meeting=meeting)
    days = selectors.release_days(release, number=part.number) if release else []
    body = layout.programme_ics(part, days, host=request.get_host().split(":")[0])
    return _ics(body, f"{meeting.code.lower()}-part-{part.number}-programme.ics")


# The Secretariat's pages: convene a meeting, then keep its plan, officers, agenda and
# programme. Each form posts to its own action and calls one service; a refusal comes back
# on the form's field with 422.


def _check_manage(request, obj) -> None:
    if not request.user.has_perm("meetings.manage_meeting", obj):
        raise PermissionDenied(services.MAY_NOT_MANAGE)


@login_required
def convene(request, convention):
    _check_manage(request, convention)
    status = 200
    if request.method == "POST":
        form = MeetingForm(request.POST, convention=convention)
        part_forms = PartFormSet(request.POST, prefix="parts")
        if form.is_valid() and part_forms.is_valid():
            data = form.cleaned_data
            try:
                meeting = services.create_meeting(
                    convention=convention,
                    kind=data["kind"],
                    code=data["code"],
                    number=data["number"],
                    symbol_root=data["symbol_root"],
                    title=data["title"],
                    convening_reference=data["convening_reference"],
                    convened_by=data["convened_by"],
                    time_zone=data["time_zone"],
                    parts=part_plans(part_forms),
                    by=request.user,
                )
            except ValidationError as error:
                show_refusal(form, error)
            else:
                convened = _("Meeting convened: %(meeting)s.") % {"meeting": meeting}
                messages.success(request, convened)
                return redirect("meetings:manage", convention=convention, code=meeting.code)
        status = 422
    else:
        form = MeetingForm(convention=convention)
        part_forms = PartFormSet(prefix="parts", initial=[{}, {}])
    return render(
        request,
        "meetings/convene.html",
        {"form": form, "part_forms": part_forms},
        status=status,
    )


def _part_initial(part) -> dict:
    return {
        name: getattr(part, name)
        for name in (
            "starts_on",
            "ends_on",
            "format",
            "venue",
            "city",
            "platform",
            "time_zone",
            "registration_deadline",
        )
    }


def _manage(request, convention, meeting, bound: dict | None = None, status: int = 200):
    record = selectors.meeting_record(meeting)
    parts = record["parts"]
    slots = selectors.slots_of(meeting=meeting)
    bound = bound or {}
    cited = selectors.decisions_behind_a_replan(meeting=meeting)
    entries = selectors.entries_of(meeting=meeting)
    forms = {
        "replan": ReplanForm(**cited),
        "parts": PartFormSet(prefix="parts", initial=[_part_initial(p) for p in parts] + [{}]),
        "officer": OfficerForm(prefix="officer"),
        "item": AgendaItemForm(prefix="item"),
        "adopt": AdoptAgendaForm(prefix="adopt", initial={"on": meeting.agenda_adopted_on}),
        "slot": SlotForm(prefix="slot", parts=parts),
        "entry": EntryForm(prefix="entry", slots=slots, agenda=record["agenda"]),
        "plenary": PlenaryMeetingsForm(prefix="plenary", parts=parts),
        "move": MoveSlotForm(prefix="move", slots=slots, parts=parts),
        "remove_slot": RemoveSlotForm(prefix="remove_slot", slots=slots),
        "remove_entry": RemoveEntryForm(prefix="remove_entry", entries=entries),
        "release": ReleaseForm(prefix="release"),
        "translations": _title_translations(meeting),
        "item_translation": _item_translation(record),
    }
    forms.update(bound)
    return render(
        request,
        "meetings/manage.html",
        {
            **record,
            "slots": slots,
            "forms": forms,
            "releases": selectors.releases_of(meeting=meeting),
        },
        status=status,
    )


def _act(request, convention, code, bind, act):
    """A Secretariat's action: bind the forms, call the service, redirect or show the refusal."""
    meeting = selectors.meeting_by_reference(code, convention=convention)
    _check_manage(request, meeting)
    if request.method != "POST":
        return redirect("meetings:manage", convention=convention, code=meeting.code)
    record = selectors.meeting_record(meeting)
    bound = bind(request.POST, meeting, record)
    form = next(iter(bound.values()))
    if all(f.is_valid() for f in bound.values()):
        try:
            done = act(meeting, record, bound)
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, done)
            return redirect("meetings:manage", convention=convention, code=meeting.code)
    return _manage(request, convention, meeting, bound, status=422)


def _part(record, number):
    return next(part for part in record["parts"] if part.number == number)


@login_required
def replan(request, convention, code: str):
    def bind(data, meeting, record):
        cited = selectors.decisions_behind_a_replan(meeting=meeting)
        return {"replan": ReplanForm(data, **cited), "parts": PartFormSet(data, prefix="parts")}

    def act(meeting, record, bound):
        data = bound["replan"].cleaned_data
        services.replan_meeting(
            meeting=meeting,
            parts=part_plans(bound["parts"]),
            decided_by=data["decided_by"],
            decided_on=data["decided_on"],
            reason=data["reason"],
            silence_procedure=selectors.procedure_for_replan(
                meeting=meeting, pk=data["silence_procedure"]
            ),
            decision=selectors.decision_for_replan(meeting=meeting, pk=data["decision"]),
            today=timezone.localdate(),
            by=request.user,
        )
        return _("The new plan is recorded.")

    return _act(request, convention, code, bind, act)


@login_required
def add_officer(request, convention, code: str):
    def bind(data, meeting, record):
        return {"officer": OfficerForm(data, prefix="officer")}

    def act(meeting, record, bound):
        data = bound["officer"].cleaned_data
        officer = services.record_officer(
            meeting=meeting,
            role=data["role"],
            person=data["person"],
            state=data["state"],
            description=data["description"],
            act=data["act"],
            act_on=data["act_on"],
            term=data["term"],
            by=request.user,
        )
        return _("%(officer)s is recorded as %(office)s.") % {
            "officer": officer,
            "office": officer.get_role_display(),
        }

    return _act(request, convention, code, bind, act)


@login_required
def add_item(request, convention, code: str):
    def bind(data, meeting, record):
        return {"item": AgendaItemForm(data, prefix="item")}

    def act(meeting, record, bound):
        data = bound["item"].cleaned_data
        item = services.add_agenda_item(
            meeting=meeting,
            number=data["number"],
            letter=data["letter"],
            title=data["title"],
            symbols=data["symbols"],
            by=request.user,
        )
        return _("Item %(item)s is on the agenda.") % {"item": item}

    return _act(request, convention, code, bind, act)


@login_required
def adopt(request, convention, code: str):
    def bind(data, meeting, record):
        return {"adopt": AdoptAgendaForm(data, prefix="adopt")}

    def act(meeting, record, bound):
        services.adopt_agenda(
            meeting=meeting, on=bound["adopt"].cleaned_data["on"], by=request.user
        )
        return _("The adoption of the agenda is recorded.")

    return _act(request, convention, code, bind, act)


@login_required
def add_slot(request, convention, code: str):
    def bind(data, meeting, record):
        return {"slot": SlotForm(data, prefix="slot", parts=record["parts"])}

    def act(meeting, record, bound):
        data = bound["slot"].cleaned_data
        slot = services.add_programme_slot(
            part=_part(record, data["part"]),
            day=data["day"],
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            by=request.user,
        )
        return _("The slot %(slot)s is in the programme.") % {"slot": slot}

    return _act(request, convention, code, bind, act)


@login_required
def add_entry(request, convention, code: str):
    def bind(data, meeting, record):
        slots = selectors.slots_of(meeting=meeting)
        return {"entry": EntryForm(data, prefix="entry", slots=slots, agenda=record["agenda"])}

    def act(meeting, record, bound):
        data = bound["entry"].cleaned_data
        slot = next(s for s in selectors.slots_of(meeting=meeting) if s.pk == data["slot"])
        item = next((i for i in record["agenda"] if i.pk == data["agenda_item"]), None)
        services.add_programme_entry(
            slot=slot, agenda_item=item, text=data["text"], symbols=data["symbols"], by=request.user
        )
        return _("The line is added to the slot %(slot)s.") % {"slot": slot}

    return _act(request, convention, code, bind, act)


@login_required
def plenary_meetings(request, convention, code: str):
    def bind(data, meeting, record):
        return {"plenary": PlenaryMeetingsForm(data, prefix="plenary", parts=record["parts"])}

    def act(meeting, record, bound):
        data = bound["plenary"].cleaned_data
        services.record_plenary_meetings_held(
            part=_part(record, data["part"]), count=data["count"], by=request.user
        )
        return _("The plenary meetings held are recorded.")

    return _act(request, convention, code, bind, act)


def _title_translations(meeting, data=None) -> TranslationsForm:
    return TranslationsForm(
        data, prefix="translations", record=meeting, field="title", label=_("Title"), max_length=200
    )


def _item_translation(record, data=None) -> ItemTranslationForm:
    return ItemTranslationForm(
        data,
        prefix="item_translation",
        items=record["agenda"],
        label=_("Title of the item"),
        max_length=400,
    )


@login_required
def translate_meeting(request, convention, code: str):
    def bind(data, meeting, record):
        return {"translations": _title_translations(meeting, data)}

    def act(meeting, record, bound):
        form = bound["translations"]
        services.set_meeting_translations(
            meeting=meeting,
            title_translations=form.changes(),
            original_language=form.cleaned_data["original_language"],
            by=request.user,
        )
        return _("The title's translations are recorded.")

    return _act(request, convention, code, bind, act)


@login_required
def translate_item(request, convention, code: str):
    def bind(data, meeting, record):
        return {"item_translation": _item_translation(record, data)}

    def act(meeting, record, bound):
        data = bound["item_translation"].cleaned_data
        item = next(i for i in record["agenda"] if i.pk == data["item"])
        services.set_agenda_item_translations(
            item=item, title_translations={data["language"]: data["text"]}, by=request.user
        )
        return _("The translation of item %(item)s is recorded.") % {"item": item.label}

    return _act(request, convention, code, bind, act)


@login_required
def manage(request, convention, code: str):
    meeting = selectors.meeting_by_reference(code, convention=convention)
    _check_manage(request, meeting)
    return _manage(request, convention, meeting)


# The programme's draft is edited slot by slot, then released as a numbered version; the
# public reads the releases only.


@login_required
def move_slot(request, convention, code: str):
    def bind(data, meeting, record):
        slots = selectors.slots_of(meeting=meeting)
        return {"move": MoveSlotForm(data, prefix="move", slots=slots, parts=record["parts"])}

    def act(meeting, record, bound):
        data = bound["move"].cleaned_data
        slot = services.move_programme_slot(
            slot=selectors.slot_of(meeting=meeting, slot_id=data["slot"]),
            part=_part(record, data["part"]),
            day=data["day"],
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            by=request.user,
        )
        return _("The slot is moved to %(slot)s.") % {"slot": slot}

    return _act(request, convention, code, bind, act)


@login_required
def remove_slot(request, convention, code: str):
    def bind(data, meeting, record):
        slots = selectors.slots_of(meeting=meeting)
        return {"remove_slot": RemoveSlotForm(data, prefix="remove_slot", slots=slots)}

    def act(meeting, record, bound):
        slot = selectors.slot_of(meeting=meeting, slot_id=bound["remove_slot"].cleaned_data["slot"])
        services.remove_programme_slot(slot=slot, by=request.user)
        return _("The slot %(slot)s is taken out of the draft.") % {"slot": slot}

    return _act(request, convention, code, bind, act)


@login_required
def remove_entry(request, convention, code: str):
    def bind(data, meeting, record):
        entries = selectors.entries_of(meeting=meeting)
        return {"remove_entry": RemoveEntryForm(data, prefix="remove_entry", entries=entries)}

    def act(meeting, record, bound):
        chosen = bound["remove_entry"].cleaned_data["entry"]
        entry = next(e for e in selectors.entries_of(meeting=meeting) if e.pk == chosen)
        services.remove_programme_entry(entry=entry, by=request.user)
        return _("The line is taken out of the slot %(slot)s.") % {"slot": entry.slot}

    return _act(request, convention, code, bind, act)


@login_required
def release(request, convention, code: str):
    def bind(data, meeting, record):
        return {"release": ReleaseForm(data, prefix="release")}

    def act(meeting, record, bound):
        done = services.release_programme(
            meeting=meeting,
            now=timezone.now(),
            note=bound["release"].cleaned_data["note"],
            by=request.user,
        )
        return _("Version %(number)s of the programme of work is released.") % {
            "number": done.number
        }

    return _act(request, convention, code, bind, act)


def releases(request, convention, code: str):
    """Every released version of the programme, each with what changed since the last."""
    meeting = selectors.meeting_by_reference(code, convention=convention)
    rows = selectors.releases_of(meeting=meeting)
    return render(
        request,
        "meetings/releases.html",
        {
            "meeting": meeting,
            "releases": [
                {"release": row, "changes": layout.change_lines(row.changes)} for row in rows
            ],
            "may_manage": request.user.has_perm("meetings.manage_meeting", meeting),
        },
    )


def _released(request, convention, code: str, number: int):
    meeting = selectors.meeting_by_reference(code, convention=convention)
    done = selectors.release_of(meeting=meeting, number=number)
    parts = [selectors.part_as_released(done, meeting, part["number"]) for part in done.programme]
    return meeting, done, parts


def release_detail(request, convention, code: str, number: int):
    """A released version as a page: every part's programme, then what changed."""
    meeting, done, parts = _released(request, convention, code, number)
    return render(
        request,
        "meetings/release_detail.html",
        {
            "meeting": meeting,
            "release": done,
            "changes": layout.change_lines(done.changes),
            "parts": [
                {
                    "part": part,
                    "heading": layout.part_heading(part),
                    "days": selectors.release_days(done, number=part.number),
                }
                for part in parts
            ],
        },
    )


def release_download(request, convention, code: str, number: int, fmt: str):
    """A released version of one part (?part=N) as .docx, HTML or iCalendar."""
    meeting, done, parts = _released(request, convention, code, number)
    part = _chosen_part(request, parts)
    days = selectors.release_days(done, number=part.number)
    stem = f"{meeting.code}_part{part.number}_programme_v{done.number}"
    if fmt == "ics":
        body = layout.programme_ics(part, days, host=request.get_host().split(":")[0])
        return _ics(body, f"{stem}.ics")
    drafted = drafting_content.programme(part, days)
    if fmt == "docx":
        response = HttpResponse(
            drafting_render.to_docx(drafted),
            content_type=(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            ),
        )
        response["Content-Disposition"] = f'attachment; filename="{stem}.docx"'
        return response
    if fmt == "html":
        return HttpResponse(
            drafting_render.to_html(drafted, standalone=True),
            content_type="text/html; charset=utf-8",
        )
    raise Http404(_("A release downloads as docx, html or ics."))


# Registration: the Secretariat's view of every registration, accreditation, the approval
# of rule 1 (3) observers, exports, the note verbale, and the list of participants.


def _registrations(request, meeting, *, errors: dict | None = None, status: int = 200):
    decisions = selectors.decisions_of_meeting(meeting=meeting)
    categories = selectors.register_of(meeting=meeting, contacts=True, accredited_only=False)
    errors = errors or {}
    for category in categories:
        for row in category.participants:
            reference = selectors.participant_reference(row.delegation)
            row.reference = reference
            row.needs_approval = (
                row.delegation.organisation_id is not None
                and row.delegation.organisation.observer_rule == "1(3)"
            )
            refused = errors.get(("approval", reference))
            row.show_approval = refused is not None or (
                row.needs_approval and row.delegation.attendance_approved_on is None
            )
            row.approval_form = refused or ApprovalForm(
                prefix=f"approval-{reference}",
                decisions=decisions,
            )
            row.accredit_form = errors.get(("accredit", reference)) or AccreditForm(
                initial={"delegation": reference}
            )
    return render(
        request,
        "meetings/registrations.html",
        {
            "meeting": meeting,
            "categories": categories,
            "registered": any(category.participants for category in categories),
            "not_registered": selectors.not_registered(meeting=meeting),
            "registration_closes_at": services.registration_closes_at(meeting),
        },
        status=status,
    )


def _check_registrations(request, meeting) -> None:
    if not request.user.has_perm("meetings.view_registrations", meeting):
        raise PermissionDenied(_("Only the Secretariat sees every registration."))


@login_required
def registrations(request, convention, code: str):
    meeting = selectors.meeting_by_reference(code, convention=convention)
    _check_registrations(request, meeting)
    return _registrations(request, meeting)


@login_required
def accredit(request, convention, code: str):
    meeting = selectors.meeting_by_reference(code, convention=convention)
    _check_registrations(request, meeting)
    if request.method != "POST":
        return redirect("meetings:registrations", convention=convention, code=meeting.code)
    form = AccreditForm(request.POST)
    if form.is_valid():
        delegation = selectors.delegation_by_participant(
            meeting=meeting, reference=form.cleaned_data["delegation"]
        )
        try:
            services.accredit_delegation(delegation=delegation, now=timezone.now(), by=request.user)
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(
                request,
                _("The delegation of %(who)s is accredited.") % {"who": delegation.participant},
            )
            return redirect("meetings:registrations", convention=convention, code=meeting.code)
    reference = request.POST.get("delegation", "")
    return _registrations(request, meeting, errors={("accredit", reference): form}, status=422)


@login_required
def approve_attendance(request, convention, code: str, reference: str):
    meeting = selectors.meeting_by_reference(code, convention=convention)
    _check_registrations(request, meeting)
    if request.method != "POST":
        return redirect("meetings:registrations", convention=convention, code=meeting.code)
    delegation = selectors.delegation_by_participant(meeting=meeting, reference=reference)
    decisions = selectors.decisions_of_meeting(meeting=meeting)
    form = ApprovalForm(request.POST, prefix=f"approval-{reference}", decisions=decisions)
    if form.is_valid():
        data = form.cleaned_data
        decision = next((d for d in decisions if d.pk == data["decision"]), None)
        try:
            services.approve_observer_attendance(
                delegation=delegation,
                decision=decision,
                decided_on=data["decided_on"],
                reference=data["reference"],
                by=request.user,
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(
                request,
                _("The meeting's approval of %(who)s is recorded.")
                % {"who": delegation.participant},
            )
            return redirect("meetings:registrations", convention=convention, code=meeting.code)
    return _registrations(request, meeting, errors={("approval", reference): form}, status=422)


@login_required
def registrations_export(request, convention, code: str, extension: str):
    meeting = selectors.meeting_by_reference(code, convention=convention)
    _check_registrations(request, meeting)
    categories = selectors.register_of(meeting=meeting, contacts=True, accredited_only=False)
    if extension not in ("csv", "xlsx"):
        raise Http404(_("The register is exported as .csv or .xlsx."))
    stem = f"{meeting.code}-registrations"
    if extension == "xlsx":
        response = HttpResponse(
            exports.registrations_xlsx(categories),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        response = HttpResponse(
            exports.registrations_csv(categories), content_type="text/csv; charset=utf-8"
        )
    response["Content-Disposition"] = f'attachment; filename="{stem}.{extension}"'
    return response


@login_required
def credentials_file(request, convention, code: str, reference: str):
    """The note verbale or credentials: the Secretariat's and the delegation's own only."""
    meeting = selectors.meeting_by_reference(code, convention=convention)
    delegation = selectors.delegation_by_participant(meeting=meeting, reference=reference)
    if not request.user.has_perm(
        "meetings.view_own_delegation", within(meeting.convention, delegation.participant)
    ):
        raise PermissionDenied(_("Only the Secretariat and the delegation see its credentials."))
    if not delegation.credentials:
        raise Http404(_("No note verbale or credentials are received."))
    response = FileResponse(
        delegation.credentials.open("rb"),
        content_type="application/pdf",
        as_attachment=True,
        filename=f"{meeting.code}-{reference}-{delegation.credentials_kind}.pdf",
    )
    return response


def participants(request, convention, code: str):
    """The list of participants as published: accredited delegations, named members who
    consented, no contact details."""
    meeting = selectors.meeting_by_reference(code, convention=convention)
    categories = selectors.register_of(meeting=meeting, contacts=False, accredited_only=True)
    return render(
        request,
        "meetings/participants.html",
        {
            "meeting": meeting,
            "categories": categories,
            "symbol": selectors.list_of_participants_symbol(meeting=meeting),
            "any": any(category.participants for category in categories),
        },
    )


def participants_docx(request, convention, code: str):
    """The list of participants drafted as the meeting's INF document (.docx)."""
    meeting = selectors.meeting_by_reference(code, convention=convention)
    categories = selectors.register_of(meeting=meeting, contacts=False, accredited_only=True)
    drafted = list_of_participants(
        meeting=meeting,
        categories=categories,
        symbol=selectors.list_of_participants_symbol(meeting=meeting),
    )
    response = HttpResponse(to_docx(drafted), content_type=DOCX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{drafted.file_stem}.docx"'
    return response
