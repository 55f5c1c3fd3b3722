"""Reads of the core app: throttling state, roles held, and the audit trail of an object."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db.models import Model

from plenary.core.models import ApiToken, DelegationFunction, FailedLogin, Role, RoleGrant
from plenary.core.permissions import current_grants


def login_refused(*, username: str, ip_address: str | None, now: datetime) -> bool:
    """Too many recent failures for this account from this address.

    Keyed by the pair, never by the account alone (anyone could lock a colleague out by
    naming them) nor by the address alone (a conference venue, or every client behind a
    proxy, shares one). The failures age out after LOGIN_FAILURE_WINDOW_SECONDS: that is
    the cool-off. A password reset clears them (`clear_failed_logins`).
    """
    if not username:
        return False
    since = now - timedelta(seconds=settings.LOGIN_FAILURE_WINDOW_SECONDS)
    recent = FailedLogin.objects.filter(at__gte=since, username__iexact=username)
    recent = recent.filter(ip_address=ip_address) if ip_address else recent.filter(ip_address=None)
    return recent.count() >= settings.LOGIN_FAILURE_LIMIT


def history_of(*, obj: Model, limit: int = 200) -> list[dict]:
    """The audit trail of `obj`, newest first: who, when, what kind, which fields changed."""
    records = list(obj.history.select_related("history_user").order_by("-history_date")[:limit])
    rows = []
    for newer, older in zip(records, [*records[1:], None], strict=True):
        changes = []
        if older is not None:
            delta = newer.diff_against(older)
            changes = [(c.field, c.old, c.new) for c in delta.changes]
        rows.append(
            {
                "when": newer.history_date,
                "who": newer.history_user,
                "kind": newer.get_history_type_display(),
                "reason": newer.history_change_reason or "",
                "changes": changes,
            }
        )
    return rows


def acting_for(*, user, convention, on: date | None = None):
    """The State or organisation the user acts for as a Delegation under `convention` on
    `on` (today by default), or None."""
    for grant in current_grants(user, convention, on=on):
        if grant.role == Role.DELEGATION:
            return grant.state or grant.organisation
    return None


def state_acted_for(*, user, convention, on: date | None = None):
    """The State the user's Delegation acts for under `convention`, or None."""
    party = acting_for(user=user, convention=convention, on=on)
    return (
        party if getattr(getattr(party, "_meta", None), "label", "") == "treaties.State" else None
    )


def tokens_of(*, user) -> list:
    """The user's API tokens, newest first, revoked ones too."""
    return list(ApiToken.objects.filter(user=user).order_by("-created_at", "-pk"))


def grants_visible_to(*, user, convention, current: bool = False) -> list[RoleGrant]:
    """The grants under `convention` that `user` manages: every one for its Secretariat; a
    focal point's own State's Delegations. Ordered by State, role and person; `current`:
    only those in force today (one query)."""
    rows = RoleGrant.objects.filter(convention=convention).select_related(
        "user", "convention", "state", "organisation", "granted_by", "ended_by"
    )
    if current:
        rows = rows.current()
    if not user.has_perm("core.manage_people", convention):
        states = [
            grant.state_id
            for grant in current_grants(user, convention)
            if grant.function == DelegationFunction.FOCAL_POINT and grant.state_id
        ]
        rows = rows.filter(role=Role.DELEGATION, state_id__in=states)
    return list(rows.order_by("state__name", "organisation__name", "role", "user__username", "pk"))


def focal_point_states(*, user, convention) -> list:
    """The States whose delegation `user` is the focal point of under `convention`."""
    return [
        grant.state
        for grant in current_grants(user, convention)
        if grant.function == DelegationFunction.FOCAL_POINT and grant.state_id
    ]


def grants_of(*, user) -> list[RoleGrant]:
    """Every role the user holds or held, under every convention, newest first."""
    return list(
        RoleGrant.objects.filter(user=user)
        .select_related("convention", "state", "organisation", "granted_by", "ended_by")
        .order_by("-starts_on", "-pk")
    )


@dataclass(frozen=True)
class SecondFactor:
    """A person's second factor: their authenticator app (when set up) and how many of
    their backup codes remain unused."""

    authenticator: object | None
    backup_codes_left: int


def second_factor_of(*, user) -> SecondFactor:
    """`user`'s confirmed authenticator and the count of their unused backup codes (two
    queries)."""
    from django_otp.plugins.otp_static.models import StaticToken
    from django_otp.plugins.otp_totp.models import TOTPDevice

    authenticator = TOTPDevice.objects.filter(user=user, confirmed=True).order_by("-pk").first()
    left = StaticToken.objects.filter(device__user=user, device__confirmed=True).count()
    return SecondFactor(authenticator, left)
