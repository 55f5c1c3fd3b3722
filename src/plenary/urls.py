from django.contrib import admin
from django.urls import include, path, re_path, register_converter

from plenary.api.api import api
from plenary.core import views as core_views
from plenary.treaties import scope
from plenary.treaties import views as treaties_views

register_converter(scope.ConventionConverter, "convention")

# The first part of every address that moved under a convention (see CHANGELOG.md).
MOVED = (
    "states",
    "due",
    "meetings",
    r"meetings\.ics",
    "documents",
    "silence-procedures",
    "extension-requests",
    "finance",
    "action-plans",
    "thematic-areas",
    "consultations",
)

# Everything of one convention: /ccm/meetings/2RC/, /apmbc/states/.
convention_patterns = [
    path("", treaties_views.convention_home, name="convention_home"),
    path("", include("plenary.treaties.urls")),
    path("", include("plenary.meetings.urls")),
    path("", include("plenary.documents.urls")),
    path("", include("plenary.decisions.urls")),
    path("", include("plenary.finance.urls")),
    path("", include("plenary.action_plan.urls")),
    path("", include("plenary.drafting.urls")),
    # Article 7 reports drafted, submitted and received (issue 20).
    path("reports/", include("plenary.reports.urls")),
]

urlpatterns = [
    # Site-wide: the home page (every convention), accounts, history, health.
    path("", include("plenary.core.urls")),
    # Exempt from CSRF, and the language of a signed-in user's profile too (core/views.py).
    path("i18n/setlang/", core_views.set_language, name="set_language"),
    # Site-wide too: a user's deadlines, preferences and private feeds span conventions.
    # Before the old addresses, which would otherwise take states/<iso3>/deadline-feeds/.
    path("", include("plenary.reminders.urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    re_path(rf"^(?P<rest>(?:{'|'.join(MOVED)})(?:/.*)?)$", scope.legacy_redirect),
    path("<convention:convention>/", include(convention_patterns)),
]
