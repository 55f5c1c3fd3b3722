"""A silence procedure is its convention's: it goes to that convention's States Parties only.

A Delegation of a State party only to the APMBC sees no CCM procedure among those it must
answer, cannot break one (a field error on `state`), and gets no notice of it: neither
the circulation e-mail nor a reminder.
"""

import json
from datetime import date
from io import StringIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command

from plenary.core.models import Role
from plenary.decisions import selectors, services
from plenary.decisions.models import SilenceBreak
from plenary.meetings.services import PartPlan, create_meeting
from plenary.reminders import selectors as reminders
from plenary.reminders import services as reminder_services
from plenary.reminders.models import Reminder
from plenary.treaties.models import Obligation, State
from tests.apmbc_only import APMBC_ONLY, apmbc, apmbc_only_delegate, apmbc_only_state
from tests.conftest import client_for, grant, make_user, token_client
from tests.decisions.test_silence_procedures import circulate, geneva


@pytest.fixture
def secretariat(ccm):
    """UNODA's Geneva Branch serves both conventions: one officer, a role under each."""
    user = make_user("secretariat", Role.SECRETARIAT)
    grant(user, Role.SECRETARIAT, convention="APMBC")
    return user


@pytest.fixture
def outsider(ccm):
    return apmbc_only_delegate()


@pytest.fixture
def ccm_procedure(
    ccm, president, outsider, peru_delegate, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        return circulate(president, ccm)


def test_addressees_are_the_conventions_states_parties(ccm_procedure):
    addressed = set(ccm_procedure.addressees.values_list("state__iso3", flat=True))
    assert "PER" in addressed
    assert APMBC_ONLY not in addressed


def test_apmbc_only_delegation_cannot_break_a_ccm_silence(ccm_procedure, outsider):
    # It holds no role under the CCM, so the refusal is the permission's, before any rule.
    with pytest.raises(PermissionDenied):
        services.break_silence(
            procedure=ccm_procedure,
            state=apmbc_only_state(),
            by=outsider,
            reason="Not ours to break",
            now=geneva(2030, 3, 5),
        )
    assert not SilenceBreak.objects.exists()


def test_apmbc_only_delegation_is_refused_through_the_api(ccm_procedure, outsider):
    response = token_client(outsider).post(
        f"/api/v1/ccm/silence-procedures/{ccm_procedure.pk}/breaks",
        {"reason": "Not ours"},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert not SilenceBreak.objects.exists()


def test_apmbc_only_delegation_is_refused_on_the_page(ccm_procedure, outsider):
    response = client_for(outsider).post(
        f"/ccm/silence-procedures/{ccm_procedure.pk}/breaks/", {"reason": "Not ours"}
    )
    assert response.status_code == 403
    assert not SilenceBreak.objects.exists()


def test_apmbc_only_delegation_has_no_ccm_procedure_to_answer(
    ccm_procedure, outsider, peru_delegate
):
    now = geneva(2030, 3, 5)
    ccm = ccm_procedure.convention
    assert (
        list(selectors.procedures_to_answer(convention=ccm, state=apmbc_only_state(), now=now))
        == []
    )
    assert list(
        selectors.procedures_to_answer(convention=ccm, state=State.objects.get(iso3="PER"), now=now)
    ) == [ccm_procedure]
    due = reminders.deadlines_for_user(user=outsider, start=date(2030, 3, 1), end=date(2030, 3, 31))
    assert [d for d in due if d.kind == "silence_procedure"] == []
    page = client_for(outsider).get(f"/ccm/silence-procedures/{ccm_procedure.pk}/")
    assert page.context["break_form"] is None


def test_apmbc_only_delegation_gets_no_notice_of_a_ccm_silence(
    ccm_procedure, outsider, peru_delegate, mailoutbox, settings
):
    settings.SITE_URL = "https://plenary.example.org"
    circulated_to = {m.to[0] for m in mailoutbox}
    assert peru_delegate.email in circulated_to
    assert outsider.email not in circulated_to

    mailoutbox.clear()
    reminder_services.send_due_reminders(now=geneva(2030, 3, 8, 9), offsets=(7, 1))
    reminded = {m.to[0] for m in mailoutbox}
    assert peru_delegate.email in reminded
    assert outsider.email not in reminded
    assert not Reminder.objects.filter(user=outsider).exists()
    [peru] = [m for m in mailoutbox if m.to == [peru_delegate.email]]
    assert peru.subject == (
        "Reminder: CCM: Silence procedure: Dates of the Eleventh Meeting of States Parties,"
        " due 9 March 2030"
    )


def test_apmbc_silence_goes_to_the_apmbc_only_state(ccm, president, outsider, mailoutbox):
    grant(president, Role.PRESIDENCY, convention="APMBC")
    procedure = circulate(president, apmbc(), subject="A test decision of the APMBC")
    assert APMBC_ONLY in set(procedure.addressees.values_list("state__iso3", flat=True))
    assert selectors.silence_procedures(convention=ccm).filter(pk=procedure.pk).count() == 0
    assert list(
        selectors.procedures_to_answer(
            convention=apmbc(), state=apmbc_only_state(), now=geneva(2030, 3, 5)
        )
    ) == [procedure]


def test_circulation_notice_in_each_recipients_language(
    ccm, president, peru_delegate, chile_delegate, mailoutbox, django_capture_on_commit_callbacks
):
    reminder_services.set_preferences(user=peru_delegate, language="fr")
    with django_capture_on_commit_callbacks(execute=True):
        circulate(president, ccm)

    by_recipient = {m.to[0]: m for m in mailoutbox}
    assert "2 mars 2030" in by_recipient[peru_delegate.email].body
    assert "2 March 2030" in by_recipient[chile_delegate.email].body
    assert "CCM: a silence procedure was circulated to the States Parties" in (
        by_recipient[chile_delegate.email].body
    )


def test_extension_request_belongs_to_its_obligations_convention(
    decisions_loaded, ccm, secretariat
):
    apmbc_meeting = create_meeting(
        convention=apmbc(),
        code="TEST-APMBC-MSP",
        kind="msp",
        title="Test Meeting of the States Parties to the APMBC",
        parts=[PartPlan(1, date(2030, 11, 25), date(2030, 11, 29))],
    )
    obligation = Obligation.objects.get(
        convention=ccm, state__iso3="PER", kind="stockpile_destruction"
    )

    with pytest.raises(ValidationError) as error:
        services.submit_extension_request(
            obligation=obligation,
            by=secretariat,
            submitted_on=date(2030, 3, 1),
            months=12,
            meeting=apmbc_meeting,
        )

    assert error.value.message_dict == {
        "meeting": [
            services.MEETING_OF_ANOTHER_CONVENTION.format(
                meeting=apmbc_meeting, other="APMBC", convention="CCM"
            )
        ]
    }
    assert selectors.extension_requests(convention=apmbc()).count() == 0
    assert selectors.extension_requests(convention=ccm).count() == 5


def test_commands_need_a_convention(ccm, settings):
    settings.PLENARY_DEFAULT_CONVENTION = ""
    with pytest.raises(CommandError, match="--convention"):
        call_command("silence", stdout=StringIO())
    apmbc()
    out = StringIO()
    call_command("silence", "--convention", "APMBC", "--format", "json", stdout=out)
    assert json.loads(out.getvalue()) == []
