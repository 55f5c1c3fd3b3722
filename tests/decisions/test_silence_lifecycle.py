"""Silence procedures circulated, extended, withdrawn and answered with an amendment, on
the page and through the API; the convention's minimum period where its file sets one."""

import dataclasses
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from plenary.decisions import selectors, services
from plenary.decisions.models import Outcome, SilenceProcedure
from plenary.rules.conventions import load_file
from tests.conftest import acts_for, client_for, token_client

GENEVA = ZoneInfo("Europe/Zurich")


def geneva(*args) -> datetime:
    return datetime(*args, tzinfo=GENEVA)


def circulate(by, ccm, **kw):
    return services.circulate_silence_procedure(
        convention=ccm,
        subject="Dates of the Eleventh Meeting of States Parties",
        circulated_on=date(2030, 3, 2),
        deadline_on=kw.pop("deadline_on", date(2030, 3, 9)),
        now=kw.pop("now", geneva(2030, 3, 2, 10, 0)),
        by=by,
        **kw,
    )


def test_a_minimum_period_in_the_convention_file_refuses_a_shorter_procedure(
    ccm, president, tmp_path, settings
):
    source = load_file(settings.PLENARY_CONVENTIONS_DIR / "ccm.toml").path.read_text()
    path = tmp_path / "ccm.toml"
    path.write_text(
        source + '\n[decisions]\nminimum_silence_hours = 72\nsource = "a test decision"\n'
    )
    rules = load_file(path)
    assert rules.minimum_silence_hours == 72
    ccm.__dict__["rules"] = dataclasses.replace(rules)

    with pytest.raises(ValidationError) as error:
        circulate(president, ccm, deadline_on=date(2030, 3, 4))
    assert error.value.message_dict == {
        "deadline": [
            "CCM: a silence procedure runs at least 72 hours, so the deadline must be"
            " 10:00:00 on 5 March 2030 (Europe/Zurich time) or later"
        ]
    }
    assert circulate(president, ccm, deadline_on=date(2030, 3, 5)).is_open


def test_the_ccm_file_sets_no_minimum(ccm):
    assert ccm.rules.minimum_silence_hours is None


def test_the_president_extends_an_open_procedure_with_a_reason(ccm, president, mailoutbox):
    procedure = circulate(president, ccm)
    services.extend_silence_procedure(
        procedure=procedure,
        deadline_on=date(2030, 3, 12),
        reason="Requests for more time",
        now=geneva(2030, 3, 5),
        by=president,
    )
    procedure.refresh_from_db()

    assert procedure.deadline == geneva(2030, 3, 12, 23, 59, 59)
    assert procedure.history.latest().history_change_reason == (
        "Deadline extended: Requests for more time"
    )
    with pytest.raises(ValidationError) as error:
        services.extend_silence_procedure(
            procedure=procedure,
            deadline_on=date(2030, 3, 10),
            reason="x",
            now=geneva(2030, 3, 5),
            by=president,
        )
    assert list(error.value.message_dict) == ["deadline"]


def test_a_delegation_cannot_extend_or_withdraw(ccm, president, peru_delegate):
    procedure = circulate(president, ccm)
    with pytest.raises(PermissionDenied):
        services.withdraw_silence_procedure(
            procedure=procedure, reason="no", now=geneva(2030, 3, 5), by=peru_delegate
        )
    procedure.refresh_from_db()
    assert procedure.is_open


def test_withdrawal_after_the_deadline_is_refused(ccm, president):
    procedure = circulate(president, ccm)
    with pytest.raises(ValidationError) as error:
        services.withdraw_silence_procedure(
            procedure=procedure, reason="late", now=geneva(2030, 3, 10), by=president
        )
    assert list(error.value.message_dict) == ["deadline"]


def test_a_withdrawn_procedure_is_not_concluded_and_says_why(ccm, president):
    procedure = circulate(president, ccm)
    services.withdraw_silence_procedure(
        procedure=procedure, reason="Consensus reached", now=geneva(2030, 3, 5), by=president
    )
    services.conclude_due_silence_procedures(now=geneva(2030, 3, 10))
    procedure = selectors.silence_procedure_record(convention=ccm, pk=procedure.pk)

    assert procedure.outcome == Outcome.WITHDRAWN
    assert selectors.outcome_text(procedure) == "withdrawn: Consensus reached"


def test_an_amendment_breaks_the_silence_and_is_said_at_once(ccm, president, peru_delegate):
    procedure = circulate(president, ccm)
    services.break_silence(
        procedure=procedure,
        state=acts_for(peru_delegate),
        kind="amendment",
        reason="Replace 'November' by 'December'",
        now=geneva(2030, 3, 4, 9, 0),
        by=peru_delegate,
    )
    procedure = selectors.silence_procedure_record(convention=ccm, pk=procedure.pk)

    assert procedure.is_open and procedure.is_broken_pending
    assert selectors.outcome_text(procedure) == (
        "silence broken by Peru on 4 March 2030; to be concluded at the deadline"
    )
    assert procedure.breaks.get().kind == "amendment"


def test_the_president_circulates_through_the_api(
    ccm, president, peru_delegate, mailoutbox, django_capture_on_commit_callbacks
):
    deadline = timezone.localdate() + timedelta(days=7)
    with django_capture_on_commit_callbacks(execute=True):
        response = token_client(president).post(
            "/api/v1/ccm/silence-procedures",
            {
                "subject": "Approval of the work plan",
                "text": "The States Parties approve it.",
                "deadline_on": deadline.isoformat(),
                "effect_kind": "decision",
            },
            content_type="application/json",
        )

    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "open"
    assert "PER" in {a["iso3"] for a in body["addressees"]}
    assert [m.subject for m in mailoutbox if m.to == [peru_delegate.email]] == [
        "CCM: Silence procedure: Approval of the work plan"
    ]


def test_a_past_deadline_is_refused_through_the_api(ccm, president):
    response = token_client(president).post(
        "/api/v1/ccm/silence-procedures",
        {"subject": "Late", "deadline_on": "2020-01-01"},
        content_type="application/json",
    )

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "deadline"
    assert not SilenceProcedure.objects.filter(subject="Late").exists()


def test_a_delegation_cannot_circulate_through_the_api_or_the_page(ccm, peru_delegate):
    response = token_client(peru_delegate).post(
        "/api/v1/ccm/silence-procedures",
        {"subject": "Ours", "deadline_on": "2099-01-01"},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert client_for(peru_delegate).get("/ccm/silence-procedures/new/").status_code == 403
    assert not SilenceProcedure.objects.filter(subject__in=["Ours", "Late"]).exists()


def test_the_circulation_page_shows_the_addressees_before_circulating(ccm, president):
    page = client_for(president).get("/ccm/silence-procedures/new/").content.decode()

    assert "To be circulated to" in page
    assert "Peru" in page


def test_the_circulation_page_refuses_a_past_deadline_on_the_field(ccm, president):
    response = client_for(president).post(
        "/ccm/silence-procedures/new/",
        {
            "subject": "Late",
            "deadline_on": timezone.localdate().isoformat(),
            "deadline_time": "00:00:01",
            "time_zone": "Europe/Zurich",
            "effect_kind": "none",
        },
    )

    assert response.status_code == 422
    assert "has already passed" in response.content.decode()
    assert 'class="field invalid"' in response.content.decode()
    assert not SilenceProcedure.objects.filter(subject__in=["Ours", "Late"]).exists()


def test_the_president_withdraws_on_the_page(ccm, president):
    now = timezone.now()
    procedure = services.circulate_silence_procedure(
        convention=ccm,
        subject="To withdraw",
        circulated_on=timezone.localdate(),
        deadline_on=timezone.localdate() + timedelta(days=3),
        deadline_time=time(12, 0),
        now=now,
        by=president,
    )
    url = f"/ccm/silence-procedures/{procedure.pk}/"
    assert "Withdraw the procedure" in client_for(president).get(url).content.decode()
    response = client_for(president).post(f"{url}withdraw/", {"reason": "Agreed otherwise"})

    assert response.status_code == 302
    procedure.refresh_from_db()
    assert procedure.outcome == Outcome.WITHDRAWN


def test_the_secretariat_records_a_past_procedure_through_the_api(ccm, secretariat, president):
    payload = {
        "subject": "A procedure run by e-mail",
        "circulated_on": "2019-05-01",
        "deadline_on": "2019-05-08",
        "outcome": "broken",
        "source": "letter of the President",
        "breaks": [{"state": "PER", "broken_at": "2019-05-03T10:00:00+02:00", "reason": "No"}],
    }
    refused = token_client(president).post(
        "/api/v1/ccm/silence-procedures/past", payload, content_type="application/json"
    )
    response = token_client(secretariat).post(
        "/api/v1/ccm/silence-procedures/past", payload, content_type="application/json"
    )

    assert refused.status_code == 403
    assert response.status_code == 201, response.content
    assert response.json()["broken_by"] == ["Peru"]
    assert response.json()["outcome"] == "broken"
