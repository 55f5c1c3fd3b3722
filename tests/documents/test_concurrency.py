"""Twenty requests allocate a symbol in the same meeting at once: twenty distinct symbols."""

import threading

import pytest
from django.db import connection

from plenary.documents import selectors, services
from plenary.documents.models import Document
from tests.documents.conftest import second_review_conference

THREADS = 20


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite serialises every write transaction; row locks are PostgreSQL's to test",
)
@pytest.mark.django_db(transaction=True)
def test_twenty_simultaneous_allocations_get_twenty_distinct_symbols(ccm):
    meeting = second_review_conference(ccm)
    first = selectors.next_symbol(meeting=meeting, series="CRP").number
    existing = Document.objects.filter(series="CRP").count()
    start = threading.Barrier(THREADS)
    allocated: list[str] = []
    failures: list[BaseException] = []

    def allocate(n: int) -> None:
        try:
            start.wait()
            document = services.allocate_next_symbol(
                meeting=meeting, series="CRP", title=f"Paper {n}"
            )
            allocated.append(document.symbol)
        except BaseException as error:  # Reported by the main thread below.
            failures.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=allocate, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    assert sorted(allocated, key=lambda s: int(s.rsplit(".", 1)[1])) == [
        f"CCM/CONF/2020/CRP.{n}" for n in range(first, first + THREADS)
    ]
    assert Document.objects.filter(series="CRP").count() == existing + THREADS
