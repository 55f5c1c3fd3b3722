from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "plenary.reports"
    verbose_name = _("Transparency reports")

    def ready(self) -> None:
        from plenary.reports import permissions  # noqa: F401  (registers the rules)
