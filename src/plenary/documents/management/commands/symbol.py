import json

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.http import Http404

from plenary.documents import selectors, services
from plenary.rules import symbols
from plenary.rules.errors import RuleError
from plenary.treaties.scope import add_convention_argument, convention_from

SERIES = ["main", "L", "WP", "CRP", "INF", "MISC"]


def _messages(error: ValidationError) -> str:
    if hasattr(error, "error_dict"):
        return "; ".join(f"{f}: {' '.join(m)}" for f, m in error.message_dict.items())
    return " ".join(error.messages)


class Command(BaseCommand):
    help = "Read a document symbol, or find (and reserve) the next free symbol of a series."

    def add_arguments(self, parser):
        add_convention_argument(parser)
        commands = parser.add_subparsers(dest="action", required=True)
        parse = commands.add_parser("parse", help="split a symbol into its parts")
        parse.add_argument("symbol")
        parse.add_argument("--format", choices=["text", "json"], default="text")
        following = commands.add_parser("next", help="the next free symbol of a series")
        following.add_argument("meeting", help="the meeting's code (2RC) or symbol root")
        following.add_argument("--series", choices=SERIES, default="main")
        following.add_argument(
            "--allocate", action="store_true", help="reserve it for a new document"
        )
        following.add_argument("--title", default="", help="the new document's title")

    def handle(self, *args, **options):
        if options["action"] == "parse":
            self._parse(options["symbol"], options["format"])
        else:
            self._next(options)

    def _parse(self, text: str, fmt: str) -> None:
        try:
            symbol = symbols.parse(text)
        except RuleError as error:
            raise CommandError(error.message) from None
        parts = {
            "symbol": str(symbol),
            "meeting_root": symbol.meeting_root,
            "root": symbol.root,
            "body": symbol.body,
            "year": symbol.year,
            "series": symbol.series,
            "number": symbol.number,
            "suffixes": [f"{kind}.{number}" for kind, number in symbol.suffixes],
        }
        if fmt == "json":
            self.stdout.write(json.dumps(parts, indent=2))
        else:
            for key, value in parts.items():
                shown = " ".join(value) if isinstance(value, list) else value
                self.stdout.write(f"{key}: {shown}")

    def _next(self, options) -> None:
        series = "" if options["series"] == "main" else options["series"]
        try:
            meeting = selectors.meeting_for(options["meeting"], convention=convention_from(options))
            if not options["allocate"]:
                self.stdout.write(str(selectors.next_symbol(meeting=meeting, series=series)))
                return
            if not options["title"].strip():
                raise CommandError("--allocate needs the new document's --title")
            document = services.allocate_next_symbol(
                meeting=meeting, series=series, title=options["title"], by=None
            )
        except Http404 as error:
            raise CommandError(str(error)) from None
        except ValidationError as error:
            raise CommandError(_messages(error)) from None
        except PermissionDenied as error:
            raise CommandError(str(error)) from None
        self.stdout.write(document.symbol)
