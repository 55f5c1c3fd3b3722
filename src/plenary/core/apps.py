from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "plenary.core"
    label = "core"
    verbose_name = "Accounts and audit"

    def ready(self) -> None:
        # Registers this app's permissions with `rules`.
        from plenary.core import permissions  # noqa: F401
