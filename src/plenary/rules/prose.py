"""Lists in prose, the way UN documents write them."""

from collections.abc import Sequence


def join(items: Sequence[str], *, serial_comma: bool = False) -> str:
    """ "A", "A and B", "A, B and C" (or "A, B, and C" with the serial comma)."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} and {items[1]}"
    last = f", and {items[-1]}" if serial_comma else f" and {items[-1]}"
    return ", ".join(items[:-1]) + last


def spanish_and(following: str) -> str:
    """Spanish "and" before `following`: "e" before the sound /i/ written "i" or "hi"
    ("Francia e Israel", "e Italia"), else "y" ("y Hungría"; "y Hierro": "hie", "hia",
    "hio", "hiu" begin with a diphthong and take "y")."""
    start = following.strip().lower()
    if start.startswith("h"):
        start = start[1:]
        if start[:1] in "iíy" and start[1:2] in "aeoué":
            return "y"
    return "e" if start[:1] in ("i", "í") else "y"
