"""Choice of reminders and of their language, unsubscribe without login, failed sends retried and
shown to the Secretariat."""

import re
from datetime import date

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError

from plenary.reminders import services
from plenary.reminders.models import Reminder, ReminderPreference, Status
from plenary.rules.reminders import OFFSET_NOT_WHOLE_DAYS
from tests.conftest import client_for
from tests.reminders.conftest import geneva

# 7 days before Peru's Article 7 annual report of 30 April 2021.
NOW = geneva(2021, 4, 23, 9)


def test_muted_kind_is_not_sent(ccm, peru_delegate):
    services.set_preferences(user=peru_delegate, language="en", muted_kinds=["article7_annual"])
    assert services.send_due_reminders(now=NOW).sent == 0
    assert mail.outbox == []


def test_unknown_language_is_refused(ccm, peru_delegate):
    with pytest.raises(services.RuleError) as error:
        services.set_preferences(user=peru_delegate, language="de")
    assert error.value.message == "Choose one of the languages, not 'de'."
    assert not ReminderPreference.objects.exists()
    peru_delegate.refresh_from_db()
    assert peru_delegate.language == "en"


def test_unsubscribe_link_works_without_login(ccm, peru_delegate):
    services.send_due_reminders(now=NOW)
    (message,) = mail.outbox
    url = re.search(r"https://plenary\.example\.org(/reminders/unsubscribe/\S+/)", message.body)[1]
    assert message.extra_headers["List-Unsubscribe"] == f"<https://plenary.example.org{url}>"
    anonymous = client_for(None)
    assert anonymous.get(url).status_code == 200
    assert not ReminderPreference.objects.filter(subscribed=False).exists()  # GET changes nothing

    response = anonymous.post(url)
    assert response.status_code == 200
    assert ReminderPreference.objects.get(user=peru_delegate).subscribed is False
    assert services.send_due_reminders(now=geneva(2021, 4, 29, 9)).sent == 0
    assert len(mail.outbox) == 1


def test_unsubscribe_forged_token_is_404(ccm, peru_delegate):
    assert client_for(None).post("/reminders/unsubscribe/forged:token/").status_code == 404


def test_preferences_page_saves_choices(ccm, peru_delegate):
    client = client_for(peru_delegate)
    assert client.get("/reminders/preferences/").status_code == 200
    response = client.post(
        "/reminders/preferences/",
        {"language": "es", "subscribed": "on", "kinds": ["article3", "registration"]},
    )
    assert response.status_code == 302
    preference = ReminderPreference.objects.get(user=peru_delegate)
    peru_delegate.refresh_from_db()
    assert (peru_delegate.language, preference.subscribed, preference.missed_notices) == (
        "es",
        True,
        False,
    )
    assert preference.muted_kinds == [
        "article4", "article7_annual", "article7_initial", "consultation", "payment",
        "reporting_condition", "silence_procedure",
    ]  # fmt: skip


def test_failed_send_is_retried_and_shown_to_the_secretariat(
    ccm, settings, peru_delegate, secretariat
):
    settings.EMAIL_BACKEND = "tests.reminders.backends.RefusingBackend"
    first = services.send_due_reminders(now=NOW)
    assert (first.sent, first.failed) == (0, 1)
    reminder = Reminder.objects.get()
    assert (reminder.status, reminder.attempts, reminder.last_error) == (
        Status.FAILED,
        1,
        "SMTPServerDisconnected: Connection unexpectedly closed",
    )
    page = client_for(secretariat).get("/due/mine/?start=2021-04-01&end=2021-05-31")
    assert page.context["failed"] == [reminder]
    assert "SMTPServerDisconnected: Connection unexpectedly closed" in page.content.decode()
    assert client_for(peru_delegate).get("/due/mine/").context["failed"] is None

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    second = services.send_due_reminders(now=geneva(2021, 4, 23, 10))
    assert (second.sent, second.failed) == (1, 0)
    reminder.refresh_from_db()
    assert (reminder.status, reminder.attempts, reminder.last_error) == (Status.SENT, 2, "")
    assert len(mail.outbox) == 1


def test_failed_send_gives_up_after_the_limit(ccm, settings, peru_delegate):
    settings.EMAIL_BACKEND = "tests.reminders.backends.RefusingBackend"
    for hour in (9, 10, 11, 12):
        services.send_due_reminders(now=geneva(2021, 4, 23, hour))
    reminder = Reminder.objects.get()
    assert (reminder.status, reminder.attempts) == (Status.FAILED, 3)


def test_reminders_send_command_refuses_fractional_offset(ccm):
    with pytest.raises(CommandError) as error:
        call_command("reminders", "send", "--offsets", "30,1.5")
    assert str(error.value) == "--offsets: " + OFFSET_NOT_WHOLE_DAYS.format(value="1.5")


def test_reminders_send_command_sends(ccm, peru_delegate, capsys):
    call_command("reminders", "send", "--now", "2021-04-23T09:00:00+02:00")
    assert capsys.readouterr().out == "1 reminder scheduled, 1 sent, 0 failed.\n"
    assert len(mail.outbox) == 1


def test_deadlines_command_unknown_state(ccm):
    with pytest.raises(CommandError) as error:
        call_command("deadlines", "--state", "XYZ", "--from", "2021-01-01", "--to", "2021-12-31")
    assert str(error.value) == "--state: No State has the ISO 3166 code 'XYZ'."


def test_deadlines_between_reversed_period_is_refused(ccm):
    from plenary.reminders import selectors

    with pytest.raises(services.RuleError) as error:
        selectors.deadlines_between(start=date(2021, 12, 31), end=date(2021, 1, 1))
    assert error.value.field == "end"
