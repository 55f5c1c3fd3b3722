from django.core.management.base import BaseCommand, CommandError
from django.http import Http404

from plenary.decisions import selectors
from plenary.treaties.management.commands._listing import write
from plenary.treaties.scope import add_convention_argument, convention_from

KEYS = [
    "state",
    "article",
    "obligation",
    "original_deadline",
    "requested_deadline",
    "months",
    "recommendation",
    "decision",
    "granted_deadline",
]


class Command(BaseCommand):
    help = (
        "List the deadline-extension requests before a meeting (its code, e.g. 2RC, or its "
        "symbol root, e.g. CCM/CONF/2020). original_deadline is the deadline in force when "
        "the request was submitted; months are computed from the dates."
    )

    def add_arguments(self, parser):
        add_convention_argument(parser)
        parser.add_argument("meeting", nargs="?", help="code or symbol root; all when omitted")
        parser.add_argument("--state", help="ISO 3166 alpha-3 code of one State")
        parser.add_argument("--format", choices=["table", "json", "csv"], default="table")

    def handle(self, *args, **options):
        convention = convention_from(options)
        meeting = None
        if options["meeting"]:
            try:
                meeting = selectors.meeting_named(convention=convention, name=options["meeting"])
            except Http404 as error:
                raise CommandError(str(error)) from None
        requests = selectors.extension_requests(
            convention=convention, meeting=meeting, iso3=options["state"]
        )
        write(self.stdout, [selectors.extension_row(r) for r in requests], KEYS, options["format"])
