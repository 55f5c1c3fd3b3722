"""Lists of States in the reader's order.

`{% for a in procedure.addressees.all|in_name_order:"state" %}` orders the addressees by
their State's name in the active language, as that language orders names (core/l10n.py:
the UN's alphabetical order in English, ICU's collation otherwise). Sorting what is
already fetched adds no query."""

from django import template

from plenary.core import l10n

register = template.Library()


@register.filter
def in_name_order(items, attribute: str = ""):
    """`items` by the name (`str`) of each one, or of its `attribute` (a State)."""
    if not attribute:
        return l10n.in_name_order(items)
    return l10n.in_name_order(items, lambda item: str(getattr(item, attribute)))
