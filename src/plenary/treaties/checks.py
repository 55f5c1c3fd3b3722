"""A system check: every convention file loads, or plenary refuses to start."""

from django.conf import settings
from django.core.checks import Error, register

from plenary.rules import conventions


@register()
def convention_files(app_configs, **kwargs) -> list[Error]:
    return [
        Error(str(error), id="treaties.E001")
        for error in conventions.check_directory(settings.PLENARY_CONVENTIONS_DIR)
    ]
