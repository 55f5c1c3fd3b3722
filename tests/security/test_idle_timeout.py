"""Staff sessions end after a time without activity (issue 24: "staff sessions with an
idle timeout"). Absent on 2cdebbd (a Secretariat session lived for SESSION_COOKIE_AGE, two
weeks, however long it sat idle)."""

import time

from tests.conftest import client_for


def test_a_staff_session_ends_when_idle(secretariat, settings):
    settings.STAFF_SESSION_IDLE_SECONDS = 1
    client = client_for(secretariat)
    assert client.get("/accounts/roles/").status_code == 200
    assert client.get("/accounts/roles/").status_code == 200  # activity keeps it alive
    time.sleep(1.3)
    answer = client.get("/accounts/roles/")
    assert answer.status_code == 302 and answer["Location"].startswith("/accounts/login/")
    assert "_auth_user_id" not in client.session


def test_the_api_answers_401_once_idle(president, settings):
    settings.STAFF_SESSION_IDLE_SECONDS = 1
    client = client_for(president)
    assert client.get("/api/v1/me").status_code == 200
    time.sleep(1.3)
    assert client.get("/api/v1/me").status_code == 401


def test_a_delegation_session_is_not_cut(peru_delegate, settings):
    settings.STAFF_SESSION_IDLE_SECONDS = 1
    client = client_for(peru_delegate)
    client.get("/accounts/roles/")
    time.sleep(1.3)
    assert client.get("/accounts/roles/").status_code == 200
