"""A translation supplied by a test, never by the committed catalogues.

`with_translations(settings, tmp_path, "fr", {("CCM convention file", "annual report"):
"..."})` compiles the entries into a catalogue of the test's own, put first in
LOCALE_PATHS (Django drops its loaded translations when the setting changes, and again when
the `settings` fixture restores it), so that a test can show what a page, a reminder or a
draft says once the lead's translators have translated a message, without editing a .po.
"""

from pathlib import Path

import polib
from django.utils.translation import to_locale

# The plural rule of each language, as the committed catalogues state it.
PLURAL_FORMS = {
    "fr": "nplurals=2; plural=(n > 1);",
    "es": "nplurals=2; plural=(n != 1);",
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
    "(n%100<10 || n%100>=20) ? 1 : 2);",
    "ar": "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 "
    ": n%100>=11 && n%100<=99 ? 4 : 5;",
    "zh-hans": "nplurals=1; plural=0;",
}


def with_translations(
    settings, directory: Path, language: str, entries: dict[tuple[str, str], str]
) -> None:
    """Translate each `(context, message)` of `entries` into `language` for this test."""
    catalogue = polib.POFile()
    catalogue.metadata = {
        "Content-Type": "text/plain; charset=UTF-8",
        "Language": to_locale(language),
        "Plural-Forms": PLURAL_FORMS[language],
    }
    for (context, message), translation in entries.items():
        catalogue.append(polib.POEntry(msgctxt=context, msgid=message, msgstr=translation))
    locale = directory / "test-locale"
    folder = locale / to_locale(language) / "LC_MESSAGES"
    folder.mkdir(parents=True, exist_ok=True)
    catalogue.save_as_mofile(str(folder / "django.mo"))
    settings.LOCALE_PATHS = [locale, *settings.LOCALE_PATHS]


def without_translations(
    settings, directory: Path, language: str, entries: list[tuple[str, str]]
) -> None:
    """Stand for a catalogue that lacks each `(context, message)` of `entries` in
    `language`, whatever the committed catalogues hold: the test's own catalogue gives the
    English itself, which core/convention_texts.py reads as no translation (gettext's own
    answer for a message it lacks)."""
    with_translations(settings, directory, language, {entry: entry[1] for entry in entries})
