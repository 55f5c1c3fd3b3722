from django.apps import AppConfig


class DecisionsConfig(AppConfig):
    name = "plenary.decisions"
    label = "decisions"
    verbose_name = "Decisions"

    def ready(self) -> None:
        # Registers this app's permissions with `rules`.
        from plenary.decisions import permissions  # noqa: F401
