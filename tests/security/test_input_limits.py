"""Findings about inputs (failed on 76c584e): no request body limit (a 400 MiB anonymous
multipart POST was written to disk before its 403), and NUL bytes, over-long strings,
out-of-range numbers and dates near 9999 crashed on PostgreSQL or were stored on SQLite.
Each is now refused before the view, naming the field."""

from django.test import Client

from plenary.core.limits import problem
from tests.conftest import token_client


def test_an_anonymous_large_body_is_refused_before_it_is_read(db, settings):
    client = Client()
    response = client.generic(
        "POST",
        "/accounts/login/",
        b"x" * 10,
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(400 * 1024 * 1024),
    )

    assert response.status_code == 413


def test_a_signed_in_body_past_the_limit_is_refused(peru_delegate, settings):
    client = token_client(peru_delegate)
    response = client.generic(
        "POST",
        "/api/v1/me/tokens",
        b"{}",
        content_type="application/json",
        CONTENT_LENGTH=str(settings.REQUEST_MAX_BODY_BYTES + 1),
    )

    assert response.status_code == 413


def test_a_nul_byte_in_a_json_body_is_a_422_naming_the_field(peru_delegate):
    response = token_client(peru_delegate).post(
        "/api/v1/me/tokens", {"name": "a\x00b"}, content_type="application/json"
    )

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "name"


def test_a_nul_byte_in_the_query_is_a_422(db):
    response = Client().get("/api/v1/deadlines?state=P%00R")

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "state"


def test_a_date_near_9999_is_a_422(db):
    response = Client().get("/api/v1/deadlines?start=9999-12-30")

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "start"


def test_an_amount_of_1e100_is_a_422(ccm):
    response = Client().get("/api/v1/ccm/finance/apportionment?meeting=2RC&total=1e100")

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "total"


def test_values_past_what_a_record_holds_are_named():
    assert problem("year_covered", 99999)
    assert problem("year", "100001")
    assert problem("amount", 1e15)
    assert problem("amount", "1e15")
    assert problem("note", "x" * 100_000)
    assert problem("amount", float("inf"))
    assert problem("year", 2020) is None
    assert problem("amount", "3626.14") is None
    assert problem("title", "Report on 2021-04-30") is None
