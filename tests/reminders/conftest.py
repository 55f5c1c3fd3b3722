from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

GENEVA = ZoneInfo("Europe/Zurich")


def geneva(*args) -> datetime:
    return datetime(*args, tzinfo=GENEVA)


@pytest.fixture(autouse=True)
def reminder_settings(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.REMINDER_OFFSETS_DAYS = ["30", "7", "1"]
    settings.REMINDER_MISSED_WITHIN_DAYS = 7
    settings.REMINDER_CLAIM_SECONDS = 600
    settings.REMINDER_MAX_ATTEMPTS = 3
    settings.SITE_URL = "https://plenary.example.org"
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
