from datetime import date, datetime, time
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command

from plenary.core.models import Role
from plenary.decisions import services
from plenary.decisions.models import Decision, Outcome, SilenceBreak
from plenary.meetings.models import PlanChange
from plenary.treaties.models import State
from tests.conftest import acts_for, make_user

GENEVA = ZoneInfo("Europe/Zurich")


def geneva(*args) -> datetime:
    return datetime(*args, tzinfo=GENEVA)


def circulate(by, ccm, *, circulated_on=date(2030, 3, 2), deadline_on=date(2030, 3, 9), **kw):
    return services.circulate_silence_procedure(
        convention=ccm,
        subject=kw.pop("subject", "Dates of the Eleventh Meeting of States Parties"),
        circulated_on=circulated_on,
        deadline_on=deadline_on,
        now=kw.pop("now", geneva(2030, 3, 2, 10, 0)),
        by=by,
        **kw,
    )


@pytest.fixture
def procedure(ccm, president):
    return circulate(president, ccm, document_symbol="CCM/MSP/2030/CRP.1")


def test_circulation_addresses_the_states_parties_of_that_day(procedure):
    addressed = set(procedure.addressees.values_list("state__iso3", flat=True))

    assert {"PER", "CHL", "CHE"} <= addressed
    assert "AGO" not in addressed  # a signatory
    assert "USA" not in addressed  # not a party
    assert procedure.circulated_by == "presidency"
    assert procedure.deadline == geneva(2030, 3, 9, 23, 59, 59)
    assert procedure.outcome == Outcome.OPEN


def test_only_the_presidency_or_secretariat_circulates(ccm, peru_delegate):
    with pytest.raises(PermissionDenied, match=str(services.NOT_A_CIRCULATOR)):
        circulate(peru_delegate, ccm)


def test_a_bad_document_symbol_is_refused(ccm, secretariat):
    with pytest.raises(ValidationError) as error:
        circulate(secretariat, ccm, document_symbol="CCM/MSP/2030/XYZ.1")

    assert list(error.value.message_dict) == ["document_symbol"]


def test_circulation_emails_the_addressees_delegations(
    ccm, president, peru_delegate, chile_delegate, mailoutbox, django_capture_on_commit_callbacks
):
    make_user("angola_delegate", Role.DELEGATION, "AGO")
    with django_capture_on_commit_callbacks(execute=True):
        circulate(president, ccm)

    assert sorted(m.to[0] for m in mailoutbox) == [
        "chile_delegate@example.org",
        "peru_delegate@example.org",
    ]
    assert (
        mailoutbox[0].subject
        == "CCM: Silence procedure: Dates of the Eleventh Meeting of States Parties"
    )
    assert "Deadline: 23:59:59 on 9 March 2030 (Europe/Zurich time)." in mailoutbox[0].body


def test_a_delegation_breaks_the_silence_with_a_reason(procedure, peru_delegate):
    at = geneva(2030, 3, 5, 12, 0)
    silence_break = services.break_silence(
        procedure=procedure,
        state=acts_for(peru_delegate),
        by=peru_delegate,
        reason="Too early",
        now=at,
    )

    assert (silence_break.state.iso3, silence_break.broken_at, silence_break.reason) == (
        "PER",
        at,
        "Too early",
    )


def test_the_same_state_breaking_twice_keeps_one_record(procedure, peru_delegate):
    services.break_silence(
        procedure=procedure,
        state=acts_for(peru_delegate),
        by=peru_delegate,
        reason="First",
        now=geneva(2030, 3, 5, 12, 0),
    )
    with pytest.raises(services.AlreadyBroken) as error:
        services.break_silence(
            procedure=procedure,
            state=acts_for(peru_delegate),
            by=peru_delegate,
            reason="Second",
            now=geneva(2030, 3, 5, 12, 1),
        )

    assert error.value.message_dict == {
        "state": [
            services.ALREADY_BROKEN.format(
                state="Peru", time="12:00:00 on 5 March 2030", zone="Europe/Zurich"
            )
        ]
    }
    assert list(SilenceBreak.objects.values_list("reason", flat=True)) == ["First"]


def test_a_signatory_cannot_break_the_silence(procedure):
    angola = make_user("angola_delegate", Role.DELEGATION, "AGO")

    with pytest.raises(ValidationError) as error:
        services.break_silence(
            procedure=procedure,
            state=acts_for(angola),
            by=angola,
            reason="No",
            now=geneva(2030, 3, 5),
        )

    assert error.value.message_dict == {
        "state": [
            services.NOT_ADDRESSED.format(
                state="Angola", convention="CCM", circulated="2 March 2030"
            )
        ]
    }
    assert not SilenceBreak.objects.exists()


def test_a_non_party_cannot_break_the_silence(procedure):
    usa = make_user("usa_delegate", Role.DELEGATION, "USA")

    with pytest.raises(ValidationError) as error:
        services.break_silence(
            procedure=procedure, state=acts_for(usa), by=usa, reason="No", now=geneva(2030, 3, 5)
        )

    assert error.value.message_dict == {
        "state": [
            services.NOT_ADDRESSED.format(
                state=State.objects.get(iso3="USA").name,
                convention="CCM",
                circulated="2 March 2030",
            )
        ]
    }


def test_another_states_user_cannot_break_for_it(procedure, peru_delegate, chile_delegate):
    with pytest.raises(PermissionDenied, match=str(services.NOT_YOUR_STATE)):
        services.break_silence(
            procedure=procedure,
            state=acts_for(chile_delegate),
            by=peru_delegate,
            reason="No",
            now=geneva(2030, 3, 5),
        )
    assert not SilenceBreak.objects.exists()


def test_the_secretariat_cannot_break_the_silence(procedure, secretariat):
    with pytest.raises(PermissionDenied, match=str(services.NOT_A_DELEGATION)):
        services.break_silence(
            procedure=procedure,
            state=State.objects.get(iso3="PER"),
            by=secretariat,
            reason="No",
            now=geneva(2030, 3, 5),
        )


def test_a_break_needs_a_reason(procedure, peru_delegate):
    with pytest.raises(ValidationError) as error:
        services.break_silence(
            procedure=procedure,
            state=acts_for(peru_delegate),
            by=peru_delegate,
            reason="  ",
            now=geneva(2030, 3, 5),
        )

    assert error.value.message_dict == {"reason": [services.REASON_REQUIRED]}


def test_conclusion_before_the_deadline_is_refused(procedure):
    with pytest.raises(ValidationError) as error:
        services.conclude_silence_procedure(procedure=procedure, now=geneva(2030, 3, 9, 23, 59, 59))

    assert error.value.message_dict == {
        "deadline": [
            services.NOT_YET_DUE.format(
                time="23:59:59", deadline="9 March 2030", zone="Europe/Zurich"
            )
        ]
    }


def test_unbroken_silence_is_adopted_and_replans_the_meeting(
    ccm, president, test_meeting, mailoutbox, django_capture_on_commit_callbacks, peru_delegate
):
    procedure = circulate(
        president,
        ccm,
        meeting=test_meeting,
        effect_kind="replan_meeting",
        effect={
            "reason": "Moved by one week",
            "parts": [{"number": 1, "starts_on": "2030-09-09", "ends_on": "2030-09-11"}],
        },
    )
    with django_capture_on_commit_callbacks(execute=True):
        concluded = services.conclude_silence_procedure(
            procedure=procedure, now=geneva(2030, 3, 10, 0, 0, 0)
        )

    assert concluded.outcome == Outcome.ADOPTED
    change = PlanChange.objects.get(meeting=test_meeting)
    assert concluded.plan_change == change
    assert change.decided_by == "silence procedure of 2-9 March 2030"
    assert change.decided_on == date(2030, 3, 9)
    assert test_meeting.parts.get().starts_on == date(2030, 9, 9)
    assert [m.subject for m in mailoutbox] == [
        "CCM: Silence procedure concluded: Dates of the Eleventh Meeting of States Parties"
    ]
    assert "the silence was not broken and the proposal is adopted" in mailoutbox[0].body


def test_broken_silence_names_the_states_and_changes_nothing(
    ccm, president, test_meeting, peru_delegate, chile_delegate
):
    procedure = circulate(
        president,
        ccm,
        meeting=test_meeting,
        effect_kind="replan_meeting",
        effect={"parts": [{"number": 1, "starts_on": "2030-09-09", "ends_on": "2030-09-11"}]},
    )
    for user in (chile_delegate, peru_delegate):
        services.break_silence(
            procedure=procedure, state=acts_for(user), by=user, reason="No", now=geneva(2030, 3, 4)
        )

    concluded = services.conclude_silence_procedure(procedure=procedure, now=geneva(2030, 3, 10))

    assert concluded.outcome == Outcome.BROKEN
    assert not PlanChange.objects.filter(meeting=test_meeting).exists()
    assert test_meeting.parts.get().starts_on == date(2030, 9, 2)
    out = StringIO()
    call_command("silence", "--format", "json", stdout=out)
    assert '"broken_by": [\n      "Chile",\n      "Peru"\n    ]' in out.getvalue()


def test_adoption_of_a_decision_records_it(ccm, secretariat):
    procedure = circulate(
        secretariat,
        ccm,
        subject="Estimated costs of the Eleventh Meeting of States Parties",
        document_symbol="CCM/MSP/2030/WP.1",
        effect_kind="decision",
        effect={"kind": "approved"},
    )

    services.conclude_silence_procedure(procedure=procedure, now=geneva(2030, 3, 10))

    decision = Decision.objects.get(silence_procedure=procedure)
    assert (decision.kind, decision.documents, decision.decided_on) == (
        "approved",
        ["CCM/MSP/2030/WP.1"],
        date(2030, 3, 9),
    )


def test_a_break_after_conclusion_is_refused(procedure, peru_delegate):
    services.conclude_silence_procedure(procedure=procedure, now=geneva(2030, 3, 10))

    with pytest.raises(ValidationError) as error:
        services.break_silence(
            procedure=procedure,
            state=acts_for(peru_delegate),
            by=peru_delegate,
            reason="Late",
            now=geneva(2030, 3, 9, 12),
        )

    assert error.value.message_dict == {
        "outcome": [
            services.ALREADY_CONCLUDED.format(
                concluded="10 March 2030", outcome="adopted (silence not broken)"
            )
        ]
    }


def test_conclude_silence_command_concludes_what_is_due(ccm, president):
    due = circulate(
        president,
        ccm,
        circulated_on=date(2020, 1, 6),
        deadline_on=date(2020, 1, 10),
        now=geneva(2020, 1, 6, 9),
    )
    not_yet = circulate(president, ccm, deadline_on=date(2099, 1, 1))
    out = StringIO()

    call_command("conclude_silence", stdout=out)

    due.refresh_from_db()
    not_yet.refresh_from_db()
    assert (due.outcome, not_yet.outcome) == ("adopted", "open")
    assert out.getvalue().endswith("1 silence procedure concluded.\n")


def test_circulating_with_a_past_deadline_is_refused(ccm, president):
    with pytest.raises(ValidationError) as error:
        circulate(president, ccm, deadline_on=date(2030, 3, 1), circulated_on=date(2030, 2, 27))

    assert error.value.message_dict == {
        "deadline": [
            services.DEADLINE_ALREADY_PAST.format(
                deadline="23:59:59 on 1 March 2030", zone="Europe/Zurich"
            )
        ]
    }


def test_deadline_can_be_set_at_another_time(ccm, president):
    procedure = circulate(president, ccm, deadline_time=time(12, 0))

    assert procedure.deadline == geneva(2030, 3, 9, 12, 0)
