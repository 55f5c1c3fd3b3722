"""A second convention (the APMBC) beside the CCM: its own articles, deadlines and withdrawals.

The APMBC's reference data is loaded by another part of plenary; these tests create the
records they need (test records, not reference data).
"""

import json
from datetime import date
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from plenary.treaties import selectors, services
from plenary.treaties.models import Convention, Obligation, State


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.fixture
def apmbc(ccm) -> Convention:
    return Convention.objects.get_or_create(short_name="APMBC")[0]


@pytest.fixture
def ukraine(apmbc) -> State:
    state = State.objects.get(iso3="UKR")
    services.record_participation(
        convention=apmbc,
        state=state,
        signed_on=None,
        deposited_on=date(2005, 12, 27),
        instrument="ratification",
        deposit_source="test",
    )
    for kind in ("stockpile_destruction", "clearance"):
        services.record_obligation(convention=apmbc, state=state, kind=kind, source="test")
    return state


def test_apmbc_entry_into_force_is_the_first_day_of_the_sixth_month(apmbc, ukraine):
    participation = ukraine.participations.get(convention=apmbc)
    assert participation.entry_into_force == date(2006, 6, 1)


def test_apmbc_stockpile_is_article_4_four_years_and_clearance_article_5_ten(apmbc, ukraine):
    stockpile = Obligation.objects.get(
        convention=apmbc, state=ukraine, kind="stockpile_destruction"
    )
    clearance = Obligation.objects.get(convention=apmbc, state=ukraine, kind="clearance")
    assert (stockpile.article, stockpile.original_deadline) == ("4", date(2010, 6, 1))
    assert (clearance.article, clearance.original_deadline) == ("5", date(2016, 6, 1))


def test_obligations_command_for_the_apmbc_lists_article_and_code(apmbc, ukraine):
    rows = json.loads(
        run("obligations", "--convention", "APMBC", "--on", "2011-01-01", "--format", "json")
    )
    ukraine_rows = [row for row in rows if row["iso3"] == "UKR"]
    assert ukraine_rows[:2] == [
        {
            "state": "Ukraine",
            "iso3": "UKR",
            "article": 4,
            "obligation": "stockpile_destruction",
            "original_deadline": "2010-06-01",
            "current_deadline": "2010-06-01",
            "status": "overdue",
        },
        {
            "state": "Ukraine",
            "iso3": "UKR",
            "article": 5,
            "obligation": "clearance",
            "original_deadline": "2016-06-01",
            "current_deadline": "2016-06-01",
            "status": "pending",
        },
    ]
    assert {(row["article"], row["obligation"]) for row in ukraine_rows[2:]} == {
        (7, "initial_report"),
        (7, "annual_report"),
    }


def test_obligations_command_filters_by_the_conventions_article(apmbc, ukraine):
    rows = json.loads(
        run(
            "obligations",
            "--convention",
            "APMBC",
            "--on",
            "2011-01-01",
            "--article",
            "4",
            "--format",
            "json",
        )
    )
    assert [(row["iso3"], row["obligation"]) for row in rows] == [("UKR", "stockpile_destruction")]


def test_apmbc_stockpile_deadline_cannot_be_extended(apmbc, ukraine):
    stockpile = Obligation.objects.get(
        convention=apmbc, state=ukraine, kind="stockpile_destruction"
    )
    with pytest.raises(ValidationError) as excinfo:
        services.grant_extension(
            obligation=stockpile,
            new_deadline=date(2012, 6, 1),
            meeting="test",
            source="test",
        )
    assert excinfo.value.message_dict == {
        "new_deadline": ["APMBC, Article 4: no extension of a deadline is allowed"]
    }


def test_apmbc_clearance_extends_up_to_ten_years(apmbc, ukraine):
    clearance = Obligation.objects.get(convention=apmbc, state=ukraine, kind="clearance")
    extension = services.grant_extension(
        obligation=clearance, new_deadline=date(2026, 6, 1), meeting="test", source="test"
    )
    assert extension.months == 120


def test_an_unknown_obligation_kind_is_refused(apmbc, ukraine):
    with pytest.raises(ValidationError) as excinfo:
        services.record_obligation(convention=apmbc, state=ukraine, kind="4", source="test")
    assert excinfo.value.message_dict == {
        "kind": ["must be one of stockpile_destruction, clearance"]
    }


# A State party to both: a withdrawal from one convention leaves the other as it was.


def _ccm_view(ccm, on):
    standing = selectors.state_standing(convention=ccm, iso3="PER", on=on)
    rows = selectors.obligations_on(convention=ccm, on=on, iso3="PER")
    return standing.status, [row.as_dict() for row in rows]


def test_withdrawal_from_the_apmbc_leaves_the_ccm_as_it_was(ccm, apmbc):
    on = date(2021, 3, 2)
    peru = State.objects.get(iso3="PER")
    before = _ccm_view(ccm, on)
    assert before[0] == "state_party"
    assert any(row["obligation"] == "stockpile_destruction" for row in before[1])

    services.record_participation(
        convention=apmbc,
        state=peru,
        signed_on=None,
        deposited_on=date(2005, 12, 27),
        instrument="ratification",
        deposit_source="test",
        withdrawal_effective_on=date(2020, 1, 1),
        withdrawal_source="test (a withdrawal no State has made)",
    )
    services.record_obligation(convention=apmbc, state=peru, kind="clearance", source="test")

    assert _ccm_view(ccm, on) == before
    assert selectors.state_standing(convention=apmbc, iso3="PER", on=on).status == "not_party"
    assert selectors.obligations_on(convention=apmbc, on=on, iso3="PER") == []
    ccm_peru = selectors.states_on(convention=ccm, on=on, obligation="stockpile_destruction")
    assert "PER" in {standing.iso3 for standing in ccm_peru}


def test_withdrawal_from_the_ccm_leaves_the_apmbc_as_it_was(ccm, apmbc, ukraine):
    on = date(2011, 1, 1)
    before = [row.as_dict() for row in selectors.obligations_on(convention=apmbc, on=on)]
    services.record_participation(
        convention=ccm,
        state=ukraine,
        signed_on=None,
        deposited_on=date(2009, 1, 5),
        instrument="accession",
        deposit_source="test",
        withdrawal_effective_on=date(2010, 12, 1),
        withdrawal_source="test (Ukraine is no party to the CCM)",
    )
    after = [row.as_dict() for row in selectors.obligations_on(convention=apmbc, on=on)]
    assert after == before
    assert selectors.state_standing(convention=apmbc, iso3="UKR", on=on).status == "state_party"


def test_reminders_stop_for_the_convention_withdrawn_from_only(ccm, apmbc, ukraine):
    from plenary.treaties.deadlines import deadlines_between

    services.record_participation(
        convention=ccm,
        state=ukraine,
        signed_on=None,
        deposited_on=date(2009, 1, 5),
        instrument="accession",
        deposit_source="test",
        withdrawal_effective_on=date(2010, 1, 1),
        withdrawal_source="test (Ukraine is no party to the CCM)",
    )
    services.record_obligation(convention=ccm, state=ukraine, kind="clearance", source="test")

    keys = [
        deadline.key
        for deadline in deadlines_between(start=date(2010, 1, 1), end=date(2020, 1, 1), state="UKR")
        if not deadline.key.startswith("treaties.article7")
    ]
    assert keys == [
        "treaties.article4:APMBC:UKR:2010-06-01",
        "treaties.article5:APMBC:UKR:2016-06-01",
    ]


def test_a_partial_record_says_so_on_the_pages_that_count_states(ccm, client):
    from plenary.reference import load_reference
    from tests.conftest import LOAD_DAY

    load_reference(today=LOAD_DAY, convention="APMBC")
    for path in ("/apmbc/", "/apmbc/states/", "/apmbc/due/"):
        page = client.get(path).content.decode()
        assert "The record is partial." in page, path
        assert "56 States only" in page, path
    assert "The record is partial." not in client.get("/ccm/states/").content.decode()
