"""A system check: the configured reminder offsets are whole days, or plenary refuses to start."""

from django.conf import settings
from django.core.checks import Error, register

from plenary.rules.errors import RuleError
from plenary.rules.reminders import parse_offsets


@register()
def reminder_offsets(app_configs, **kwargs) -> list[Error]:
    try:
        parse_offsets(settings.REMINDER_OFFSETS_DAYS)
    except RuleError as error:
        return [Error(f"REMINDER_OFFSETS_DAYS: {error.message}", id="reminders.E001")]
    return []
