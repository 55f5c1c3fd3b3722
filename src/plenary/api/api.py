"""The REST API, version 1, mounted at /api/v1/ (OpenAPI at /api/v1/openapi.json).

Every record of a convention is under /api/v1/{convention}/ (ccm, apmbc); the caller's own
account and deadlines (/me, /me/deadlines, /deadlines) span conventions and are not. A GET
of an address from before conventions (/api/v1/states) answers 301 to the same address under
the site's default convention; a write there answers 404 (see CHANGELOG.md).
"""

from django.conf import settings
from django.http import Http404, HttpResponsePermanentRedirect
from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI, Router

from plenary.api import errors
from plenary.api.accounts import router as accounts_router
from plenary.api.action_plan import router as action_plan_router
from plenary.api.auth import ANYONE, AnonymousRateThrottle
from plenary.api.decisions import router as decisions_router
from plenary.api.documents import router as documents_router
from plenary.api.drafting import router as drafting_router
from plenary.api.finance import router as finance_router
from plenary.api.meetings import router as meetings_router
from plenary.api.reminders import router as reminders_router
from plenary.api.reports import router as reports_router
from plenary.api.treaties import router as treaties_router
from plenary.treaties import scope

api = NinjaAPI(
    title="plenary API",
    version="1",
    description=(
        "The records of each convention for programs, under /api/v1/{convention}/ (e.g. "
        "/api/v1/ccm/meetings). Every list is paginated: `limit` (1 to 500, 100 by default) "
        'and `offset` give {"count": N, "limit": L, "offset": O, "items": [...]}. '
        "Reads are public; writes need a "
        "token (`Authorization: Bearer <key>`) or a signed-in browser session. Every "
        'failure has the shape {"detail": "...", "errors": [{"field": "...", "message": '
        '"..."}]}.'
    ),
    urls_namespace="api",
    auth=ANYONE,
    # Issue 24: the anonymous public's rate per address (docs/security.md).
    throttle=[AnonymousRateThrottle(settings.API_ANONYMOUS_RATE)],
)
errors.install(api)


# The first part of every endpoint's path before it moved under a convention.
MOVED = {
    "states",
    "obligations",
    "transparency-reports",
    "meetings",
    "documents",
    "silence-procedures",
    "extension-requests",
    "finance",
    "action-plans",
    "consultations",
}
MOVED_WRITE = _(
    "No API endpoint at /api/v1/%(path)s: writes moved under a convention, e.g. "
    "/api/v1/ccm/%(path)s."
)

# Answers any other path under /api/v1/ with a 404 in the API's error shape (or, for a GET of
# an address that moved, a 301 to it); added last so that every real endpoint matches first.
fallback_router = Router()


@fallback_router.api_operation(
    ["GET", "POST", "PUT", "PATCH", "DELETE"], "/{path:unknown}", include_in_schema=False
)
def unknown(request, unknown: str):
    if unknown.split("/", 1)[0] in MOVED:
        if request.method == "GET":
            return HttpResponsePermanentRedirect(scope.moved_to(request, "/api/v1/", unknown))
        raise Http404(MOVED_WRITE % {"path": unknown})
    raise Http404(_("No API endpoint at /api/v1/%(unknown)s.") % {"unknown": unknown})


api.add_router("", accounts_router)
api.add_router("", reminders_router)
api.add_router("/{convention}", treaties_router)
api.add_router("/{convention}", meetings_router)
api.add_router("/{convention}", documents_router)
api.add_router("/{convention}", decisions_router)
api.add_router("/{convention}", finance_router)
api.add_router("/{convention}", action_plan_router)
api.add_router("/{convention}", reports_router)  # issue 20
# drafting doors: texts added by hand to a report
api.add_router("/{convention}", drafting_router)
api.add_router("", fallback_router)
