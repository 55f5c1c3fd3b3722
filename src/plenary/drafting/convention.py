"""What drafted documents say about their convention, read from its rules.

Templates see `convention` as a `ConventionWords`: the convention's name in the
document's language, its dates and article numbers, its depositary and secretariat.
Everything is read from the convention file's rules (`plenary.rules.conventions`);
what the file does not give is empty, and `content` turns it into a visible
`[Missing: ...]` note instead of writing another convention's words.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

FALLBACK_LANGUAGE = "en"


@dataclass(frozen=True)
class ConventionWords:
    short_name: str
    name: str
    opened_for_signature: date | None
    transparency_article: str
    annual_report_due: tuple[int, int] | None
    depositary: str
    secretariat_name: str
    secretariat_address: str
    secretariat_email: str
    rules: Any

    @property
    def slug(self) -> str:
        return self.short_name.lower()


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list | tuple):
        return ", ".join(str(line) for line in value if line)
    return str(value)


def _in_language(value: Any, language: str) -> Any:
    """A value given per language (a mapping of language codes), else the value itself."""
    if isinstance(value, Mapping):
        return value.get(language) or value.get(FALLBACK_LANGUAGE)
    return value


def _name(rules: Any, language: str) -> str:
    names = _in_language(getattr(rules, "names", None), language)
    if names is not None:
        full = names if isinstance(names, str) else getattr(names, "full", None)
        if full:
            return _text(_in_language(full, language))
    return _text(_in_language(getattr(rules, "name", ""), language)) or rules.short_name


def _article(rules: Any, kind: str, legacy: str) -> str:
    """The article number of an obligation kind (`rules.obligation(kind).article`), or
    the RuleSet attribute it had before obligations were data."""
    if hasattr(rules, legacy):
        return _text(getattr(rules, legacy))
    lookup = getattr(rules, "obligation", None)
    if callable(lookup):
        try:
            return _text(getattr(lookup(kind), "article", ""))
        except (KeyError, LookupError, ValueError):
            return ""
    return ""


def _party(rules: Any, attribute: str, language: str) -> Any:
    return _in_language(getattr(rules, attribute, None), language)


def convention_words(rules: Any, *, language: str) -> ConventionWords:
    """The words of a convention's rules that drafted documents use (read defensively:
    a convention file without a depositary or secretariat gives empty strings)."""
    secretariat = _party(rules, "secretariat", language)
    depositary = _party(rules, "depositary", language)
    return ConventionWords(
        short_name=rules.short_name,
        name=_name(rules, language),
        opened_for_signature=getattr(rules, "opened_for_signature", None),
        transparency_article=_article(rules, "annual_report", "transparency_article"),
        annual_report_due=getattr(rules, "annual_report_due", None),
        depositary=_text(_in_language(getattr(depositary, "name", depositary), language)),
        secretariat_name=_text(_in_language(getattr(secretariat, "name", ""), language)),
        secretariat_address=_text(_in_language(getattr(secretariat, "address", ""), language)),
        secretariat_email=_text(getattr(secretariat, "email", "")),
        rules=rules,
    )


def obligation_kind(obligation: Any, rules: Any) -> str:
    """An obligation's neutral code (`stockpile_destruction`, `clearance`): its `kind`,
    or, before obligations stored it, the kind its article number stands for."""
    kind = getattr(obligation, "kind", "")
    if kind:
        return kind
    return (
        "stockpile_destruction"
        if str(obligation.article) == _article(rules, "stockpile_destruction", "stockpile_article")
        else "clearance"
    )


def obligation_article(obligation: Any, rules: Any) -> str:
    """The obligation's article number in its convention."""
    if getattr(obligation, "kind", ""):
        legacy = {
            "stockpile_destruction": "stockpile_article",
            "clearance": "clearance_article",
        }.get(obligation.kind, "")
        return _article(rules, obligation.kind, legacy)
    return str(obligation.article)
