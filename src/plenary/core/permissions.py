"""Who may do what: role predicates shared by every app's permissions module.

A role is held under one convention (`core.RoleGrant`), so every check reads the
convention from the record it is about: `user.has_perm("decisions.record_analysis",
request)` asks whether the user is the ISU *of the request's convention*. A State or an
organisation belongs to no convention; a check about one names the convention with
`within(convention, state)`. A check with no record (`has_perm(perm)`) finds no
convention and is refused.

The `rules` library evaluates these for pages (`user.has_perm`) and for the API alike,
so a permission is checked on the server in exactly one place. Only grants count: the
superuser flag opens the back office and grants no product role (`User.has_perm`).
"""

from dataclasses import dataclass
from datetime import date

import rules
from django.core.cache import caches
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.functional import LazyObject, empty

from plenary.core.models import DelegationFunction, Role, RoleGrant, User

# How a record reaches its convention: the first of these attributes it has.
_CONVENTION_PATHS = (
    "meeting",
    "obligation",
    "part",
    "procedure",
    "request",
    "document",
    "estimate",
    "assessment",
    "consultation",
    "plan",
    "section",
    "indicator",
)
_CONVENTION_LESS = {"treaties.State", "treaties.Organisation", "core.User"}


@dataclass(frozen=True)
class Scope:
    """A convention and, for checks about a State or an organisation, the one concerned."""

    convention: object
    state: object = None
    organisation: object = None


def within(convention, party=None) -> Scope:
    """The record for a check about `party` (a State, an organisation or None) under
    `convention`: `user.has_perm("meetings.register_delegation", within(ccm, chile))`."""
    if _is(party, "treaties.Organisation"):
        return Scope(convention=convention, organisation=party)
    return Scope(convention=convention, state=party)


def _is(obj, label: str) -> bool:
    # By label, not class: core does not import the treaty registry.
    return obj is not None and getattr(getattr(obj, "_meta", None), "label", None) == label


def convention_of(obj, _depth: int = 0):
    """The convention a record belongs to: a Convention itself, a `Scope`'s, or the one
    reached through the record's convention, meeting, obligation, part... None for no
    record. A State, an organisation or a user belongs to none: a TypeError says to name
    the convention with `within`."""
    if obj is None or _depth > 4:
        return None
    if isinstance(obj, Scope):
        return obj.convention
    label = getattr(getattr(obj, "_meta", None), "label", None)
    if label == "treaties.Convention":
        return obj
    if label in _CONVENTION_LESS:
        raise TypeError(f"{label} {obj} belongs to no convention: check within(convention, it)")
    if getattr(obj, "convention_id", None) is not None:
        return obj.convention
    for path in _CONVENTION_PATHS:
        related = getattr(obj, path, None)
        if related is not None and getattr(related, "_meta", None) is not None:
            return convention_of(related, _depth + 1)
    return None


def party_of(obj):
    """The State or organisation a check is about: a `Scope`'s, a State or organisation
    itself, or the record's own State (directly or through its obligation)."""
    if isinstance(obj, Scope):
        return obj.state or obj.organisation
    if _is(obj, "treaties.State") or _is(obj, "treaties.Organisation"):
        return obj
    for holder in (obj, getattr(obj, "obligation", None)):
        if holder is not None and getattr(holder, "state_id", None) is not None:
            return holder.state
    return None


def _unwrapped(user):
    """The user itself behind the request's lazy wrappers (auth's, then django-otp's), so
    that the grants read once are seen through every wrapper of it."""
    while isinstance(user, LazyObject):
        if user._wrapped is empty:
            user._setup()
        user = user._wrapped
    return user


def _grants(user) -> list[RoleGrant]:
    """Every grant of the user, ended or not, read once per user object (one request), and
    kept in the cache under the user's `grants_version` (read with the user's row): the
    next request of the same version reads no grant. Every change that could show in them
    moves the version on (`grant_changed`), so a copy of another version is never used,
    whichever process kept it; the copy is kept in the page cache, under a key naming the
    version, so each process may keep it too (core/cache.py)."""
    if not (user and getattr(user, "is_authenticated", False) and user.is_active):
        return []
    user = _unwrapped(user)
    cached = user.__dict__.get("_plenary_grants")
    if cached is None:
        version = getattr(user, "grants_version", None)
        key = _grants_key(user.pk, version)
        kept = caches["pages"].get(key) if version is not None else None
        if kept is not None:
            cached = kept
        else:
            cached = list(
                RoleGrant.objects.filter(user_id=user.pk).select_related(
                    "convention", "state", "organisation"
                )
            )
            if version is not None:
                caches["pages"].set(key, cached, GRANTS_KEPT_SECONDS)
        user.__dict__["_plenary_grants"] = cached
    return cached


# How long a user's grants are kept between two requests (a bound: the version decides).
GRANTS_KEPT_SECONDS = 3600


def _grants_key(user_id, version) -> str:
    return f"plenary-grants:{user_id}:{version}"


def forget_grants(user) -> None:
    """After a grant of `user` changed without moving its version (a test's bulk write):
    read them again at the next check."""
    user = _unwrapped(user)
    user.__dict__.pop("_plenary_grants", None)
    caches["pages"].delete(_grants_key(user.pk, getattr(user, "grants_version", None)))


def grant_changed(sender, instance, **kwargs) -> None:
    """Signal receiver (post_save, post_delete): a grant saved or deleted, or a convention,
    State or organisation a grant names saved or deleted, moves the `grants_version` of
    the users concerned on in the same transaction, and drops their kept grants."""
    if sender is RoleGrant:
        users = [instance.user_id]
    elif kwargs.get("created"):
        return  # a new convention, State or organisation: no grant names it yet
    else:
        field = GRANT_NAMES[sender._meta.label_lower]
        users = list(
            RoleGrant.objects.filter(**{f"{field}_id": instance.pk})
            .values_list("user_id", flat=True)
            .distinct()
        )
    if not users:
        return
    # The copies kept under the versions that end are dropped too (a user object read
    # before the change still names its version), now and again once committed (a request
    # between the two read the old rows).
    keys = [
        _grants_key(pk, version)
        for pk, version in User.objects.filter(pk__in=users).values_list("pk", "grants_version")
    ]
    User.objects.filter(pk__in=users).update(grants_version=F("grants_version") + 1)
    caches["pages"].delete_many(keys)
    transaction.on_commit(
        lambda: caches["pages"].delete_many(keys), using=kwargs.get("using") or "default"
    )


# The records a grant shows (its convention, the State or organisation it acts for), by
# model, and the grant's field that names each.
GRANT_NAMES = {
    "treaties.convention": "convention",
    "treaties.state": "state",
    "treaties.organisation": "organisation",
}


def current_grants(user, convention, *, on: date | None = None) -> list[RoleGrant]:
    """The user's grants in force under `convention` on `on` (today by default)."""
    if convention is None:
        return []
    on = on or timezone.localdate()
    return [g for g in _grants(user) if g.convention_id == convention.pk and g.is_current(on)]


def has_role(
    user,
    role: str,
    convention,
    *,
    on: date | None = None,
    state=None,
    organisation=None,
    functions=None,
) -> bool:
    """Whether `user` holds `role` under `convention` on `on`; for a Delegation, acting
    for `state` (or `organisation`) when given, with one of `functions` when given."""
    for grant in current_grants(user, convention, on=on):
        if grant.role != role:
            continue
        if state is not None and grant.state_id != state.pk:
            continue
        if organisation is not None and grant.organisation_id != organisation.pk:
            continue
        if functions is not None and grant.function not in functions:
            continue
        return True
    return False


def _has_role(role: Role):
    @rules.predicate(name=f"is_{role.value}")
    def predicate(user, obj) -> bool:
        return has_role(user, role, convention_of(obj))

    return predicate


is_secretariat = _has_role(Role.SECRETARIAT)
is_presidency = _has_role(Role.PRESIDENCY)
is_isu = _has_role(Role.ISU)
is_coordinator = _has_role(Role.COORDINATOR)
is_delegation = _has_role(Role.DELEGATION)
is_observer = _has_role(Role.OBSERVER)
is_signed_in = rules.is_authenticated & rules.is_active


@rules.predicate
def is_delegation_of_state(user, obj) -> bool:
    """The user is a Delegation acting for the record's State under its convention."""
    state = party_of(obj)
    return _is(state, "treaties.State") and has_role(
        user, Role.DELEGATION, convention_of(obj), state=state
    )


@rules.predicate
def is_delegation_of_organisation(user, obj) -> bool:
    """The user is a Delegation acting for the record's organisation under its convention."""
    organisation = party_of(obj)
    return _is(organisation, "treaties.Organisation") and has_role(
        user, Role.DELEGATION, convention_of(obj), organisation=organisation
    )


@rules.predicate
def is_focal_point_of_state(user, obj) -> bool:
    """The user is the focal point of the record's State's delegation under its convention."""
    state = party_of(obj)
    return _is(state, "treaties.State") and has_role(
        user,
        Role.DELEGATION,
        convention_of(obj),
        state=state,
        functions={DelegationFunction.FOCAL_POINT},
    )


@rules.predicate
def is_focal_point_of_organisation(user, obj) -> bool:
    """The user is the focal point of the record's organisation's delegation under its
    convention."""
    organisation = party_of(obj)
    return _is(organisation, "treaties.Organisation") and has_role(
        user,
        Role.DELEGATION,
        convention_of(obj),
        organisation=organisation,
        functions={DelegationFunction.FOCAL_POINT},
    )


@rules.predicate
def is_a_focal_point(user, obj) -> bool:
    """The user is the focal point of some delegation under the record's convention."""
    return has_role(
        user, Role.DELEGATION, convention_of(obj), functions={DelegationFunction.FOCAL_POINT}
    )


@rules.predicate
def is_own_account(user, obj) -> bool:
    """The object is the user, or a token of the user's."""
    if _is(obj, "core.User"):
        return obj.pk == user.pk
    return getattr(obj, "user_id", None) == user.pk


rules.add_perm("core.view_history", is_signed_in)
# The object is the convention (or a record of it).
rules.add_perm("core.manage_people", is_secretariat)
rules.add_perm("core.invite_user", is_secretariat | is_a_focal_point)
rules.add_perm("core.view_people", is_secretariat | is_a_focal_point)
# The object is `within(convention, state)`: a focal point manages its own State's users.
rules.add_perm("core.manage_delegation", is_secretariat | is_focal_point_of_state)
# The object is the user, or one of their tokens.
rules.add_perm("core.manage_own_tokens", is_signed_in & is_own_account)
# The object is the user: their own authenticator and backup codes.
rules.add_perm("core.manage_own_second_factor", is_signed_in & is_own_account)
rules.add_perm("core.choose_language", is_signed_in & is_own_account)


def reader_as(*, role: str, convention):
    """An unsaved, active user holding `role` under `convention` and nothing else: the
    explicit actor of a command that reads what that role reads (never saved)."""
    user = User(username=f"plenary-{role}", is_active=True)
    grant = RoleGrant(convention=convention, role=role, starts_on=date.min)
    user.__dict__["_plenary_grants"] = [grant]
    return user


def grants_in_force(user, *, on: date | None = None) -> list[RoleGrant]:
    """The user's grants in force on `on` under every convention (for reads that do not
    yet name their convention, such as the reminders)."""
    on = on or timezone.localdate()
    return [grant for grant in _grants(user) if grant.is_current(on)]


def conventions_held(user, *, on: date | None = None) -> list:
    """The conventions under which `user` holds a role on `on` (today by default), by
    short name: what pages that span conventions check a permission under."""
    return sorted({grant.convention for grant in grants_in_force(user, on=on)}, key=str)


def may_somewhere(user, perm: str) -> bool:
    """Whether `user` has `perm` under some convention they hold a role in today."""
    return any(user.has_perm(perm, convention) for convention in conventions_held(user))


def remember_grants(user, grants: list[RoleGrant]) -> None:
    """Give `user` the grants a selector read in bulk, so that checks need no query."""
    _unwrapped(user).__dict__["_plenary_grants"] = list(grants)
