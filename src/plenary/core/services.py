"""Writes of the core app: failed sign-ins and API tokens."""

import secrets
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from plenary.core.models import ApiToken, FailedLogin, User


def record_failed_login(*, username: str, ip_address: str | None, at: datetime) -> None:
    """Keep one failed sign-in so that `login_refused` can count it."""
    FailedLogin.objects.create(username=username[:150], ip_address=ip_address, at=at)


def clear_failed_logins(*, username: str) -> None:
    """After a successful sign-in the account's failures no longer count."""
    FailedLogin.objects.filter(username__iexact=username).delete()


@transaction.atomic
def issue_api_token(*, user: User, name: str) -> str:
    """Create a token for `user` and return its key, which is shown only this once.

    Steps: draw 32 random bytes, store their SHA-256 digest and a prefix, return the key.
    """
    key = secrets.token_urlsafe(32)
    ApiToken.objects.create(user=user, name=name, digest=ApiToken.digest_of(key), prefix=key[:8])
    return key


def revoke_api_token(*, token: ApiToken) -> None:
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])


DEMO_ACCOUNTS = [
    ("secretariat", "secretariat", None),
    ("president", "presidency", None),
    ("isu", "isu", None),
    ("coordinator", "coordinator", None),
    ("peru", "delegation", "PER"),
    ("chile", "delegation", "CHL"),
    ("observer", "observer", None),
]


@transaction.atomic
def ensure_demo_users() -> list[User]:
    """Create (or reset) one demo account per role, all with settings.DEMO_PASSWORD."""
    from django.conf import settings

    from plenary.treaties.models import State

    users = []
    for username, role, iso3 in DEMO_ACCOUNTS:
        state = State.objects.filter(iso3=iso3).first() if iso3 else None
        if iso3 and state is None:
            continue
        user = User.objects.filter(username=username).first() or User(username=username)
        user.role, user.state, user.organisation = role, state, None
        user.email = f"{username}@example.org"
        user.is_staff = user.is_superuser = role == "secretariat"
        user.set_password(settings.DEMO_PASSWORD)
        user.save()
        users.append(user)
    return users
