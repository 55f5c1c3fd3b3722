"""Every read of the reminders: the deadlines of every capability, whom they bind, what was
sent, and the State a feed token opens.

The deadlines come from the modules named in `settings.PLENARY_DEADLINE_PROVIDERS`, each
with one function `deadlines_between(*, start, end, state=None)` that runs a fixed number
of queries; adding a capability is a module and one line of settings. Each deadline names
its convention; one that binds "all States Parties" binds the States Parties of that
convention on the deadline's day (`StatesParties`), never those of another.
"""

from collections import defaultdict
from datetime import date
from importlib import import_module

from django.conf import settings
from django.core.cache import caches
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from plenary.core.models import Role, RoleGrant, User
from plenary.core.permissions import grants_in_force, remember_grants
from plenary.reminders.models import FeedToken, Reminder, Status
from plenary.reminders.tokens import digest
from plenary.rules import reminders as rules
from plenary.rules.errors import RuleError
from plenary.treaties.models import Participation, State

UNKNOWN_STATE = _("No State has the ISO 3166 code %(iso3)s.")
PERIOD_REVERSED = _("The period ends on %(end)s before it starts on %(start)s.")


def language_of(user) -> str:
    """The language a notice to `user` is written in: the one on their profile
    (`User.language`), else the site's.

    Every notice e-mail is rendered under `translation.override(language_of(user))`."""
    return user.language or settings.LANGUAGE_CODE


def providers() -> list:
    """The modules of `settings.PLENARY_DEADLINE_PROVIDERS`, in order."""
    return [import_module(path) for path in settings.PLENARY_DEADLINE_PROVIDERS]


def _provided(start: date, end: date, iso3: str | None) -> list[rules.Deadline]:
    """What every provider gives. With a State, each provider's answer is kept in the page
    cache (with PAGE_CACHE_SECONDS) under the generations of what it reads: the records of
    that State (its scope), the records no narrower scope names (BROAD), and the scopes its
    module names in PAGE_SCOPES (decisions': DEADLINES, which a silence procedure
    circulated moves). So a procedure circulated to every State Party has each State's
    deadlines read again from that one provider, the others' answers kept. One query for
    the generations, whatever the number of providers."""
    modules = providers()
    if not (iso3 and settings.PAGE_CACHE_SECONDS):
        return [
            deadline
            for module in modules
            for deadline in module.deadlines_between(start=start, end=end, state=iso3)
        ]
    from plenary.core.page_cache import BROAD, EVERY, generations, state_scope

    own = [(BROAD, state_scope(iso3), *getattr(module, "PAGE_SCOPES", ())) for module in modules]
    # "scope=generation" by scope, read at once for every provider.
    read = {g.partition("=")[0]: g for g in generations({s for scopes in own for s in scopes})}
    cache = caches["pages"]
    keys = [
        ":".join(
            [
                "deadlines",
                module.__name__,
                iso3,
                start.isoformat(),
                end.isoformat(),
                get_language() or "",
                *(read[scope] for scope in (EVERY, *sorted(scopes))),
            ]
        )
        for module, scopes in zip(modules, own, strict=True)
    ]
    kept = cache.get_many(keys)
    found = []
    for module, key in zip(modules, keys, strict=True):
        if key not in kept:
            kept[key] = module.deadlines_between(start=start, end=end, state=iso3)
            cache.set(key, kept[key], settings.PAGE_CACHE_SECONDS)
        found += kept[key]
    return found


def state_named(iso3: str) -> State:
    """The State with ISO code `iso3`, or a RuleError on "state" (one query)."""
    state = State.objects.filter(iso3=(iso3 or "").strip().upper()).first()
    if state is None:
        raise RuleError("state", UNKNOWN_STATE % {"iso3": repr(iso3)})
    return state


class StatesParties:
    """The States Parties of each deadline's convention on the deadline's day, from one
    query for all the deadlines that bind "all States Parties" (none if no deadline does)."""

    def __init__(self, deadlines: list[rules.Deadline]) -> None:
        conventions = {d.convention for d in deadlines if d.bound.kind == rules.STATES_PARTIES}
        self._rows: dict[str, list[tuple[str, date, date | None]]] = defaultdict(list)
        self._found: dict[tuple[str, date], set[str]] = {}
        if conventions:
            for convention, iso3, entry, withdrawn in Participation.objects.filter(
                convention__short_name__in=conventions, entry_into_force__isnull=False
            ).values_list(
                "convention__short_name",
                "state__iso3",
                "entry_into_force",
                "withdrawal_effective_on",
            ):
                self._rows[convention].append((iso3, entry, withdrawn))

    def on(self, convention: str, day: date) -> set[str]:
        """ISO codes of the States Parties of `convention` on `day`."""
        key = (convention, day)
        if key not in self._found:
            self._found[key] = {
                iso3
                for iso3, entry, withdrawn in self._rows[convention]
                if entry <= day and not (withdrawn and withdrawn <= day)
            }
        return self._found[key]

    def of(self, deadline: rules.Deadline) -> set[str]:
        """The States Parties a deadline binds as "all States Parties"; none otherwise."""
        if deadline.bound.kind != rules.STATES_PARTIES:
            return set()
        return self.on(deadline.convention, deadline.day)


def deadlines_between(*, start: date, end: date, state: str | None = None) -> list[rules.Deadline]:
    """Every capability's deadlines whose day is in [start, end], soonest first; with
    `state` (ISO code), those that bind that State (as one of the States Parties: of the
    deadline's convention on its day). An unknown State is a RuleError."""
    if end < start:
        raise RuleError("end", PERIOD_REVERSED % {"start": start, "end": end})
    iso3 = state_named(state).iso3 if state else None
    found = _provided(start, end, iso3)
    if iso3:
        parties = StatesParties(found)
        found = [
            deadline
            for deadline in found
            if deadline.bound.binds_state(iso3)
            and (deadline.bound.kind != rules.STATES_PARTIES or iso3 in parties.of(deadline))
        ]
    return sorted(found, key=lambda d: (d.ends_at, d.subject, d.key))


def _standing(user, on: date | None, convention: str | None = None) -> tuple[set[str], set[str]]:
    """The roles `user` holds on `on` (under `convention`, a short name, or under any when
    None) and the ISO codes of the States its Delegation acts for."""
    grants = [
        grant
        for grant in grants_in_force(user, on=on)
        if convention is None or grant.convention.short_name == convention
    ]
    roles = {grant.role for grant in grants}
    iso3s = {g.state.iso3 for g in grants if g.role == Role.DELEGATION and g.state_id}
    return roles, iso3s


def standing_of(user) -> tuple[set[str], set[str]]:
    """The roles `user` holds today under any convention and the ISO codes of the States
    its Delegation acts for: what `deadlines_for_user` chooses by (no query once the
    user's grants are read)."""
    return _standing(user, None)


def binds_user(
    bound: rules.Bound,
    user,
    parties: set[str],
    on: date | None = None,
    *,
    convention: str | None = None,
) -> bool:
    """Whether a deadline with this bound is the user's to meet. `parties`: ISO codes of
    the States Parties the deadline binds (of its convention, on its day)."""
    if not (user.is_active and user.is_authenticated):
        return False
    roles, iso3s = _standing(user, on, convention)
    if bound.kind == rules.STATE:
        return bound.iso3 in iso3s
    if bound.kind == rules.STATES_PARTIES:
        return bool(iso3s & parties)
    if bound.kind == rules.SECRETARIAT:
        return Role.SECRETARIAT in roles
    return bound.role in roles


def deadlines_for_user(*, user, start: date, end: date) -> list[rules.Deadline]:
    """What is due for `user`: the Secretariat sees every State's; a Delegation its
    State's and its role's; anyone else what binds their role. Private kinds (a State's
    payments) only as `visible_to` allows."""
    roles, iso3s = _standing(user, None)
    if Role.SECRETARIAT in roles:
        found = deadlines_between(start=start, end=end)
    elif len(iso3s) == 1:
        found = deadlines_between(start=start, end=end, state=next(iter(iso3s)))
    else:
        found = [
            d for d in deadlines_between(start=start, end=end) if binds_user(d.bound, user, set())
        ]
    return visible_to(user=user, deadlines=found)


# Deadlines that reveal a State's own affairs (its unpaid assessment): shown only to the
# Secretariat of the deadline's convention and to the State's own Delegation there, the
# rule of finance.view_status's accounts (finance/selectors.accounts_visible_to).
PRIVATE_KINDS = frozenset({"payment"})


def visible_to(*, user, deadlines: list[rules.Deadline]) -> list[rules.Deadline]:
    """`deadlines` without the private ones `user` may not read (no query: the user's
    grants are read once)."""
    if not any(d.kind in PRIVATE_KINDS for d in deadlines):
        return deadlines
    grants = grants_in_force(user) if getattr(user, "is_authenticated", False) else []
    secretariat = {g.convention.short_name for g in grants if g.role == Role.SECRETARIAT}
    delegations = {
        (g.convention.short_name, g.state.iso3)
        for g in grants
        if g.role == Role.DELEGATION and g.state_id is not None
    }

    def readable(deadline: rules.Deadline) -> bool:
        if deadline.kind not in PRIVATE_KINDS:
            return True
        if deadline.convention in secretariat:
            return True
        return (
            deadline.bound.kind == rules.STATE
            and (deadline.convention, deadline.bound.iso3) in delegations
        )

    return [deadline for deadline in deadlines if readable(deadline)]


def recipients(deadlines: list[rules.Deadline]) -> dict[str, list[User]]:
    """The active users with an e-mail address bound by each deadline, by key, with their
    preferences and grants (two queries, and one for the States Parties when a deadline binds
    them, whatever the number of deadlines). "All States Parties" are those of the
    deadline's convention on its day; a user is bound through a role held under the
    deadline's convention."""
    bounds = {deadline.bound for deadline in deadlines}
    if not bounds:
        return {}
    parties = StatesParties(deadlines)
    wanted = Q(pk__in=[])
    iso3s = {b.iso3 for b in bounds if b.kind == rules.STATE}
    for deadline in deadlines:
        iso3s |= parties.of(deadline)
    if iso3s:
        wanted |= Q(role=Role.DELEGATION, state__iso3__in=iso3s)
    roles = {b.role for b in bounds if b.kind == rules.ROLE}
    if any(b.kind == rules.SECRETARIAT for b in bounds):
        roles.add(Role.SECRETARIAT)
    if roles:
        wanted |= Q(role__in=roles)
    grants = (
        RoleGrant.objects.current()
        .filter(wanted, user__is_active=True)
        .exclude(user__email="")
        .select_related("state", "convention", "user", "user__reminder_preference")
        .order_by("user__username", "pk")
    )
    by_user: dict[int, list[RoleGrant]] = {}
    users: dict[int, User] = {}
    for grant in grants:
        users.setdefault(grant.user_id, grant.user)
        by_user.setdefault(grant.user_id, []).append(grant)
    for user_id, user in users.items():
        remember_grants(user, by_user[user_id])
    bound_users: dict[tuple, list[User]] = {}
    found = {}
    for deadline in deadlines:
        binding = parties.of(deadline)
        key = (deadline.bound, deadline.convention, frozenset(binding))
        if key not in bound_users:
            bound_users[key] = [
                user
                for user in users.values()
                if binds_user(deadline.bound, user, binding, convention=deadline.convention)
            ]
        found[deadline.key] = bound_users[key]
    return found


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
