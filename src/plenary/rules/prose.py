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
