from django.apps import AppConfig


class ActionPlanConfig(AppConfig):
    name = "plenary.action_plan"
    label = "action_plan"
    verbose_name = "Action plan"

    def ready(self) -> None:
        # Registers this app's permissions with `rules`.
        from plenary.action_plan import permissions  # noqa: F401
