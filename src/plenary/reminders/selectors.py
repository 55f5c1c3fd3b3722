"""Every read of the reminders: the deadlines of every capability, whom they bind, what was
sent, and the State a feed token opens.

The deadlines come from the modules named in `settings.PLENARY_DEADLINE_PROVIDERS`, each
with one function `deadlines_between(*, start, end, state=None)` that runs a fixed number
of queries; adding a capability is a module and one line of settings.
"""

from collections import defaultdict
from datetime import date

from django.conf import settings
from django.db.models import Q
from django.utils.module_loading import import_string

from plenary.core.models import Role, RoleGrant, User
from plenary.core.permissions import grants_in_force, remember_grants
from plenary.reminders.models import FeedToken, Reminder, Status
from plenary.reminders.tokens import digest
from plenary.rules import reminders as rules
from plenary.rules.errors import RuleError
from plenary.treaties.models import Participation, State

UNKNOWN_STATE = "no State with the ISO 3166 code {iso3!r}"
PERIOD_REVERSED = "the period ends on {end} before it starts on {start}"


def providers() -> list:
    return [
        import_string(f"{path}.deadlines_between") for path in settings.PLENARY_DEADLINE_PROVIDERS
    ]


def state_named(iso3: str) -> State:
    """The State with ISO code `iso3`, or a RuleError on "state" (one query)."""
    state = State.objects.filter(iso3=(iso3 or "").strip().upper()).first()
    if state is None:
        raise RuleError("state", UNKNOWN_STATE.format(iso3=iso3))
    return state


def deadlines_between(*, start: date, end: date, state: str | None = None) -> list[rules.Deadline]:
    """Every capability's deadlines whose day is in [start, end], soonest first; with
    `state` (ISO code), those that bind that State. An unknown State is a RuleError."""
    if end < start:
        raise RuleError("end", PERIOD_REVERSED.format(start=start, end=end))
    iso3 = state_named(state).iso3 if state else None
    found: list[rules.Deadline] = []
    for provider in providers():
        found += provider(start=start, end=end, state=iso3)
    if iso3:
        found = [deadline for deadline in found if deadline.bound.binds_state(iso3)]
    return sorted(found, key=lambda d: (d.ends_at, d.subject, d.key))


def _standing(user, on: date | None) -> tuple[set[str], set[str]]:
    """The roles `user` holds on `on` (under any convention, as deadlines do not name one
    yet) and the ISO codes of the States its Delegation acts for."""
    grants = grants_in_force(user, on=on)
    roles = {grant.role for grant in grants}
    iso3s = {g.state.iso3 for g in grants if g.role == Role.DELEGATION and g.state_id}
    return roles, iso3s


def binds_user(bound: rules.Bound, user, parties: set[str], on: date | None = None) -> bool:
    """Whether a deadline with this bound is the user's to meet. `parties`: ISO codes of
    the States Parties."""
    if not (user.is_active and user.is_authenticated):
        return False
    roles, iso3s = _standing(user, on)
    if bound.kind == rules.STATE:
        return bound.iso3 in iso3s
    if bound.kind == rules.STATES_PARTIES:
        return bool(iso3s & parties)
    if bound.kind == rules.SECRETARIAT:
        return Role.SECRETARIAT in roles
    return bound.role in roles


def states_parties(on: date) -> set[str]:
    """ISO codes of the States Parties on `on` (one query)."""
    return set(
        Participation.objects.filter(entry_into_force__lte=on)
        .exclude(withdrawal_effective_on__lte=on)
        .values_list("state__iso3", flat=True)
    )


def deadlines_for_user(*, user, start: date, end: date) -> list[rules.Deadline]:
    """What is due for `user`: the Secretariat sees every State's; a Delegation its
    State's and its role's; anyone else what binds their role."""
    roles, iso3s = _standing(user, None)
    if Role.SECRETARIAT in roles:
        return deadlines_between(start=start, end=end)
    if len(iso3s) == 1:
        return deadlines_between(start=start, end=end, state=next(iter(iso3s)))
    return [d for d in deadlines_between(start=start, end=end) if binds_user(d.bound, user, set())]


def recipients(deadlines: list[rules.Deadline], *, on: date) -> dict[str, list[User]]:
    """The active users with an e-mail address bound by each deadline, by key, with their
    preferences and grants (two queries, whatever the number of deadlines)."""
    bounds = {deadline.bound for deadline in deadlines}
    if not bounds:
        return {}
    parties = states_parties(on) if any(b.kind == rules.STATES_PARTIES for b in bounds) else set()
    wanted = Q(pk__in=[])
    iso3s = {b.iso3 for b in bounds if b.kind == rules.STATE}
    if rules.STATES_PARTIES in {b.kind for b in bounds}:
        iso3s |= parties
    if iso3s:
        wanted |= Q(role=Role.DELEGATION, state__iso3__in=iso3s)
    roles = {b.role for b in bounds if b.kind == rules.ROLE}
    if any(b.kind == rules.SECRETARIAT for b in bounds):
        roles.add(Role.SECRETARIAT)
    if roles:
        wanted |= Q(role__in=roles)
    grants = (
        RoleGrant.objects.current(on)
        .filter(wanted, user__is_active=True)
        .exclude(user__email="")
        .select_related("state", "user", "user__reminder_preference")
        .order_by("user__username", "pk")
    )
    by_user: dict[int, list[RoleGrant]] = {}
    users: dict[int, User] = {}
    for grant in grants:
        users.setdefault(grant.user_id, grant.user)
        by_user.setdefault(grant.user_id, []).append(grant)
    for user_id, user in users.items():
        remember_grants(user, by_user[user_id])
    users = list(users.values())
    by_bound = defaultdict(list)
    for bound in bounds:
        by_bound[bound] = [user for user in users if binds_user(bound, user, parties, on)]
    return {deadline.key: by_bound[deadline.bound] for deadline in deadlines}


def reminders(*, status: str | None = None, user=None):
    rows = Reminder.objects.select_related("user").order_by(
        "-deadline_ends_at", "deadline_key", "user__username"
    )
    if status:
        rows = rows.filter(status=status)
    if user is not None:
        rows = rows.filter(user=user)
    return rows


def failed_reminders():
    """Sends that failed and wait for a retry or gave up: what the Secretariat must see."""
    return reminders(status=Status.FAILED)


def feed_state(*, key: str) -> State | None:
    """The State whose private feed `key` opens; None if unknown or revoked (one query)."""
    token = (
        FeedToken.objects.filter(digest=digest(key), revoked_at__isnull=True)
        .select_related("state")
        .first()
    )
    return token.state if token else None


def feed_tokens(*, state: State | None = None):
    tokens = FeedToken.objects.select_related("state", "created_by")
    return tokens.filter(state=state) if state is not None else tokens
