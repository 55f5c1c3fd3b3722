"""The "(continued)" marks of a programme of work, computed rather than typed.

A programme lists, slot by slot, agenda items (e.g. 8.), their sub-items ((a), (b))
and free-text lines ("Informal presentations of extension requests"). An item is
shown "(continued)" in a slot when the work it was doing in its previous slot goes
on: the two slots share a sub-item or a line under it, or either slot lists the item
alone. When both slots list different business under the item (item 6 with the
programme's adoption in the morning, with extension requests after lunch), the item
starts afresh and is not marked.
"""

from collections.abc import Hashable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    """A programme line: an item (`number`, no `letter`), a sub-item, or text (`number` None)."""

    number: int | None
    letter: str = ""
    text: str = ""

    @property
    def is_item(self) -> bool:
        return self.number is not None and not self.letter

    @property
    def key(self) -> Hashable:
        return (self.number, self.letter) if self.number is not None else ("text", self.text)


def _groups(slot: Sequence[Line]) -> dict[int, tuple[int, frozenset]]:
    """For each item listed in the slot: its line index and the lines under it."""
    groups: dict[int, tuple[int, frozenset]] = {}
    current: int | None = None
    under: list[Hashable] = []
    for index, line in enumerate(slot):
        if line.is_item:
            if current is not None:
                groups[current] = (groups[current][0], frozenset(under))
            current, under = line.number, []
            groups[current] = (index, frozenset())
        elif current is not None:
            under.append(line.key)
    if current is not None:
        groups[current] = (groups[current][0], frozenset(under))
    return groups


def continued_marks(slots: Sequence[Sequence[Line]]) -> list[set[int]]:
    """For each slot, the indexes of its item lines to show as "(continued)"."""
    marks: list[set[int]] = []
    last_seen: dict[int, frozenset] = {}
    for slot in slots:
        here: set[int] = set()
        for number, (index, under) in _groups(slot).items():
            if number in last_seen:
                before = last_seen[number]
                if not under or not before or under & before:
                    here.add(index)
            last_seen[number] = under
        marks.append(here)
    return marks
