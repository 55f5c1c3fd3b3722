import contextlib

from django.apps import AppConfig


class TreatiesConfig(AppConfig):
    name = "plenary.treaties"
    label = "treaties"
    verbose_name = "Treaty registry"

    def ready(self) -> None:
        from django.conf import settings

        # Registers this app's permissions with `rules`, and the convention files' check.
        from plenary.rules import conventions
        from plenary.treaties import checks, permissions  # noqa: F401

        conventions.use_directory(settings.PLENARY_CONVENTIONS_DIR)
        # A broken file is reported by the system check `treaties.E001` (file, key, rule).
        with contextlib.suppress(conventions.ConventionFileError):
            conventions.registry()
