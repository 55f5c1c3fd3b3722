from django.apps import AppConfig


class FinanceConfig(AppConfig):
    name = "plenary.finance"
    label = "finance"
    verbose_name = "Finance"

    def ready(self) -> None:
        # Registers this app's permissions with `rules`.
        from plenary.finance import permissions  # noqa: F401
