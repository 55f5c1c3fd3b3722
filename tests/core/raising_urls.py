"""A URL whose view raises, for the error-reporting tests (tests/core/test_errors_reported.py)."""

from django.urls import path

from plenary.urls import urlpatterns as plenary_urlpatterns


def boom(request):
    raise RuntimeError("the view broke on purpose")


urlpatterns = [path("boom/", boom), *plenary_urlpatterns]
