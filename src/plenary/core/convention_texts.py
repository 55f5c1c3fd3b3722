"""A convention file's texts in the reader's language, or in English marked as such.

A convention file (`data/conventions/<slug>.toml`) holds two kinds of text a reader sees
(docs/architecture.md, "Convention texts"):

- the convention's official names, facts: the file gives them language by language, each
  with its source (`[names.fr]`); where it gives none the English name stands in;
- plenary's own labels (an obligation's title, a meeting kind, the secretariat's address):
  interface text, English in the file, translated by the catalogue under the context
  `rules.label_context` ("CCM convention file"); `make messages` extracts them
  (scripts/messages.py) and `label` looks them up when read.

Both answer a `core.translations.Text`: the words, their language, and whether they stand
in for a missing translation, so that a page marks the English with lang="en" and
"(English)" as it does for any record's text, and a plain-text e-mail writes the words
alone. `lazy_name` gives the name as a string resolved when rendered, for a notice's
context, which is rendered later in its recipient's language.
"""

from django.utils import translation
from django.utils.functional import lazy
from django.utils.translation import pgettext

from plenary.core.translations import Text, reader_language
from plenary.rules.conventions import RuleSet

SOURCE_LANGUAGE = "en"

# The fields `text_of` (and so `{{ convention|in_reader_language:"..." }}`) reads.
FIELDS = {
    "depositary": lambda rules: rules.depositary.name,
    "secretariat_name": lambda rules: rules.secretariat.name,
    "secretariat_address": lambda rules: rules.secretariat.address,
    "record_note": lambda rules: rules.record.note,
    "provisional_applies": lambda rules: (
        rules.provisional_application.applies if rules.provisional_application else ""
    ),
}


def name(rules: RuleSet, *, short: bool = False, language: str | None = None) -> Text:
    """The convention's official name (full, or `short`) in `language` (the reader's by
    default) where its file gives it, else the English name marked as standing in."""
    language = language or reader_language()
    given = rules.names_given_in(language)
    if given is not None:
        return Text(given.short if short else given.full, language, fallback=False)
    english = rules.names_in(SOURCE_LANGUAGE)
    return Text(
        english.short if short else english.full,
        SOURCE_LANGUAGE,
        fallback=language != SOURCE_LANGUAGE,
    )


def label(rules: RuleSet, text: str, *, language: str | None = None) -> Text:
    """One of the file's labels (`text`, as the file writes it in English) in `language`
    (the reader's by default): the catalogue's translation under the file's context, else
    the English marked as standing in. A translation spelled as the English reads as
    missing: the words are right either way, only the mark may be too much."""
    language = language or reader_language()
    if not text or language == SOURCE_LANGUAGE:
        return Text(text, SOURCE_LANGUAGE, fallback=False)
    with translation.override(language):
        translated = pgettext(rules.label_context, text)
    if translated and translated != text:
        return Text(translated, language, fallback=False)
    return Text(text, SOURCE_LANGUAGE, fallback=True)


def text_of(rules: RuleSet, field: str, language: str | None = None) -> Text:
    """`field` of the convention in `language`: "name" and "short" (the official
    names, full and short) or one of FIELDS (labels)."""
    if field == "name":
        return name(rules, language=language)
    if field == "short":
        return name(rules, short=True, language=language)
    return label(rules, FIELDS[field](rules), language=language)


def _name_now(rules: RuleSet) -> str:
    return name(rules).text


# Resolved when rendered: a notice's context is made in the request's language and rendered
# in its recipient's (core/notices.py).
lazy_name = lazy(_name_now, str)
