"""The scheduler (core/scheduler.py): jobs run at their intervals, a failing one is
recorded and retried while the others go on, and a due procedure is concluded with no
command run."""

from datetime import datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from plenary import jobs
from plenary.core.actors import SYSTEM_USERNAME
from plenary.core.models import JobRun
from plenary.core.scheduler import Job, Scheduler, configured_jobs, deadline_after
from plenary.decisions import services as decisions
from plenary.decisions.models import Outcome

GENEVA = ZoneInfo("Europe/Zurich")
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
CALLS: list[str] = []


def explode(*, now):
    CALLS.append("explode")
    raise RuntimeError("the mail server refused")


def count(*, now):
    CALLS.append("count")
    return "counted"


class Clock:
    def __init__(self, start: datetime):
        self.now = start

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture(autouse=True)
def no_calls():
    CALLS.clear()


def test_a_failing_job_is_recorded_and_retried_while_the_others_run(db):
    clock = Clock(datetime(2030, 3, 9, 12, 0, tzinfo=GENEVA))
    scheduler = Scheduler(
        configured_jobs(
            [
                ("explode", 60, "tests.core.test_scheduler.explode"),
                ("count", 60, "tests.core.test_scheduler.count"),
            ]
        ),
        clock=clock,
    )

    assert scheduler.run_pending() == ["explode", "count"]
    clock.now += timedelta(seconds=30)
    assert scheduler.run_pending() == []
    clock.now += timedelta(seconds=30)
    assert scheduler.run_pending() == ["explode", "count"]

    assert CALLS == ["explode", "count", "explode", "count"]
    failed, counted = JobRun.objects.get(job="explode"), JobRun.objects.get(job="count")
    assert (failed.succeeded, failed.failures_in_a_row, failed.last_success_at) == (
        False,
        2,
        None,
    )
    assert failed.summary == "RuntimeError: the mail server refused"
    assert (counted.succeeded, counted.summary, counted.last_success_at) == (
        True,
        "counted",
        clock.now,
    )


def test_a_restarted_scheduler_waits_for_the_interval_since_the_last_run(db):
    clock = Clock(datetime(2030, 3, 9, 12, 0, tzinfo=GENEVA))
    schedule = [("count", 60, "tests.core.test_scheduler.count")]
    Scheduler(configured_jobs(schedule), clock=clock).run_pending()
    clock.now += timedelta(seconds=20)

    assert Scheduler(configured_jobs(schedule), clock=clock).run_pending() == []
    clock.now += timedelta(seconds=40)
    assert Scheduler(configured_jobs(schedule), clock=clock).run_pending() == ["count"]


def test_the_scheduler_concludes_a_procedure_due_seconds_away(
    ccm, president, peru_delegate, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.TASKS = IMMEDIATE
    settings.PLENARY_SCHEDULE = [(name, 1, path) for name, _, path in settings.PLENARY_SCHEDULE]
    now = timezone.now().astimezone(GENEVA)
    deadline = (now + timedelta(seconds=2)).replace(microsecond=0)
    procedure = decisions.circulate_silence_procedure(
        convention=ccm,
        subject="Dates of the Twelfth Meeting of States Parties",
        circulated_on=now.date(),
        deadline_on=deadline.date(),
        deadline_time=deadline.time(),
        now=now,
        by=president,
    )
    mailoutbox.clear()

    def concluded() -> bool:
        procedure.refresh_from_db()
        return procedure.outcome != Outcome.OPEN

    give_up = deadline_after(10)
    with django_capture_on_commit_callbacks(execute=True):
        Scheduler(configured_jobs()).run(tick=0.2, until=lambda: concluded() or give_up())

    assert procedure.outcome == Outcome.ADOPTED
    assert procedure.concluded_at > deadline
    assert procedure.history.latest().history_user.username == SYSTEM_USERNAME
    # The reminders job ran too: the procedure's deadline was today.
    assert sorted(m.subject for m in mailoutbox if m.to == ["peru_delegate@example.org"]) == [
        "CCM: Silence procedure concluded: Dates of the Twelfth Meeting of States Parties",
        "Reminder: CCM: Silence procedure: Dates of the Twelfth Meeting of States Parties, due "
        + f"{deadline.day} {deadline:%B %Y}",
    ]
    assert set(JobRun.objects.values_list("job", "succeeded")) == {
        ("conclude_silence_procedures", True),
        ("send_reminders", True),
        ("clear_expired_sessions", True),
        ("prune_task_results", True),
        ("notify_entries_into_force", True),
        ("prune_idempotency_keys", True),
        ("prune_upload_files", True),
    }


def test_the_command_runs_every_job_for_the_time_asked(db, settings):
    settings.TASKS = IMMEDIATE
    call_command("scheduler", "--tick", "0.1", "--for", "0.3", stdout=StringIO())

    assert sorted(JobRun.objects.values_list("job", flat=True)) == sorted(
        name for name, _, _ in settings.PLENARY_SCHEDULE
    )


def test_the_command_lists_the_schedule(db):
    out = StringIO()
    call_command("scheduler", "--list", stdout=out)

    assert out.getvalue().splitlines()[0] == "conclude_silence_procedures\tevery 30 s"


def test_expired_sessions_are_cleared(db):
    now = timezone.now()
    for expiry in (now - timedelta(seconds=1), now + timedelta(days=1)):
        store = SessionStore()
        store.set_expiry(expiry)
        store.save()

    assert jobs.clear_expired_sessions(now=now) == "1 expired sessions deleted"
    assert Session.objects.count() == 1


def test_finished_task_results_older_than_the_limit_are_pruned(db, settings):
    settings.TASK_RESULTS_KEEP_DAYS = 14
    now = timezone.now()

    def row(status, finished_days_ago):
        finished = now - timedelta(days=finished_days_ago) if finished_days_ago else None
        return DBTaskResult.objects.create(
            status=status,
            args_kwargs={"args": [], "kwargs": {}},
            task_path="plenary.reminders.tasks.send_reminders",
            backend_name="default",
            finished_at=finished,
        )

    old_ok, old_failed = row("SUCCESSFUL", 15), row("FAILED", 20)
    recent, waiting = row("SUCCESSFUL", 13), row("READY", None)

    assert jobs.prune_task_results(now=now) == "2 finished task results deleted"
    assert set(DBTaskResult.objects.values_list("pk", flat=True)) == {recent.pk, waiting.pk}
    assert not DBTaskResult.objects.filter(pk__in=[old_ok.pk, old_failed.pk]).exists()
    assert TaskResultStatus.SUCCESSFUL == "SUCCESSFUL"


def test_a_job_is_late_after_two_intervals_and_a_minute():
    job = Job(name="x", every=timedelta(seconds=30), run=count)
    run = JobRun(job="x", started_at=datetime(2030, 1, 1, 12, 0, tzinfo=GENEVA))

    assert not job.is_late(run, run.started_at + timedelta(seconds=120))
    assert job.is_late(run, run.started_at + timedelta(seconds=121))
    assert job.is_late(None, run.started_at)
