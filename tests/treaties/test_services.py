"""Bad input is refused with an error naming the field and the rule; nothing is stored."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from plenary.treaties import services
from plenary.treaties.models import Participation, State, TransparencyReport
from tests.conftest import new_state


def test_a_deposit_before_the_convention_was_open_is_refused(ccm):
    state = new_state("XXA")

    with pytest.raises(ValidationError) as error:
        services.record_participation(
            convention=ccm,
            state=state,
            signed_on=None,
            deposited_on=date(2008, 12, 2),
            instrument="accession",
        )

    assert error.value.message_dict == {
        "deposited_on": [
            "a deposit cannot precede the opening of the Convention for signature "
            "on 3 December 2008"
        ]
    }
    assert not Participation.objects.filter(state=state).exists()


def test_a_signature_after_entry_into_force_is_refused(ccm):
    state = new_state("XXB")

    with pytest.raises(ValidationError) as error:
        services.record_participation(
            convention=ccm, state=state, signed_on=date(2011, 1, 5), deposited_on=None
        )

    assert list(error.value.message_dict) == ["signed_on"]
    assert not Participation.objects.filter(state=state).exists()


def test_a_deposit_must_name_its_instrument(ccm):
    state = new_state("XXC")

    with pytest.raises(ValidationError) as error:
        services.record_participation(
            convention=ccm, state=state, signed_on=None, deposited_on=date(2021, 1, 5)
        )

    assert error.value.message_dict == {"instrument": ["name the kind of instrument deposited"]}


def test_entry_into_force_follows_article_17(ccm):
    state = new_state("XXD")

    participation = services.record_participation(
        convention=ccm,
        state=state,
        signed_on=None,
        deposited_on=date(2021, 1, 5),
        instrument="accession",
    )

    assert participation.entry_into_force == date(2021, 7, 1)


def test_an_extension_longer_than_article_4_allows_is_refused_and_nothing_changes(ccm):
    obligation = ccm.obligation_set.get(state__iso3="LBN", kind="clearance")
    before = (obligation.current_deadline, obligation.extensions.count())

    with pytest.raises(ValidationError) as error:
        services.grant_extension(
            obligation=obligation, new_deadline=date(2031, 6, 1), meeting="Test", source="t"
        )

    assert error.value.message_dict == {
        "new_deadline": [
            "an extension under Article 4 may not exceed 5 years (60 months); "
            "1 June 2031 is 61 months after 1 May 2026"
        ]
    }
    obligation.refresh_from_db()
    assert (obligation.current_deadline, obligation.extensions.count()) == before


def test_stated_months_must_agree_with_the_dates(ccm):
    obligation = ccm.obligation_set.get(state__iso3="LBN", kind="clearance")

    with pytest.raises(ValidationError) as error:
        services.grant_extension(
            obligation=obligation,
            new_deadline=date(2027, 5, 1),
            months=13,
            meeting="Test",
            source="t",
        )

    assert error.value.message_dict == {"months": ["the dates give 12 months, not 13"]}


def test_a_report_dated_after_today_is_refused(ccm):
    peru = State.objects.get(iso3="PER")

    with pytest.raises(ValidationError) as error:
        services.record_transparency_report(
            convention=ccm,
            state=peru,
            kind="annual",
            year_covered=2020,
            received_on=date(2021, 4, 2),
            today=date(2021, 4, 1),
        )

    assert error.value.message_dict == {
        "received_on": ["a report cannot be received after today (2021-04-01)"]
    }
    assert not TransparencyReport.objects.filter(state=peru, year_covered=2020).exists()


def test_a_second_annual_report_for_the_same_year_is_refused(ccm):
    peru = State.objects.get(iso3="PER")
    kwargs = {"convention": ccm, "state": peru, "kind": "annual", "year_covered": 2020}
    services.record_transparency_report(
        **kwargs, received_on=date(2021, 4, 2), today=date(2021, 5, 1)
    )

    with pytest.raises(ValidationError) as error:
        services.record_transparency_report(
            **kwargs, received_on=date(2021, 4, 3), today=date(2021, 5, 1)
        )

    assert error.value.message_dict == {
        "year_covered": ["the annual report of Peru covering 2020 is already recorded"]
    }
    assert TransparencyReport.objects.filter(state=peru, year_covered=2020).count() == 1


def test_a_report_from_a_state_with_no_instrument_is_refused(ccm):
    angola = State.objects.get(iso3="AGO")

    with pytest.raises(ValidationError) as error:
        services.record_transparency_report(
            convention=ccm,
            state=angola,
            kind="initial",
            received_on=date(2021, 4, 2),
            today=date(2021, 5, 1),
        )

    assert error.value.message_dict == {
        "state": ["the Convention is not in force for Angola: it has no deposited instrument"]
    }
