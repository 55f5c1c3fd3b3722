"""The benchmark's floor: two views measured beside the real pages in the same run.

`make bench` reports each page's requests per second as a ratio of the 60-row view's,
so that the numbers say how far a page is from the cheapest useful page this stack can
serve on this machine. They answer only when PLENARY_BENCH_FLOOR is set (404 otherwise).
"""

from django.apps import apps
from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render


def _enabled() -> None:
    if not settings.BENCH_FLOOR_VIEWS:
        raise Http404("The benchmark's floor views are off.")


def fixed_text(request):
    _enabled()
    return HttpResponse("plenary", content_type="text/plain")


def sixty_rows(request):
    """One ORM query, sixty rows, rendered in the site's layout like any page."""
    _enabled()
    states = apps.get_model("treaties", "State").objects.order_by("name")[:60]
    # The default convention's slug, not a query: the floor stays one query.
    convention = settings.PLENARY_DEFAULT_CONVENTION.lower()
    return render(request, "core/floor_rows.html", {"states": states, "convention": convention})
