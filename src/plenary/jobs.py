"""The scheduler's jobs (settings.PLENARY_SCHEDULE; core/scheduler.py runs them).

Each takes `now` and returns a one-line summary; each calls the one service or query
that does the work, acting as the system account where a service asks who acts.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.sessions.models import Session
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from plenary.core.actors import system_actor
from plenary.decisions import services as decisions
from plenary.reminders import services as reminders
from plenary.treaties import services as treaties


def conclude_silence_procedures(*, now: datetime) -> str:
    """Conclude every silence procedure whose deadline has passed (as `plenary
    conclude_silence` does)."""
    # Whole seconds: the query takes deadlines before `now` and the rules count a deadline's
    # last second as in time, so within that second they would disagree (and refuse).
    concluded = decisions.conclude_due_silence_procedures(
        now=now.replace(microsecond=0), by=system_actor()
    )
    return f"{len(concluded)} concluded" + "".join(
        f"; {procedure.pk} {procedure.outcome}" for procedure in concluded
    )


def send_reminders(*, now: datetime) -> str:
    """Schedule and send the reminders due now."""
    summary = reminders.send_due_reminders(now=now)
    return f"{summary.scheduled} scheduled, {summary.sent} sent, {summary.failed} failed"


def clear_expired_sessions(*, now: datetime) -> str:
    """Delete the sessions past their expiry (what `clearsessions` does, for the database
    backend)."""
    deleted, _ = Session.objects.filter(expire_date__lt=now).delete()
    return f"{deleted} expired sessions deleted"


def prune_task_results(*, now: datetime) -> str:
    """Delete the worker's finished task rows older than TASK_RESULTS_KEEP_DAYS."""
    cutoff = now - timedelta(days=settings.TASK_RESULTS_KEEP_DAYS)
    deleted, _ = DBTaskResult.objects.filter(
        status__in=[TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED],
        finished_at__lt=cutoff,
    ).delete()
    return f"{deleted} finished task results deleted"


def notify_entries_into_force(*, now: datetime) -> str:
    """Tell the Delegations of the States for which the Convention enters into force today
    (in each convention's secretariat's zone), once."""
    from zoneinfo import ZoneInfo

    from plenary.treaties.models import Convention

    told = []
    for convention in Convention.objects.all():
        today = now.astimezone(ZoneInfo(convention.time_zone)).date()
        told += treaties.notify_entries_into_force(
            convention=convention, today=today, by=system_actor()
        )
    return f"{len(told)} entries into force told" + "".join(
        f"; {p.state.iso3} {p.convention}" for p in told
    )


def prune_idempotency_keys(*, now: datetime) -> str:
    """Forget the API's idempotency keys older than IDEMPOTENCY_KEY_SECONDS."""
    from plenary.api.idempotency import prune

    return f"{prune(now=now)} idempotency keys forgotten"


def prune_upload_files(*, now: datetime) -> str:
    """Delete the upload spool files (FILE_UPLOAD_TEMP_DIR) older than
    UPLOAD_TEMP_MAX_AGE_SECONDS: those of a worker that died mid-request. A live request's
    file is younger (a request's time budget is far shorter)."""
    from pathlib import Path

    spool = Path(settings.FILE_UPLOAD_TEMP_DIR)
    cutoff = now.timestamp() - settings.UPLOAD_TEMP_MAX_AGE_SECONDS
    deleted = 0
    for path in spool.glob("*.upload*") if spool.is_dir() else ():
        try:
            if path.is_file() and path.stat().st_mtime < cutoff:
                path.unlink()
                deleted += 1
        except FileNotFoundError:  # its request finished meanwhile
            continue
    return f"{deleted} abandoned upload files deleted"
