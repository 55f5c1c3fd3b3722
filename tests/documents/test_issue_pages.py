"""The Secretariat issues documents and marks them on the meeting's documents page."""

from datetime import date

import pytest

from plenary.documents.models import Document
from plenary.meetings import services
from tests.conftest import client_for, token_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def msp(ccm, secretariat):
    return services.create_meeting(
        convention=ccm,
        code="14MSP",
        kind="msp",
        title="Fourteenth Meeting of States Parties",
        symbol_root="CCM/MSP/2027",
        parts=[services.PartPlan(1, date(2027, 9, 7), date(2027, 9, 9))],
        by=secretariat,
    )


def _issue(client, **data):
    return client.post(
        "/ccm/meetings/14MSP/documents/issue/",
        {
            f"issue-{key}": value
            for key, value in {
                "submitted_by": "secretariat",
                "status": "issued",
                "title": "A paper",
                **data,
            }.items()
        },
    )


def test_the_secretariat_issues_the_next_symbols(msp, secretariat):
    client = client_for(secretariat)
    assert b"Issue a document" in client.get("/ccm/meetings/14MSP/documents/").content
    response = _issue(client, series="WP")
    assert response.status_code == 302
    assert response["Location"] == "/ccm/documents/CCM/MSP/2027/WP.1/"
    assert _issue(client, series="WP").status_code == 302
    assert _issue(client, changes="CCM/MSP/2027/WP.1", change="Rev").status_code == 302
    assert _issue(client, changes="CCM/MSP/2027/WP.1", change="Corr").status_code == 302
    assert sorted(Document.objects.filter(meeting=msp).values_list("symbol", "status")) == [
        ("CCM/MSP/2027/WP.1", "superseded"),
        ("CCM/MSP/2027/WP.1/Corr.1", "issued"),
        ("CCM/MSP/2027/WP.1/Rev.1", "issued"),
        ("CCM/MSP/2027/WP.2", "issued"),
    ]
    response = client.post("/ccm/documents/CCM/MSP/2027/WP.2/status/", {"status": "withdrawn"})
    assert response.status_code == 302
    assert Document.objects.get(symbol="CCM/MSP/2027/WP.2").status == "withdrawn"


def test_refusals_show_on_the_issue_form(msp, secretariat):
    response = _issue(client_for(secretariat), series="WP", title="")
    assert response.status_code == 422
    assert b"give the document a title" in response.content
    response = client_for(secretariat).post(
        "/ccm/documents/CCM/MSP/2027/WP.1/status/", {"status": "lost"}
    )
    assert response.status_code == 404


def test_a_delegation_cannot_issue(msp, peru_delegate):
    assert _issue(client_for(peru_delegate), series="WP").status_code == 403
    assert not Document.objects.filter(meeting=msp).exists()


def test_the_api_issues_a_revision_and_refuses_another_meetings_symbol(msp, secretariat):
    client = token_client(secretariat)
    url = "/api/v1/ccm/meetings/14MSP/documents"
    response = client.post(url, {"title": "Paper", "series": "WP"}, content_type="application/json")
    assert response.status_code == 201, response.json()
    assert response.json()["symbol"] == "CCM/MSP/2027/WP.1"
    response = client.post(
        url, {"title": "Paper", "changes": "CCM/MSP/2027/WP.1"}, content_type="application/json"
    )
    assert response.json()["symbol"] == "CCM/MSP/2027/WP.1/Rev.1"
    response = client.post(
        url, {"title": "Paper", "symbol": "CCM/CONF/2020/WP.9"}, content_type="application/json"
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "symbol"
    response = client.post(
        "/api/v1/ccm/documents/CCM/MSP/2027/WP.1/Rev.1/status",
        {"status": "withdrawn"},
        content_type="application/json",
    )
    assert response.status_code == 200
    assert response.json()["status"] == "withdrawn"
