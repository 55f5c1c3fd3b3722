"""The benchmark's pages run the same number of SQL queries at one size and at ten times it.

Each measurement generates a data set with bench.generate inside a savepoint, requests
every page the benchmark loads, and rolls the data back, so the two sizes share nothing.
"""

from dataclasses import dataclass

import pytest
from django.core.cache import caches
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bench.generate import Size, Targets, generate
from plenary.core.models import Role
from plenary.documents.models import Document
from plenary.meetings.models import Delegate
from plenary.treaties.models import TransparencyReport
from tests.conftest import make_user

SMALL = Size(
    meetings=1,
    documents=20,
    reports=150,
    silence_procedures=2,
    delegates=20,
    extension_requests=6,
)
LARGE = Size(
    meetings=1,
    documents=200,
    reports=1500,
    silence_procedures=20,
    delegates=200,
    extension_requests=15,
)


def pages(targets: Targets) -> dict[str, str]:
    """The benchmark's pages, by name (bench/run.py requests the same)."""
    code = targets.meeting_code
    return {
        "home": "/",
        "states on a date": f"/ccm/states/?on={targets.states_on.isoformat()}",
        "State page": f"/ccm/states/{targets.state_iso3}/",
        "meeting page": f"/ccm/meetings/{code}/",
        "meeting documents": f"/ccm/meetings/{code}/documents/",
        "document page": f"/ccm/documents/{targets.document_symbol}/",
        "API states": "/api/v1/ccm/states?limit=500",
        "API documents of a meeting": f"/api/v1/ccm/documents?meeting={code}&limit=500",
        "floor: 60 rows": "/bench/sixty-rows",
    }


@dataclass
class Measured:
    queries: dict[str, int]
    documents: int
    delegates: int
    reports: int


class _RolledBack(Exception):
    def __init__(self, measured: Measured):
        self.measured = measured


def signed_in_pages(targets: Targets) -> dict[str, str]:
    """The pages a signed-in delegate reads (bench/run.py's "(signed in)" rows and the
    conference day's mix): every key page, a later page of the documents, their deadlines."""
    code = targets.meeting_code
    return {
        **{f"{name} (signed in)": url for name, url in pages(targets).items()},
        "meeting documents, page 2 (signed in)": f"/ccm/meetings/{code}/documents/?page=2",
        "own deadlines (signed in)": "/due/mine/",
        "API programme (signed in)": f"/api/v1/ccm/meetings/{code}/programme",
    }


def measure(client, size: Size, media_root, counting=None, signed_in=None) -> Measured:
    """The queries each page runs on a data set of `size`; `counting(name)` may assert them.
    With `signed_in` (a client with a delegate's session), the signed-in pages too."""
    # Each run starts from the same caches: the reader's grants are read by its first page.
    caches["pages"].clear()
    try:
        with transaction.atomic():
            targets = generate(size=size, seed=7, media_root=media_root)
            queries = {}
            visits = [(client, pages(targets))]
            if signed_in is not None:
                visits.append((signed_in, signed_in_pages(targets)))
            for reader, urls in visits:
                for name, url in urls.items():
                    context = counting(name) if counting else CaptureQueriesContext(connection)
                    with context as captured:
                        response = reader.get(url)
                    assert response.status_code == 200, (name, url, response.status_code)
                    queries[name] = len(captured)
            raise _RolledBack(
                Measured(
                    queries=queries,
                    documents=Document.objects.filter(meeting__code=targets.meeting_code).count(),
                    delegates=Delegate.objects.filter(
                        delegation__meeting__code=targets.meeting_code
                    ).count(),
                    reports=TransparencyReport.objects.filter(
                        state__iso3=targets.state_iso3
                    ).count(),
                )
            )
    except _RolledBack as done:
        return done.measured


@pytest.fixture
def floor_on(settings):
    settings.BENCH_FLOOR_VIEWS = True


def test_signed_in_pages_run_the_same_queries_at_ten_times_the_data(
    ccm, client, floor_on, tmp_path, django_assert_max_num_queries
):
    delegate = Client()
    delegate.force_login(make_user("bench_reader", Role.DELEGATION, "PER"))
    small = measure(client, SMALL, tmp_path / "small", signed_in=delegate)
    large = measure(
        client,
        LARGE,
        tmp_path / "large",
        counting=lambda name: django_assert_max_num_queries(small.queries[name]),
        signed_in=delegate,
    )

    assert large.documents == 10 * small.documents
    assert large.queries == small.queries
    signed = {name: n for name, n in small.queries.items() if name.endswith("(signed in)")}
    assert len(signed) == 12
    # The session, the user and the grants, beyond what the page reads for anyone.
    for name, count in signed.items():
        assert count <= 20, f"{name}: {count} queries"


def test_pages_run_the_same_queries_at_ten_times_the_data(
    ccm, client, floor_on, tmp_path, django_assert_max_num_queries
):
    small = measure(client, SMALL, tmp_path / "small")
    large = measure(
        client,
        LARGE,
        tmp_path / "large",
        counting=lambda name: django_assert_max_num_queries(small.queries[name]),
    )

    # The data really grew where the pages list it.
    assert large.documents == 10 * small.documents
    assert large.delegates == 10 * small.delegates
    assert large.reports > 2 * small.reports
    assert large.queries == small.queries
    # The meeting page also lists the letters and notes verbales sent (one query).
    bounds = {"meeting page": 13}
    for name, count in small.queries.items():
        assert count <= bounds.get(name, 12), f"{name}: {count} queries"


def test_the_generator_is_deterministic(ccm, tmp_path):
    first = _snapshot(tmp_path / "a")
    second = _snapshot(tmp_path / "b")

    assert first == second


def _snapshot(media_root) -> list:
    try:
        with transaction.atomic():
            generate(size=SMALL, seed=3, media_root=media_root)
            rows = list(
                Document.objects.filter(source__startswith="synthetic")
                .order_by("symbol")
                .values_list("symbol", "issued_on")
            )
            raise _RolledBack(rows)
    except _RolledBack as done:
        return done.measured
