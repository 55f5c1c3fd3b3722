"""Structured logs: every line names the request (an id), the user and the convention.

`RequestContext` (first in MIDDLEWARE) gives each request an id (the proxy's
`X-Request-ID` when it is a plain token, else a new one), answers with it in
`X-Request-ID`, and keeps it for the log lines written while the request runs; it
also writes one access line per request when ACCESS_LOG is on. `RequestFilter` adds
`request_id`, `user` and `convention` to every record; `KeyValueFormatter` writes
`key=value` lines, or JSON with LOG_FORMAT=json. This module imports no models: the
logging configuration loads it before the apps.
"""

import contextvars
import json
import logging
import re
import time
import uuid

from django.conf import settings
from django.utils.functional import SimpleLazyObject, empty

_current: contextvars.ContextVar[dict | None] = contextvars.ContextVar(
    "plenary_request", default=None
)
REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")
access_logger = logging.getLogger("plenary.request")


def _username(request, *, evaluate: bool) -> str:
    """The signed-in user's name, "-" for anonymous. Without `evaluate`, only a user the
    request already loaded (a log line must not query the database)."""
    user = request.__dict__.get("user")
    if user is None:
        return "-"
    if isinstance(user, SimpleLazyObject) and user._wrapped is empty and not evaluate:
        return "-"
    return user.get_username() if getattr(user, "is_authenticated", False) else "-"


def current() -> dict[str, str]:
    """The request's id, user and convention, for a log line written now."""
    context = _current.get()
    if context is None:
        return {"request_id": "-", "user": "-", "convention": "-"}
    return {
        "request_id": context["request_id"],
        "user": _username(context["request"], evaluate=False),
        "convention": context.get("convention", "-"),
    }


class RequestContext:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        offered = request.headers.get("X-Request-ID", "")
        request.id = offered if REQUEST_ID.fullmatch(offered) else uuid.uuid4().hex
        token = _current.set({"request_id": request.id, "request": request})
        started = time.monotonic()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request.id
            if settings.ACCESS_LOG:
                access_logger.info(
                    "%s %s %s %.1fms",
                    request.method,
                    request.get_full_path(),
                    response.status_code,
                    (time.monotonic() - started) * 1000,
                    extra={
                        "user": _username(request, evaluate=True),
                        "client": request.META.get("REMOTE_ADDR", "-"),
                    },
                )
            return response
        finally:
            _current.reset(token)

    def process_view(self, request, view_func, view_args, view_kwargs):
        convention = view_kwargs.get("convention")
        context = _current.get()
        if convention is not None and context is not None:
            context["convention"] = str(getattr(convention, "short_name", convention))


class RequestFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        for key, value in current().items():
            if not hasattr(record, key):
                setattr(record, key, value)
        return True


FIELDS = ("request_id", "user", "convention", "client")


def _quoted(value: str) -> str:
    return value if value and re.fullmatch(r"[^\s\"=]+", value) else json.dumps(value)


class KeyValueFormatter(logging.Formatter):
    """`at=... level=... logger=... request_id=... user=... convention=... msg="..."`."""

    def __init__(self, *args, json_lines: bool | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.json_lines = json_lines

    def format(self, record: logging.LogRecord) -> str:
        fields = {
            "at": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname.lower(),
            "logger": record.name,
            **{key: str(getattr(record, key)) for key in FIELDS if hasattr(record, key)},
            "msg": record.getMessage(),
        }
        if record.exc_info:
            fields["exc"] = self.formatException(record.exc_info)
        as_json = self.json_lines
        if as_json is None:
            as_json = getattr(settings, "LOG_FORMAT", "keyvalue") == "json"
        if as_json:
            return json.dumps(fields, ensure_ascii=False)
        return " ".join(f"{key}={_quoted(value)}" for key, value in fields.items())
