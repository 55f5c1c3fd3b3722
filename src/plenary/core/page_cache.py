"""Rendered pages, cached until the records they read change.

On a conference day hundreds of delegates and members of the public open the same
programme and document lists. Their pages are the same for every anonymous reader of a
language, so they are rendered once per generation of the records:

- A request is served from the cache only when it is a GET with no session cookie and
  no Authorization header, or an API read no permission shapes (`PUBLIC_API_READS`: the
  documents and States lists, a released programme) with no Authorization header.
- The key holds the generations of the scopes the page reads (indexed rows of
  `PageGeneration`, one query: its view's `page_scopes`, else ANY), the language, the
  host and the full path with its query string.
- Every committed write to a model of a domain app (save, delete, many-to-many change)
  moves the generations of the scopes it changed on after its transaction commits
  (`records_changed`, `WRITE_SCOPES`; BROAD for a model that names none; ANY always), so
  a page cached before a write to what it reads is never served after it, whichever
  process made the write, and a write to something else leaves it cached.
- Only complete 200 answers without cookies, under a size limit, are kept; admin,
  sign-in, language switching, health checks and the benchmark's floor views never are.

Signed-in readers (`shared_when_signed_in`, on the key pages' views): a page is the same
for every reader who holds the same roles, so it is rendered once per generation of what
it reads for each *audience* (by default the roles in force today with their State or
organisation and function, the staff and second-factor flags, the day; a view whose
content depends on less names a narrower one, e.g. `roles_under_convention`) and kept
with placeholders for the reader's own parts: the account box and the navigation
(core/_account.html and core/_nav.html, rendered from the grants already read once per
reader and generation of the page's records, then kept: `_reader_parts`), the view's own
`parts` (e.g. the State page's report form) and the CSRF token. A reader with a message
waiting, a request with an Authorization header or any method but GET is rendered
afresh.

PAGE_CACHE_SECONDS bounds an entry's life (0 turns the cache off, the default with DEBUG).
"""

import hashlib
import re
import time
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

from plenary.core.cache import shared
from plenary.core.models import PageGeneration
from plenary.core.statements import quoted, rows

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


# The scopes of core/models.py's PageGeneration. Every key holds EVERY's generation.
EVERY = "*"
BROAD = "broad"
ANY = "any"
# What every reader's own deadlines read beyond their State's records (core/reminders'
# providers): the deadlines that bind every State Party of a convention, as a circulated
# silence procedure's does.
DEADLINES = "deadlines"


def generations(scopes) -> tuple:
    """The generations of EVERY and of `scopes` (one query): a page's key holds them.

    Every cached answer asks this first, so it is one fixed statement rather than a
    queryset compiled each time (the ORM's compilation cost more than the query)."""
    wanted = (EVERY, *sorted(set(scopes) - {EVERY}))
    table, (scope, value) = quoted(PageGeneration, "scope", "value")
    marks = ", ".join(["%s"] * len(wanted))
    found = dict(rows(f"SELECT {scope}, {value} FROM {table} WHERE {scope} IN ({marks})", wanted))  # noqa: S608 (names of ours; the values are parameters)
    return tuple(f"{scope}={found.get(scope, 0)}" for scope in wanted)


def generation() -> int:
    """The generation of every page (EVERY)."""
    return int(generations(())[0].partition("=")[2])


def bump(using: str = "default", scopes=(EVERY,)) -> None:
    """Move the generations of `scopes` on: the pages that read one become unreachable.
    With no scope named, every page does."""
    manager = PageGeneration.objects.using(using)
    # One scope at a time and in order: two writers never wait for each other's rows.
    for scope in sorted(set(scopes)):
        if manager.filter(scope=scope).update(value=F("value") + 1):
            continue
        try:
            with transaction.atomic(using=using):
                manager.create(scope=scope, value=1)
        except IntegrityError:  # another process created it first
            manager.filter(scope=scope).update(value=F("value") + 1)


def scopes_written(instance, *, related: bool = False) -> set[str]:
    """What a write to `instance` changed: the scopes its model names in WRITE_SCOPES, or
    BROAD for any other record (and for a many-to-many change seen from the far side), and
    always ANY."""
    rule = None if related else WRITE_SCOPES.get(instance._meta.label_lower)
    found = rule(instance) if rule is not None else None
    return {*(found or (BROAD,)), ANY}


def _state(state_id, *, row=None) -> list[str]:
    """A State's scope, by its ISO code (its page's address names it: no query to read it).
    The State that the service put on `row` names it without a query."""
    from plenary.treaties.models import State

    state = _loaded(row, "state")
    if state is not None and state.pk == state_id:
        return [state_scope(state.iso3)]
    iso3 = State.objects.filter(pk=state_id).values_list("iso3", flat=True).first()
    return [state_scope(iso3)] if iso3 else [BROAD]


def _loaded(row, name: str):
    """The related record `name` of `row` if it is already loaded (a service that made the
    row from the record gave it), else None: no query."""
    if row is None:
        return None
    field = row._meta.get_field(name)
    return field.get_cached_value(row) if field.is_cached(row) else None


def state_scope(iso3: str) -> str:
    return f"state:{iso3.strip().upper()}"


def _in_meeting(meeting_id, state_id=None, *, row=None) -> list[str]:
    return [f"meeting:{meeting_id}", *(_state(state_id, row=row) if state_id else [])]


def _delegate(delegate) -> list[str] | None:
    from plenary.meetings.models import Delegation

    delegation = _loaded(delegate, "delegation")
    if delegation is not None and delegation.pk == delegate.delegation_id:
        return _in_meeting(delegation.meeting_id, delegation.state_id, row=delegation)
    row = (
        Delegation.objects.filter(pk=delegate.delegation_id)
        .values_list("meeting_id", "state_id")
        .first()
    )
    return _in_meeting(*row) if row else None


def _document(document) -> list[str]:
    # Its page, the page of the document it changes (which lists it) and its meeting's list.
    return [
        f"document:{document.pk}",
        *([f"document:{document.revises_id}"] if document.revises_id else []),
        f"documents-of:{document.meeting_id}",
    ]


def _language_version(version) -> list[str] | None:
    from plenary.documents.models import Document

    document = _loaded(version, "document")
    if document is not None and document.pk == version.document_id:
        return [f"document:{document.pk}", f"documents-of:{document.meeting_id}"]
    meeting_id = (
        Document.objects.filter(pk=version.document_id).values_list("meeting_id", flat=True).first()
    )
    if meeting_id is None:
        return None
    return [f"document:{version.document_id}", f"documents-of:{meeting_id}"]


def _silence_procedure(procedure) -> list[str]:
    from plenary.meetings.models import PlanChange

    meetings = []
    if procedure.plan_change_id is not None:
        change = _loaded(procedure, "plan_change")
        if change is not None and change.pk == procedure.plan_change_id:
            meetings = [change.meeting_id]
        else:
            meetings = list(
                PlanChange.objects.filter(pk=procedure.plan_change_id).values_list(
                    "meeting_id", flat=True
                )
            )
    return [
        f"silence-procedure:{procedure.pk}",
        DEADLINES,
        *(f"meeting:{meeting_id}" for meeting_id in meetings),
    ]


# The records a conference day writes, by model, and the scopes a write to one changes: the
# pages that read them (their views' `scopes`) read these scopes and BROAD. A record of any
# other model moves BROAD (every page but those that read across the records, which read ANY).
WRITE_SCOPES = {
    # A registration: the meeting page's participants, the State's own pages.
    "meetings.delegation": lambda row: _in_meeting(row.meeting_id, row.state_id, row=row),
    "meetings.delegate": _delegate,
    # A released programme: the meeting page.
    "meetings.programmerelease": lambda row: _in_meeting(row.meeting_id),
    "documents.document": _document,
    "documents.languageversion": _language_version,
    # A silence procedure circulated, extended or concluded (its addressees are written with
    # it, in bulk): its own pages, every reader's deadlines, and the page of the meeting
    # whose plan it changes (the meeting page links it from the change). Its outcome, once
    # carried out, writes other records (decisions, plans), which move their own scopes.
    "decisions.silenceprocedure": _silence_procedure,
    # A silence break: its procedure's pages and the State's.
    "decisions.silencebreak": lambda row: [
        f"silence-procedure:{row.procedure_id}",
        *_state(row.state_id, row=row),
    ],
    # An Article 7 report: the State's page.
    "treaties.transparencyreport": lambda row: _state(row.state_id, row=row),
}


def records_changed(sender, *, using: str = "default", **kwargs) -> None:
    """Signal receiver: after the transaction that changed records commits, move the
    generations of the scopes it changed on, once."""
    action = kwargs.get("action")  # many-to-many changes only
    if not _is_record(sender) or (action is not None and not action.startswith("post_")):
        return
    instance = kwargs["instance"]
    scopes = scopes_written(instance, related=action is not None and kwargs.get("reverse", False))
    connection = connections[using]
    pending = getattr(connection, "plenary_pending_bump", None)
    if (
        pending is None
        or pending.done
        or not any(q is pending for _, q, _ in connection.run_on_commit)
    ):
        # The transaction's first write (a rolled-back one's bump never runs: it is left).
        pending = connection.plenary_pending_bump = _PendingBump(using)
        pending.scopes |= scopes
        transaction.on_commit(pending, using=using)  # at once outside a transaction
    else:
        pending.scopes |= scopes


class _PendingBump:
    """What a transaction changed, bumped once when it commits."""

    def __init__(self, using: str):
        self.using = using
        self.scopes: set[str] = set()
        self.done = False

    def __call__(self) -> None:
        self.done = True
        bump(self.using, self.scopes)


def _is_record(model) -> bool:
    meta = model._meta
    return (
        model.__module__.startswith("plenary.")
        and meta.app_label != "core"
        and not model.__name__.startswith("Historical")
    )


def _digest(generations: tuple) -> str:
    return hashlib.sha256(" ".join(generations).encode()).hexdigest()[:32]


def page_scopes(request, view, kwargs) -> list[str]:
    """The scopes a view's page reads (its `page_scopes`, given the address's arguments);
    ANY, every record, for a view that names none."""
    reads = getattr(view, "page_scopes", None)
    return list(reads(request, **kwargs)) if reads is not None else [ANY]


def _resolved_scopes(request) -> list[str]:
    from django.urls import Resolver404, resolve

    if request.path.startswith("/api/"):
        return _api_scopes(request)
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return [ANY]
    return page_scopes(request, match.func, match.kwargs)


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
                _digest(generations(_resolved_scopes(request))),
                getattr(request, "LANGUAGE_CODE", ""),
                request.get_host(),
                iri_to_uri(request.get_full_path()),
            ]
        )
        stored, claimed = _kept_or_claimed(cache, key)
        if stored is not None:
            response = _rebuild(stored)
            response[HEADER] = "hit"
            # Served because the reader sent no cookie: shared caches must know it.
            patch_vary_headers(response, ("Cookie",))
            return response
        try:
            response = self.get_response(request)
            patch_vary_headers(response, ("Cookie",))
            if _keepable(response):
                cache.set(key, _stored(response), seconds)
                response[HEADER] = "miss"
        finally:
            _release(cache, key, claimed)
        return response


# After a write, every reader of a page misses it at the same moment, and each app process
# would render the same page. The first to miss claims it (an atomic add in the shared
# cache, never in a process's own copy: core/cache.py); another process that misses it then
# waits for that answer a little, and renders it itself if it does not come in time.
CLAIM_SECONDS = 2  # a claim outlives a render; a process that died drops it this late
WAIT_SECONDS = 0.3
POLL_SECONDS = 0.01


def _claim_key(key: str) -> str:
    return f"{key}:claim"


def _kept_or_claimed(cache, key: str) -> tuple[object, bool]:
    """What is kept under `key` (None if nothing), and whether this request claimed to
    render it: it did unless another claim was held, in which case it waited for that
    answer until the claim ended or WAIT_SECONDS passed."""
    if (stored := cache.get(key)) is not None:
        return stored, False
    everyone = shared(cache)
    claim = _claim_key(key)
    if everyone.add(claim, 1, CLAIM_SECONDS):
        return None, True
    waited_until = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < waited_until:
        time.sleep(POLL_SECONDS)
        if (stored := cache.get(key)) is not None:
            return stored, False
        if everyone.get(claim) is None:  # rendered and not kept (an error, a message)
            break
    return None, False


def _release(cache, key: str, claimed: bool) -> None:
    if claimed:
        shared(cache).delete(_claim_key(key))


# API reads whose answer is the same for every caller (no permission shapes it): a browser
# signed in with its session gets the anonymous public's cached answer. A program with a
# token (an Authorization header) never does; nor does the Secretariat's draft programme.
PUBLIC_API_READS = re.compile(r"^/api/v1/[a-z0-9-]+/(documents|states|meetings/[^/]+/programme)$")


API_DOCUMENTS = re.compile(r"^/api/v1/(?P<convention>[a-z0-9-]+)/documents$")
API_PROGRAMME = re.compile(
    r"^/api/v1/(?P<convention>[a-z0-9-]+)/meetings/(?P<code>[^/]+)/programme$"
)


def _api_scopes(request) -> list[str]:
    """The scopes an API read reads, as the key pages' (their views' page_scopes): a
    meeting's documents (its `meeting` parameter) read its documents-of scope and BROAD,
    as its list page does; a meeting's programme its meeting scope and BROAD, as the
    meeting page does. Any other read, or one that names no known meeting, reads ANY."""
    from django.http import Http404

    from plenary.documents.selectors import meeting_id_for
    from plenary.meetings.selectors import meeting_id
    from plenary.treaties.selectors import convention_named

    documents, programme = API_DOCUMENTS.match(request.path), API_PROGRAMME.match(request.path)
    try:
        if documents and request.GET.get("meeting"):
            convention = convention_named(documents["convention"])
            found = meeting_id_for(request.GET["meeting"], convention=convention)
            return [BROAD, f"documents-of:{found}"] if found else [ANY]
        if programme:
            convention = convention_named(programme["convention"])
            found = meeting_id(programme["code"], convention=convention)
            return [BROAD, f"meeting:{found}"] if found else [ANY]
    except Http404:  # no such convention: the read answers so, whatever was written
        return [ANY]
    return [ANY]


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
                # The view's own (shared_when_signed_in's `parts`).
                **{
                    name: mark_safe(_part_placeholder(name))  # noqa: S308 (a name of ours)
                    for name in getattr(request, "plenary_view_parts", ())
                },
            },
        }
    return {}


def _part_placeholder(name: str) -> str:
    return f"<!-- plenary-shared-page-part-{name} -->"


def flags(user) -> tuple:
    """What every audience holds: the staff and second-factor flags, and the day."""
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
        *flags(request.user),
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
        *flags(request.user),
        getattr(convention, "pk", None),
        sorted({(g.role, g.function) for g in current_grants(request.user, convention)}),
    )


def shared_when_signed_in(view=None, *, vary=audience, scopes=None, parts=None):
    """For a signed-in reader's GET: the page rendered once per generation of the scopes it
    reads (`scopes(request, **kwargs)`, ANY when None) and audience (`vary(request)`), then
    the reader's own parts put in: the account box, the navigation, the CSRF token, and the
    view's `parts` ({name: render(request, **kwargs) -> HTML}; its template shows
    `reader_parts.<name>` in their place while `reader_parts` is set). Only for views whose
    page depends on the reader through what `vary` returns and their parts, never on who
    they are."""
    if view is None:
        return partial(shared_when_signed_in, vary=vary, scopes=scopes, parts=parts)

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
        # BROAD too, whatever the page reads: the reader's own parts are keyed by it.
        read = generations([*page_scopes(request, wrapped, kwargs), BROAD])
        key = ":".join(
            [
                "signed-in",
                _digest(read),
                digest.hexdigest()[:32],
                getattr(request, "LANGUAGE_CODE", ""),
                request.get_host(),
                iri_to_uri(request.get_full_path()),
            ]
        )
        stored, claimed = _kept_or_claimed(cache, key)
        if stored is not None:
            response = _rebuild(stored)
            response[HEADER] = "hit"
        else:
            request.plenary_shared_render = True
            request.plenary_view_parts = tuple(parts or ())
            try:
                response = view(request, *args, **kwargs)
                if hasattr(response, "render") and callable(response.render):
                    response = response.render()
                if _keepable(response):
                    cache.set(key, _stored(response), settings.PAGE_CACHE_SECONDS)
                    response[HEADER] = "miss"
            finally:
                request.plenary_shared_render = False
                _release(cache, key, claimed)
        return _personal(response, request, parts or {}, kwargs, generation=_parts_generation(read))

    if scopes is not None:
        wrapped.page_scopes = scopes
    return wrapped


def _messages_waiting(request) -> bool:
    if "messages" in request.COOKIES:
        return True
    session = getattr(request, "session", None)
    return session is not None and "_messages" in session


def _parts_generation(read: tuple) -> str:
    """The generations the reader's own parts depend on, of those a page read: EVERY and
    BROAD (a State, an organisation or a convention renamed moves BROAD), not the page's
    own records, so that a registration or an upload leaves every reader's parts kept."""
    return _digest(tuple(g for g in read if g.partition("=")[0] in (EVERY, BROAD)))


def _reader_parts(request, generation: str) -> dict[bytes, bytes]:
    """The reader's account box and navigation (READER_PARTS), rendered once per reader,
    language and generation of EVERY and BROAD and kept in the page cache: they show
    the reader's name and flags, their grants in force today (roles, the State or
    organisation each acts for, in the language) and the page's convention, which the
    key holds; a grant that changes changes the key, and a write to a State, an
    organisation or a convention moves BROAD on. Their CSRF token is a placeholder."""
    user = request.user
    convention = getattr(request, "convention", None)
    # The reader's flags and grants in force are their audience; the parts also name them.
    who = (user.pk, user.get_username(), str(user), getattr(convention, "pk", None))
    who += audience(request)
    key = ":".join(
        [
            "reader-parts",
            generation,
            hashlib.sha256(repr(who).encode()).hexdigest()[:32],
            getattr(request, "LANGUAGE_CODE", ""),
            request.get_host(),
        ]
    )
    cache = caches["pages"]
    if (stored := cache.get(key)) is not None:
        return stored
    request.plenary_shared_render = True
    try:
        rendered = {
            placeholder.encode(): render_to_string(template, request=request).encode()
            for placeholder, template in READER_PARTS.items()
        }
    finally:
        request.plenary_shared_render = False
    cache.set(key, rendered, settings.PAGE_CACHE_SECONDS)
    return rendered


def _personal(response, request, parts: dict, kwargs: dict, *, generation: str):
    """The reader's own account box, navigation, the view's parts and CSRF token in the
    placeholders."""
    if not response.streaming:
        content = response.content
        if any(placeholder.encode() in content for placeholder in READER_PARTS):
            for placeholder, own in _reader_parts(request, generation).items():
                content = content.replace(placeholder, own)
        for name, render in parts.items():
            placeholder = _part_placeholder(name).encode()
            if placeholder in content:
                content = content.replace(placeholder, render(request, **kwargs).encode())
        if CSRF_PLACEHOLDER.encode() in content:
            content = content.replace(CSRF_PLACEHOLDER.encode(), get_token(request).encode())
        response.content = content
    patch_cache_control(response, private=True)
    patch_vary_headers(response, ("Cookie",))
    return response
