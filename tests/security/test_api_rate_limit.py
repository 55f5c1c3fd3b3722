"""Finding: the anonymous API had no rate limit (failed on 76c584e: 20 requests past a
limit of 10 all answered 200). It is counted per client address in the shared cache."""

from django.test import Client

from plenary.api.auth import AnonymousRateThrottle
from tests.conftest import token_client


def test_the_anonymous_api_is_rate_limited_per_address(db, monkeypatch):
    from plenary.api.api import api

    [throttle] = api.throttle
    assert isinstance(throttle, AnonymousRateThrottle)
    monkeypatch.setattr(throttle, "num_requests", 10)
    client = Client(REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="198.51.100.1")
    answers = [client.get("/api/v1/deadlines").status_code for _ in range(12)]

    assert answers[:10] == [200] * 10
    assert answers[-1] == 429
    assert Client(REMOTE_ADDR="198.51.100.20").get("/api/v1/deadlines").status_code == 200


def test_signed_in_callers_are_not_held_to_the_anonymous_rate(peru_delegate, monkeypatch):
    from plenary.api.api import api

    monkeypatch.setattr(api.throttle[0], "num_requests", 2)
    client = token_client(peru_delegate)

    assert {client.get("/api/v1/deadlines").status_code for _ in range(5)} == {200}
