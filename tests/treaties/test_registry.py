"""The Secretariat keeps the depositary's record: signatures, deposits, withdrawals and
declarations of completion, each through its service, on the page and through the API."""

import json
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from plenary.treaties import selectors, services
from plenary.treaties.models import Obligation, Participation, State
from tests.conftest import client_for, new_state, token_client

TODAY = date(2026, 12, 1)


def kenya():
    return State.objects.get(iso3="KEN")


def test_a_signatory_deposits_ratification_and_is_deposited_until_entry_into_force(
    ccm, secretariat
):
    participation = services.record_deposit(
        convention=ccm,
        state=kenya(),
        instrument="ratification",
        deposited_on=date(2026, 11, 20),
        notification="C.N.100.2026.TREATIES-XXVI.6",
        by=secretariat,
        today=TODAY,
    )

    assert participation.entry_into_force == date(2027, 5, 1)
    assert participation.deposit_source == "C.N.100.2026.TREATIES-XXVI.6"
    on_eve = selectors.state_standing(convention=ccm, iso3="KEN", on=date(2027, 4, 30))
    on_day = selectors.state_standing(convention=ccm, iso3="KEN", on=date(2027, 5, 1))
    assert (on_eve.status, on_day.status) == ("deposited", "state_party")
    latest = participation.history.latest()
    assert (latest.history_user, latest.history_change_reason) == (
        secretariat,
        "Deposit of instrument of ratification (C.N.100.2026.TREATIES-XXVI.6)",
    )


def test_a_signatory_depositing_accession_is_refused_on_the_instrument(ccm, secretariat):
    with pytest.raises(ValidationError) as error:
        services.record_deposit(
            convention=ccm,
            state=kenya(),
            instrument="accession",
            deposited_on=date(2026, 11, 20),
            notification="C.N.1",
            by=secretariat,
            today=TODAY,
        )

    assert error.value.message_dict == {
        "instrument": [
            "Kenya signed the Convention: it deposits an instrument of ratification, "
            "acceptance or approval, not of accession"
        ]
    }
    assert Participation.objects.get(convention=ccm, state=kenya()).deposited_on is None


def test_a_state_that_did_not_sign_accedes(ccm, secretariat):
    state = new_state("XXB")
    with pytest.raises(ValidationError) as error:
        services.record_deposit(
            convention=ccm,
            state=state,
            instrument="ratification",
            deposited_on=date(2026, 11, 20),
            notification="C.N.2",
            by=secretariat,
            today=TODAY,
        )
    assert list(error.value.message_dict) == ["instrument"]

    services.record_deposit(
        convention=ccm,
        state=state,
        instrument="accession",
        deposited_on=date(2026, 11, 20),
        notification="C.N.2",
        by=secretariat,
        today=TODAY,
    )
    assert selectors.state_standing(convention=ccm, iso3="XXB", on=TODAY).status == "deposited"


def test_only_the_secretariat_records_a_deposit(ccm, peru_delegate):
    with pytest.raises(PermissionDenied):
        services.record_deposit(
            convention=ccm,
            state=kenya(),
            instrument="ratification",
            deposited_on=date(2026, 11, 20),
            notification="C.N.3",
            by=peru_delegate,
            today=TODAY,
        )


def test_a_signature_then_a_second_is_refused(ccm, secretariat):
    state = new_state("XXC")
    with pytest.raises(ValidationError) as error:
        services.record_signature(
            convention=ccm,
            state=state,
            signed_on=date(2012, 1, 1),
            notification="C.N.4",
            by=secretariat,
            today=TODAY,
        )
    assert list(error.value.message_dict) == ["signed_on"]  # after entry into force: accede
    services.record_signature(
        convention=ccm,
        state=state,
        signed_on=date(2009, 1, 5),
        notification="C.N.4",
        by=secretariat,
        today=TODAY,
    )
    with pytest.raises(ValidationError) as error:
        services.record_signature(
            convention=ccm,
            state=state,
            signed_on=date(2009, 1, 6),
            notification="C.N.5",
            by=secretariat,
            today=TODAY,
        )
    assert error.value.message_dict == {
        "signed_on": ["Test State XXC signed on 5 January 2009; correct the record instead"]
    }


def test_a_withdrawal_takes_effect_six_months_after_receipt(ccm, secretariat):
    peru = State.objects.get(iso3="PER")
    participation = services.record_withdrawal(
        convention=ccm,
        state=peru,
        received_on=date(2026, 11, 2),
        notification="C.N.6",
        by=secretariat,
        today=TODAY,
    )

    assert participation.withdrawal_effective_on == date(2027, 5, 2)
    assert selectors.state_standing(convention=ccm, iso3="PER", on=date(2027, 5, 1)).status == (
        "state_party"
    )
    assert selectors.state_standing(convention=ccm, iso3="PER", on=date(2027, 5, 2)).status == (
        "not_party"
    )


def test_a_withdrawal_waits_for_the_end_of_the_armed_conflict(ccm, secretariat):
    participation = services.record_withdrawal(
        convention=ccm,
        state=State.objects.get(iso3="PER"),
        received_on=date(2026, 11, 2),
        armed_conflict_ends_on=date(2028, 1, 15),
        notification="C.N.7",
        by=secretariat,
        today=TODAY,
    )
    assert participation.withdrawal_effective_on == date(2028, 1, 15)


def test_a_withdrawal_without_a_deposit_is_refused(ccm, secretariat):
    with pytest.raises(ValidationError) as error:
        services.record_withdrawal(
            convention=ccm,
            state=kenya(),
            received_on=date(2026, 11, 2),
            notification="C.N.8",
            by=secretariat,
            today=TODAY,
        )
    assert error.value.message_dict == {
        "received_on": ["Kenya has deposited no instrument: there is nothing to withdraw from"]
    }


def test_a_declaration_of_completion_completes_the_obligation_on_its_date(ccm, secretariat):
    obligation = Obligation.objects.get(
        convention=ccm, state__iso3="PER", kind="stockpile_destruction"
    )
    Obligation.objects.filter(pk=obligation.pk).update(completed_on=None, completed_by=None)

    services.declare_completion(
        obligation=obligation,
        completed_on=date(2023, 12, 15),
        source="Peru's declaration to the 12MSP",
        by=secretariat,
        today=TODAY,
    )

    obligation.refresh_from_db()
    assert (obligation.completed_on, obligation.completion_note) == (
        date(2023, 12, 15),
        "Peru's declaration to the 12MSP",
    )
    latest = obligation.history.latest()
    assert latest.history_change_reason == (
        "Declaration of completion: Peru's declaration to the 12MSP"
    )
    with pytest.raises(ValidationError) as error:
        services.declare_completion(
            obligation=obligation,
            completed_on=date(2023, 12, 16),
            source="again",
            by=secretariat,
            today=TODAY,
        )
    assert error.value.message_dict == {
        "completed_on": ["the obligation is already on record as completed on 15 December 2023"]
    }


def test_the_registry_page_refuses_accession_for_a_signatory_on_the_field(ccm, secretariat):
    response = client_for(secretariat).post(
        "/ccm/states/KEN/registry/",
        {
            "action": "deposit",
            "deposit-instrument": "accession",
            "deposit-deposited_on": "2026-11-20",
            "deposit-notification": "C.N.9",
        },
    )

    assert response.status_code == 422
    assert response.context["forms"]["deposit"].errors == {
        "instrument": [
            "Kenya signed the Convention: it deposits an instrument of ratification, "
            "acceptance or approval, not of accession"
        ]
    }


def test_the_registry_page_is_the_secretariats(ccm, peru_delegate):
    assert client_for(peru_delegate).get("/ccm/states/KEN/registry/").status_code == 403


def test_the_registry_page_runs_a_constant_number_of_queries(
    ccm, secretariat, django_assert_max_num_queries
):
    client = client_for(secretariat)
    with django_assert_max_num_queries(20):
        assert client.get("/ccm/states/PER/registry/").status_code == 200


def test_the_api_records_a_deposit_and_refuses_accession_for_a_signatory(ccm, secretariat):
    client = token_client(secretariat)
    refused = client.post(
        "/api/v1/ccm/states/KEN/deposit",
        json.dumps(
            {"instrument": "accession", "deposited_on": "2026-11-20", "notification": "C.N.10"}
        ),
        content_type="application/json",
    )
    assert refused.status_code == 422
    assert "instrument" in refused.content.decode()

    recorded = client.post(
        "/api/v1/ccm/states/KEN/deposit",
        json.dumps(
            {"instrument": "ratification", "deposited_on": "2026-11-20", "notification": "C.N.10"}
        ),
        content_type="application/json",
    )
    assert recorded.status_code == 201
    assert recorded.json()["entry_into_force"] == "2027-05-01"


def test_the_api_refuses_a_deposit_by_a_delegation(ccm, peru_delegate):
    response = token_client(peru_delegate).post(
        "/api/v1/ccm/states/KEN/deposit",
        json.dumps(
            {"instrument": "ratification", "deposited_on": "2026-11-20", "notification": "C.N.11"}
        ),
        content_type="application/json",
    )
    assert response.status_code == 403
    assert Participation.objects.get(convention=ccm, state=kenya()).deposited_on is None


def test_kenyas_delegation_is_told_of_the_deposit(
    ccm, secretariat, django_capture_on_commit_callbacks
):
    from django.core import mail

    from plenary.core.models import Role
    from tests.conftest import make_user

    make_user("kenya_delegate", Role.DELEGATION, "KEN")
    with django_capture_on_commit_callbacks(execute=True):
        services.record_deposit(
            convention=ccm,
            state=kenya(),
            instrument="ratification",
            deposited_on=date(2026, 11, 20),
            notification="C.N.100.2026.TREATIES-XXVI.6",
            by=secretariat,
            today=TODAY,
        )

    [message] = mail.outbox
    assert message.subject == ("Convention on Cluster Munitions: the deposit of Kenya is on record")
    assert "the convention enters into force for Kenya on 1 May 2027" in message.body


def test_the_api_corrects_a_participation_with_its_reason(ccm, secretariat):
    response = token_client(secretariat).put(
        "/api/v1/ccm/states/KEN/participation",
        json.dumps(
            {
                "reason": "Signature date corrected per C.N.12",
                "signed_on": "2009-01-05",
                "signature_source": "C.N.12",
            }
        ),
        content_type="application/json",
    )
    assert response.status_code == 200
    assert response.json()["signed_on"] == "2009-01-05"
    participation = Participation.objects.get(convention=ccm, state=kenya())
    assert participation.history.latest().history_change_reason == (
        "Signature date corrected per C.N.12"
    )


def test_the_api_declares_a_completion(ccm, secretariat):
    obligation = Obligation.objects.get(
        convention=ccm, state__iso3="PER", kind="stockpile_destruction"
    )
    Obligation.objects.filter(pk=obligation.pk).update(completed_on=None, completed_by=None)
    response = token_client(secretariat).post(
        f"/api/v1/ccm/obligations/{obligation.pk}/completion",
        json.dumps({"completed_on": "2023-12-15", "source": "12MSP"}),
        content_type="application/json",
    )
    assert response.status_code == 201
    assert response.json()["completed_on"] == "2023-12-15"
