"""A record's text in the reader's language, or its original with a mark saying which.

`{{ meeting|in_reader_language:"title" }}` writes the text in an element carrying its
`lang` (so a screen reader switches voice), and after a text standing in for a missing
translation a small "(English)" in the reader's language; `|text_in_reader_language`
gives the plain words (for a page's <title> or an attribute).
"""

from django import template
from django.utils.html import format_html

from plenary.core.translations import language_name, reader_language, text_in

register = template.Library()


@register.filter
def in_reader_language(record, field: str):
    text = text_in(record, field, reader_language())
    if not text.fallback:
        return format_html('<span lang="{}">{}</span>', text.language, text.text)
    return format_html(
        '<span lang="{}">{}</span> <small class="original-language">({})</small>',
        text.language,
        text.text,
        language_name(text.language),
    )


@register.filter
def text_in_reader_language(record, field: str) -> str:
    return text_in(record, field, reader_language()).text
