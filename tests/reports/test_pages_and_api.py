"""The report pages and endpoints: the same services, refusals on the field, no backdating."""

import json
from datetime import date

import pytest

from plenary.core.models import DelegationFunction, Role
from plenary.reports import selectors, services
from plenary.reports.models import Report
from plenary.treaties.models import State, TransparencyReport
from tests.conftest import client_for, make_user, token_client


@pytest.fixture
def drafter(ccm):
    return make_user("peru_drafter", Role.DELEGATION, "PER", function=DelegationFunction.DRAFTER)


@pytest.fixture
def approver(ccm):
    return make_user("peru_approver", Role.DELEGATION, "PER", function=DelegationFunction.APPROVER)


def draft(ccm, drafter):
    return services.start_report(
        convention=ccm,
        state=State.objects.get(iso3="PER"),
        kind="annual",
        year_covered=2025,
        by=drafter,
    )


def test_a_drafter_starts_and_saves_a_report_on_the_page(ccm, drafter):
    client = client_for(drafter)
    response = client.post(
        "/ccm/reports/states/PER/start/",
        {"kind": "annual", "year_covered": "2025", "visibility": "public"},
    )
    report = Report.objects.get(state__iso3="PER")
    assert response.status_code == 302
    data = {"visibility": "states_parties"}
    for code in "ABCDEFGHIJ":
        data[f"form_{code}_status"] = "changed"
        data[f"form_{code}_content"] = ""
    data["form_A_content"] = "Law 30000 of 2025"
    response = client.post(f"/ccm/reports/{report.pk}/draft/", data)
    assert response.status_code == 302
    assert report.versions.get().entries.get(form="A").content == "Law 30000 of 2025"
    report.refresh_from_db()
    assert report.visibility == "states_parties"


def test_a_receipt_date_posted_with_a_submission_is_refused(ccm, drafter, approver):
    report = draft(ccm, drafter)
    response = client_for(approver).post(
        f"/ccm/reports/{report.pk}/submit/", {"received_on": "2013-09-15"}, follow=True
    )
    assert str(services.RECEIPT_BY_PLENARY) in response.content.decode()
    assert not TransparencyReport.objects.filter(state__iso3="PER", year_covered=2025).exists()


def test_a_delegation_cannot_record_a_receipt_on_the_state_page(ccm, approver):
    response = client_for(approver).post(
        "/ccm/states/PER/transparency-reports/",
        {"kind": "initial", "received_on": "2013-09-15"},
    )
    assert response.status_code == 403
    response = client_for(approver).post(
        "/ccm/reports/states/PER/received/",
        {
            "kind": "initial",
            "visibility": "public",
            "channel": "email",
            "received_on": "2013-09-15",
        },
    )
    assert response.status_code == 403


def test_a_delegation_cannot_set_a_receipt_date_through_the_api(ccm, drafter, approver):
    report = draft(ccm, drafter)
    client = token_client(approver)
    response = client.post(
        f"/api/v1/ccm/reports/{report.pk}/submit",
        json.dumps({"received_on": "2013-09-15"}),
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "received_on", "message": str(services.RECEIPT_BY_PLENARY)}
    ]
    for path, body in (
        (
            "/api/v1/ccm/transparency-reports",
            {"state": "PER", "kind": "initial", "received_on": "2013-09-15"},
        ),
        (
            "/api/v1/ccm/reports/received",
            {"state": "PER", "kind": "initial", "channel": "email", "received_on": "2013-09-15"},
        ),
    ):
        response = client.post(path, json.dumps(body), content_type="application/json")
        assert response.status_code == 403, path


def test_the_api_runs_the_lifecycle(ccm, drafter, approver, chile_delegate):
    response = token_client(drafter).post(
        "/api/v1/ccm/reports",
        json.dumps({"state": "PER", "kind": "annual", "year_covered": 2025}),
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    pk = response.json()["id"]
    response = token_client(drafter).put(
        f"/api/v1/ccm/reports/{pk}/draft",
        json.dumps({"forms": {"A": {"content": "Law"}}}),
        content_type="application/json",
    )
    assert response.json()["draft"]["forms"][0] == {
        "form": "A",
        "status": "changed",
        "unchanged_since": None,
        "content": "Law",
    }
    assert token_client(chile_delegate).get(f"/api/v1/ccm/reports/{pk}").status_code == 404
    response = token_client(approver).post(
        f"/api/v1/ccm/reports/{pk}/submit", "{}", content_type="application/json"
    )
    assert response.status_code == 200, response.content
    today = selectors.today_for(ccm)
    assert response.json()["received_on"] == today.isoformat()
    listed = client_for(None).get("/api/v1/ccm/reports").json()
    assert [row["id"] for row in listed["items"]] == [pk]


def test_the_register_runs_a_fixed_number_of_queries(
    ccm, drafter, approver, django_assert_max_num_queries
):
    for year in (2023, 2024, 2025):
        report = services.start_report(
            convention=ccm,
            state=State.objects.get(iso3="PER"),
            kind="annual",
            year_covered=year,
            by=drafter,
        )
        services.submit_report(version=report.versions.get(), today=date(2026, 4, 1), by=approver)
    client = client_for(approver)
    with django_assert_max_num_queries(12):
        assert client.get("/ccm/reports/").status_code == 200
    with django_assert_max_num_queries(14):
        assert client.get(f"/ccm/reports/{report.pk}/").status_code == 200
    with django_assert_max_num_queries(14):
        assert client.get("/ccm/reports/states/PER/").status_code == 200


def submitted(ccm, drafter, approver, visibility="public"):
    report = draft(ccm, drafter)
    version = report.versions.get()
    report.visibility = visibility
    report.save()
    entry = version.entries.get(form="A")
    entry.content = '=HYPERLINK("x") Ley 30000, año 2025'
    entry.save()
    services.submit_report(version=version, today=date(2026, 4, 20), by=approver)
    return report


def test_the_report_downloads_as_docx_form_by_form(ccm, drafter, approver):
    import io

    from docx import Document

    report = submitted(ccm, drafter, approver)
    response = client_for(None).get(f"/ccm/reports/{report.pk}/report.docx")
    assert response.status_code == 200
    document = Document(io.BytesIO(response.content))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[1] == "Form A: National implementation measures"
    assert len([h for h in headings if h.startswith("Form ")]) == 10
    assert any("año 2025" in p.text for p in document.paragraphs)
    cover = document.tables[1]
    assert [c.text for c in cover.rows[1].cells] == [
        "A",
        "National implementation measures",
        "changed",
    ]


def test_the_report_downloads_as_pdf(ccm, drafter, approver):
    report = submitted(ccm, drafter, approver)
    response = client_for(None).get(f"/ccm/reports/{report.pk}/report.pdf")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    assert response["Content-Disposition"].endswith('ccm-PER-annual-2025.pdf"')


def test_a_draft_of_another_state_does_not_download(ccm, drafter, chile_delegate):
    report = draft(ccm, drafter)
    for suffix in ("docx", "pdf"):
        response = client_for(chile_delegate).get(f"/ccm/reports/{report.pk}/report.{suffix}")
        assert response.status_code == 404


def test_the_register_csv_is_escaped_and_public_only(ccm, drafter, approver):
    report = submitted(ccm, drafter, approver)
    rows = client_for(None).get("/ccm/reports/register.csv?year=2025").content.decode()
    assert rows.splitlines()[1].startswith("Peru,PER,annual,2025,2026-04-20,1,public")
    report.visibility = "states_parties"
    report.save()
    rows = client_for(None).get("/ccm/reports/register.csv").content.decode()
    assert rows.splitlines()[1:] == []


def test_a_register_cell_that_looks_like_a_formula_is_escaped():
    from types import SimpleNamespace as NS

    from plenary.reports import render

    view = NS(
        report=NS(
            state=NS(name="=cmd", iso3="XXX"),
            kind="initial",
            year_covered=None,
            receipt_id=None,
            visibility="public",
        ),
        current=None,
    )
    assert render.register_csv([view]).splitlines()[1].startswith("'=cmd,")
