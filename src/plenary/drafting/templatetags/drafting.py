"""Filters the drafting templates use: dates and lists the way UN documents write them."""

from datetime import date, timedelta

from django import template
from django.utils import formats
from django.utils.translation import get_language

from plenary.core import l10n
from plenary.core.templatetags import numbers
from plenary.core.translations import Text, text_in
from plenary.rules import prose
from plenary.rules.deadlines import long_date, period

register = template.Library()

ORDINALS = [
    "", "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth",
    "Tenth", "Eleventh", "Twelfth", "Thirteenth", "Fourteenth", "Fifteenth",
]  # fmt: skip
NUMBERS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve",
]  # fmt: skip
# Names the UN writes with "the" in running text (UNTERM short names).
WITH_ARTICLE = {
    "Bahamas", "Central African Republic", "Comoros", "Congo", "Czech Republic",
    "Democratic People's Republic of Korea", "Democratic Republic of the Congo",
    "Dominican Republic", "Gambia", "Holy See", "Lao People's Democratic Republic",
    "Marshall Islands", "Netherlands", "Netherlands (Kingdom of the)", "Niger", "Philippines",
    "Republic of Korea", "Republic of Moldova", "Russian Federation", "Solomon Islands",
    "Sudan", "Syrian Arab Republic", "United Arab Emirates",
    "United Kingdom of Great Britain and Northern Ireland",
    "United Republic of Tanzania", "United States of America", "State of Palestine",
}  # fmt: skip


@register.filter
def un_date(day: date | None) -> str:
    """25 November 2020."""
    return long_date(day) if day else ""


@register.filter
def day_month(day: date | None) -> str:
    """25 November."""
    return f"{day.day} {day:%B}" if day else ""


@register.filter
def weekday_date(day: date | None) -> str:
    """Friday 9 October 2020."""
    return f"{day:%A} {day.day} {day:%B %Y}" if day else ""


def _language() -> str:
    """The document's language (`wording.render` renders under it), without a region."""
    return (get_language() or "en").lower().split("-")[0]


# "from ... to ...", "on ..." in French and Spanish: "du 25 au 27 novembre 2020", "le 8 juin
# 2020"; "del 25 al 27 de noviembre de 2020", "el 8 de junio de 2020".
_SPAN_WORDS = {"fr": ("du", "au", "le"), "es": ("del", "al", "el")}


@register.filter
def from_to(span) -> str:
    """(start, end) as "from 29 May to 4 June 2020", "from 6 to 13 February 2020", or
    "on 8 June 2020"; in French "du 29 mai au 4 juin 2020", "du 1er au 3 février 2021",
    "le 8 juin 2020", in Spanish "del 29 de mayo al 4 de junio de 2020"."""
    start, end = span
    words = _SPAN_WORDS.get(_language())
    if words is not None:
        since, until, on = words
        if start == end:
            return f"{on} {local_date(end)}"
        return f"{since} {local_start(span)} {until} {local_date(end)}"
    if start == end:
        return f"on {un_date(end)}"
    if start.year != end.year:
        return f"from {un_date(start)} to {un_date(end)}"
    if start.month != end.month:
        return f"from {start.day} {start:%B} to {un_date(end)}"
    return f"from {start.day} to {un_date(end)}"


@register.filter
def dash_span(span) -> str:
    """(start, end) as "25-27 November 2020"."""
    return period(*span)


@register.filter
def listing(items) -> str:
    """A, B, and C (the serial comma, as the report lists States); in French "A, B et C",
    in Spanish "A, B y C"."""
    return prose.join_in([str(item) for item in items], language=_language(), serial_comma=True)


@register.filter
def plain_listing(items) -> str:
    """A, B and C; "A, B et C", "A, B y C"."""
    return prose.join_in([str(item) for item in items], language=_language())


@register.filter
def ordinal(number: int | None, gender: str = "f") -> str:
    """ "Second"; before a noun of `gender` ("f", "m") in French and Spanish: "Deuxième",
    "Première", "Premier"; "Segunda", "Primer"."""
    found = prose.ordinal_in(number or 0, language=_language(), gender=gender)
    if found is not None:
        return found
    return ORDINALS[number] if number and number < len(ORDINALS) else f"{number}th"


@register.filter
def ordinal_lower(number: int | None, gender: str = "f") -> str:
    """ "second"; "deuxième", "première"; "segunda"."""
    return ordinal(number, gender).lower()


@register.filter
def in_words(number: int, gender: str = "f") -> str:
    """ "nine"; before a noun of `gender` in French and Spanish: "neuf", "une"; "una"."""
    found = prose.number_in(number, language=_language(), gender=gender)
    if found is not None:
        return found
    return NUMBERS[number] if 0 <= number < len(NUMBERS) else str(number)


@register.filter
def in_text(name) -> str:
    """A State's name in running text: "the Netherlands"."""
    name = str(name)
    return f"the {name}" if name in WITH_ARTICLE else name


@register.filter
def capfirst_text(name: str) -> str:
    text = in_text(name)
    return text[:1].upper() + text[1:]


@register.filter
def names_in_text(items) -> list[str]:
    return [in_text(str(item)) for item in items]


@register.filter
def pair(first, second) -> tuple:
    """`start|pair:end` for the span filters."""
    return (first, second)


@register.filter
def annual_due(ruleset) -> str:
    """The day each year an annual transparency report is due: "30 April"."""
    month, day = ruleset.annual_report_due
    return day_month(date(2000, month, day))


@register.filter
def starts_with(text, prefix) -> bool:
    return bool(prefix) and str(text).startswith(str(prefix))


@register.filter
def index(items, position: int):
    return items[position]


@register.simple_tag(takes_context=True)
def words(context, name: str) -> str:
    """`{% words "report/extension_clearance" %}`: another drafting template, looked up
    for the same convention and language (`wording.template_names`), with this context."""
    from plenary.drafting import wording  # the engine loads this library: import late

    return wording.render(
        context[wording.CONVENTION_KEY], context[wording.LANGUAGE_KEY], name, context.flatten()
    )


def _nth(number: int) -> str:
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


@register.filter
def nth_day_month(day: date | None) -> str:
    """ "8th June": how the President's letters write a day of the year of the letter
    (seeds 001 and 002)."""
    return f"{_nth(day.day)} {day:%B}" if day else ""


@register.filter
def week_relative(day: date | None, on: date | None) -> str:
    """A day as a letter written on `on` says it (seed 000): "earlier this week" (the same
    week, before), "last week" (the week before), else "on 6 November 2020"."""
    if day is None or on is None:
        return ""
    week, last = on.isocalendar()[:2], (on - timedelta(days=7)).isocalendar()[:2]
    if day.isocalendar()[:2] == week and day <= on:
        return "earlier this week"
    if day.isocalendar()[:2] == last:
        return "last week"
    return f"on {long_date(day)}"


@register.filter
def nth_date(day: date | None) -> str:
    """ "29th June 2020"."""
    return f"{nth_day_month(day)} {day.year}" if day else ""


@register.filter
def nth_span(span) -> str:
    """(start, end) as "29th June 2020" or "23rd to 27th November 2020"."""
    start, end = span
    if start == end:
        return nth_date(end)
    if (start.year, start.month) == (end.year, end.month):
        return f"{_nth(start.day)} to {nth_date(end)}"
    if start.year == end.year:
        return f"{nth_day_month(start)} to {nth_date(end)}"
    return f"{nth_date(start)} to {nth_date(end)}"


# Dates and marks in the document's language: `wording.render` renders under
# `translation.override(language)`, so Django's own formats and month names apply
# ("10 décembre 2020", "10 de diciembre de 2020").


@register.filter
def local_date(day: date | None) -> str:
    """The language's long date (Django's DATE_FORMAT): 10 décembre 2020."""
    return l10n.day(day) if day else ""


@register.filter
def local_weekday_date(day: date | None) -> str:
    """The weekday, then the long date: jeudi 10 décembre 2020."""
    return f"{formats.date_format(day, 'l')} {local_date(day)}" if day else ""


@register.filter
def untranslated(text, note: str) -> str:
    """A record's text that exists only in another language, kept as written and marked:
    `{{ meeting.title|untranslated:"en anglais" }}` gives "Second Review Conference (en
    anglais)". No translation is invented. Given a record's text in the document's
    language (`{{ meeting|text_of:"title"|untranslated:"en anglais" }}`), the mark is added
    only where that translation is missing and the original stands in."""
    if isinstance(text, Text):
        if not text.fallback:
            return text.text
        text = text.text
    text = str(text or "")
    return f"{text} ({note})" if text else ""


@register.filter
def text_of(record, field: str) -> Text:
    """A record's `field` in the active language (the document's), else its original
    (core/translations.py)."""
    return text_in(record, field)


@register.simple_tag(takes_context=True)
def own_words(context, name: str) -> str:
    """`{% own_words "note_verbale/costs" %}`: another template in the document's language
    only, or nothing: a convention's article is quoted in the language it was found in,
    never in another language's words."""
    from plenary.drafting import wording

    return wording.render_own_language(
        context[wording.CONVENTION_KEY], context[wording.LANGUAGE_KEY], name, context.flatten()
    )


@register.filter
def annual_due_local(ruleset) -> str:
    """The day each year an annual transparency report is due, in the document's language:
    "30 avril", "30 de abril"."""
    month, day = ruleset.annual_report_due
    return l10n.month_day(date(2000, month, day))


@register.filter
def local_start(span) -> str:
    """The first day of (start, end) as far as it differs from the last, in the document's
    language: "25" (25-27 novembre 2020), "30 novembre", or the whole date."""
    start, end = span
    if (start.year, start.month) == (end.year, end.month):
        return l10n.day_of_month(start)
    if start.year == end.year:
        return l10n.month_day(start)
    return local_date(start)


@register.filter
def local_span(span) -> str:
    """(start, end) as "25-27 novembre 2020", "25-27 de noviembre de 2020"."""
    start, end = span
    if start == end:
        return local_date(end)
    return f"{local_start(span)}-{local_date(end)}"


@register.filter
def amount(value) -> str:
    """An amount as the finance pages write it: two decimals, the language's separators."""
    return numbers.amount(value)


# A State in running French or Spanish (`rules.names.StateName`, `InText`), in the
# document's language (`wording.render` renders under it): "présentée par {{ state|
# with_article:"en anglais" }}". Where UNTERM gives no form of the name then in use, its
# English name stands in, marked as `untranslated` marks it, after the bare word.
_WORDS = {"fr": {"de": "de", "a": "à", "que": "que"}, "es": {"de": "de", "a": "a", "que": "que"}}


def _state_in_text(state, form: str, word: str, note: str) -> str:
    language = (get_language() or "en").lower().split("-")[0]
    found = state.in_language(language) if hasattr(state, "in_language") else None
    if found is not None:
        return getattr(found, form)
    marked = untranslated(state, note)
    if not word or not marked or language not in _WORDS:
        return marked
    return f"{_WORDS[language][word]} {marked}"


@register.filter
def with_article(state, note: str) -> str:
    """ "le Pérou", "l'Allemagne", "Cuba"; "el Perú", "Francia"."""
    return _state_in_text(state, "with_article", "", note)


@register.filter
def with_de(state, note: str) -> str:
    """ "du Pérou", "de l'Allemagne", "des Pays-Bas", "d'Israël"; "del Perú"."""
    return _state_in_text(state, "with_de", "de", note)


@register.filter
def with_a(state, note: str) -> str:
    """ "au Pérou", "à l'Allemagne", "aux Pays-Bas"; "al Perú", "a los Países Bajos"."""
    return _state_in_text(state, "with_a", "a", note)


@register.filter
def with_que(state, note: str) -> str:
    """ "que le Pérou", "qu'Israël"; "que el Perú"."""
    return _state_in_text(state, "with_que", "que", note)


@register.filter
def spanish_and(following) -> str:
    """ "y", or "e" before the sound /i/: `{{ next|spanish_and }} {{ next }}`."""
    return prose.spanish_and(str(following))


@register.filter
def title_words(record, note: str) -> prose.TitleInText:
    """A meeting by its title in running French or Spanish (`rules.prose.title_in_text`):
    `{% with t=meeting|title_words:"en anglais" %}{{ t.the|capfirst }} s'est tenu{{ t.e }}`
    gives "La Deuxième Conférence d'examen s'est tenue". The title is the record's in the
    document's language, else its original, marked (`untranslated`); its article and
    agreement are those of the noun heading it, or, where the title is not in the
    language, of the nouns the kinds of meetings are called (feminine singular)."""
    found = text_of(record, "title")
    return prose.title_in_text(
        untranslated(found, note), language=_language(), known=not found.fallback
    )


@register.filter
def untranslated_each(items, note: str) -> list[str]:
    """Each of a list of records' texts marked as `untranslated` marks one: the names of
    organisations, which the records hold in English only."""
    return [untranslated(item, note) for item in items]
