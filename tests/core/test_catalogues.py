"""Every language of settings.LANGUAGES other than English has a complete catalogue
(src/plenary/locale/<lang>/LC_MESSAGES/django.po), up to date with the sources (issue #27).

Complete: no entry untranslated, none fuzzy, none left as its English outside the names
and acronyms of SAME_IN_EVERY_LANGUAGE. Up to date: extracting the sources afresh
(`make messages`, scripts/messages.py) finds exactly the catalogue's messages.
"""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils.translation import to_locale
from scripts import messages

LOCALE = Path(__file__).resolve().parents[2] / "src" / "plenary" / "locale"
LANGUAGES = [to_locale(code) for code, _name in settings.LANGUAGES if code != "en"]

# Messages that read the same in every language: names, acronyms, formats.
SAME_IN_EVERY_LANGUAGE = frozenset(
    {
        "plenary",
        "API",
        "CCM",
        "APMBC",
        "ISU",
        "ISO",
        "OpenAPI",
        "CSV",
        "PDF",
        "URL",
        "E-mail",
        "Word (.docx)",
    }
)
# Words spelled alike in English and in the language, each confirmed by its translator and a
# reviewer (a French "Document" is a document): listed per language, so that any other
# message left in English still fails.
SAME_IN_THE_LANGUAGE = {
    "fr": frozenset(
        {
            "Question %(number)s. %(text)s",
            "Source",
            "source",
            "Questions",
            "Question",
            "%(count)s question",
            "%(count)s coordination",
            "%(count)s participation",
            "%(count)s obligation",
            "Code",
            "Section",
            "Action %(number)s",
            "Action",
            "Contributions",
            "contributions",
            "Document",
            "Documents",
            "%(n)s document.",
            "Plan",
            "Organisation",
            "Convention",
            "Conventions",
            "Obligation",
            "Obligations",
            "Observations",
            "objection",
            "%(count)d minute",
            "Article",
            "original",
            "Position",
            "position %(n)s",
            "Annexes",
            "Signature",
            "signature",
            "I. Introduction",
            "Date",
            "Dates",
            "Note",
            "Note verbale",
            "note verbale",
            "Total",
            "Description",
            "Format",
            "Public",
            "Version",
            "Versions",
            "Version %(n)s",
            "%(report)s, version %(number)s",
            "ratification",
            "succession",
            "initial",
            "Condition",
        }
    ),
    "es": frozenset({"no", "No", "Plan", "original", "Total", "virtual", "Error"}),
}
PLACEHOLDERS = re.compile(r"%\([^)]*\)[a-z]|\{[^}]*\}")


def _catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))


def _key(entry: polib.POEntry) -> tuple[str, str, str]:
    return (entry.msgctxt or "", entry.msgid, entry.msgid_plural or "")


def _translations(entry: polib.POEntry) -> list[str]:
    if entry.msgid_plural:
        return list(entry.msgstr_plural.values())
    return [entry.msgstr]


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_has_no_untranslated_entry(language):
    catalogue = _catalogue(language)
    assert [e.msgid for e in catalogue if not e.obsolete and not all(_translations(e))] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_has_no_fuzzy_entry(language):
    assert [e.msgid for e in _catalogue(language) if not e.obsolete and e.fuzzy] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_has_no_translation_left_in_english(language):
    left = [
        e.msgid
        for e in _catalogue(language)
        if not e.obsolete
        and e.msgid not in SAME_IN_EVERY_LANGUAGE
        and e.msgid not in SAME_IN_THE_LANGUAGE.get(language, ())
        and re.search(r"[A-Za-z]", PLACEHOLDERS.sub("", e.msgid))
        and any(t == e.msgid or t == e.msgid_plural for t in _translations(e))
    ]
    assert left == []


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """A fresh extraction of the sources, for the first language (the messages are the
    same for every language)."""
    locale = messages.extract(tmp_path_factory.mktemp("messages"), LANGUAGES[:1])
    return polib.pofile(str(locale / LANGUAGES[0] / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_is_up_to_date_with_the_sources(language, extracted):
    fresh = {_key(e) for e in extracted if not e.obsolete}
    committed = {_key(e) for e in _catalogue(language) if not e.obsolete}
    assert (sorted(fresh - committed), sorted(committed - fresh)) == ([], [])
