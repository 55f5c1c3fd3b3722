from django.apps import AppConfig


class TreatiesConfig(AppConfig):
    name = "plenary.treaties"
    label = "treaties"
    verbose_name = "Treaty registry"

    def ready(self) -> None:
        # Registers this app's permissions with `rules`.
        from plenary.treaties import permissions  # noqa: F401
