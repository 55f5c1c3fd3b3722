"""The ISU's statistics of Article 7 reports for a year: the selector, the page, the API.
Each figure comes from the sourced record, or says it is not computable and why."""

from datetime import date

import pytest

from plenary.core.models import DelegationFunction, Role
from plenary.meetings.models import Meeting
from plenary.reports import services, statistics
from plenary.reports.models import Visibility
from plenary.treaties.models import State
from tests.conftest import client_for, make_user

TODAY = date(2027, 6, 1)


def figures(ccm, year):
    return {f.name: f for f in statistics.year_statistics(convention=ccm, year=year, today=TODAY)}


def test_the_four_initial_reports_due_in_2019_were_on_time(ccm):
    # Seed 003 para 62: Gambia, Namibia, Philippines and Sri Lanka, all on time.
    on_time = figures(ccm, 2019)["initial_reports_on_time"]
    assert (on_time.value, on_time.of) == (4, 4)
    assert on_time.states == ("Gambia", "Namibia", "Philippines", "Sri Lanka")


def test_the_overdue_figure_is_the_isus(ccm):
    overdue = figures(ccm, 2020)["initial_reports_overdue_at_year_end"]
    assert (overdue.value, overdue.measured_on) == (7, date(2020, 11, 25))


def test_a_figure_the_record_cannot_give_says_why(ccm):
    year = figures(ccm, 2017)
    assert year["initial_reports_on_time"].value is None
    assert "Cuba" in year["initial_reports_on_time"].reason
    annual = figures(ccm, 2020)["annual_reports_received_by_30_april"]
    assert annual.value is None
    assert annual.reason.startswith("not computable from the records")


def test_a_meeting_takes_the_figures_of_its_year(ccm):
    meeting = Meeting.objects.get(convention=ccm, code="2RC")
    assert statistics.meeting_year(meeting) == 2020
    [_, overdue, _] = statistics.meeting_statistics(meeting=meeting, today=TODAY)
    assert overdue.value == 7


@pytest.fixture
def restricted_report(ccm):
    """Peru's annual report covering 2026, restricted to the States Parties, submitted on
    1 March 2027 (a day from which the record of annual reports is complete)."""
    drafter = make_user("peru_drafter", Role.DELEGATION, "PER", function=DelegationFunction.DRAFTER)
    approver = make_user(
        "peru_approver", Role.DELEGATION, "PER", function=DelegationFunction.APPROVER
    )
    report = services.start_report(
        convention=ccm,
        state=State.objects.get(iso3="PER"),
        kind="annual",
        year_covered=2026,
        visibility=Visibility.STATES_PARTIES,
        by=drafter,
    )
    services.submit_report(version=report.versions.get(), today=date(2027, 3, 1), by=approver)
    return report


def test_a_restricted_report_is_counted_and_named_only_to_the_states_parties(
    ccm, restricted_report, chile_delegate
):
    annual = figures(ccm, 2027)["annual_reports_received_by_30_april"]
    assert (annual.value, annual.states) == (1, ("Peru",))
    public = statistics.for_reader(
        statistics.year_statistics(convention=ccm, year=2027, today=TODAY),
        convention=ccm,
        names_all=False,
    )
    assert [f.value for f in public][2] == 1
    assert "Peru" not in public[2].states
    page = client_for(None).get("/ccm/reports/statistics/?year=2027").content.decode()
    assert "Peru" not in page
    page = client_for(chile_delegate).get("/ccm/reports/statistics/?year=2027").content.decode()
    assert "Peru" in page
    rows = client_for(None).get("/api/v1/ccm/reports/statistics?year=2027").json()["figures"]
    assert (rows[2]["value"], rows[2]["states"]) == (1, [])


def test_the_page_and_the_api_run_a_fixed_number_of_queries(ccm, django_assert_max_num_queries):
    with django_assert_max_num_queries(20):
        response = client_for(None).get("/ccm/reports/statistics/?year=2020")
    assert response.status_code == 200
    assert "Cabo Verde" in response.content.decode()
    with django_assert_max_num_queries(20):
        rows = client_for(None).get("/api/v1/ccm/reports/statistics?year=2019").json()["figures"]
    assert rows[0]["value"] == 4 and rows[0]["of"] == 4
    assert client_for(None).get("/api/v1/ccm/reports/statistics?year=12").status_code == 422
