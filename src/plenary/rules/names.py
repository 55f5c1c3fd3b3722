"""States' names as the UN writes and orders them.

A list of participants names each State as the UN called it on the day of the
meeting ("Czech Republic" in 2020, "Czechia" later) and orders the names the UN's
way: alphabetically by the English short name, accents ignored ("Côte d'Ivoire"
comes between "Costa Rica" and "Croatia").

In the other UN languages names are ordered by that language's collation: ICU's (through
PyICU), which follows the Unicode CLDR. French ignores accents at the first level
("Égypte" among the E), Arabic and Russian follow their alphabets, and Chinese is in
pinyin order, CLDR's default for Chinese ("阿富汗" Afuhan, "巴西" Baxi, "德国" Deguo, ...,
"中国" Zhongguo).
"""

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache

import icu


@dataclass(frozen=True)
class FormerName:
    name: str
    used_until: date | None  # the date the UN began using the next name, if sourced
    seen_in_use_on: date | None  # the latest sourced use, when the change is undated


def un_alphabetical_key(name: str) -> tuple[str, str]:
    """Sort key of the UN's alphabetical order: letters without accents, case ignored."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return (bare.casefold(), name)


@cache
def _collator(language: str) -> icu.Collator:
    return icu.Collator.createInstance(icu.Locale.forLanguageTag(language))


def collation_key(language: str) -> Callable[[str], object]:
    """Sort key for names in `language` (a Django language code: "fr", "zh-hans"):
    the UN's alphabetical order in English, the language's ICU collation otherwise."""
    if language.split("-")[0].lower() == "en":
        return un_alphabetical_key
    collator = _collator(language.lower())
    return lambda name: (collator.getSortKey(name), name)


def name_on(*, current: str, former: Iterable[FormerName], on: date) -> str:
    """The name in use on `on`: the earliest former name still in use then, else `current`."""
    in_use = [
        (end, name.name)
        for name in former
        for end in [_last_known_use(name)]
        if end is not None and on <= end
    ]
    return min(in_use)[1] if in_use else current


def _last_known_use(name: FormerName) -> date | None:
    if name.used_until is not None:
        return date.fromordinal(name.used_until.toordinal() - 1)
    return name.seen_in_use_on
