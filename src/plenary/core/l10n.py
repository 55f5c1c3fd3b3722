"""Dates and amounts in the active language, for texts built in Python (reminders, notices).

Templates use Django's `date:"DATE_FORMAT"` filter; these are the same formats for code that
writes a sentence itself, under `translation.override(<the reader's language>)`.
"""

from datetime import date
from decimal import Decimal

from django.utils.formats import date_format, number_format


def day(value: date) -> str:
    """A day in the active language's long format (en "30 April 2021", fr "30 avril 2021")."""
    return date_format(value, "DATE_FORMAT")


def amount(value: Decimal | float | int, places: int = 2) -> str:
    """An amount with `places` decimals and the active language's separators (the pages'
    `|amount` filter, core/templatetags/numbers.py, writes the same)."""
    return number_format(value, decimal_pos=places, use_l10n=True, force_grouping=True)
