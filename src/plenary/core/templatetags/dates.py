"""The pages' `date` filter: Django's, except that French writes the first of the month as an
ordinal ("le 1er février 2011", as the UN's French does), which Django's French formats
cannot say.

A builtin (settings.TEMPLATES "builtins"), so it replaces Django's `date` in every template
without a `{% load %}`; named formats (`date:"DATE_FORMAT"`) and format characters
(`date:"l j F"`) alike go through `core.l10n.pattern_for`, the one place Python code's dates
(`l10n.day`, `l10n.formatted_date`) go through too.
"""

from django import template
from django.template import defaultfilters

from plenary.core import l10n

register = template.Library()


@register.filter(expects_localtime=True, is_safe=False)
def date(value, arg=None):
    """`value` in the format `arg` (DATE_FORMAT if none) of the active language."""
    if value in (None, ""):
        return ""
    return defaultfilters.date(value, l10n.pattern_for(value, arg))
