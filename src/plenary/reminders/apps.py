from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RemindersConfig(AppConfig):
    name = "plenary.reminders"
    label = "reminders"
    verbose_name = _("Reminders and calendars")

    def ready(self) -> None:
        # Registers this app's permissions with `rules` and its system check.
        from plenary.reminders import checks, permissions  # noqa: F401
