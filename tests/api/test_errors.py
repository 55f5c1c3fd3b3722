"""Every API failure has one shape: {"detail": ..., "errors": [{"field", "message"}]}."""

from tests.conftest import token_client


def test_a_date_that_is_not_a_date_is_422_naming_the_field(client, ccm):
    response = client.get("/api/v1/ccm/states?on=25-11-2020")

    assert response.status_code == 422
    body = response.json()
    assert body["detail"] == "The request is not valid."
    assert [e["field"] for e in body["errors"]] == ["on"]


def test_an_unknown_state_is_404_in_the_same_shape(client, ccm):
    response = client.get("/api/v1/ccm/states/XYZ")

    assert response.status_code == 404
    assert response.json() == {"detail": "No State with the ISO 3166 code 'XYZ'.", "errors": []}


def test_an_unknown_endpoint_is_404_in_the_same_shape(client, db):
    response = client.get("/api/v1/no-such-thing")

    assert response.status_code == 404
    assert response.json() == {"detail": "No API endpoint at /api/v1/no-such-thing.", "errors": []}


def test_a_missing_body_field_is_422_naming_it(secretariat):
    response = token_client(secretariat).post(
        "/api/v1/ccm/transparency-reports",
        {"state": "PER", "kind": "annual"},
        content_type="application/json",
    )

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["received_on"]


def test_a_report_for_an_unknown_state_is_422_naming_state(secretariat):
    response = token_client(secretariat).post(
        "/api/v1/ccm/transparency-reports",
        {"state": "XYZ", "kind": "initial", "received_on": "2020-01-01"},
        content_type="application/json",
    )

    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "state", "message": "no State has the ISO 3166 code 'XYZ'"}
    ]


def test_an_extension_beyond_the_article_maximum_is_422_and_stores_nothing(secretariat, ccm):
    obligation = ccm.obligation_set.get(state__iso3="PER", kind="stockpile_destruction")
    before = (obligation.current_deadline, obligation.extensions.count())

    response = token_client(secretariat).post(
        f"/api/v1/ccm/obligations/{obligation.pk}/extensions",
        {"new_deadline": "2028-05-01", "meeting": "Test", "source": "test"},
        content_type="application/json",
    )

    assert response.status_code == 422
    assert response.json()["errors"] == [
        {
            "field": "new_deadline",
            "message": "an extension under Article 3 may not exceed 4 years (48 months); "
            "1 May 2028 is 49 months after 1 April 2024",
        }
    ]
    obligation.refresh_from_db()
    assert (obligation.current_deadline, obligation.extensions.count()) == before


def test_a_bad_token_is_401_in_the_same_shape(client, db):
    response = client.post(
        "/api/v1/ccm/transparency-reports",
        {},
        content_type="application/json",
        HTTP_AUTHORIZATION="Bearer not-a-token",
    )

    assert response.status_code == 401
    assert set(response.json()) == {"detail", "errors"}


def test_the_openapi_schema_is_served(client, db):
    schema = client.get("/api/v1/openapi.json").json()

    assert schema["info"]["title"] == "plenary API"
    assert "/api/v1/{convention}/states" in schema["paths"]
    assert "/api/v1/{convention}/transparency-reports" in schema["paths"]
