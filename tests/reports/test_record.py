"""Counts that say only what the record supports: a report due before the record of
reports is complete (`reporting.record_complete_from`) and not on record is "no record",
except an initial report looked at within the window in which the record of initial
reports is complete (`reporting.initial_record_complete_from/until`, sourced)."""

from datetime import date

from plenary.action_plan.computations import COMPUTATIONS
from plenary.treaties import deadlines, selectors
from plenary.treaties import services as registry
from plenary.treaties.models import ReportKind
from tests.conftest import client_for, new_state


def test_the_ccm_record_is_complete_from_the_date_its_data_gives(ccm):
    assert ccm.rules.reporting.record_complete_from == date(2026, 12, 1)
    assert [f.code for f in ccm.rules.reporting.forms] == list("ABCDEFGHIJ")


def test_an_old_report_not_on_record_is_no_record_never_overdue(ccm):
    # 2017: before the window of the initial reports' record; the annual reports' record
    # is complete only from 2026.
    rows = selectors.obligations_on(convention=ccm, on=date(2017, 12, 31), article=7)
    assert "overdue" not in {row.status for row in rows}
    assert "no_record" in {row.status for row in rows}
    assert selectors.overdue_initial_reports_on(convention=ccm, on=date(2017, 12, 31)) == 0
    # Today, after the window: the record cannot say the seven have not reported since.
    rows = selectors.obligations_on(convention=ccm, on=date(2026, 12, 1), article=7)
    assert "overdue" not in {row.status for row in rows}


def test_in_the_window_an_initial_report_not_on_record_is_overdue(ccm):
    rows = selectors.obligations_on(
        convention=ccm, on=date(2020, 12, 31), obligation="initial_report"
    )
    overdue = {row.iso3 for row in rows if row.status == "overdue"}
    # The seven of the ISU's figure for 2020, and Sao Tome and Principe, due 28 December.
    assert overdue == {"CPV", "COG", "COM", "GIN", "MDG", "RWA", "STP", "TGO"}
    assert "no_record" not in {row.status for row in rows}
    # The annual reports of the same day are still "no record".
    rows = selectors.obligations_on(convention=ccm, on=date(2020, 12, 31), article=7)
    annual = {row.status for row in rows if row.report == ReportKind.ANNUAL}
    assert "overdue" not in annual


def test_a_report_known_only_as_received_by_a_day_counts_from_that_day(ccm):
    [peru] = [
        r for r in selectors.transparency_reports(convention=ccm, iso3="PER") if r.kind == "initial"
    ]
    assert (peru.received_on, peru.received_by_only) == (date(2018, 12, 31), True)


def test_due_lists_no_article_7_report_as_overdue(ccm):
    response = client_for(None).get("/ccm/due/?on=2026-12-01")
    overdue = [r for r in response.context["overdue"] if r.report]
    assert overdue == []
    assert response.context["no_record"]
    # In 2020 the record supports the initial reports it lists as overdue, and only those.
    response = client_for(None).get("/ccm/due/?on=2020-12-31")
    overdue = {r.iso3 for r in response.context["overdue"] if r.report}
    assert overdue == {"CPV", "COG", "COM", "GIN", "MDG", "RWA", "STP", "TGO"}


def test_the_api_says_no_record(ccm):
    response = client_for(None).get("/api/v1/ccm/obligations?on=2020-12-31&state=PER&limit=500")
    statuses = {row["obligation"]: row["status"] for row in response.json()["items"]}
    assert statuses["annual_report"] == "no_record"


def test_the_state_page_says_no_record(ccm):
    response = client_for(None).get("/ccm/states/PER/?on=2020-12-31")
    assert "no record" in response.content.decode()


def test_a_report_due_once_the_record_is_complete_is_overdue_when_missing(ccm, secretariat):
    state = new_state("XXR")
    registry.record_participation(
        convention=ccm,
        state=state,
        signed_on=None,
        deposited_on=date(2027, 1, 5),
        instrument="accession",
    )  # in force 1 July 2027; initial report due 28 December 2027
    rows = selectors.obligations_on(convention=ccm, on=date(2028, 1, 5), iso3="XXR", article=7)
    initial = next(row for row in rows if row.report == ReportKind.INITIAL)
    assert initial.status == "overdue"


def test_reminders_never_chase_a_report_the_record_cannot_support(ccm):
    found = deadlines.deadlines_between(start=date(2020, 1, 1), end=date(2026, 11, 30))
    article7 = [d for d in found if d.kind.startswith("article7")]
    assert article7
    assert not any(d.notify_missed for d in article7)
    found = deadlines.deadlines_between(start=date(2027, 4, 1), end=date(2027, 4, 30), state="PER")
    [annual] = [d for d in found if d.kind.startswith("article7")]
    assert (annual.kind, annual.notify_missed) == ("article7_annual", True)


def test_the_overdue_indicator_is_not_computable_before_the_record(ccm):
    result = COMPUTATIONS["initial_reports_overdue_at_year_end"].compute(ccm, 2017)
    assert result.value is None
    assert result.reason.startswith("not computable from the records")
    assert "31 December 2018" in result.reason


def test_the_overdue_indicator_reproduces_the_isu_figures(ccm):
    """Seed 003 para 62: 13 in 2018, 7 in 2020 (the figure of the 2RC, 25 November 2020)."""
    compute = COMPUTATIONS["initial_reports_overdue_at_year_end"].compute
    y2018, y2020 = compute(ccm, 2018), compute(ccm, 2020)
    assert (y2018.value, y2018.measured_on) == (13, date(2018, 12, 31))
    assert (y2020.value, y2020.measured_on) == (7, date(2020, 11, 25))
    assert y2020.states == (
        "Cabo Verde",
        "Comoros",
        "Congo",
        "Guinea",
        "Madagascar",
        "Rwanda",
        "Togo",
    )
    assert set(y2018.states) >= set(y2020.states) | {"Benin", "Iceland", "Tunisia"}


def test_the_command_gives_the_figure_and_the_states(ccm, capsys):
    import json

    from django.core.management import call_command

    call_command("indicators", "DAP", "--year", "2020", "--format", "json", convention="CCM")
    [row] = [
        r
        for r in json.loads(capsys.readouterr().out)
        if r["computed"] == "initial_reports_overdue_at_year_end"
    ]
    assert (row["value"], row["baseline"]) == ("7", "13")
    assert row["states"].split("; ")[0] == "Cabo Verde"
    assert "25 November 2020" in row["source"]


def test_a_report_received_by_a_day_shows_by_that_day(ccm):
    html = client_for(None).get("/ccm/states/PER/?on=2019-06-30").content.decode()
    assert "by 31 December 2018" in html
    assert "(31 December 2018)" not in html
