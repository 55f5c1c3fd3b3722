from django.core.management.base import BaseCommand
from django.utils import timezone, translation

from plenary.treaties import selectors
from plenary.treaties.management.commands._listing import (
    add_language_argument,
    parse_on,
    write,
)
from plenary.treaties.scope import add_convention_argument, convention_from

KEYS = ["name", "iso3", "status", "signature", "deposit", "instrument", "entry_into_force"]


class Command(BaseCommand):
    help = "List every State with its status towards the convention on a date."

    def add_arguments(self, parser):
        add_convention_argument(parser)
        parser.add_argument("--on", help="the date, YYYY-MM-DD (default: today)")
        parser.add_argument("--status", choices=selectors.STATUSES)
        parser.add_argument("--format", choices=["table", "json", "csv"], default="table")
        add_language_argument(parser)

    def handle(self, *args, **options):
        with translation.override(options["language"] or translation.get_language()):
            self._list(options)

    def _list(self, options):
        on = parse_on(options["on"], timezone.localdate())
        convention = convention_from(options)
        rows = [
            {
                "name": s.name,
                "iso3": s.iso3,
                "status": s.status,
                "signature": s.signed_on,
                "deposit": s.deposited_on,
                "instrument": s.instrument or None,
                "entry_into_force": s.entry_into_force,
            }
            for s in selectors.states_on(convention=convention, on=on, status=options["status"])
        ]
        write(self.stdout, rows, KEYS, options["format"])
