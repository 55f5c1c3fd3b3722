"""The shapes of a refusal: an input keyed by the field at fault, or an act not permitted."""

from django.core.exceptions import PermissionDenied, ValidationError


def invalid(field: str, message: str) -> ValidationError:
    """`raise invalid("ends_on", "...")`: pages, the API and the loaders show it by field."""
    return ValidationError({field: [message]})


def check_may(by, perm: str, message: str, obj) -> None:
    """Refuse (PermissionDenied, 403) when `by` lacks `perm` on `obj`, the record acted on
    (its convention decides whose role counts: core/permissions.py); `by=None` is a
    trusted caller (a command or a reference load), which services let through."""
    if by is not None and not by.has_perm(perm, obj):
        raise PermissionDenied(message)
