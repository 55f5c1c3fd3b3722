from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from plenary.core.models import Role
from plenary.core.page_cache import ANY, BROAD, DEADLINES, flags, shared_when_signed_in, state_scope
from plenary.core.permissions import conventions_held, grants_in_force, may_somewhere, within
from plenary.core.selectors import state_acted_for
from plenary.reminders import render as layout
from plenary.reminders import selectors, services, tokens
from plenary.reminders.forms import PeriodForm, PreferencesForm
from plenary.reminders.models import FeedToken, ReminderKind
from plenary.rules.errors import RuleError
from plenary.treaties import selectors as treaties

# What "due" looks at by default: a month back (missed), a year ahead.
DAYS_BACK = 30
DAYS_AHEAD = 365
FEED_DAYS_BACK = 90
FEED_DAYS_AHEAD = 2 * 365


def _period(request):
    form = PeriodForm(request.GET or None)
    today = timezone.localdate()
    cleaned = form.cleaned_data if form.is_bound and form.is_valid() else {}
    start = cleaned.get("start") or today - timedelta(days=DAYS_BACK)
    end = cleaned.get("end") or today + timedelta(days=DAYS_AHEAD)
    return form, start, max(start, end)


def _due_scopes(request) -> list[str]:
    """A Delegation of one State (no Secretariat role) reads that State's deadlines: every
    provider reads records that move BROAD, the records that name a State (its reports,
    its registrations) move its scope, and those that bind every State Party (a silence
    procedure circulated) move DEADLINES. Anyone else reads deadlines across the records (the
    anonymous cache asks before a reader is known: they are sent to sign in)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return [ANY]
    roles, iso3s = selectors.standing_of(user)
    if Role.SECRETARIAT in roles or len(iso3s) != 1:
        return [ANY]
    return [BROAD, DEADLINES, state_scope(next(iter(iso3s)))]


def _due_audience(request) -> tuple:
    """Whose deadlines a reader sees: they bind a role, or a State through its Delegation,
    and the private feed's link is every Delegation user's of the State, so a focal point
    and a delegate of one State share the page (their function is not part of it)."""
    return (
        *flags(request.user),
        sorted(
            {
                (g.convention_id, g.role, g.state_id or 0, g.organisation_id or 0)
                for g in grants_in_force(request.user)
            }
        ),
    )


@login_required
@shared_when_signed_in(vary=_due_audience, scopes=_due_scopes)
def due_mine(request):
    """What is due for the signed-in user; for the Secretariat, every State's deadlines and
    the reminders that failed to go."""
    form, start, end = _period(request)
    deadlines = selectors.deadlines_for_user(user=request.user, start=start, end=end)
    now = timezone.now()
    user = request.user
    held = conventions_held(user)
    state = next((s for s in (state_acted_for(user=user, convention=c) for c in held) if s), None)
    return render(
        request,
        "reminders/due_mine.html",
        {
            "form": form,
            "start": start,
            "end": end,
            "passed": [d for d in deadlines if d.ends_at < now],
            "upcoming": [d for d in deadlines if d.ends_at >= now],
            "all_states": may_somewhere(user, "reminders.view_all_deadlines"),
            "failed": list(selectors.failed_reminders())
            if may_somewhere(user, "reminders.view_failed_reminders")
            else None,
            "state": state,
            # The page spans conventions: a user's deadlines may come from any of them.
            "conventions": treaties.conventions(),
            "can_manage_feed": state is not None
            and any(user.has_perm("reminders.manage_feed", within(c, state)) for c in held),
        },
    )


@login_required
def preferences(request):
    preference = services._preference(request.user)
    if request.method == "POST":
        form = PreferencesForm(request.POST)
        if form.is_valid():
            chosen = set(form.cleaned_data["kinds"])
            services.set_preferences(
                user=request.user,
                language=form.cleaned_data["language"],
                subscribed=form.cleaned_data["subscribed"],
                missed_notices=form.cleaned_data["missed_notices"],
                muted_kinds=[kind for kind in ReminderKind.values if kind not in chosen],
            )
            messages.success(request, _("Your reminder preferences were saved."))
            return redirect("reminders:preferences")
        status = 422
    else:
        form = PreferencesForm(
            initial={
                "language": request.user.language,
                "subscribed": preference.subscribed,
                "missed_notices": preference.missed_notices,
                "kinds": [k for k in ReminderKind.values if k not in preference.muted_kinds],
            }
        )
        status = 200
    return render(request, "reminders/preferences.html", {"form": form}, status=status)


# A mail program's one-click unsubscribe (RFC 8058) posts without a CSRF token; the signed
# token is what authorises, and the only effect is to stop that user's reminders.
@csrf_exempt
def unsubscribe(request, token: str):
    if tokens.user_of_unsubscribe_token(token) is None:
        raise Http404(services.BAD_UNSUBSCRIBE)
    if request.method == "POST":
        try:
            user = services.unsubscribe(token=token)
        except RuleError:
            raise Http404(services.BAD_UNSUBSCRIBE) from None
        return render(request, "reminders/unsubscribed.html", {"unsubscribed": user})
    return render(request, "reminders/unsubscribed.html", {"token": token})


def _feed_state(request, iso3: str):
    try:
        state = selectors.state_named(iso3)
    except RuleError as error:
        raise Http404(error.message) from None
    held = conventions_held(request.user)
    if not any(request.user.has_perm("reminders.manage_feed", within(c, state)) for c in held):
        raise PermissionDenied(
            _("Only the Secretariat or this State's Delegation manage its feeds.")
        )
    return state


@login_required
def state_feeds(request, iso3: str):
    state = _feed_state(request, iso3)
    key = None
    if request.method == "POST":
        key = services.issue_feed_token(state=state, by=request.user, now=timezone.now())
    return render(
        request,
        "reminders/state_feeds.html",
        {
            "state": state,
            "tokens": list(selectors.feed_tokens(state=state)),
            "feed_url": settings.SITE_URL + f"/feeds/deadlines/{key}.ics" if key else None,
        },
        status=201 if key else 200,
    )


@login_required
def revoke_feed(request, iso3: str, pk: int):
    state = _feed_state(request, iso3)
    if request.method != "POST":
        return redirect("reminders:state_feeds", iso3=state.iso3)
    token = get_object_or_404(FeedToken, pk=pk, state=state)
    try:
        services.revoke_feed_token(token=token, now=timezone.now())
    except RuleError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The feed was revoked; its address no longer answers."))
    return redirect("reminders:state_feeds", iso3=state.iso3)


def state_feed(request, key: str):
    """A State's deadlines as iCalendar, for whoever holds the key; 404 once revoked."""
    state = selectors.feed_state(key=key)
    if state is None:
        raise Http404(_("No feed at this address, or it was revoked."))
    today = timezone.localdate()
    deadlines = selectors.deadlines_between(
        start=today - timedelta(days=FEED_DAYS_BACK),
        end=today + timedelta(days=FEED_DAYS_AHEAD),
        state=state.iso3,
    )
    body = layout.deadlines_ics(
        deadlines,
        host=request.get_host().split(":")[0],
        name=_("%(state)s: deadlines") % {"state": state.local_name},
        site_url=settings.SITE_URL,
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{state.iso3.lower()}-deadlines.ics"'
    response["Cache-Control"] = "private, no-store"
    return response
