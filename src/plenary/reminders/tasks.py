"""The background task the worker (`plenary db_worker`) runs: send what is due, then
schedule the next run. `plenary reminders send` does the same by hand."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

from plenary.reminders import services


def _next_run_waiting() -> bool:
    return DBTaskResult.objects.filter(
        status=TaskResultStatus.READY, task_path=send_reminders.module_path
    ).exists()


def schedule_next_run(*, now: bool = False) -> bool:
    """Enqueue the next run (at once, or after REMINDER_INTERVAL_SECONDS) unless one is
    already waiting; return whether one was added. Two workers may both add one; the
    sends stay exactly once (see services)."""
    if _next_run_waiting():
        return False
    delay = 0 if now else settings.REMINDER_INTERVAL_SECONDS
    send_reminders.using(run_after=timezone.now() + timedelta(seconds=delay)).enqueue()
    return True


@task()
def send_reminders() -> dict:
    """Send the reminders due now, then schedule the next run."""
    summary = services.send_due_reminders(now=timezone.now())
    schedule_next_run()
    return {"scheduled": summary.scheduled, "sent": summary.sent, "failed": summary.failed}
