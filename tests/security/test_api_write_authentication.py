"""Finding: an anonymous or bad-token API write answered "CSRF check Failed" (403), not 401
(failed on 76c584e). A browser signed in still needs its CSRF token."""

from django.test import Client

from tests.conftest import client_for


def test_an_anonymous_write_answers_401():
    response = Client(enforce_csrf_checks=True).post(
        "/api/v1/me/tokens", {"name": "x"}, content_type="application/json"
    )

    assert response.status_code == 401
    assert "Sign in" in response.json()["detail"]


def test_a_bad_token_write_answers_401(db):
    response = Client(enforce_csrf_checks=True).post(
        "/api/v1/me/tokens",
        {"name": "x"},
        content_type="application/json",
        HTTP_AUTHORIZATION="Bearer not-a-key",
    )

    assert response.status_code == 401


def test_a_signed_in_browser_without_its_csrf_token_is_refused(peru_delegate):
    client = Client(enforce_csrf_checks=True)
    client.force_login(peru_delegate)

    response = client.post("/api/v1/me/tokens", {"name": "x"}, content_type="application/json")

    assert response.status_code == 403
    assert client_for(peru_delegate).get("/api/v1/me/tokens").status_code == 200
