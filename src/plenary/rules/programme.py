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


# Releases. A released programme is plain data: a list of parts, each
# {"number", ..., "slots": [{"id", "day", "starts_at", "ends_at", "lines": [...]}]}, a line
# {"number", "letter", "title", "symbols"} (number None for a line of text). A slot keeps
# its id from draft to draft, so a slot whose day or hours changed is "moved", not removed
# and added again.

ADDED = "added"
REMOVED = "removed"
MOVED = "moved"
ITEMS_CHANGED = "items_changed"


def line_label(line: dict) -> str:
    """ "7 (b) Universalization (CCM/CONF/2020/12)", "Informal consultations"."""
    if line.get("number") is None:
        head = line["title"]
    elif line.get("letter"):
        head = f"{line['number']} ({line['letter']}) {line['title']}"
    else:
        head = f"{line['number']}. {line['title']}"
    symbols = line.get("symbols") or []
    return f"{head} ({', '.join(symbols)})" if symbols else head


def _where(part: int, slot: dict) -> dict:
    return {
        "part": part,
        "day": slot["day"],
        "starts_at": slot["starts_at"],
        "ends_at": slot["ends_at"],
    }


def _slots(parts: Sequence[dict]) -> dict:
    return {slot["id"]: (part["number"], slot) for part in parts for slot in part["slots"]}


def release_changes(previous: Sequence[dict] | None, current: Sequence[dict]) -> list[dict]:
    """What changed from one released programme to the next, in the order of the new
    programme (then the slots removed, in the old one's order): each a dict with the
    `change` (added, removed, moved, items_changed), where the slot is (`part`, `day`,
    `starts_at`, `ends_at`), for a move where it was (`was`), for new or changed lines
    the lines `before` and `after`. The first release (`previous` None) lists nothing."""
    if previous is None:
        return []
    before, after = _slots(previous), _slots(current)
    changes: list[dict] = []
    for slot_id, (part, slot) in after.items():
        lines = [line_label(line) for line in slot["lines"]]
        if slot_id not in before:
            changes.append({"change": ADDED, **_where(part, slot), "after": lines})
            continue
        old_part, old = before[slot_id]
        if _where(old_part, old) != _where(part, slot):
            changes.append({"change": MOVED, **_where(part, slot), "was": _where(old_part, old)})
        old_lines = [line_label(line) for line in old["lines"]]
        if old_lines != lines:
            changes.append(
                {"change": ITEMS_CHANGED, **_where(part, slot), "before": old_lines, "after": lines}
            )
    for slot_id, (part, slot) in before.items():
        if slot_id not in after:
            lines = [line_label(line) for line in slot["lines"]]
            changes.append({"change": REMOVED, **_where(part, slot), "before": lines})
    return changes
