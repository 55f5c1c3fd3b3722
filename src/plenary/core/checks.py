"""`plenary check --deploy`: what a production installation must not get wrong.

Each error names the setting (or environment variable) to fix. A scheduler that has not
run recently is a /healthz failure (core/health.py), not a deploy check: the check runs
before anything is started.
"""

import os
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, register

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0", "testserver", ""}  # noqa: S104
UNSENT_MAIL = {
    "django.core.mail.backends.console.EmailBackend": "the console",
    "django.core.mail.backends.locmem.EmailBackend": "memory",
    "django.core.mail.backends.dummy.EmailBackend": "nowhere",
    "django.core.mail.backends.filebased.EmailBackend": "files",
}
PER_PROCESS_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


def app_processes() -> int:
    """The app processes configured: APP_PROCESSES, or gunicorn's WEB_CONCURRENCY."""
    for name in ("APP_PROCESSES", "WEB_CONCURRENCY"):
        value = os.environ.get(name, "").strip()
        if value.isdigit():
            return int(value)
    return 1


@register(Tags.security, deploy=True)
def check_mail(app_configs=None, **kwargs):
    where = UNSENT_MAIL.get(settings.EMAIL_BACKEND)
    if where is None:
        return []
    return [
        Error(
            f"E-mail goes to {where}, not to its recipients: reminders and notices would be"
            " marked sent and never arrive.",
            hint="Set EMAIL_URL, e.g. smtp://user:password@smtp.example.org:587?tls=1.",
            id="plenary.E101",
        )
    ]


@register(Tags.security, deploy=True)
def check_site_url(app_configs=None, **kwargs):
    url = urlsplit(settings.SITE_URL)
    if url.scheme in {"http", "https"} and (url.hostname or "") not in LOCAL_HOSTS:
        return []
    return [
        Error(
            f"SITE_URL is {settings.SITE_URL!r}: feeds and e-mail would link to this machine.",
            hint="Set SITE_URL to the address readers use, e.g. https://plenary.example.org.",
            id="plenary.E102",
        )
    ]


@register(Tags.staticfiles, deploy=True)
def check_static_collected(app_configs=None, **kwargs):
    root = settings.STATIC_ROOT
    manifest = root and os.path.exists(os.path.join(root, "staticfiles.json"))
    collected = manifest or (root and os.path.isdir(root) and any(os.scandir(root)))
    if collected:
        return []
    return [
        Error(
            f"Static files are not collected in STATIC_ROOT ({root}): with DEBUG off every"
            " page would fail.",
            hint="Run `plenary collectstatic --no-input` (STATIC_ROOT follows PLENARY_VAR_DIR).",
            id="plenary.E103",
        )
    ]


@register(Tags.caches, deploy=True)
def check_shared_cache(app_configs=None, **kwargs):
    processes = app_processes()
    per_process = sorted(
        alias for alias, cache in settings.CACHES.items() if cache["BACKEND"] in PER_PROCESS_CACHES
    )
    if processes <= 1 or not per_process:
        return []
    return [
        Error(
            f"{processes} app processes are configured (APP_PROCESSES / WEB_CONCURRENCY) but"
            f" the caches {', '.join(per_process)} are per process: throttles and cached pages"
            " would differ from one process to the next.",
            hint="Set CACHE_URL=redis://host:6379/0 to share one Redis.",
            id="plenary.E104",
        )
    ]
