"""The sourced CCM reference data, checked against the facts of the seed documents."""

from datetime import date

import pytest
from django.db.models import Q

from plenary.reference import load_reference
from plenary.treaties import selectors
from plenary.treaties.models import Participation, State
from tests.conftest import LOAD_DAY
from tests.treaties import seed_003


def state_named(name: str) -> State:
    return State.objects.filter(Q(name=name) | Q(former_names__name=name)).distinct().get()


def obligation_on(ccm, iso3: str, article: int, on: date):
    rows = selectors.obligations_on(convention=ccm, on=on, iso3=iso3, article=article)
    assert len(rows) == 1
    return rows[0]


@pytest.mark.parametrize("name", seed_003.STATES_PARTIES)
def test_paragraph_12_states_are_states_parties_on_the_first_day(ccm, name):
    standing = selectors.state_standing(
        convention=ccm, iso3=state_named(name).iso3, on=seed_003.FIRST_DAY
    )

    assert standing.status == "state_party"


@pytest.mark.parametrize("name", seed_003.SIGNATORIES)
def test_paragraph_13_states_are_signatories_on_the_first_day(ccm, name):
    standing = selectors.state_standing(
        convention=ccm, iso3=state_named(name).iso3, on=seed_003.FIRST_DAY
    )

    assert standing.status == "signatory"


@pytest.mark.parametrize("name", seed_003.OTHER_STATES)
def test_paragraph_14_states_are_not_party_on_the_first_day(ccm, name):
    standing = selectors.state_standing(
        convention=ccm, iso3=state_named(name).iso3, on=seed_003.FIRST_DAY
    )

    assert standing.status == "not_party"


@pytest.mark.parametrize("iso3", ["HRV", "MNE"])
def test_croatia_and_montenegro_article_4_deadline_is_1_august_2020(ccm, iso3):
    row = obligation_on(ccm, iso3, 4, date(2020, 7, 1))

    assert row.original_deadline == date(2020, 8, 1)
    assert row.current_deadline == date(2020, 8, 1)


@pytest.mark.parametrize(
    ("iso3", "article", "original", "extended", "months"),
    [
        ("PER", 3, date(2021, 3, 1), date(2024, 4, 1), 37),
        ("BIH", 4, date(2021, 3, 1), date(2022, 9, 1), 18),
        ("CHL", 4, date(2021, 6, 1), date(2022, 6, 1), 12),
        ("LBN", 4, date(2021, 5, 1), date(2026, 5, 1), 60),
    ],
)
def test_second_review_conference_extensions(ccm, iso3, article, original, extended, months):
    before = obligation_on(ccm, iso3, article, seed_003.FIRST_DAY)
    after = obligation_on(ccm, iso3, article, original)

    assert before.original_deadline == original
    assert before.current_deadline == original
    assert after.current_deadline == extended
    first = next(e for e in after.extensions if e.previous_deadline == original)
    assert (first.new_deadline, first.months) == (extended, months)


def test_peru_obligations_as_the_cli_reports_them(ccm):
    row = obligation_on(ccm, "PER", 3, date(2021, 3, 2))

    assert row.as_dict() == {
        "state": "Peru",
        "iso3": "PER",
        "article": 3,
        "obligation": "stockpile_destruction",
        "original_deadline": date(2021, 3, 1),
        "current_deadline": date(2024, 4, 1),
        "status": "pending",
    }


def test_a_second_load_adds_and_changes_nothing(ccm):
    history_before = Participation.history.count()
    states_before = State.objects.count()

    lines = load_reference(today=LOAD_DAY, convention="CCM").lines

    registry = lines[lines.index("CCM (data/ccm/):") + 1]
    assert registry.startswith("Treaty registry: ")
    assert registry.endswith(", 0 extensions added, 0 transparency reports added.")
    assert State.objects.count() == states_before
    assert Participation.history.count() == history_before


def test_every_participation_names_its_source(ccm):
    missing = Participation.objects.filter(
        Q(signed_on__isnull=False, signature_source="")
        | Q(deposited_on__isnull=False, deposit_source="")
    )

    assert list(missing) == []
