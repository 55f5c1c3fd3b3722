from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "plenary.meetings"
    label = "meetings"
    verbose_name = "Meetings"

    def ready(self) -> None:
        # Registers this app's permissions with `rules`.
        from plenary.meetings import permissions  # noqa: F401
