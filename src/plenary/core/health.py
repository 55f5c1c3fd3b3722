"""What `/healthz` checks: the database, every cache, the worker's queue and the scheduler.

Each check returns (ok, detail); the view answers 503 naming every part that failed.
"""

import secrets
from datetime import datetime

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connection
from django_tasks_db.models import DBTaskResult, get_date_max

from plenary.core.cache import shared
from plenary.core.models import JobRun
from plenary.core.scheduler import configured_jobs

Check = tuple[bool, object]


def database() -> Check:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return False, "down"
    return True, "ok"


def cache() -> Check:
    """Write and read back a value in each configured cache (Redis when CACHE_URL says so)."""
    failed = []
    for alias in settings.CACHES:
        token = secrets.token_hex(8)
        # A cache with a copy in each process is checked at the shared one (core/cache.py).
        cache = shared(caches[alias])
        try:
            cache.set("plenary-healthz", token, 10)
            if cache.get("plenary-healthz") != token:
                failed.append(alias)
        except Exception:  # a cache server refusing or timing out
            failed.append(alias)
    return (False, f"down: {', '.join(failed)}") if failed else (True, "ok")


def worker(*, now: datetime) -> Check:
    """How long the oldest task ready to run has waited; too long means no worker runs."""
    try:
        ready = DBTaskResult.objects.ready()
        unscheduled = ready.filter(run_after=get_date_max()).order_by("enqueued_at").first()
        scheduled = ready.exclude(run_after=get_date_max()).order_by("run_after").first()
    except DatabaseError:
        return False, "unknown (database down)"
    waiting_since = [
        *([unscheduled.enqueued_at] if unscheduled else []),
        *([max(scheduled.run_after, scheduled.enqueued_at)] if scheduled else []),
    ]
    lag = max(0, int((now - min(waiting_since)).total_seconds())) if waiting_since else 0
    detail = {"queue_lag_seconds": lag}
    return lag <= settings.HEALTHZ_MAX_QUEUE_LAG_SECONDS, detail


def scheduler(*, now: datetime) -> Check:
    """Each scheduled job started within two of its intervals (and a minute), and its last
    run succeeded."""
    try:
        runs = {run.job: run for run in JobRun.objects.all()}
    except DatabaseError:
        return False, "unknown (database down)"
    ok, jobs = True, {}
    for job in configured_jobs():
        run = runs.get(job.name)
        if run is None:
            jobs[job.name] = "never run"
            ok = False
            continue
        late = job.is_late(run, now)
        ok = ok and run.succeeded and not late
        jobs[job.name] = {
            "last_run": run.started_at.isoformat(timespec="seconds"),
            "outcome": "ok" if run.succeeded else f"failed: {run.summary}",
            **({"late": True} if late else {}),
        }
    return ok, jobs
