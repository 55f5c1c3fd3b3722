from datetime import timedelta

import pytest
from django.db import OperationalError, connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from plenary.core.models import JobRun


@pytest.fixture
def scheduler_ran(db, settings):
    now = timezone.now()
    for name, _, _ in settings.PLENARY_SCHEDULE:
        JobRun.objects.create(job=name, started_at=now, finished_at=now, succeeded=True)
    return now


def test_healthz_answers_200_when_every_part_answers(client, scheduler_ran):
    response = client.get("/healthz")

    assert response.status_code == 200
    body = response.json()
    assert (body["status"], body["database"], body["cache"]) == ("ok", "ok", "ok")
    assert body["worker"] == {"queue_lag_seconds": 0}
    assert body["scheduler"]["conclude_silence_procedures"] == {
        "last_run": scheduler_ran.isoformat(timespec="seconds"),
        "outcome": "ok",
    }


def test_healthz_answers_503_when_the_database_does_not(client, scheduler_ran, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    with monkeypatch.context() as patched:
        patched.setattr(connection, "cursor", refuse)
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
    assert response.json()["database"] == "down"
    assert "database" in response.json()["failing"]


def test_healthz_names_the_scheduler_when_it_never_ran(client, db):
    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["failing"] == ["scheduler"]
    assert response.json()["scheduler"]["send_reminders"] == "never run"


def test_healthz_names_the_scheduler_when_a_job_is_late(client, scheduler_ran):
    JobRun.objects.filter(job="conclude_silence_procedures").update(
        started_at=scheduler_ran - timedelta(minutes=3)
    )

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["failing"] == ["scheduler"]
    assert response.json()["scheduler"]["conclude_silence_procedures"]["late"] is True


def test_healthz_names_the_scheduler_when_a_job_failed(client, scheduler_ran):
    JobRun.objects.filter(job="send_reminders").update(
        succeeded=False, summary="SMTPConnectError: refused"
    )

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["scheduler"]["send_reminders"]["outcome"] == (
        "failed: SMTPConnectError: refused"
    )


def test_healthz_names_the_worker_when_a_task_waits_too_long(client, scheduler_ran, settings):
    settings.HEALTHZ_MAX_QUEUE_LAG_SECONDS = 300
    task = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="plenary.reminders.tasks.send_reminders",
        backend_name="default",
    )
    DBTaskResult.objects.filter(pk=task.pk).update(
        enqueued_at=scheduler_ran - timedelta(minutes=10)
    )

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["failing"] == ["worker"]
    assert response.json()["worker"]["queue_lag_seconds"] >= 600


def test_a_task_scheduled_for_later_is_no_lag(client, scheduler_ran):
    DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="plenary.reminders.tasks.send_reminders",
        backend_name="default",
        run_after=scheduler_ran + timedelta(hours=1),
    )

    assert client.get("/healthz").json()["worker"] == {"queue_lag_seconds": 0}
