from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "plenary.documents"
    label = "documents"
    verbose_name = "Documents"

    def ready(self) -> None:
        # Registers this app's permissions with `rules`.
        from plenary.documents import permissions  # noqa: F401
