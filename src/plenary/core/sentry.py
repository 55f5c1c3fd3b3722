"""Errors to Sentry (or a server that speaks its protocol) when SENTRY_DSN is set.

Started from the settings, before Django handles a request: the Django integration then
reports every unhandled exception of a view, with the request id the logs carry as a tag.
No personal data is sent (no user name, address or cookies), no performance traces.
"""

from importlib.metadata import PackageNotFoundError, version

import sentry_sdk
from sentry_sdk.integrations.django import DjangoIntegration


def _release() -> str | None:
    try:
        return f"plenary@{version('plenary')}"
    except PackageNotFoundError:
        return None


def _tag_request(event, hint):
    """Tag the event with the request id and convention the log lines carry."""
    from plenary.core.request_log import current

    context = current()
    tags = event.setdefault("tags", {})
    for key in ("request_id", "convention"):
        if context[key] != "-":
            tags[key] = context[key]
    return event


def start_sentry(*, dsn: str, environment: str) -> None:
    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        release=_release(),
        integrations=[DjangoIntegration()],
        traces_sample_rate=0.0,
        before_send=_tag_request,
    )
