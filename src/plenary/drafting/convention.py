"""What drafted documents say about their convention, read from its rules.

Templates see `convention` as a `ConventionWords`: the convention's name in the
document's language, its dates and article numbers, its depositary and secretariat.
Everything is read from the convention file's rules (`plenary.rules.conventions`);
what the file leaves empty (an e-mail, say) `content` turns into a visible
`[Missing: ...]` note instead of writing another convention's words.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from plenary.core import convention_texts
from plenary.core.translations import Text
from plenary.rules.conventions import RuleSet


@dataclass(frozen=True)
class ConventionWords:
    short_name: str
    name: str
    opened_for_signature: date | None
    transparency_article: str
    annual_report_due: tuple[int, int] | None
    # The file's labels in the document's language (core/convention_texts.py): a Text, so
    # `|untranslated` marks the English where the catalogue has no translation yet.
    depositary: Text
    secretariat_name: Text
    secretariat_address: Text
    secretariat_email: str
    rules: Any

    @property
    def slug(self) -> str:
        return self.short_name.lower()


def convention_words(rules: RuleSet, *, language: str) -> ConventionWords:
    """The words of a convention's rules that drafted documents use, in `language` where
    the convention file gives them (names) or the catalogue translates them (labels), else
    in English."""
    secretariat = rules.secretariat
    return ConventionWords(
        short_name=rules.short_name,
        name=convention_texts.name(rules, language=language).text,
        opened_for_signature=rules.opened_for_signature,
        transparency_article=rules.obligation("annual_report").article,
        annual_report_due=rules.annual_report_due,
        depositary=convention_texts.label(rules, rules.depositary.name, language=language),
        secretariat_name=convention_texts.label(rules, secretariat.name, language=language),
        secretariat_address=convention_texts.label(rules, secretariat.address, language=language),
        secretariat_email=secretariat.email,
        rules=rules,
    )


def obligation_kind(obligation: Any, rules: RuleSet) -> str:
    """An obligation's neutral code (`stockpile_destruction`, `clearance`)."""
    return obligation.kind


def obligation_article(obligation: Any, rules: RuleSet) -> str:
    """The obligation's article number in its convention."""
    return rules.obligation(obligation.kind).article
