"""A reminder e-mail is written in its recipient's language (`User.language`): sentences
from the gettext catalogue, the day in the language's own date format, the count of days
with its plural forms (issue #27)."""

from django.core import mail
from django.utils import translation
from django.utils.translation import gettext, ngettext

from plenary.reminders import services
from plenary.treaties.models import State
from tests.conftest import client_for
from tests.reminders.conftest import geneva

# 7 days before Peru's Article 7 annual report of 30 April 2021 (Geneva time).
SEVEN_DAYS_BEFORE = geneva(2021, 4, 23, 9)
ONE_DAY_BEFORE = geneva(2021, 4, 29, 9)
HEADING = "CCM: Peru: Article 7 annual report covering 2020"


def _heading(language: str) -> str:
    """The deadline's heading as a reader of `language` reads it: the State's name and the
    sentence in that language."""
    peru = State.objects.get(iso3="PER").name_in(language)
    return "CCM: " + _in(
        language,
        "%(state)s: Article %(article)s annual report covering %(year)s",
        state=peru,
        article=7,
        year=2020,
    )


# The sentences of a reminder, in English: none of them is left in a French one.
ENGLISH = ("Reminder", "due", "Due by", "time)", "day", "You receive", "Unsubscribe:")


def _speaks(user, language: str):
    user.language = language
    user.save(update_fields=["language"])


def _in(language: str, message: str, **fields) -> str:
    with translation.override(language):
        return gettext(message) % fields


def test_reminder_to_a_french_speaker_has_french_dates(ccm, peru_delegate):
    _speaks(peru_delegate, "fr")
    services.send_due_reminders(now=SEVEN_DAYS_BEFORE)
    (message,) = mail.outbox
    assert message.subject == _in(
        "fr", "Reminder: %(subject)s, due %(day)s", subject=_heading("fr"), day="30 avril 2021"
    )
    with translation.override("fr"):
        lead = ngettext(
            "Due by %(time)s on %(day)s (%(zone)s time): in %(days)d day.",
            "Due by %(time)s on %(day)s (%(zone)s time): in %(days)d days.",
            7,
        ) % {"time": "23:59:59", "day": "30 avril 2021", "zone": "Europe/Zurich", "days": 7}
    assert message.body.splitlines()[:3] == [_heading("fr"), "", lead]
    assert "Pérou" in message.subject
    assert "April" not in message.subject + message.body


def test_reminder_to_a_spanish_speaker_has_spanish_dates(ccm, peru_delegate):
    _speaks(peru_delegate, "es")
    services.send_due_reminders(now=SEVEN_DAYS_BEFORE)
    assert mail.outbox[0].subject == _in(
        "es",
        "Reminder: %(subject)s, due %(day)s",
        subject=_heading("es"),
        day="30 de abril de 2021",
    )


def test_reminder_in_english_counts_one_day_in_the_singular(ccm, peru_delegate):
    services.send_due_reminders(now=ONE_DAY_BEFORE)
    (message,) = mail.outbox
    assert message.subject == f"Reminder: {HEADING}, due 30 April 2021"
    assert message.body.splitlines()[2] == (
        "Due by 23:59:59 on 30 April 2021 (Europe/Zurich time): in 1 day."
    )


def test_reminder_to_a_french_speaker_is_french_throughout(ccm, peru_delegate):
    _speaks(peru_delegate, "fr")
    services.send_due_reminders(now=SEVEN_DAYS_BEFORE)
    (message,) = mail.outbox
    assert message.subject.startswith("Rappel : ")
    assert "Pérou" in message.subject
    text = message.subject + "\n" + message.body
    assert [english for english in ENGLISH if english in text] == []


def test_preferences_page_keeps_the_language_on_the_profile(ccm, peru_delegate):
    response = client_for(peru_delegate).post(
        "/reminders/preferences/",
        {"language": "fr", "subscribed": "on", "kinds": ["article7_annual"]},
    )
    assert response.status_code == 302
    peru_delegate.refresh_from_db()
    assert peru_delegate.language == "fr"
    services.send_due_reminders(now=SEVEN_DAYS_BEFORE)
    assert "30 avril 2021" in mail.outbox[0].subject


def test_each_recipient_gets_the_deadline_worded_in_their_language(
    ccm, settings, peru_delegate, peru_focal_point
):
    settings.PLENARY_DEADLINE_PROVIDERS = ["tests.reminders.gettext_provider"]
    _speaks(peru_delegate, "fr")
    services.send_due_reminders(now=SEVEN_DAYS_BEFORE)
    by_user = {m.to[0]: m for m in mail.outbox}
    french = by_user[peru_delegate.email]
    english = by_user[peru_focal_point.email]
    assert french.subject == _in(
        "fr", "Reminder: %(subject)s, due %(day)s", subject="CCM: janvier", day="30 avril 2021"
    )
    assert "février" in french.body
    assert english.subject == "Reminder: CCM: January, due 30 April 2021"
    assert "February" in english.body
