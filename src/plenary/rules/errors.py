"""The error raised when facts contradict the Convention's rules.

The rules are pure Python, so their refusals are written in English as templates with
named values (`RuleError("year", YEAR_OUTSIDE, year=2031, first=2020, last=2030)`), marked
with `_` for the catalogue's extraction. The reader's language comes in at the edge: Django's
app registry sets `RuleError.translate` to gettext and `RuleError.show_date` to the active
language's date format (core/apps.py), and `message` is worded when it is read, in the
language active then. A value that is itself a message of the catalogue (a `Phrase`, such
as the shape a document symbol should have) is translated with it. Without Django (the
rules' own tests) both stay English.
"""

from collections.abc import Callable
from datetime import date


def _(text: str) -> str:
    """Marks a message for the catalogue (xgettext reads `_("...")`); translation happens
    when the error's message is read."""
    return text


def _english_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


class Phrase(str):
    """A value of a refusal that is itself a message of the catalogue (marked with `_`):
    translated with the sentence it stands in, when the message is read."""

    __slots__ = ()


def _shown(value: object) -> object:
    if isinstance(value, Phrase):
        return RuleError.translate(value)
    if isinstance(value, date):
        return RuleError.show_date(value)
    return value


class RuleError(ValueError):
    """A rule of the Convention is broken; `field` names the offending input."""

    translate: Callable[[str], str] = staticmethod(lambda text: text)
    show_date: Callable[[date], str] = staticmethod(_english_date)

    def __init__(self, field: str, message: str, /, **values) -> None:
        self.field = field
        self.template = message
        self.values = values
        super().__init__(f"{field}: {self.message}")

    @property
    def message(self) -> str:
        template = RuleError.translate(self.template)
        if not self.values:
            return template
        return template.format(**{name: _shown(value) for name, value in self.values.items()})
