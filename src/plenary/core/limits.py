"""Limits on what a request may carry, enforced before a view reads it (issue 24).

`BodyLimit` refuses a body larger than the limit from its Content-Length alone, before any
of it is read or written to disk: REQUEST_MAX_BODY_BYTES for a signed-in caller (a session
or an `Authorization` header; a bad token is refused by the API before the body is parsed),
ANONYMOUS_MAX_BODY_BYTES for anyone else. An upload is therefore stored only for a caller
who is signed in.

`ApiInputLimits` checks every value of an API request (its query and its JSON body) against
what the records can hold, and answers 422 in the API's error shape naming the field: no
NUL character (PostgreSQL refuses it in text), strings within MAX_TEXT_LENGTH, numbers and
amounts within MAX_AMOUNT (a 14-digit column with 2 decimals), years and dates within
[MIN_YEAR, MAX_YEAR]. Fields' own lengths and ranges are the schemas'; these catch what
would otherwise reach the database and fail there as a 500.
"""

import json
import re
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

MIN_YEAR, MAX_YEAR = 1900, 2200
MAX_AMOUNT = Decimal(10) ** 12
AMOUNT_NAMES = {"total", "amount", "value", "estimated", "actual", "rate"}
DATE = re.compile(r"^(\d{4,})-\d{2}-\d{2}")
BODY_TOO_LARGE = gettext_lazy("The request body is too large: at most %(limit)s bytes.")
INVALID_INPUT = gettext_lazy("The request is not valid.")


def _json_error(status: int, detail: str, errors: list[dict] | None = None) -> JsonResponse:
    return JsonResponse({"detail": detail, "errors": errors or []}, status=status)


class BodyLimit:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length:
            signed_in = "HTTP_AUTHORIZATION" in request.META or request.user.is_authenticated
            limit = (
                settings.REQUEST_MAX_BODY_BYTES if signed_in else settings.ANONYMOUS_MAX_BODY_BYTES
            )
            if length > limit:
                return _json_error(413, BODY_TOO_LARGE % {"limit": limit})
        return self.get_response(request)


def _is_year_name(name: str) -> bool:
    return name == "year" or name.startswith("year_") or name.endswith("_year")


def problem(name: str, value) -> str | None:
    """What is wrong with `value` given as the field `name`, or None."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str):
        if "\x00" in value:
            return _("The text contains a NUL character.")
        if len(value) > settings.MAX_TEXT_LENGTH:
            return _("At most %(limit)d characters.") % {"limit": settings.MAX_TEXT_LENGTH}
        if (found := DATE.match(value)) and not MIN_YEAR <= int(found[1]) <= MAX_YEAR:
            return _("A date between %(first)d and %(last)d.") % {
                "first": MIN_YEAR,
                "last": MAX_YEAR,
            }
        if _is_year_name(name) and value.strip().lstrip("-").isdigit():
            return problem(name, int(value))
        if name in AMOUNT_NAMES or name.endswith(("_amount", "_total")):
            try:
                number = Decimal(value.strip())
            except InvalidOperation:
                return None
            return problem(name, number)
        return None
    if isinstance(value, int | float | Decimal):
        try:
            finite = Decimal(value).is_finite()
        except (InvalidOperation, ValueError, OverflowError):
            finite = False
        if not finite or abs(Decimal(value)) >= MAX_AMOUNT:
            return _("A number smaller than %(limit)s.") % {"limit": f"{MAX_AMOUNT:,.0f}"}
        if _is_year_name(name) and not MIN_YEAR <= value <= MAX_YEAR:
            return _("A year between %(first)d and %(last)d.") % {
                "first": MIN_YEAR,
                "last": MAX_YEAR,
            }
    return None


def problems(value, path: str = "") -> list[dict]:
    """Every problem in a decoded JSON value, each naming its field as a dotted path."""
    if isinstance(value, dict):
        return [e for key, item in value.items() for e in problems(item, _join(path, key))]
    if isinstance(value, list):
        return [e for index, item in enumerate(value) for e in problems(item, _join(path, index))]
    name = path.rsplit(".", 1)[-1]
    found = problem(name, value)
    return [{"field": path or "__all__", "message": found}] if found else []


def _join(path: str, key) -> str:
    return f"{path}.{key}" if path else str(key)


class ApiInputLimits:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/api/"):
            errors = [
                error
                for key, values in request.GET.lists()
                for value in values
                for error in problems(value, key)
            ]
            if request.content_type == "application/json" and request.body:
                try:
                    body = json.loads(request.body)
                except ValueError:
                    body = None  # the API answers a body it cannot read itself
                errors += problems(body)
            if errors:
                return _json_error(422, str(INVALID_INPUT), errors)
        return self.get_response(request)
