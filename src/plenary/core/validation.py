"""The one shape of a refused input: a ValidationError keyed by the field at fault."""

from django.core.exceptions import ValidationError


def invalid(field: str, message: str) -> ValidationError:
    """`raise invalid("ends_on", "...")`: pages, the API and the loaders show it by field."""
    return ValidationError({field: [message]})
