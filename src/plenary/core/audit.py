"""Attribute a change to a person and a reason in the audit trail (django-simple-history)."""

from django.db.models import Model


def attribute(obj: Model, *, by, reason: str = "") -> Model:
    """Mark `obj` so that its next save is recorded as done by `by`, for `reason`."""
    if by is not None and getattr(by, "is_authenticated", False):
        obj._history_user = by
    if reason:
        obj._change_reason = reason
    return obj


def assign(obj: Model, values: dict) -> bool:
    """Set `values` on `obj`; return whether it is new or any value differs (so needs a save).

    Saving only on a real change keeps the audit trail free of empty records when the
    same facts are recorded again (e.g. a second load of the reference data).
    """
    changed = obj.pk is None or any(getattr(obj, key) != value for key, value in values.items())
    for key, value in values.items():
        setattr(obj, key, value)
    return changed
