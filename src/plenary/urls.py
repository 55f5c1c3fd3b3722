from django.contrib import admin
from django.urls import include, path

from plenary.api.api import api

urlpatterns = [
    path("", include("plenary.core.urls")),
    path("", include("plenary.treaties.urls")),
    path("", include("plenary.meetings.urls")),
    path("", include("plenary.documents.urls")),
    path("", include("plenary.decisions.urls")),
    path("", include("plenary.drafting.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
]
