"""Every role against every action, on the page and through the API: allowed, or 403 and
nothing changed. A Delegation acts for its own State only."""

import pytest

from plenary.treaties.models import Obligation, TransparencyReport
from tests.conftest import client_for, token_client

ROLES = [
    "secretariat",
    "president",
    "isu",
    "coordinator",
    "peru_delegate",
    "chile_delegate",
    "observer",
]
MAY_REPORT_FOR_PERU = {"secretariat", "peru_delegate"}
MAY_RECORD_EXTENSIONS = {"secretariat"}

REPORT = {"kind": "annual", "year_covered": 2020, "received_on": "2021-04-20"}


def peru_reports():
    return TransparencyReport.objects.filter(state__iso3="PER").count()


@pytest.mark.parametrize("role", ROLES)
def test_page_records_a_peru_report_only_for_the_secretariat_and_peru(role, request):
    user = request.getfixturevalue(role)
    before = peru_reports()

    response = client_for(user).post("/ccm/states/PER/transparency-reports/", REPORT)

    if role in MAY_REPORT_FOR_PERU:
        assert response.status_code == 302
        assert peru_reports() == before + 1
    else:
        assert response.status_code == 403
        assert peru_reports() == before


@pytest.mark.parametrize("role", ROLES)
def test_api_records_a_peru_report_only_for_the_secretariat_and_peru(role, request):
    user = request.getfixturevalue(role)
    before = peru_reports()

    response = token_client(user).post(
        "/api/v1/ccm/transparency-reports",
        {"state": "PER", **REPORT},
        content_type="application/json",
    )

    if role in MAY_REPORT_FOR_PERU:
        assert response.status_code == 201
        assert response.json()["iso3"] == "PER"
        assert peru_reports() == before + 1
    else:
        assert response.status_code == 403
        assert response.json() == {
            "detail": "You may record Article 7 reports only for your own State.",
            "errors": [],
        }
        assert peru_reports() == before


@pytest.mark.parametrize("role", ROLES)
def test_api_records_an_extension_only_for_the_secretariat(role, request, ccm):
    user = request.getfixturevalue(role)
    obligation = Obligation.objects.get(state__iso3="LBN", kind="clearance")
    before = (obligation.current_deadline, obligation.extensions.count())

    response = token_client(user).post(
        f"/api/v1/ccm/obligations/{obligation.pk}/extensions",
        {"new_deadline": "2027-05-01", "meeting": "Test meeting", "source": "test"},
        content_type="application/json",
    )

    obligation.refresh_from_db()
    if role in MAY_RECORD_EXTENSIONS:
        assert response.status_code == 201
        assert response.json()["months"] == 12
        assert obligation.current_deadline.isoformat() == "2027-05-01"
    else:
        assert response.status_code == 403
        assert (obligation.current_deadline, obligation.extensions.count()) == before


def test_anonymous_public_cannot_record_a_report_on_the_page(client, ccm):
    before = peru_reports()

    response = client.post("/ccm/states/PER/transparency-reports/", REPORT)

    assert response.status_code == 403
    assert peru_reports() == before


def test_anonymous_public_gets_401_from_the_api_for_a_write(client, ccm):
    response = client.post(
        "/api/v1/ccm/transparency-reports",
        {"state": "PER", **REPORT},
        content_type="application/json",
    )

    assert response.status_code == 401
    assert response.json()["detail"].startswith("Sign in")


def test_api_write_with_a_session_needs_the_csrf_token(peru_delegate):
    client = client_for(peru_delegate)
    client.handler.enforce_csrf_checks = True
    before = peru_reports()

    response = client.post(
        "/api/v1/ccm/transparency-reports",
        {"state": "PER", **REPORT},
        content_type="application/json",
    )

    assert response.status_code == 403
    assert response.json() == {"detail": "CSRF check Failed", "errors": []}
    assert peru_reports() == before


@pytest.mark.parametrize("role", ROLES)
def test_every_signed_in_role_reads_history(role, request, ccm):
    user = request.getfixturevalue(role)
    peru = ccm.participation_set.get(state__iso3="PER")

    response = client_for(user).get(f"/history/treaties/participation/{peru.pk}/")

    assert response.status_code == 200


def test_anonymous_public_is_sent_to_sign_in_for_history(client, ccm):
    peru = ccm.participation_set.get(state__iso3="PER")

    response = client.get(f"/history/treaties/participation/{peru.pk}/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
