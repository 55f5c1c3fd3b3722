"""Content in several languages: a record's text in the reader's language, or its original.

A record that people write in several languages (a meeting's title, an agenda item, a
consultation's question, an action of a plan) keeps its text as written in the record's
`original_language`, and the other languages in one JSON column, `translations`:
`{"fr": {"title": "..."}, "es": {"title": "..."}}`. The column sits on the record's own row,
so reading a translation costs no query, and django-simple-history keeps every change with
the row. `text_in` gives the reader's text, or the original marked as such; `merged` is
the one check of a change, used by every app's `set_*_translations` service.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _

from plenary.core.validation import invalid

UNKNOWN_LANGUAGE = _("{language!r} is not one of the languages of the site ({choices})")
ORIGINAL_NOT_A_TRANSLATION = _(
    "the original is written in {language}: change the text itself, not a translation"
)
TOO_LONG = _("the {language} text has {length} characters; at most {limit} are accepted")


def languages() -> list[str]:
    """The codes of settings.LANGUAGES, in their order (en, fr, es, ...)."""
    return [code for code, _name in settings.LANGUAGES]


def reader_language() -> str:
    """The active language, as one of settings.LANGUAGES (zh-hans for zh-Hans, en for en-gb)."""
    active = (get_language() or settings.LANGUAGE_CODE).lower()
    codes = languages()
    if active in codes:
        return active
    base = active.split("-")[0]
    return base if base in codes else settings.LANGUAGE_CODE


def language_name(code: str) -> str:
    """The language's name in the reader's language ("French", "français" in French)."""
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


@dataclass(frozen=True)
class Text:
    """A text as the reader gets it: its words, their language, and whether it stands in
    for a translation that is missing (then `language` is the record's original)."""

    text: str
    language: str
    fallback: bool

    def __str__(self) -> str:
        return self.text

    def __bool__(self) -> bool:
        return bool(self.text)


def text_in(record, field: str, language: str | None = None) -> Text:
    """`record`'s `field` in `language` (the reader's by default), else its original.
    A record whose texts come from elsewhere (a convention's, from its file) answers
    through its own `text_in`."""
    language = language or reader_language()
    own = getattr(type(record), "text_in", None)
    if own is not None:
        return own(record, field, language)
    original = record.original_language
    if language != original:
        translated = (record.translations or {}).get(language, {}).get(field, "")
        if translated:
            return Text(translated, language, fallback=False)
    return Text(getattr(record, field), original, fallback=language != original)


def translations_of(record, field: str) -> dict[str, str]:
    """`{"fr": "...", "es": "..."}`: the languages `field` is translated into (for the API)."""
    return {
        language: texts[field]
        for language, texts in sorted((record.translations or {}).items())
        if texts.get(field)
    }


def check_language(value: str, field: str) -> str:
    """Refuse, on `field`, a language that is not one of settings.LANGUAGES."""
    if value not in languages():
        raise invalid(
            field, UNKNOWN_LANGUAGE.format(language=value, choices=", ".join(languages()))
        )
    return value


def merged(
    record,
    changes: Mapping[str, Mapping[str, str]],
    *,
    original_language: str | None = None,
    limits: Mapping[str, int] | None = None,
) -> tuple[str, dict]:
    """The record's original language and translations after `changes`
    (`{"title": {"fr": "...", "es": ""}}`): each text given replaces that language's, a
    blank one removes it, languages not named stay as they were.

    Refused, on `<field>_translations`: a language not in settings.LANGUAGES, a
    translation into the original's own language, a text longer than the field allows.
    `original_language` (on its field) changes the language the record's text is written in.
    """
    original = record.original_language
    if original_language:
        original = check_language(original_language, "original_language")
    result = {lang: dict(texts) for lang, texts in (record.translations or {}).items()}
    for field, texts in changes.items():
        key = f"{field}_translations"
        limit = (limits or {}).get(field)
        for language, text in texts.items():
            check_language(language, key)
            text = (text or "").strip()
            if text and language == original:
                raise invalid(
                    key, ORIGINAL_NOT_A_TRANSLATION.format(language=language_name(language))
                )
            if limit and len(text) > limit:
                raise invalid(
                    key,
                    TOO_LONG.format(
                        language=language_name(language), length=len(text), limit=limit
                    ),
                )
            if text:
                result.setdefault(language, {})[field] = text
            else:
                result.get(language, {}).pop(field, None)
    # The original's own language holds no translation (after a change of original).
    result.pop(original, None)
    return original, {lang: texts for lang, texts in sorted(result.items()) if texts}
