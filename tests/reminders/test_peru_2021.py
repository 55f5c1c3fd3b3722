"""Peru in 2021: its Article 3 deadline (1 March 2021, extended by the Second Review
Conference) and its Article 7 annual report (30 April 2021), and the reminders it gets."""

import json
from datetime import date
from io import StringIO

from django.core import mail
from django.core.management import call_command

from plenary.reminders import selectors, services
from plenary.reminders.models import Reminder, Status
from tests.reminders.conftest import geneva

PERU_2021 = [
    {
        "key": "treaties.article3:CCM:PER:2021-03-01",
        "convention": "CCM",
        "kind": "article3",
        "date": "2021-03-01",
        "ends_at": "2021-03-01T23:59:59+01:00",
        "time_zone": "Europe/Zurich",
        "subject": "Peru: Article 3: destruction of stockpiles",
        "bound": "PER",
        "link": "/ccm/states/PER/",
        "note": "extended to 1 April 2024 (Second Review Conference)",
    },
    {
        "key": "treaties.article7.annual:CCM:PER:2020",
        "convention": "CCM",
        "kind": "article7_annual",
        "date": "2021-04-30",
        "ends_at": "2021-04-30T23:59:59+02:00",
        "time_zone": "Europe/Zurich",
        "subject": "Peru: Article 7 annual report covering 2020",
        "bound": "PER",
        "link": "/ccm/states/PER/",
        "note": "",
    },
]


def test_deadlines_of_peru_in_2021_are_article_3_and_article_7(ccm):
    deadlines = selectors.deadlines_between(
        start=date(2021, 1, 1), end=date(2021, 12, 31), state="PER"
    )
    assert [d.as_dict() for d in deadlines] == PERU_2021


def test_deadlines_command_json_for_peru_in_2021(ccm):
    out = StringIO()
    call_command(
        "deadlines",
        "--state", "per", "--from", "2021-01-01", "--to", "2021-12-31", "--format", "json",
        stdout=out,
    )  # fmt: skip
    assert json.loads(out.getvalue()) == PERU_2021


def _send(now):
    return services.send_due_reminders(now=now)


def test_reminders_for_peru_in_2021_reach_its_delegate_once_each(ccm, peru_delegate):
    runs = [
        geneva(2021, 1, 30, 9),  # 30 days before 1 March
        geneva(2021, 1, 30, 17),  # the same day again: nothing new
        geneva(2021, 2, 22, 9),  # 7 days before
        geneva(2021, 2, 28, 9),  # 1 day before
        geneva(2021, 3, 2, 9),  # passed, but replaced by the extension: no notice
        geneva(2021, 3, 31, 9),  # 30 days before 30 April
        geneva(2021, 4, 23, 9),  # 7 days before
        geneva(2021, 4, 29, 9),  # 1 day before
        # Passed and not on record, but due before the CCM's record of reports is complete
        # (1 December 2026): the record cannot say it was not sent, so no notice (issue 20).
        geneva(2021, 5, 1, 9),
        geneva(2021, 5, 2, 9),  # the notice went already
    ]
    sent = [_send(now).sent for now in runs]

    assert sent == [1, 0, 1, 1, 0, 1, 1, 1, 0, 0]
    assert [m.to for m in mail.outbox] == [["peru_delegate@example.org"]] * 6
    assert [m.subject for m in mail.outbox] == [
        "Reminder: CCM: Peru: Article 3: destruction of stockpiles, due 1 March 2021",
        "Reminder: CCM: Peru: Article 3: destruction of stockpiles, due 1 March 2021",
        "Reminder: CCM: Peru: Article 3: destruction of stockpiles, due 1 March 2021",
        "Reminder: CCM: Peru: Article 7 annual report covering 2020, due 30 April 2021",
        "Reminder: CCM: Peru: Article 7 annual report covering 2020, due 30 April 2021",
        "Reminder: CCM: Peru: Article 7 annual report covering 2020, due 30 April 2021",
    ]
    assert "Due by 23:59:59 on 1 March 2021 (Europe/Zurich time): in 30 days." in (
        mail.outbox[0].body
    )
    assert "extended to 1 April 2024 (Second Review Conference)" in mail.outbox[0].body
    assert "https://plenary.example.org/ccm/states/PER/" in mail.outbox[0].body
    assert list(
        Reminder.objects.filter(user=peru_delegate)
        .order_by("deadline_ends_at", "-offset_days")
        .values_list("deadline_key", "notice", "offset_days", "status")
    ) == [
        ("treaties.article3:CCM:PER:2021-03-01", "before", 30, Status.SENT),
        ("treaties.article3:CCM:PER:2021-03-01", "before", 7, Status.SENT),
        ("treaties.article3:CCM:PER:2021-03-01", "before", 1, Status.SENT),
        ("treaties.article7.annual:CCM:PER:2020", "before", 30, Status.SENT),
        ("treaties.article7.annual:CCM:PER:2020", "before", 7, Status.SENT),
        ("treaties.article7.annual:CCM:PER:2020", "before", 1, Status.SENT),
    ]


def test_reminder_first_run_late_sends_only_the_latest_window(ccm, peru_delegate):
    # A worker first started 5 days before 1 March sends the 7-day reminder, not the 30-day.
    assert _send(geneva(2021, 2, 24, 9)).sent == 1
    assert list(Reminder.objects.values_list("offset_days", flat=True)) == [7]
