"""Reads of the core app: throttling state and the audit trail of an object."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Model

from plenary.core.models import FailedLogin


def login_refused(*, username: str, ip_address: str | None, now: datetime) -> bool:
    """Too many recent failures for this account, or from this address.

    An address is allowed ten times the account's limit: a conference venue puts
    hundreds of delegates behind one address.
    """
    since = now - timedelta(seconds=settings.LOGIN_FAILURE_WINDOW_SECONDS)
    recent = FailedLogin.objects.filter(at__gte=since)
    limit = settings.LOGIN_FAILURE_LIMIT
    by_account = recent.filter(username__iexact=username).count() if username else 0
    by_address = recent.filter(ip_address=ip_address).count() if ip_address else 0
    return by_account >= limit or by_address >= 10 * limit


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
