"""Provisional application, corrections and the Delegation's notices (issue 17): each
through one service, on the Secretariat's registry page and the API, in history."""

import json
from datetime import UTC, date, datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from plenary import jobs
from plenary.core.models import Role
from plenary.treaties import selectors, services
from plenary.treaties.models import Obligation, Participation, State
from tests.conftest import client_for, make_user, new_state, token_client

TODAY = date(2026, 12, 1)


def kenya():
    return State.objects.get(iso3="KEN")


def _deposit_kenya(secretariat, on=date(2026, 11, 20)):
    return services.record_deposit(
        convention=secretariat_convention(),
        state=kenya(),
        instrument="ratification",
        deposited_on=on,
        notification="C.N.100.2026.TREATIES-XXVI.6",
        by=secretariat,
        today=TODAY,
    )


def secretariat_convention():
    from tests.conftest import the_ccm

    return the_ccm()


# Provisional application (CCM Article 18) ------------------------------------------------


def test_belize_applies_article_1_provisionally_from_its_accession_until_entry_into_force(ccm):
    on_accession = selectors.state_standing(convention=ccm, iso3="BLZ", on=date(2014, 9, 2))
    on_eve = selectors.state_standing(convention=ccm, iso3="BLZ", on=date(2015, 2, 28))
    in_force = selectors.state_standing(convention=ccm, iso3="BLZ", on=date(2015, 3, 1))

    assert (on_accession.status, on_accession.applies_provisionally) == ("deposited", True)
    assert on_accession.provisional_application_from == date(2014, 9, 2)
    assert (on_eve.status, on_eve.applies_provisionally) == ("deposited", True)
    assert (in_force.status, in_force.applies_provisionally) == ("state_party", False)
    before = selectors.state_standing(convention=ccm, iso3="BLZ", on=date(2014, 9, 1))
    assert (before.provisional_application_from, before.applies_provisionally) == (None, False)


def test_belizes_page_and_timeline_show_the_declaration(ccm):
    page = client_for(None).get("/ccm/states/BLZ/?on=2014-12-01").content.decode()
    assert (
        "Applies Article 1 provisionally (Article 18) since 2 September 2014, "
        "pending entry into force" in page
    )
    assert "Declaration of provisional application of Article 1 (Article 18)" in page
    assert "Entry into force (Article 17)" not in page  # on 1 March 2015, after the date shown
    in_force = client_for(None).get("/ccm/states/BLZ/?on=2016-01-01").content.decode()
    assert "Applies Article 1 provisionally" not in in_force
    assert "Entry into force (Article 17)" in in_force


def test_the_status_api_shows_the_provisional_application(ccm):
    answer = client_for(None).get("/api/v1/ccm/states/BLZ?on=2014-12-01").json()
    assert (answer["provisional_application"], answer["applies_provisionally"]) == (
        "2014-09-02",
        True,
    )
    later = client_for(None).get("/api/v1/ccm/states/BLZ?on=2016-01-01").json()
    assert (later["provisional_application"], later["applies_provisionally"]) == (
        "2014-09-02",
        False,
    )


def test_a_declaration_is_made_with_the_instrument(ccm, secretariat):
    _deposit_kenya(secretariat)
    with pytest.raises(ValidationError) as error:
        services.record_provisional_application(
            convention=ccm,
            state=kenya(),
            declared_on=date(2026, 11, 25),
            notification="C.N.101",
            by=secretariat,
            today=TODAY,
        )
    assert error.value.message_dict == {
        "declared_on": [
            "a State declares provisional application at the time of its ratification, "
            "acceptance, approval or accession, that is with its instrument deposited on "
            "20 November 2026"
        ]
    }

    participation = services.record_provisional_application(
        convention=ccm,
        state=kenya(),
        declared_on=date(2026, 11, 20),
        notification="C.N.101",
        by=secretariat,
        today=TODAY,
    )
    assert (
        participation.provisional_application_from,
        participation.provisional_application_source,
    ) == (date(2026, 11, 20), "C.N.101")
    latest = participation.history.latest()
    assert (latest.history_user, latest.history_change_reason) == (
        secretariat,
        "Declaration of provisional application (C.N.101)",
    )
    standing = selectors.state_standing(convention=ccm, iso3="KEN", on=TODAY)
    assert (standing.status, standing.applies_provisionally) == ("deposited", True)


def test_a_declaration_without_a_deposit_is_refused(ccm, secretariat):
    with pytest.raises(ValidationError) as error:
        services.record_provisional_application(
            convention=ccm,
            state=kenya(),
            declared_on=date(2026, 11, 20),
            notification="C.N.102",
            by=secretariat,
            today=TODAY,
        )
    assert list(error.value.message_dict) == ["declared_on"]
    assert (
        Participation.objects.get(convention=ccm, state=kenya()).provisional_application_from
        is None
    )


def test_the_registry_page_records_a_declaration(ccm, secretariat):
    _deposit_kenya(secretariat)
    client = client_for(secretariat)
    page = client.get("/ccm/states/KEN/registry/").content.decode()
    assert "Record a declaration of provisional application (Article 18: Article 1)" in page

    response = client.post(
        "/ccm/states/KEN/registry/",
        {
            "action": "provisional",
            "provisional-declared_on": "2026-11-20",
            "provisional-notification": "C.N.103",
        },
    )
    assert response.status_code == 302
    participation = Participation.objects.get(convention=ccm, state=kenya())
    assert participation.provisional_application_from == date(2026, 11, 20)


def test_the_api_records_a_declaration(ccm, secretariat):
    _deposit_kenya(secretariat)
    response = token_client(secretariat).post(
        "/api/v1/ccm/states/KEN/provisional-application",
        json.dumps({"declared_on": "2026-11-20", "notification": "C.N.104"}),
        content_type="application/json",
    )
    assert response.status_code == 201
    assert (
        response.json()["provisional_application"],
        response.json()["applies_provisionally"],
    ) == (
        "2026-11-20",
        True,
    )


def test_each_conventions_file_names_what_is_applied_provisionally():
    from plenary.rules.conventions import get_ruleset

    assert [
        (
            code,
            get_ruleset(code).provisional_application.article,
            get_ruleset(code).provisional_application.applies,
        )
        for code in ("CCM", "APMBC")
    ] == [("CCM", "18", "Article 1"), ("APMBC", "18", "paragraph 1 of Article 1")]


# Corrections ------------------------------------------------------------------------------


def test_a_corrected_deposit_recomputes_entry_into_force_and_deadlines(ccm, secretariat):
    state = new_state("XXK")
    services.record_deposit(
        convention=ccm,
        state=state,
        instrument="accession",
        deposited_on=date(2026, 11, 20),
        notification="C.N.200",
        by=secretariat,
        today=TODAY,
    )
    services.record_obligation(
        convention=ccm, state=state, kind="stockpile_destruction", source="test", by=secretariat
    )
    assert Obligation.objects.get(state=state).original_deadline == date(2035, 5, 1)

    participation = services.correct_treaty_action(
        convention=ccm,
        state=state,
        action="deposit",
        on=date(2026, 6, 15),
        notification="C.N.200 (corrected)",
        reason="The depositary's notification gives 15 June",
        by=secretariat,
        today=TODAY,
    )

    assert (participation.deposited_on, participation.entry_into_force) == (
        date(2026, 6, 15),
        date(2026, 12, 1),
    )
    obligation = Obligation.objects.get(state=state)
    assert (obligation.original_deadline, obligation.current_deadline) == (
        date(2034, 12, 1),
        date(2034, 12, 1),
    )
    assert participation.history.latest().history_change_reason == (
        "Correction of the deposit: The depositary's notification gives 15 June"
    )
    assert selectors.state_standing(convention=ccm, iso3="XXK", on=TODAY).status == "state_party"


def test_a_correction_keeps_the_instrument_rules(ccm, secretariat):
    _deposit_kenya(secretariat)
    with pytest.raises(ValidationError) as error:
        services.correct_treaty_action(
            convention=ccm,
            state=kenya(),
            action="deposit",
            on=date(2026, 11, 20),
            instrument="accession",
            reason="typo",
            by=secretariat,
            today=TODAY,
        )
    assert list(error.value.message_dict) == ["instrument"]
    assert Participation.objects.get(state=kenya(), convention=ccm).instrument == "ratification"


def test_a_corrected_withdrawal_recomputes_its_effective_date(ccm, secretariat):
    _deposit_kenya(secretariat)
    services.record_withdrawal(
        convention=ccm,
        state=kenya(),
        received_on=date(2026, 11, 25),
        notification="C.N.300",
        by=secretariat,
        today=TODAY,
    )
    participation = services.correct_treaty_action(
        convention=ccm,
        state=kenya(),
        action="withdrawal",
        on=date(2026, 11, 30),
        reason="received on the 30th",
        by=secretariat,
        today=TODAY,
    )
    assert participation.withdrawal_effective_on == date(2027, 5, 30)
    assert participation.withdrawal_source == "C.N.300"


def test_a_correction_needs_its_reason_and_an_action_on_record(ccm, secretariat):
    client = client_for(secretariat)
    no_reason = client.post(
        "/ccm/states/KEN/registry/",
        {"action": "correction", "correction-action": "signature", "correction-on": "2008-12-03"},
    )
    assert no_reason.status_code == 422
    assert list(no_reason.context["forms"]["correction"].errors) == ["reason"]

    nothing = client.post(
        "/ccm/states/KEN/registry/",
        {
            "action": "correction",
            "correction-action": "withdrawal",
            "correction-on": "2026-11-01",
            "correction-reason": "x",
        },
    )
    assert nothing.status_code == 422
    assert nothing.context["forms"]["correction"].errors == {
        "action": ["no withdrawal of Kenya is on record to correct"]
    }


def test_the_registry_page_and_the_api_correct_a_signature(ccm, secretariat):
    signed = Participation.objects.get(convention=ccm, state=kenya()).signed_on
    response = client_for(secretariat).post(
        "/ccm/states/KEN/registry/",
        {
            "action": "correction",
            "correction-action": "signature",
            "correction-on": "2008-12-04",
            "correction-reason": "Signed the next day",
        },
    )
    assert response.status_code == 302
    assert Participation.objects.get(convention=ccm, state=kenya()).signed_on == date(2008, 12, 4)

    answer = token_client(secretariat).post(
        "/api/v1/ccm/states/KEN/correction",
        json.dumps({"action": "signature", "on": signed.isoformat(), "reason": "Back again"}),
        content_type="application/json",
    )
    assert answer.status_code == 200
    assert answer.json()["signed_on"] == signed.isoformat()


# Notices -----------------------------------------------------------------------------------


def test_the_delegation_is_told_of_each_action_recorded(
    ccm, secretariat, peru_delegate, django_capture_on_commit_callbacks
):
    """Only the State's own Delegation: Peru's is not told of another State's signature."""
    state = new_state("XXN")
    make_user("xxn_delegate", Role.DELEGATION, "XXN")
    with django_capture_on_commit_callbacks(execute=True):
        services.record_signature(
            convention=ccm,
            state=state,
            signed_on=date(2009, 1, 5),
            notification="C.N.400",
            by=secretariat,
            today=TODAY,
        )

    [message] = mail.outbox
    assert message.to == ["xxn_delegate@example.org"]
    assert message.subject == "Convention on Cluster Munitions: the signature of " + (
        f"{state.name} is on record"
    )
    assert "dated 5 January 2009 (C.N.400)" in message.body


def test_the_delegation_is_told_on_the_day_of_entry_into_force_once(
    ccm, secretariat, django_capture_on_commit_callbacks
):
    make_user("kenya_delegate", Role.DELEGATION, "KEN")
    with django_capture_on_commit_callbacks(execute=True):
        _deposit_kenya(secretariat)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        eve = jobs.notify_entries_into_force(now=datetime(2027, 4, 30, 12, tzinfo=UTC))
    assert (eve, mail.outbox) == ("0 entries into force told", [])

    with django_capture_on_commit_callbacks(execute=True):
        day = jobs.notify_entries_into_force(now=datetime(2027, 5, 1, 8, tzinfo=UTC))
    assert day == "1 entries into force told; KEN CCM"
    [message] = mail.outbox
    assert message.subject == "Convention on Cluster Munitions: in force for Kenya"
    assert "enters into force for Kenya today, 1 May 2027, by its Article 17." in message.body

    with django_capture_on_commit_callbacks(execute=True):
        again = jobs.notify_entries_into_force(now=datetime(2027, 5, 1, 9, tzinfo=UTC))
    assert (again, len(mail.outbox)) == ("0 entries into force told", 1)
    participation = Participation.objects.get(convention=ccm, state=kenya())
    assert participation.entry_into_force_notified_on == date(2027, 5, 1)


def test_no_person_sends_the_entry_into_force_notice(ccm, secretariat):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.notify_entries_into_force(convention=ccm, today=TODAY, by=secretariat)


def test_the_schedule_runs_the_entry_into_force_job(settings):
    assert ("notify_entries_into_force", 3600, "plenary.jobs.notify_entries_into_force") in (
        settings.PLENARY_SCHEDULE
    )


def test_the_command_tells_the_delegation_on_the_day(
    ccm, secretariat, django_capture_on_commit_callbacks
):
    from io import StringIO

    from django.core.management import call_command

    make_user("kenya_delegate", Role.DELEGATION, "KEN")
    _deposit_kenya(secretariat)
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command(
            "notify_entries_into_force", "--convention", "ccm", "--on", "2027-05-01", stdout=out
        )
    assert out.getvalue() == "KEN: in force from 2027-05-01\n1 Delegation told.\n"
    assert [m.subject for m in mail.outbox] == [
        "Convention on Cluster Munitions: in force for Kenya"
    ]


def test_the_delegation_is_told_with_its_states_name_in_its_language(
    ccm, secretariat, django_capture_on_commit_callbacks
):
    """The notice's context is made in the Secretariat's language and rendered in the
    recipient's: the State's name too is read then (`name_when_read`), as the convention's."""
    delegate = make_user("kenya_delegate_ru", Role.DELEGATION, "KEN")
    delegate.language = "ru"
    delegate.save(update_fields=["language"])
    with django_capture_on_commit_callbacks(execute=True):
        _deposit_kenya(secretariat)

    [message] = mail.outbox
    assert "Кения" in message.subject
    assert "Кения" in message.body
    assert "Kenya" not in message.subject + message.body
