from django.contrib import admin
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language

from plenary.api.api import api

urlpatterns = [
    path("", include("plenary.core.urls")),
    path("", include("plenary.treaties.urls")),
    path("", include("plenary.meetings.urls")),
    path("", include("plenary.documents.urls")),
    path("", include("plenary.decisions.urls")),
    # Exempt from CSRF: the worst a forged request can do is change a reader's language,
    # and a token in every page would make anonymous pages uncacheable (core/page_cache.py).
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
    path("", include("plenary.finance.urls")),
    path("", include("plenary.reminders.urls")),
    path("", include("plenary.action_plan.urls")),
    path("", include("plenary.drafting.urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
]
