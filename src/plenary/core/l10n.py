"""Dates, amounts and the order of names in the active language, for texts and lists built in
Python (reminders, notices, form choices).

Templates use Django's `date:"DATE_FORMAT"` filter; these are the same formats for code that
writes a sentence itself, under `translation.override(<the reader's language>)`.
"""

from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal
from typing import TypeVar

from django.utils.formats import date_format, number_format
from django.utils.translation import get_language

from plenary.rules.names import collation_key

T = TypeVar("T")


def day(value: date) -> str:
    """A day in the active language's long format (en "30 April 2021", fr "30 avril 2021",
    and "1er février 2021": French writes the first of the month as an ordinal)."""
    return _first_in_french(value, "DATE_FORMAT")


def month_day(value: date) -> str:
    """A day and month in the active language (en "30 April", fr "1er février")."""
    return _first_in_french(value, "MONTH_DAY_FORMAT")


def day_of_month(value: date) -> str:
    """The day's number as a span's first day writes it (fr "1er" for the first)."""
    return "1er" if value.day == 1 and _french() else str(value.day)


def _french() -> bool:
    return (get_language() or "en").lower().split("-")[0] == "fr"


def _first_in_french(value: date, format_name: str) -> str:
    written = date_format(value, format_name)
    if value.day == 1 and _french() and written.startswith("1 "):
        return "1er" + written[1:]
    return written


def amount(value: Decimal | float | int, places: int = 2) -> str:
    """An amount with `places` decimals and the active language's separators (the pages'
    `|amount` filter, core/templatetags/numbers.py, writes the same)."""
    return number_format(value, decimal_pos=places, use_l10n=True, force_grouping=True)


def by_name(name: str):
    """Sort key of a name (a State's, in the reader's language) in the active language: the
    UN's alphabetical order in English, that language's ICU collation otherwise (French
    accents at the second level, Chinese in pinyin; `rules.names.collation_key`)."""
    return collation_key(get_language() or "en")(name)


def in_name_order(items: Iterable[T], name: Callable[[T], str] = str) -> list[T]:
    """`items` ordered by `name(item)` (its `str`, a State's name in the active language)
    as the active language orders names."""
    key = collation_key(get_language() or "en")
    return sorted(items, key=lambda item: key(name(item)))
