"""One error shape for every failure: {"detail": "...", "errors": [{"field", "message"}]}."""

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from plenary.rules.errors import RuleError

INVALID_INPUT = _("The request is not valid.")
NOT_FOUND = _("Not found.")
FORBIDDEN = _("You do not have permission to do this.")
TOO_BIG = _("A value is too long or out of range for the record that holds it.")
NOT_SIGNED_IN = _("Sign in, or send a valid token as 'Authorization: Bearer <key>'.")


class FieldError(Schema):
    field: str
    message: str


class ErrorOut(Schema):
    detail: str
    errors: list[FieldError] = []


def error_body(detail: str, errors: list[dict] | None = None) -> dict:
    # Messages may be lazy translations: the response schema takes text, in the
    # language of the request.
    return {
        "detail": str(detail),
        "errors": [{**error, "message": str(error["message"])} for error in errors or []],
    }


def _field_of(location: list | tuple) -> str:
    # Ninja locates a field as ("query", "on") or ("body", "payload", "name"); callers
    # know the field by its own name, so drop where it came from.
    dropped = ("body", "query", "path", "form", "payload", "ninja_pagination")
    parts = [str(p) for p in location if p not in dropped]
    return ".".join(parts) or "__all__"


def install(api: NinjaAPI) -> None:
    def respond(request, status: int, detail: str, errors: list[dict] | None = None):
        return api.create_response(request, error_body(detail, errors), status=status)

    @api.exception_handler(NinjaValidationError)
    def invalid_request(request, exc):
        errors = [{"field": _field_of(e.get("loc", [])), "message": e["msg"]} for e in exc.errors]
        return respond(request, 422, INVALID_INPUT, errors)

    @api.exception_handler(DjangoValidationError)
    def invalid_by_rule(request, exc):
        if hasattr(exc, "error_dict"):
            errors = [
                {"field": field, "message": message}
                for field, messages in exc.message_dict.items()
                for message in messages
            ]
        else:
            errors = [{"field": "__all__", "message": m} for m in exc.messages]
        return respond(request, 422, INVALID_INPUT, errors)

    @api.exception_handler(RuleError)
    def broken_rule(request, exc):
        return respond(request, 422, INVALID_INPUT, [{"field": exc.field, "message": exc.message}])

    @api.exception_handler(DataError)
    def out_of_column(request, exc):
        # The backstop behind core/limits.py: a value the database cannot hold is the
        # caller's error, not the server's.
        return respond(request, 422, INVALID_INPUT, [{"field": "__all__", "message": TOO_BIG}])

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return respond(request, 404, str(exc) if str(exc) else NOT_FOUND)

    @api.exception_handler(PermissionDenied)
    def forbidden(request, exc):
        return respond(request, 403, str(exc) or FORBIDDEN)

    @api.exception_handler(AuthenticationError)
    def not_signed_in(request, exc):
        return respond(request, 401, NOT_SIGNED_IN)

    @api.exception_handler(HttpError)
    def http_error(request, exc):
        return respond(request, exc.status_code, str(exc))
