from django.apps import AppConfig


class DraftingConfig(AppConfig):
    name = "plenary.drafting"
    label = "drafting"
    verbose_name = "Drafting"

    def ready(self) -> None:
        # Registers this app's permissions with `rules`.
        from plenary.drafting import permissions  # noqa: F401
