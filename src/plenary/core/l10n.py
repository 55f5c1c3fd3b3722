"""Dates, amounts and the order of names in the active language, for texts and lists built in
Python (reminders, notices, form choices).

Templates' `date` filter is `core/templatetags/dates.py`, a builtin that writes through
`date` below; these are the same formats for code that writes a sentence itself, under
`translation.override(<the reader's language>)`.
"""

from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal
from typing import TypeVar

from django.utils.formats import date_format, get_format, number_format
from django.utils.translation import get_language

from plenary.rules.deadlines import period_shape
from plenary.rules.names import collation_key

T = TypeVar("T")


def formatted_date(value: date, pattern: str = "DATE_FORMAT") -> str:
    """`value` written with `pattern`, a format's name ("DATE_FORMAT", resolved in the active
    language) or Django's format characters ("l j F"), as Django's `date_format` writes it,
    except that French writes the first of the month as an ordinal ("1er février 2011").
    A `datetime` is written as it is given (the template filter localises it first)."""
    return date_format(value, pattern_for(value, pattern))


def pattern_for(value, pattern: str | None = None) -> str:
    """The format characters that write `value` in the active language: `pattern` (a format's
    name, resolved by `get_format`, or format characters; DATE_FORMAT if none) with, in
    French on the first of a month, the day `j` as the literal "1er"."""
    written = get_format(pattern or "DATE_FORMAT")
    if getattr(value, "day", None) == 1 and _french():
        return _first_as_ordinal(written)
    return written


def _first_as_ordinal(pattern: str) -> str:
    """`pattern` with every unescaped `j` (the day without a leading zero) replaced by an
    escaped "1er"; backslash-escaped characters are left as they are."""
    out = []
    escaped = False
    for char in pattern:
        if escaped:
            out.append(char)
            escaped = False
        elif char == "\\":
            out.append(char)
            escaped = True
        elif char == "j":
            out.append(r"\1\e\r")
        else:
            out.append(char)
    return "".join(out)


def day(value: date) -> str:
    """A day in the active language's long format (en "30 April 2021", fr "30 avril 2021",
    and "1er février 2021": French writes the first of the month as an ordinal)."""
    return formatted_date(value, "DATE_FORMAT")


def month_day(value: date) -> str:
    """A day and month in the active language (en "30 April", fr "1er février")."""
    return formatted_date(value, "MONTH_DAY_FORMAT")


def weekday_and_day(value: date) -> str:
    """The weekday, then the long date (en "Tuesday 1 February 2011", fr "mardi 1er février
    2011")."""
    return f"{date_format(value, 'l')} {day(value)}"


def weekday_and_month_day(value: date) -> str:
    """The weekday, then the day and month (en "Wednesday 25 November", fr "mercredi 25
    novembre"), as a programme of work heads its days."""
    return f"{date_format(value, 'l')} {month_day(value)}"


def period(start: date, end: date) -> str:
    """A period from `start` to `end` in the active language, its first day repeating only
    what the last day does not share (rules.deadlines.period_shape): en "6-13 February 2020",
    "29 May-4 June 2020"; fr "1er-3 février 2021"; es "6 a 13 de febrero de 2020"; zh
    "2020年2月6日至13日". Each language's PERIOD_FORMATS (plenary/formats/<language>) gives
    the first day's format, what comes between and the last day's format per shape."""
    shape = period_shape(start, end)
    if shape == "one_day":
        return day(end)
    first, between, last = get_format("PERIOD_FORMATS")[shape]
    return f"{formatted_date(start, first)}{between}{formatted_date(end, last)}"


def day_of_month(value: date) -> str:
    """The day's number as a span's first day writes it (fr "1er" for the first)."""
    return "1er" if value.day == 1 and _french() else str(value.day)


def _french() -> bool:
    return (get_language() or "en").lower().split("-")[0] == "fr"


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
