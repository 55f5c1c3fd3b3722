"""Seed 003's numbered paragraphs, read from its text as issued (a copy in tests/drafting/data,
CCM/CONF/2020/L.1, 10 December 2020), to compare the draft from the records word for word."""

import re
from pathlib import Path

SEED = Path(__file__).parent / "data" / "seed_003.txt"
_NUMBERED = re.compile(r"^(\d{1,2})\. (.*)$")
_ITEM = re.compile(r"^(?:- )?\(([a-z])\) (.*)$")
_HEADING = re.compile(r"^(?:I|II|III|IV|V)\. ")


def normal(text: str) -> str:
    """Whitespace normalised, the seed's markdown emphasis and link brackets removed."""
    text = text.replace("*", "").replace("<http://", "http://").replace(">)", ")")
    return " ".join(text.split())


def paragraphs() -> dict[int, tuple[str, list[tuple[str, str]]]]:
    """Paragraph number: (its text, its lettered items), whitespace normalised."""
    found: dict[int, list] = {}
    current = None
    for line in SEED.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            continue
        if line == "Annex":
            break
        numbered = _NUMBERED.match(line)
        if numbered and int(numbered.group(1)) == len(found) + 1:
            current = [numbered.group(2), []]
            found[int(numbered.group(1))] = current
            continue
        if _HEADING.match(line):
            current = None
            continue
        if current is None:
            continue
        item = _ITEM.match(line)
        if item:
            current[1].append([item.group(1), item.group(2)])
        elif current[1]:
            current[1][-1][1] += " " + line
        else:
            current[0] += " " + line
    return {
        number: (normal(text), [(letter, normal(words)) for letter, words in items])
        for number, (text, items) in found.items()
    }
