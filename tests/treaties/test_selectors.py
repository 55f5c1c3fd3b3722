from datetime import date

from plenary.rules import deadlines
from plenary.treaties import selectors, services
from plenary.treaties.models import State
from tests.conftest import new_state


def test_statuses_on_a_date_agree_with_the_rules_for_every_state(ccm):
    on = date(2020, 11, 25)

    for standing in selectors.states_on(convention=ccm, on=on):
        participation = standing.state.participations.first()
        expected = deadlines.treaty_status(
            rules=ccm.rules,
            signed_on=participation.signed_on if participation else None,
            deposited_on=participation.deposited_on if participation else None,
            withdrawal_effective_on=participation.withdrawal_effective_on
            if participation
            else None,
            today=on,
        )
        assert standing.status == expected, standing.name


def test_states_list_runs_a_constant_number_of_queries(ccm, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        standings = selectors.states_on(convention=ccm, on=date(2020, 11, 25))

    assert len(standings) == State.objects.count()


def test_obligations_run_a_constant_number_of_queries(ccm, django_assert_max_num_queries):
    with django_assert_max_num_queries(5):
        rows = selectors.obligations_on(convention=ccm, on=date(2020, 11, 25))

    assert {row.article for row in rows} == {3, 4, 7}


def test_initial_report_is_overdue_after_180_days_and_completed_once_received(ccm):
    state = new_state("XXE")
    services.record_participation(
        convention=ccm,
        state=state,
        signed_on=None,
        deposited_on=date(2027, 1, 5),
        instrument="accession",
    )  # in force 1 July 2027; initial report due 28 December 2027 (the record is complete)

    def initial_on(on):
        rows = selectors.obligations_on(convention=ccm, on=on, iso3="XXE", article=7)
        return next(row for row in rows if row.report == "initial")

    assert initial_on(date(2027, 12, 28)).status == "pending"
    assert initial_on(date(2027, 12, 29)).status == "overdue"
    services.record_transparency_report(
        convention=ccm,
        state=state,
        kind="initial",
        received_on=date(2028, 1, 10),
        today=date(2028, 1, 10),
    )
    assert initial_on(date(2028, 1, 9)).status == "overdue"
    assert initial_on(date(2028, 1, 10)).status == "completed"


def test_annual_report_of_the_cycle_is_due_30_april(ccm):
    rows = selectors.obligations_on(convention=ccm, on=date(2021, 4, 30), iso3="PER", article=7)

    annual = next(row for row in rows if row.report == "annual")
    assert annual.what == "Article 7: annual report covering 2020"
    assert annual.current_deadline == date(2021, 4, 30)


def test_due_lists_only_pending_and_overdue_soonest_first(ccm):
    rows = selectors.due_on(convention=ccm, on=date(2020, 11, 25))

    assert {row.status for row in rows} <= {"pending", "overdue", "no_record"}
    assert [row.current_deadline for row in rows] == sorted(row.current_deadline for row in rows)


def test_filtering_by_article_4_lists_only_its_holders(ccm):
    standings = selectors.states_on(convention=ccm, on=date(2020, 11, 25), article="4")

    assert {"BIH", "CHL", "LBN", "HRV", "MNE"} <= {s.iso3 for s in standings}
    assert all(s.obligations[0].article == 4 for s in standings)


def test_overdue_initial_reports_count_a_state_until_its_report_is_received(ccm):
    new_year = date(2028, 1, 1)
    before = selectors.overdue_initial_reports_on(convention=ccm, on=new_year)
    state = new_state("XXF")
    services.record_participation(
        convention=ccm,
        state=state,
        signed_on=None,
        deposited_on=date(2027, 1, 5),
        instrument="accession",
    )  # initial report due 28 December 2027

    assert selectors.overdue_initial_reports_on(convention=ccm, on=new_year) == before + 1
    services.record_transparency_report(
        convention=ccm,
        state=state,
        kind="initial",
        received_on=date(2027, 12, 30),
        today=date(2027, 12, 30),
    )
    assert selectors.overdue_initial_reports_on(convention=ccm, on=new_year) == before
