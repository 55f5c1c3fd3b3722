from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone, translation

from plenary.treaties import selectors
from plenary.treaties.management.commands._listing import (
    add_language_argument,
    parse_on,
    write,
)
from plenary.treaties.scope import add_convention_argument, convention_from

KEYS = [
    "state",
    "iso3",
    "article",
    "obligation",
    "original_deadline",
    "current_deadline",
    "status",
]
KINDS = ["stockpile_destruction", "clearance", "initial_report", "annual_report"]


class Command(BaseCommand):
    help = (
        "List the obligations of every State Party on a date: stockpile destruction, "
        "clearance and transparency reports, each with its article in the convention."
    )

    def add_arguments(self, parser):
        add_convention_argument(parser)
        parser.add_argument("--on", help="the date, YYYY-MM-DD (default: today)")
        parser.add_argument("--article", type=int, help="an article number of the convention")
        parser.add_argument("--obligation", choices=KINDS, help="a neutral obligation code")
        parser.add_argument("--state", help="ISO 3166 alpha-3 code of one State")
        parser.add_argument("--status", choices=["pending", "completed", "overdue"])
        parser.add_argument("--format", choices=["table", "json", "csv"], default="table")
        add_language_argument(parser)

    def handle(self, *args, **options):
        with translation.override(options["language"] or translation.get_language()):
            self._list(options)

    def _list(self, options):
        on = parse_on(options["on"], timezone.localdate())
        convention = convention_from(options)
        iso3 = options["state"]
        if iso3 and not selectors.State.objects.filter(iso3=iso3.upper()).exists():
            raise CommandError(f"--state: no State has the ISO 3166 code {iso3!r}")
        rows = [
            row.as_dict()
            for row in selectors.obligations_on(
                convention=convention,
                on=on,
                article=options["article"],
                obligation=options["obligation"],
                iso3=iso3,
                status=options["status"],
            )
        ]
        write(self.stdout, rows, KEYS, options["format"])
