"""Amounts written the reader's way: `{{ payment.amount|amount }}` gives "1,234,567.89" in
English, "1 234 567,89" in French and Russian, "1.234.567,89" in Arabic (Django's formats
with plenary/formats/<language>). Years and counts stay plain: grouping is not switched
on for every number (USE_THOUSAND_SEPARATOR), only for amounts."""

from decimal import Decimal, InvalidOperation

from django import template

from plenary.core import l10n

register = template.Library()


@register.filter
def amount(value, places: int = 2):
    """`value` with the active language's decimal and thousands separators and `places`
    decimals; anything not a number (None, "") is returned as it is."""
    if value is None or value == "":
        return value
    try:
        number = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return value
    return l10n.amount(number, places=int(places))
