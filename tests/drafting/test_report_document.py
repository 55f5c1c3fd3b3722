"""The report as a document: its symbol (issued by the documents app), its revisions and
its adoption "as orally amended", through the services, the pages and the API."""

import json
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from plenary.decisions.models import Decision, DecisionKind
from plenary.documents.models import Document, DocumentStatus
from plenary.drafting import content, selectors, services
from plenary.meetings.models import Meeting
from tests.conftest import client_for, token_client

FINAL = "/ccm/meetings/2RC/report/?part=2&kind=final&date=2021-09-21"


@pytest.fixture
def part2(ccm):
    return Meeting.objects.get(convention=ccm, code="2RC").parts.get(number=2)


def test_the_interim_report_of_seed_003_is_its_l1(ccm):
    part = selectors.part_with_meeting(convention=ccm, reference="2RC", number=1)
    records = selectors.report_records(part=part, kind="interim")
    assert records.report_document.document.symbol == "CCM/CONF/2020/L.1"
    assert [d.symbol for d in records.revisions] == ["CCM/CONF/2020/L.1"]
    assert not records.report_document.adopted


def test_issue_revise_and_adopt_the_final_report(part2, secretariat):
    report = services.issue_report_document(
        part=part2, kind="final", issued_on=date(2021, 9, 20), by=secretariat
    )
    assert report.document.symbol == "CCM/CONF/2020/L.2"
    assert report.document.title == "Final report of the Second Review Conference"
    assert report.document.part == part2
    report = services.revise_report_document(
        report=report, issued_on=date(2021, 9, 21), by=secretariat
    )
    assert report.document.symbol == "CCM/CONF/2020/L.2/Rev.1"
    assert Document.objects.get(symbol="CCM/CONF/2020/L.2").status == DocumentStatus.SUPERSEDED
    decision = Decision.objects.create(
        part=part2,
        kind=DecisionKind.ADOPTED,
        subject="its final report",
        decided_on=date(2021, 9, 21),
    )
    report = services.record_report_adoption(
        report=report,
        adopted_on=date(2021, 9, 21),
        as_orally_amended=True,
        decision=decision,
        by=secretariat,
    )
    assert (report.adopted_on, report.as_orally_amended, report.decision) == (
        date(2021, 9, 21),
        True,
        decision,
    )
    assert report.adoption_recorded_by == secretariat
    assert report.history.first().history_change_reason == "Adoption of the report recorded"
    # The drafted report carries the current symbol at the top right.
    records = selectors.report_records(part=part2, kind="final")
    drafted = content.report(records, kind="final", on=date(2021, 9, 21))
    assert drafted.symbol == "CCM/CONF/2020/L.2/Rev.1"
    assert [d.symbol for d in records.revisions] == [
        "CCM/CONF/2020/L.2",
        "CCM/CONF/2020/L.2/Rev.1",
    ]
    # An adopted report's text is final.
    with pytest.raises(ValidationError) as refused:
        services.revise_report_document(report=report, by=secretariat)
    assert "report" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        services.record_report_adoption(report=report, adopted_on=date(2021, 9, 21), by=secretariat)
    assert "report" in refused.value.message_dict


def test_refusals(part2, secretariat, president, ccm):
    with pytest.raises(PermissionDenied):
        services.issue_report_document(part=part2, kind="final", by=president)
    with pytest.raises(ValidationError) as refused:
        services.issue_report_document(part=part2, kind="final", series="WP", by=secretariat)
    assert "series" in refused.value.message_dict
    first = Meeting.objects.get(convention=ccm, code="2RC").parts.get(number=1)
    with pytest.raises(ValidationError) as refused:
        services.issue_report_document(part=first, kind="interim", by=secretariat)
    assert "CCM/CONF/2020/L.1" in refused.value.message_dict["kind"][0]
    report = services.issue_report_document(part=part2, kind="final", by=secretariat)
    with pytest.raises(ValidationError) as refused:
        services.record_report_adoption(
            report=report, adopted_on=date(2020, 11, 25), by=secretariat
        )
    assert "adopted_on" in refused.value.message_dict
    elsewhere = Decision.objects.create(part=first, kind=DecisionKind.ADOPTED, subject="x")
    with pytest.raises(ValidationError) as refused:
        services.record_report_adoption(
            report=report, adopted_on=date(2021, 9, 21), decision=elsewhere, by=secretariat
        )
    assert "decision" in refused.value.message_dict


def test_the_secretariat_issues_and_adopts_on_the_report_page(part2, secretariat):
    client = client_for(secretariat)
    page = client.get(FINAL).content.decode()
    assert "Not issued as a document yet" in page
    query = "?part=2&kind=final"
    response = client.post(
        f"/ccm/meetings/2RC/report/issue/{query}",
        {"issue-series": "L", "issue-issued_on": "2021-09-20"},
    )
    assert response.status_code == 302
    page = client.get(FINAL).content.decode()
    assert "Issued as CCM/CONF/2020/L.2." in page
    client.post(f"/ccm/meetings/2RC/report/revise/{query}", {"revise-issued_on": "2021-09-21"})
    # A refusal comes back on the form's field, with 422, never a 500.
    response = client.post(
        f"/ccm/meetings/2RC/report/adopt/{query}", {"adopt-adopted_on": "2020-01-01"}
    )
    assert response.status_code == 422
    assert "is before part 2 began" in response.content.decode()
    response = client.post(
        f"/ccm/meetings/2RC/report/adopt/{query}",
        {"adopt-adopted_on": "2021-09-21", "adopt-as_orally_amended": "on"},
    )
    assert response.status_code == 302
    page = client.get(FINAL).content.decode()
    assert "Texts: CCM/CONF/2020/L.2 (20 September 2021), CCM/CONF/2020/L.2/Rev.1" in page
    assert "Adopted on 21 September 2021 (CCM/CONF/2020/L.2/Rev.1), as orally amended." in page
    meeting_page = client_for(None).get("/ccm/meetings/2RC/?part=2").content.decode()
    assert (
        "Adopted on 21 September 2021 (CCM/CONF/2020/L.2/Rev.1), as orally amended." in meeting_page
    )
    assert "Issued as CCM/CONF/2020/L.1." in meeting_page


def test_only_the_secretariat_posts(part2, president):
    response = client_for(president).post(
        "/ccm/meetings/2RC/report/issue/?part=2&kind=final", {"issue-series": "L"}
    )
    assert response.status_code == 403


def test_the_api(part2, secretariat, president):
    api = token_client(secretariat)
    base = "/api/v1/ccm/meetings/2RC/reports"
    made = api.post(
        base,
        json.dumps({"part": 2, "report_kind": "final", "series": "L"}),
        content_type="application/json",
    )
    assert made.status_code == 201, made.content
    report = made.json()
    assert (report["symbol"], report["texts"]) == ("CCM/CONF/2020/L.2", ["CCM/CONF/2020/L.2"])
    revised = api.post(f"{base}/{report['id']}/revisions", "{}", content_type="application/json")
    assert revised.json()["symbol"] == "CCM/CONF/2020/L.2/Rev.1"
    refused = api.put(
        f"{base}/{report['id']}/adoption",
        json.dumps({"adopted_on": "2019-01-01"}),
        content_type="application/json",
    )
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "adopted_on"
    adopted = api.put(
        f"{base}/{report['id']}/adoption",
        json.dumps({"adopted_on": "2021-09-21", "as_orally_amended": True}),
        content_type="application/json",
    )
    assert adopted.status_code == 200
    assert adopted.json()["as_orally_amended"] is True
    listed = client_for(None).get(base).json()
    rows = listed["items"] if isinstance(listed, dict) else listed
    assert {row["symbol"] for row in rows} == {"CCM/CONF/2020/L.1", "CCM/CONF/2020/L.2/Rev.1"}
    forbidden = token_client(president).post(
        base, json.dumps({"part": 2, "report_kind": "interim"}), content_type="application/json"
    )
    assert forbidden.status_code == 403


def test_the_meeting_page_reads_reports_in_constant_queries(ccm, django_assert_max_num_queries):
    client = client_for(None)
    client.get("/ccm/meetings/2RC/?part=1")
    with django_assert_max_num_queries(60):
        assert client.get("/ccm/meetings/2RC/?part=1").status_code == 200


def test_a_report_issued_as_a_conference_room_paper_is_revised_in_that_series(part2, secretariat):
    """A report may be issued in the CRP. series (issue 23 names CCM/CONF/2020/CRP.8/Rev.1):
    it takes the series' next number after the documents on record, and its revision keeps
    the series and the number."""
    report = services.issue_report_document(
        part=part2, kind="final", series="CRP", issued_on=date(2021, 9, 20), by=secretariat
    )
    first = report.document.symbol
    report = services.revise_report_document(
        report=report, issued_on=date(2021, 9, 21), by=secretariat
    )
    assert (first, report.document.symbol) == (
        "CCM/CONF/2020/CRP.9",
        "CCM/CONF/2020/CRP.9/Rev.1",
    )
