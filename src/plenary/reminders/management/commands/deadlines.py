from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from plenary.reminders import render, selectors
from plenary.rules.errors import RuleError
from plenary.treaties.management.commands._listing import write

KEYS = ["date", "convention", "kind", "subject", "bound", "note"]


def _date(option: str, value: str | None, default: date) -> date:
    if value is None:
        return default
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--{option}: {value!r} is not a date; write it as YYYY-MM-DD") from None


class Command(BaseCommand):
    help = "List the deadlines of every capability in a period, of one State or of all."

    def add_arguments(self, parser):
        parser.add_argument("--state", help="ISO 3166 alpha-3 code of one State")
        parser.add_argument("--from", dest="start", help="first day, YYYY-MM-DD (default: today)")
        parser.add_argument("--to", dest="end", help="last day, YYYY-MM-DD (default: a year on)")
        parser.add_argument("--format", choices=["table", "json", "csv"], default="table")

    def handle(self, *args, **options):
        today = timezone.localdate()
        start = _date("from", options["start"], today)
        end = _date("to", options["end"], date(start.year + 1, start.month, 1))
        try:
            deadlines = selectors.deadlines_between(start=start, end=end, state=options["state"])
        except RuleError as error:
            option = {"state": "--state", "end": "--to"}.get(error.field, error.field)
            raise CommandError(f"{option}: {error.message}") from None
        write(self.stdout, render.deadlines_data(deadlines), KEYS, options["format"])
