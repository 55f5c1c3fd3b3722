"""The API of a convention is under /api/v1/{convention}/; every list is one page shape."""

import json

import pytest

from plenary.meetings.models import Meeting
from plenary.treaties.models import Convention
from tests.conftest import open_meeting, token_client


@pytest.fixture
def apmbc(ccm) -> Convention:
    return Convention.objects.get_or_create(short_name="APMBC")[0]


def test_an_old_api_get_redirects_permanently_keeping_the_query(client, ccm):
    response = client.get("/api/v1/states?status=signatory&on=2020-11-25")

    assert response.status_code == 301
    assert response["Location"] == "/api/v1/ccm/states?status=signatory&on=2020-11-25"


def test_an_old_api_get_of_one_record_redirects(client, ccm):
    response = client.get("/api/v1/meetings/2RC/participants?part=1")

    assert response.status_code == 301
    assert response["Location"] == "/api/v1/ccm/meetings/2RC/participants?part=1"


def test_an_old_api_write_is_not_redirected(secretariat):
    response = token_client(secretariat).post(
        "/api/v1/transparency-reports",
        json.dumps({"state": "PER", "kind": "annual", "received_on": "2021-04-30"}),
        content_type="application/json",
    )

    assert response.status_code == 404
    assert "Location" not in response
    assert response.json() == {
        "detail": "No API endpoint at /api/v1/transparency-reports: writes moved under a "
        "convention, e.g. /api/v1/ccm/transparency-reports.",
        "errors": [],
    }


def test_without_a_default_convention_an_old_api_get_is_404(client, ccm, settings):
    settings.PLENARY_DEFAULT_CONVENTION = ""

    response = client.get("/api/v1/states")

    assert response.status_code == 404
    assert set(response.json()) == {"detail", "errors"}


def test_an_unknown_convention_is_404_in_the_api_shape(client, ccm):
    response = client.get("/api/v1/xyz/states")

    assert response.status_code == 404
    assert response.json() == {"detail": "No convention 'xyz' is loaded.", "errors": []}


def test_a_meeting_of_another_convention_is_404(client, ccm, apmbc):
    open_meeting(ccm)

    assert client.get("/api/v1/ccm/meetings/TEST-MSP").status_code == 200
    assert client.get("/api/v1/apmbc/meetings/TEST-MSP").status_code == 404
    assert client.get("/api/v1/apmbc/meetings").json()["count"] == 0


def test_user_level_endpoints_stay_unscoped(peru_delegate):
    client = token_client(peru_delegate)

    assert client.get("/api/v1/me").json()["username"] == "peru_delegate"
    assert client.get("/api/v1/me/deadlines").status_code == 200


def test_a_list_is_a_page_with_the_total_count(client, ccm):
    everything = client.get("/api/v1/ccm/states?limit=500").json()
    page = client.get("/api/v1/ccm/states?limit=5&offset=10").json()

    assert set(page) == {"count", "limit", "offset", "items"}
    assert page["count"] == everything["count"] == len(everything["items"]) > 15
    assert (page["limit"], page["offset"]) == (5, 10)
    assert page["items"] == everything["items"][10:15]


def test_a_list_has_100_items_by_default(client, ccm):
    page = client.get("/api/v1/ccm/states").json()

    assert (page["limit"], page["offset"], len(page["items"])) == (100, 0, 100)


def test_an_offset_past_the_end_is_an_empty_page(client, ccm):
    page = client.get("/api/v1/ccm/meetings?offset=1000").json()

    assert page["items"] == []
    assert page["count"] == Meeting.objects.filter(convention=ccm).count()


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("limit=0", "limit"),
        ("limit=501", "limit"),
        ("limit=many", "limit"),
        ("offset=-1", "offset"),
    ],
)
def test_a_bad_limit_or_offset_is_422_in_the_api_shape(client, ccm, query, field):
    response = client.get(f"/api/v1/ccm/meetings?{query}")

    assert response.status_code == 422
    body = response.json()
    assert body["detail"] == "The request is not valid."
    assert [e["field"] for e in body["errors"]] == [field]


def test_every_list_endpoint_is_paginated(client, db):
    schema = client.get("/api/v1/openapi.json").json()

    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            body = operation["responses"].get("200", {}).get("content", {})
            target = body.get("application/json", {}).get("schema", {})
            assert target.get("type") != "array", f"{method} {path} is a bare list"


def test_every_scoped_operation_has_the_convention_as_a_path_parameter(client, db):
    schema = client.get("/api/v1/openapi.json").json()

    scoped = [
        (path, operation)
        for path, operations in schema["paths"].items()
        for operation in operations.values()
        if path.startswith("/api/v1/{convention}/")
    ]
    assert len(scoped) > 40
    for path, operation in scoped:
        where = {p["name"]: p["in"] for p in operation["parameters"]}
        assert where.get("convention") == "path", path
    unscoped = {path for path in schema["paths"] if "{convention}" not in path}
    assert unscoped == {"/api/v1/me", "/api/v1/deadlines", "/api/v1/me/deadlines"}
