from zoneinfo import available_timezones

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from plenary.meetings import render as layout
from plenary.meetings import selectors, services
from plenary.meetings.forms import DelegateFormSet, PartsForm, ProgrammeZoneForm
from plenary.treaties.models import State

ZONES = sorted(zone for zone in available_timezones() if "/" in zone and not zone.startswith("Etc"))


def meeting_list(request, convention):
    rows = selectors.meetings(convention=convention)
    return render(request, "meetings/meeting_list.html", {"meetings": rows})


def _chosen_part(request, parts):
    number = request.GET.get("part") or "1"
    for part in parts:
        if str(part.number) == number:
            return part
    raise Http404(_("This meeting has no part %(number)s.") % {"number": number})


def meeting_detail(request, convention, code: str):
    meeting = selectors.meeting_by_reference(code, convention=convention)
    record = selectors.meeting_record(meeting)
    part = _chosen_part(request, record["parts"])
    zone_form = ProgrammeZoneForm(request.GET or None, zones=ZONES)
    zone = zone_form.cleaned_data.get("tz") if zone_form.is_valid() else ""
    participant = request.user.state if getattr(request.user, "state_id", None) else None
    participant = participant or getattr(request.user, "organisation", None)
    may_register = participant is not None and request.user.has_perm(
        "meetings.register_delegation", participant
    )
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
            "programme": selectors.programme_of(part=part, zone=zone or None),
            "zone": zone or part.time_zone,
            "zone_form": zone_form,
            "participants": selectors.participants_by_category(part=part),
            "registration_closes_at": services.registration_closes_at(meeting),
            "may_register": may_register,
        },
    )


def _participant_for(request, meeting):
    """The State or organisation the signed-in user registers: their own, or any State for
    the Secretariat (?state=PER)."""
    user = request.user
    if user.has_perm("meetings.manage_meeting") and request.GET.get("state"):
        return get_object_or_404(State, iso3=request.GET["state"].upper())
    participant = user.state or user.organisation
    if participant is None or not user.has_perm("meetings.register_delegation", participant):
        raise PermissionDenied(_("Only a Delegation registers its own delegation."))
    return participant


@login_required
def register(request, convention, code: str):
    meeting = selectors.meeting_by_reference(code, convention=convention)
    participant = _participant_for(request, meeting)
    is_state = isinstance(participant, State)
    lookup = {"state": participant} if is_state else {"organisation": participant}
    existing = selectors.delegation_of(meeting=meeting, **lookup)
    parts = list(meeting.parts.order_by("number"))
    if request.method == "POST":
        formset = DelegateFormSet(request.POST, prefix="members")
        parts_form = PartsForm(request.POST, parts=parts)
        if formset.is_valid() and parts_form.is_valid():
            members = [
                services.DelegateIn(role=row["role"], name=row["name"], title=row.get("title", ""))
                for row in formset.cleaned_data
                if row.get("name")
            ]
            chosen = [part for part in parts if str(part.pk) in parts_form.cleaned_data["parts"]]
            try:
                if existing is None:
                    services.register_delegation(
                        meeting=meeting,
                        members=members,
                        parts=chosen,
                        now=timezone.now(),
                        by=request.user,
                        **lookup,
                    )
                else:
                    services.update_delegation(
                        delegation=existing,
                        members=members,
                        parts=chosen,
                        now=timezone.now(),
                        by=request.user,
                    )
            except ValidationError as error:
                parts_form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("The delegation of %(who)s is registered for %(meeting)s.")
                    % {"who": participant, "meeting": meeting},
                )
                return redirect("meetings:meeting_detail", convention=convention, code=meeting.code)
        status = 422
    else:
        initial = [
            {"role": member.role, "name": member.name, "title": member.title}
            for member in (existing.members.all() if existing else [])
        ]
        formset = DelegateFormSet(prefix="members", initial=initial)
        attended = existing.parts.all() if existing else parts
        parts_form = PartsForm(parts=parts, initial={"parts": [str(p.pk) for p in attended]})
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
        },
        status=status,
    )


def _ics(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def meetings_feed(request, convention):
    body = layout.meetings_ics(
        selectors.meetings(convention=convention),
        host=request.get_host().split(":")[0],
        name=f"{convention.name}: meetings",
    )
    return _ics(body, f"{convention.slug}-meetings.ics")


def programme_feed(request, convention, code: str):
    meeting = selectors.meeting_by_reference(code, convention=convention)
    part = _chosen_part(request, list(meeting.parts.order_by("number")))
    days = selectors.programme_of(part=part)
    body = layout.programme_ics(part, days, host=request.get_host().split(":")[0])
    return _ics(body, f"{meeting.code.lower()}-part-{part.number}-programme.ics")
