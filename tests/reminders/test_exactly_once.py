"""Each reminder goes exactly once: two workers at once, and a worker that dies after
claiming (its claim expires and another retakes it)."""

from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from threading import Barrier

import pytest
from django.core import mail
from django.db import connection, connections

from plenary.core.models import Role
from plenary.reminders import services
from plenary.reminders.models import Reminder, Status
from tests.conftest import make_user
from tests.reminders.conftest import geneva

# 30 days before 30 April 2021: every State Party's Article 7 annual report covering 2020.
NOW = geneva(2021, 3, 31, 9)


def _delegates(iso3s):
    return [make_user(f"delegate_{iso3.lower()}", Role.DELEGATION, iso3) for iso3 in iso3s]


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: SQLite serialises every writer, so nothing runs concurrently",
)
@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_send_each_reminder_once(ccm):
    users = _delegates(["PER", "CHL", "BGR", "LBN", "BIH", "DEU", "FRA", "MEX", "NOR", "ZMB"])
    start = Barrier(2)

    def worker(name):
        try:
            start.wait()
            # One reminder per claim, so that the two workers interleave.
            return services.send_due_reminders(now=NOW, worker=name, batch=1)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=2) as pool:
        summaries = list(pool.map(worker, ["worker-a", "worker-b"]))

    rows = list(Reminder.objects.select_related("user").order_by("pk"))
    # Each delegate's annual report; Bulgaria's Article 3 deadline of 1 April 2021 too.
    assert len(rows) == len(users) + 1
    assert sum(s.sent for s in summaries) == len(rows)
    assert sum(s.failed for s in summaries) == 0
    assert sorted((m.to[0], m.subject) for m in mail.outbox) == sorted(
        (r.user.email, f"Reminder: {r.subject}, due {r.deadline_day.day} {r.deadline_day:%B %Y}")
        for r in rows
    )
    assert {(r.status, r.attempts) for r in rows} == {(Status.SENT, 1)}


def test_worker_restart_retakes_an_expired_claim_and_sends_once(ccm, settings):
    settings.REMINDER_CLAIM_SECONDS = 600
    (peru,) = _delegates(["PER"])
    assert services._schedule_reminders(now=NOW) == 1
    # The first worker claims the reminder, then dies before sending.
    claimed = services._claim_reminders(now=NOW, worker="died")
    assert [r.user_id for r in claimed] == [peru.pk]
    assert mail.outbox == []

    # A worker restarted within the claim's lifetime leaves it alone.
    soon = services.send_due_reminders(now=NOW + timedelta(seconds=599), worker="restarted")
    assert (soon.sent, len(mail.outbox)) == (0, 0)

    # Once the claim has expired, it is retaken and sent, once.
    later = services.send_due_reminders(now=NOW + timedelta(seconds=601), worker="restarted")
    again = services.send_due_reminders(now=NOW + timedelta(hours=2), worker="another")
    assert (later.sent, again.sent) == (1, 0)
    assert [m.to for m in mail.outbox] == [["delegate_per@example.org"]]
    reminder = Reminder.objects.get()
    assert (reminder.status, reminder.claimed_by, reminder.attempts) == (
        Status.SENT,
        "restarted",
        2,
    )

    # The first worker coming back late sends nothing: the claim is no longer its own.
    assert services._deliver(reminder=claimed[0], worker="died", now=NOW) is False
    assert len(mail.outbox) == 1
    assert Reminder.objects.get().claimed_by == "restarted"
