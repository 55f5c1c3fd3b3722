from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.http import Http404

from plenary.documents import selectors
from plenary.documents.models import Language
from plenary.treaties.management.commands._listing import write
from plenary.treaties.scope import add_convention_argument, convention_from

KEYS = ["symbol", "title", "series", "date", "languages"]
SERIES = ["main", "L", "WP", "CRP", "INF", "MISC"]


class Command(BaseCommand):
    help = "List a meeting's documents in the order of a list-of-documents annex."

    def add_arguments(self, parser):
        add_convention_argument(parser)
        parser.add_argument("meeting", help="the meeting's code (2RC) or symbol root")
        parser.add_argument("--series", choices=SERIES)
        parser.add_argument("--agenda-item", help="an item (7) or sub-item (7b)")
        parser.add_argument("--language", choices=Language.values)
        parser.add_argument("--format", choices=["table", "json", "csv"], default="table")

    def handle(self, *args, **options):
        try:
            meeting = selectors.meeting_for(options["meeting"], convention=convention_from(options))
            series = options["series"]
            documents = selectors.documents_of(
                meeting=meeting,
                series="" if series == "main" else series,
                agenda_item=options["agenda_item"],
                language=options["language"],
            )
        except (Http404, ValueError, ValidationError) as error:
            raise CommandError(str(error)) from None
        rows = [
            {
                "symbol": d.symbol,
                "title": d.title,
                "series": d.series,
                "date": d.issued_on,
                "languages": [v.language for v in d.versions.all()],
            }
            for d in documents
        ]
        if options["format"] != "json":
            rows = [{**row, "languages": " ".join(row["languages"])} for row in rows]
        write(self.stdout, rows, KEYS, options["format"])
