"""The scheduler: one process (`plenary scheduler`) running plenary's periodic jobs.

The schedule is explicit, in one place: `settings.PLENARY_SCHEDULE`, a list of
(name, every N seconds, dotted path of a callable taking `now=` and returning a short
summary). Each tick the process runs the jobs that are due, one after the other. A job
that raises is logged and recorded as failed, and runs again at its next interval; the
process and the other jobs go on. Each job's last run is a `core.JobRun` row, which
`/healthz` reads.

Run one scheduler per installation: the jobs are safe to run twice at once (conclusion
locks the procedure's row; reminders are claimed row by row), but twice is wasted work.
"""

import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import close_old_connections, connection
from django.utils import timezone
from django.utils.module_loading import import_string

from plenary.core.models import JobRun

logger = logging.getLogger("plenary.scheduler")


@dataclass(frozen=True)
class Job:
    name: str
    every: timedelta
    run: Callable[..., object]

    def is_late(self, run: JobRun | None, now: datetime) -> bool:
        """Whether the job has not started within two of its intervals and a minute."""
        return run is None or now - run.started_at > 2 * self.every + timedelta(seconds=60)


def configured_jobs(schedule: Iterable | None = None) -> list[Job]:
    """The jobs of `schedule` (default `settings.PLENARY_SCHEDULE`), callables imported."""
    entries = settings.PLENARY_SCHEDULE if schedule is None else schedule
    return [
        Job(name=name, every=timedelta(seconds=every), run=import_string(path))
        for name, every, path in entries
    ]


def run_job(job: Job, *, now: datetime) -> bool:
    """Run one job now and record its outcome; never raises for the job's own failure."""
    record, _ = JobRun.objects.update_or_create(
        job=job.name, defaults={"started_at": now, "finished_at": None}
    )
    try:
        summary = job.run(now=now)
    except Exception as error:  # a failing job must not stop the scheduler or the others
        logger.exception("job=%s outcome=failed error=%r", job.name, str(error))
        record.succeeded = False
        record.summary = f"{type(error).__name__}: {error}"[:2000]
        record.failures_in_a_row += 1
    else:
        logger.info("job=%s outcome=ok summary=%r", job.name, str(summary))
        record.succeeded = True
        record.summary = str(summary or "")[:2000]
        record.last_success_at = now
        record.failures_in_a_row = 0
    record.finished_at = timezone.now()
    record.save()
    return record.succeeded


class Scheduler:
    """Runs each job when its interval has passed since its last start (kept in the
    database, so a restarted scheduler does not run everything again at once)."""

    def __init__(self, jobs: list[Job], *, clock: Callable[[], datetime] = timezone.now):
        self.jobs = jobs
        self.clock = clock
        self.next_at: dict[str, datetime] = {}

    def _load(self) -> None:
        started = dict(
            JobRun.objects.filter(job__in=[job.name for job in self.jobs]).values_list(
                "job", "started_at"
            )
        )
        now = self.clock()
        for job in self.jobs:
            last = started.get(job.name)
            self.next_at[job.name] = now if last is None else min(last + job.every, now + job.every)

    def run_pending(self) -> list[str]:
        """Run every job that is due; return the names of those that ran."""
        if not self.next_at:
            self._load()
        ran = []
        for job in self.jobs:
            now = self.clock()
            if now < self.next_at[job.name]:
                continue
            # Set before running: a failed job is retried at its next interval, not every tick.
            self.next_at[job.name] = now + job.every
            try:
                run_job(job, now=now)
            except Exception:  # the database itself failed: log it, try again next time
                logger.exception("job=%s outcome=not-recorded", job.name)
            ran.append(job.name)
        return ran

    def run(
        self,
        *,
        tick: float,
        stop: threading.Event | None = None,
        until: Callable[[], bool] | None = None,
    ) -> None:
        """Tick until `stop` is set (a signal) or `until()` is true (tests, smoke checks)."""
        stop = stop or threading.Event()
        logger.info("scheduler started tick=%s jobs=%s", tick, ",".join(j.name for j in self.jobs))
        while not stop.is_set():
            _close_old_connections()
            try:
                self.run_pending()
            except Exception:  # e.g. the database is down at start: keep trying
                logger.exception("scheduler tick failed")
            _close_old_connections()
            if until is not None and until():
                break
            stop.wait(tick)
        logger.info("scheduler stopped")


def _close_old_connections() -> None:
    """Drop a broken or expired connection between ticks, as a request does; not one inside
    a transaction (a test running the loop), whose autocommit differs by design."""
    if not connection.in_atomic_block:
        close_old_connections()


def deadline_after(seconds: float) -> Callable[[], bool]:
    """An `until` for `Scheduler.run`: true once `seconds` have passed."""
    end = time.monotonic() + seconds
    return lambda: time.monotonic() >= end
