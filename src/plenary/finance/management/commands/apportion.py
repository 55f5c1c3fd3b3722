from django.core.management.base import BaseCommand, CommandError
from django.http import Http404

from plenary.finance import selectors
from plenary.rules.errors import RuleError
from plenary.treaties.management.commands._listing import write
from plenary.treaties.scope import add_convention_argument, convention_from

KEYS = ["state", "rate", "share"]


class Command(BaseCommand):
    help = (
        "Share a meeting's cost among the States that bear it (by the convention's rule), by"
        " the UN scale of assessment rescaled to 100%: state,rate,share."
    )

    def add_arguments(self, parser):
        add_convention_argument(parser)
        parser.add_argument("meeting", help="the meeting's code or symbol root (e.g. 2RC)")
        parser.add_argument("--total", required=True, help="the cost in US dollars, e.g. 400000")
        parser.add_argument("--format", choices=["table", "json", "csv"], default="table")

    def handle(self, *args, **options):
        try:
            meeting = selectors.meeting_with_parts(
                options["meeting"], convention=convention_from(options)
            )
            result = selectors.apportion_meeting(meeting=meeting, total=options["total"])
        except Http404 as error:
            raise CommandError(str(error)) from None
        except RuleError as error:
            field = "--total" if error.field == "total" else error.field
            raise CommandError(f"{field}: {error.message}") from None
        rows = [
            {
                "state": row.name,
                "iso3": row.iso3,
                "rate": selectors.published(row.un_rate),
                "share": row.share,
            }
            for row in result.rows
        ]
        if options["format"] == "json":
            for row in rows:
                row["share"] = str(row["share"])
        write(self.stdout, rows, KEYS, options["format"])
