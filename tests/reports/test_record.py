"""Counts that say only what the record supports: a report due before the record of
reports is complete (`reporting.record_complete_from`) and not on record is "no record"."""

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
    rows = selectors.obligations_on(convention=ccm, on=date(2020, 12, 31), article=7)
    assert "overdue" not in {row.status for row in rows}
    assert "no_record" in {row.status for row in rows}
    assert selectors.overdue_initial_reports_on(convention=ccm, on=date(2020, 12, 31)) == 0


def test_due_lists_no_article_7_report_as_overdue(ccm):
    for on in ("2020-12-31", "2026-12-01"):
        response = client_for(None).get(f"/ccm/due/?on={on}")
        overdue = [r for r in response.context["overdue"] if r.report]
        assert overdue == []
        assert response.context["no_record"]


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
    result = COMPUTATIONS["initial_reports_overdue_at_year_end"].compute(ccm, 2020)
    assert result.value is None
    assert result.reason.startswith("not computable from the records")
