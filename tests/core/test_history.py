from datetime import date

from plenary.treaties import services
from tests.conftest import client_for


def test_a_recorded_report_shows_who_recorded_it_in_history(secretariat, ccm):
    peru = ccm.participation_set.get(state__iso3="PER").state
    report = services.record_transparency_report(
        convention=ccm,
        state=peru,
        kind="annual",
        year_covered=2020,
        received_on=date(2021, 4, 20),
        today=date(2021, 5, 1),
        by=secretariat,
    )

    record = report.history.get()
    assert record.history_user == secretariat
    assert record.history_type == "+"


def test_the_state_page_links_to_its_history_and_history_lists_changes(secretariat, ccm):
    client = client_for(secretariat)
    peru = ccm.participation_set.get(state__iso3="PER")

    page = client.get("/ccm/states/PER/").content.decode()
    history = client.get(f"/history/treaties/participation/{peru.pk}/").content.decode()

    assert f"/history/treaties/participation/{peru.pk}/" in page
    assert "History of Peru / CCM" in history
    assert "Created: Reference data" in history


def test_history_of_an_extension_records_the_change_of_deadline(secretariat, ccm):
    obligation = ccm.obligation_set.get(state__iso3="LBN", kind="clearance")

    services.grant_extension(
        obligation=obligation,
        new_deadline=date(2027, 5, 1),
        meeting="Test meeting",
        source="test",
        by=secretariat,
    )

    latest, previous = obligation.history.order_by("-history_date", "-history_id")[:2]
    assert latest.history_user == secretariat
    assert latest.history_change_reason == "Extension to 1 May 2027 (Test meeting)"
    changes = latest.diff_against(previous).changes
    assert [(c.field, c.old.isoformat(), c.new.isoformat()) for c in changes] == [
        ("current_deadline", "2026-05-01", "2027-05-01")
    ]
