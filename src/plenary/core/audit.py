"""Attribute a change to a person and a reason in the audit trail (django-simple-history)."""

from django.db.models import Model


def attribute(obj: Model, *, by, reason: str = "") -> Model:
    """Mark `obj` so that its next save is recorded as done by `by`, for `reason`."""
    if by is not None and getattr(by, "is_authenticated", False):
        obj._history_user = by
    if reason:
        obj._change_reason = reason
    return obj
