"""Rendered pages for anonymous readers, cached until the records change.

On a conference day hundreds of delegates and members of the public open the same
programme and document lists. Their pages are the same for every anonymous reader of a
language, so they are rendered once per generation of the records:

- A request is served from the cache only when it is a GET with no session cookie and
  no Authorization header, or an API read no permission shapes (`PUBLIC_API_READS`: the
  documents and States lists, a released programme) with no Authorization header.
- The key holds the records' generation (one indexed row, `PageGeneration`), the
  language, the host and the full path with its query string.
- Every committed write to a model of a domain app (save, delete, many-to-many change)
  moves the generation on after its transaction commits (`records_changed`), so a page
  cached before a write is never served after it, whichever process made the write.
- Only complete 200 answers without cookies, under a size limit, are kept; admin,
  sign-in, language switching, health checks and the benchmark's floor views never are.

Signed-in readers (`shared_when_signed_in`, on the key pages' views): a page is the same
for every reader who holds the same roles, so it is rendered once per generation for each
*audience* (by default the roles in force today with their State or organisation and
function, the staff and second-factor flags, the day; a view whose content depends on
less names a narrower one, e.g. `roles_under_convention`) and kept with placeholders for
the reader's own parts: the account box and the navigation (core/_account.html and
core/_nav.html, rendered for each answer from the grants already read) and the CSRF
token. A reader with a message waiting, a request with an Authorization header or any
method but GET is rendered afresh.

PAGE_CACHE_SECONDS bounds an entry's life (0 turns the cache off, the default with DEBUG).
"""

import hashlib
import re
from functools import partial, wraps

from django.conf import settings
from django.core.cache import caches
from django.db import IntegrityError, connections, transaction
from django.db.models import F
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.encoding import iri_to_uri
from django.utils.safestring import mark_safe

from plenary.core.models import PageGeneration

HEADER = "X-Plenary-Page-Cache"
NEVER_CACHED = ("/admin/", "/accounts/", "/i18n/", "/healthz", "/bench/")
MAX_BYTES = 1024 * 1024
# What a cached answer keeps of the rendered one: the middleware inside this one (CSRF,
# clickjacking) does not run on a hit, so its headers are kept with the page.
KEPT_HEADERS = (
    "Content-Type",
    "Content-Disposition",
    "Content-Language",
    "Vary",
    "X-Frame-Options",
    "Content-Security-Policy",
)


def generation() -> int:
    value = PageGeneration.objects.filter(pk=1).values_list("value", flat=True).first()
    return value or 0


def bump(using: str = "default") -> None:
    """Move the generation on: every cached page becomes unreachable."""
    if not PageGeneration.objects.using(using).filter(pk=1).update(value=F("value") + 1):
        try:
            with transaction.atomic(using=using):
                PageGeneration.objects.using(using).create(pk=1, value=1)
        except IntegrityError:  # another process created it first
            PageGeneration.objects.using(using).filter(pk=1).update(value=F("value") + 1)


_BUMPS: dict[str, partial] = {}


def records_changed(sender, *, using: str = "default", **kwargs) -> None:
    """Signal receiver: after the transaction that changed a record commits, bump once."""
    action = kwargs.get("action")  # many-to-many changes only
    if not _is_record(sender) or (action is not None and not action.startswith("post_")):
        return
    callback = _BUMPS.setdefault(using, partial(bump, using=using))
    connection = connections[using]
    if any(queued is callback for _, queued, _ in connection.run_on_commit):
        return
    transaction.on_commit(callback, using=using)


def _is_record(model) -> bool:
    meta = model._meta
    return (
        model.__module__.startswith("plenary.")
        and meta.app_label != "core"
        and not model.__name__.startswith("Historical")
    )


class AnonymousPageCache:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.PAGE_CACHE_SECONDS
        if not seconds or not _anonymous_get(request):
            return self.get_response(request)
        cache = caches["pages"]
        key = ":".join(
            [
                "page",
                str(generation()),
                getattr(request, "LANGUAGE_CODE", ""),
                request.get_host(),
                iri_to_uri(request.get_full_path()),
            ]
        )
        if (stored := cache.get(key)) is not None:
            response = _rebuild(stored)
            response[HEADER] = "hit"
            # Served because the reader sent no cookie: shared caches must know it.
            patch_vary_headers(response, ("Cookie",))
            return response
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        if _keepable(response):
            cache.set(key, _stored(response), seconds)
            response[HEADER] = "miss"
        return response


# API reads whose answer is the same for every caller (no permission shapes it): a browser
# signed in with its session gets the anonymous public's cached answer. A program with a
# token (an Authorization header) never does; nor does the Secretariat's draft programme.
PUBLIC_API_READS = re.compile(r"^/api/v1/[a-z0-9-]+/(documents|states|meetings/[^/]+/programme)$")


def _public_api_read(request) -> bool:
    return bool(PUBLIC_API_READS.match(request.path)) and request.GET.get("version") != "draft"


def _anonymous_get(request) -> bool:
    return (
        request.method == "GET"
        and (settings.SESSION_COOKIE_NAME not in request.COOKIES or _public_api_read(request))
        and "messages" not in request.COOKIES  # a flash message for this reader
        and "HTTP_AUTHORIZATION" not in request.META
        and not request.path.startswith(NEVER_CACHED)
    )


def _keepable(response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and len(response.content) <= MAX_BYTES
        and "no-store" not in response.get("Cache-Control", "")
        and "private" not in response.get("Cache-Control", "")
    )


def _stored(response) -> tuple:
    headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
    return response.status_code, headers, response.content


def _rebuild(stored: tuple) -> HttpResponse:
    status, headers, content = stored
    return HttpResponse(content, status=status, headers=headers)


# What a page rendered for an audience holds in place of the reader's own parts.
CSRF_PLACEHOLDER = "plenary-shared-page-csrf-token"
ACCOUNT_PLACEHOLDER = "<!-- plenary-shared-page-account -->"
NAV_PLACEHOLDER = "<!-- plenary-shared-page-nav -->"
READER_PARTS = {ACCOUNT_PLACEHOLDER: "core/_account.html", NAV_PLACEHOLDER: "core/_nav.html"}


def shared_parts(request) -> dict:
    """Context processor: while a page is rendered for an audience, its per-reader parts
    are placeholders (base.html shows `reader_parts` in place of its two includes)."""
    if getattr(request, "plenary_shared_render", False):
        return {
            "csrf_token": CSRF_PLACEHOLDER,
            "reader_parts": {
                "account": mark_safe(ACCOUNT_PLACEHOLDER),  # noqa: S308 (a constant)
                "nav": mark_safe(NAV_PLACEHOLDER),  # noqa: S308 (a constant)
            },
        }
    return {}


def _flags(user) -> tuple:
    verified = getattr(user, "is_verified", None)
    return (
        user.is_staff,
        user.is_superuser,
        bool(verified()) if callable(verified) else False,
        timezone.localdate().isoformat(),
    )


def audience(request) -> tuple:
    """What a key page may depend on about a signed-in reader: two delegates of the same
    State with the same function share it."""
    from plenary.core.permissions import grants_in_force

    return (
        *_flags(request.user),
        sorted(
            (g.convention_id, g.role, g.state_id or 0, g.organisation_id or 0, g.function)
            for g in grants_in_force(request.user)
        ),
    )


def roles_under_convention(request) -> tuple:
    """A narrower audience, for pages whose content depends on the reader's roles and
    functions under the page's convention only, never on the State they act for (the
    account box and the navigation, which name it, are the reader's own parts)."""
    from plenary.core.permissions import current_grants

    convention = getattr(request, "convention", None)
    return (
        *_flags(request.user),
        getattr(convention, "pk", None),
        sorted({(g.role, g.function) for g in current_grants(request.user, convention)}),
    )


def shared_when_signed_in(view=None, *, vary=audience):
    """For a signed-in reader's GET: the page rendered once per generation and audience
    (`vary(request)`), then the reader's own parts put in. Only for views whose page
    depends on the reader through what `vary` returns, never on who they are."""
    if view is None:
        return partial(shared_when_signed_in, vary=vary)

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        user = getattr(request, "user", None)
        if not (
            settings.PAGE_CACHE_SECONDS
            and request.method == "GET"
            and user is not None
            and user.is_authenticated
            and "HTTP_AUTHORIZATION" not in request.META
            and not _messages_waiting(request)
        ):
            return view(request, *args, **kwargs)
        cache = caches["pages"]
        digest = hashlib.sha256(repr((view.__module__, view.__name__, vary(request))).encode())
        key = ":".join(
            [
                "signed-in",
                str(generation()),
                digest.hexdigest()[:32],
                getattr(request, "LANGUAGE_CODE", ""),
                request.get_host(),
                iri_to_uri(request.get_full_path()),
            ]
        )
        if (stored := cache.get(key)) is not None:
            response = _rebuild(stored)
            response[HEADER] = "hit"
        else:
            request.plenary_shared_render = True
            try:
                response = view(request, *args, **kwargs)
                if hasattr(response, "render") and callable(response.render):
                    response = response.render()
            finally:
                request.plenary_shared_render = False
            if _keepable(response):
                cache.set(key, _stored(response), settings.PAGE_CACHE_SECONDS)
                response[HEADER] = "miss"
        return _personal(response, request)

    return wrapped


def _messages_waiting(request) -> bool:
    if "messages" in request.COOKIES:
        return True
    session = getattr(request, "session", None)
    return session is not None and "_messages" in session


def _personal(response, request):
    """The reader's own account box, navigation and CSRF token in the placeholders."""
    if not response.streaming:
        content = response.content
        for placeholder, template in READER_PARTS.items():
            if placeholder.encode() in content:
                own = render_to_string(template, request=request)
                content = content.replace(placeholder.encode(), own.encode())
        if CSRF_PLACEHOLDER.encode() in content:
            content = content.replace(CSRF_PLACEHOLDER.encode(), get_token(request).encode())
        response.content = content
    patch_cache_control(response, private=True)
    patch_vary_headers(response, ("Cookie",))
    return response
