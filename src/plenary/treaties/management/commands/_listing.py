"""Shared output of the `states` and `obligations` commands: table, JSON or CSV."""

import json
from datetime import date

from django.conf import settings
from django.core.management.base import CommandError
from django.utils.translation import ngettext

from plenary.core.exports import SafeDictWriter


def add_language_argument(parser) -> None:
    parser.add_argument(
        "--language",
        choices=[code for code, _name in settings.LANGUAGES],
        default=None,
        help="the language of the States' names, of their order and of the summary"
        " (default: the active language, settings.LANGUAGE_CODE)",
    )


def parse_on(value: str | None, today: date) -> date:
    if value is None:
        return today
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--on: {value!r} is not a date; write it as YYYY-MM-DD") from None


def _text(value) -> str:
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, date) else str(value)


def write(stdout, rows: list[dict], keys: list[str], fmt: str) -> None:
    if fmt == "json":
        stdout.write(json.dumps(rows, ensure_ascii=False, indent=2, default=_text))
    elif fmt == "csv":
        writer = SafeDictWriter(stdout, fieldnames=keys, lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: _text(row[k]) for k in keys} for row in rows)
    else:
        cells = [[_text(row[k]) for k in keys] for row in rows]
        widths = [max([len(k), *(len(c[i]) for c in cells)]) for i, k in enumerate(keys)]
        stdout.write("  ".join(k.ljust(w) for k, w in zip(keys, widths, strict=True)).rstrip())
        for line in cells:
            stdout.write("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip())
        stdout.write(
            ngettext("(%(count)s row)", "(%(count)s rows)", len(rows)) % {"count": len(rows)}
        )
