"""Tokens: the signed unsubscribe token in every e-mail, and private feed keys."""

import hashlib
import secrets

from django.core import signing

UNSUBSCRIBE_SALT = "plenary.reminders.unsubscribe"


def unsubscribe_token(user_id: int) -> str:
    """A token naming the user, signed with SECRET_KEY: it needs no login and no row."""
    return signing.dumps({"u": user_id}, salt=UNSUBSCRIBE_SALT, compress=True)


def user_of_unsubscribe_token(token: str) -> int | None:
    try:
        return int(signing.loads(token, salt=UNSUBSCRIBE_SALT)["u"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def new_feed_key() -> str:
    return secrets.token_urlsafe(32)


def digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()
