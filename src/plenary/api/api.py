"""The REST API, version 1, mounted at /api/v1/ (OpenAPI at /api/v1/openapi.json)."""

from django.http import Http404
from ninja import NinjaAPI, Router

from plenary.api import errors
from plenary.api.accounts import router as accounts_router
from plenary.api.action_plan import router as action_plan_router
from plenary.api.auth import ANYONE
from plenary.api.decisions import router as decisions_router
from plenary.api.documents import router as documents_router
from plenary.api.finance import router as finance_router
from plenary.api.meetings import router as meetings_router
from plenary.api.reminders import router as reminders_router
from plenary.api.treaties import router as treaties_router

api = NinjaAPI(
    title="plenary API",
    version="1",
    description=(
        "The records of the Convention for programs. Reads are public; writes need a "
        "token (`Authorization: Bearer <key>`) or a signed-in browser session. Every "
        'failure has the shape {"detail": "...", "errors": [{"field": "...", "message": '
        '"..."}]}.'
    ),
    urls_namespace="api",
    auth=ANYONE,
)
errors.install(api)


# Answers any other path under /api/v1/ with a 404 in the API's error shape; added last so
# that every real endpoint matches first.
fallback_router = Router()


@fallback_router.api_operation(
    ["GET", "POST", "PUT", "PATCH", "DELETE"], "/{path:unknown}", include_in_schema=False
)
def unknown(request, unknown: str):
    raise Http404(f"No API endpoint at /api/v1/{unknown}.")


api.add_router("", treaties_router)
api.add_router("", meetings_router)
api.add_router("", documents_router)
api.add_router("", decisions_router)
api.add_router("", finance_router)
api.add_router("", reminders_router)
api.add_router("", action_plan_router)
api.add_router("", accounts_router)
api.add_router("", fallback_router)
