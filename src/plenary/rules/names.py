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

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
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


# States' names in running French and Spanish. UNTERM writes a short name with the
# article it takes in brackets ("Pérou (le)", "Allemagne (l')", "Perú (el)", "Francia":
# none); a name with another qualifier in brackets ("Bolivie (État plurinational de)") is
# said in running text as its formal name says it ("l'État plurinational de Bolivie").
ARTICLES = {"fr": ("le", "la", "l'", "les"), "es": ("el", "la", "los", "las")}
# de + le = du, à + les = aux, de + el = del, a + el = al.
_CONTRACTED = {
    ("fr", "de", "le"): "du",
    ("fr", "de", "les"): "des",
    ("fr", "à", "le"): "au",
    ("fr", "à", "les"): "aux",
    ("es", "de", "el"): "del",
    ("es", "a", "el"): "al",
}
_VOWELS = "aeiouyàâäéèêëîïôöùûüÿœæh"
_BRACKETED = re.compile(r"^(?P<name>.+?) \((?P<inside>[^()]+)\)$")


def _apostrophes(text: str) -> str:
    return text.replace("\u2019", "'")


def _unmarked(text: str) -> str:
    """UNTERM's name without its trailing mark ("Saint-Siège (le) *": a non-member
    observer State; "Nioué **")."""
    return text.rstrip("* ").strip()


@dataclass(frozen=True)
class InText:
    """A State's name in running French or Spanish: the name, the article it takes ("" for
    none), and the name as a list writes it (`listed`: "Pérou", "Bolivie (État
    plurinational de)")."""

    language: str
    name: str
    article: str = ""
    listed: str = ""

    def __str__(self) -> str:
        return self.with_article

    @property
    def with_article(self) -> str:
        """ "le Pérou", "l'Allemagne", "les Pays-Bas", "Cuba"; "el Perú", "Francia"."""
        if not self.article:
            return self.name
        if self.article.endswith("'"):
            return f"{self.article}{self.name}"
        return f"{self.article} {self.name}"

    def _after(self, word: str) -> str:
        contracted = _CONTRACTED.get((self.language, word, self.article))
        if contracted:
            return f"{contracted} {self.name}"
        # French elides "de" and "que" before a vowel or a mute h: "d'Israël", "d'Haïti"
        # (UNTERM's formal names write so; no French name without an article begins
        # with an aspirated h).
        elided = self.language == "fr" and word in ("de", "que")
        if elided and not self.article and self.name[:1].lower() in _VOWELS:
            return f"{word[:-1]}'{self.name}"
        return f"{word} {self.with_article}"

    @property
    def with_de(self) -> str:
        """ "du Pérou", "de l'Allemagne", "des Pays-Bas", "de la France", "de Cuba",
        "d'Israël"; "del Perú", "de los Países Bajos", "de Francia"."""
        return self._after("de")

    @property
    def with_a(self) -> str:
        """ "au Pérou", "à l'Allemagne", "aux Pays-Bas", "à Cuba"; "al Perú", "a Francia"."""
        return self._after("à" if self.language == "fr" else "a")

    @property
    def with_que(self) -> str:
        """ "que le Pérou", "qu'Israël"; "que el Perú"."""
        return self._after("que")


def in_text(short: str, *, language: str, formal: str = "") -> InText | None:
    """UNTERM's short name (`short`, "Pérou (le)") in running text in `language` (fr or
    es). A name with a qualifier in brackets ("Bolivie (État plurinational de)") takes
    the formal name's words where the formal name is that qualifier before the name with
    an article ("l'État plurinational de Bolivie"); else None, as for a language other
    than French and Spanish: the name cannot be put in a sentence from these."""
    articles = ARTICLES.get(language)
    short = _unmarked(short)
    if articles is None or not short:
        return None
    bracketed = _BRACKETED.match(short)
    if bracketed is None:
        return InText(language, short, "", short)
    if bracketed["inside"].strip() in articles:
        return InText(language, bracketed["name"], bracketed["inside"].strip(), bracketed["name"])
    return _qualified(short, language=language, formal=formal)


def _qualified(listed: str, *, language: str, formal: str) -> InText | None:
    """ "Bolivie (État plurinational de)" as its formal name says it, "l'État plurinational
    de Bolivie", where the formal name is the qualifier before the name, with an article."""
    bracketed = _BRACKETED.match(_unmarked(listed))
    formal = _unmarked(formal)
    if bracketed is None or not formal:
        return None
    name, inside = bracketed["name"], bracketed["inside"].strip()
    joined = f"{inside}{name}" if _apostrophes(inside).endswith("'") else f"{inside} {name}"
    for article in ARTICLES.get(language, ()):
        said = f"{article}{joined}" if article.endswith("'") else f"{article} {joined}"
        if _apostrophes(formal) == _apostrophes(said):
            return InText(language, formal[len(formal) - len(joined) :], article, listed)
    return None


def in_text_of(listed: str, *, language: str, short: str, formal: str = "") -> InText | None:
    """The name a document lists (`listed`: the name in use on its date) in running text,
    from UNTERM's short and formal names: UNTERM's article where its short name is that
    name (apostrophes aside), the formal name's words where `listed` carries a qualifier
    the formal name confirms ("Pays-Bas (Royaume des)", "le Royaume des Pays-Bas"); None
    where UNTERM names it otherwise (a former name, another spelling)."""
    found = in_text(short, language=language, formal=formal)
    if found is not None and _apostrophes(found.listed) == _apostrophes(listed):
        return found
    return _qualified(listed, language=language, formal=formal)


@dataclass(frozen=True)
class StateName:
    """A State as a drafted document names it: its English name (`str()`, what the
    English wording writes and what stands in, marked, where nothing else is known) and
    its forms in running text by language (`in_text`), where UNTERM gives them."""

    english: str
    in_text: dict[str, InText] = field(default_factory=dict, hash=False, compare=False)

    def __str__(self) -> str:
        return self.english

    def in_language(self, language: str | None) -> InText | None:
        """Its forms in running text in `language` ("fr", "fr-ch", "es"), if known."""
        return self.in_text.get((language or "").lower().split("-")[0])
