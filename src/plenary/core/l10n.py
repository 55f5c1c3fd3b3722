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


def amount(value: Decimal | float | int) -> str:
    """An amount with two decimals and the active language's separators."""
    return number_format(value, decimal_pos=2, use_l10n=True, force_grouping=True)
