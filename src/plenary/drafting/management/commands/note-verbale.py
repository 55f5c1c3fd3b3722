import re
from datetime import date, datetime

from django.core.management.base import BaseCommand, CommandError
from django.http import Http404

from plenary.drafting import content, selectors
from plenary.drafting.management.commands.report import write
from plenary.drafting.models import NoteKind
from plenary.drafting.wording import TemplateError
from plenary.meetings import selectors as meetings
from plenary.treaties.scope import add_convention_argument, convention_from

# "Note verbale ODA-2020-00130-CCM of 4 March 2020, ..." (the meeting's convening reference).
_RECORDED = re.compile(r"Note verbale (\S+) of (\d{1,2} \w+ \d{4})")


class Command(BaseCommand):
    help = (
        "A note verbale drafted from the meeting records (e.g. plenary note-verbale"
        " convening CCM/CONF/2020 --format docx -o note.docx)"
    )

    def add_arguments(self, parser):
        add_convention_argument(parser)
        parser.add_argument("kind", choices=NoteKind.values)
        parser.add_argument("meeting", help="The meeting's code or symbol root (e.g. 2RC).")
        parser.add_argument("--format", choices=["docx", "html", "text"], default="text")
        parser.add_argument("--language", default="en")
        parser.add_argument("--date", type=date.fromisoformat, help="Default: as recorded.")
        parser.add_argument("--reference", help="Default: as recorded.")
        parser.add_argument("-o", "--output")

    def handle(self, *args, **options):
        try:
            meeting = meetings.meeting_by_reference(
                options["meeting"], convention=convention_from(options)
            )
        except Http404 as error:
            raise CommandError(str(error)) from error
        recorded = _RECORDED.search(meeting.convening_reference or "")
        on = options["date"] or (
            datetime.strptime(recorded.group(2), "%d %B %Y").date() if recorded else date.today()
        )
        reference = options["reference"] or (recorded.group(1) if recorded else "")
        records = selectors.convening_records(meeting=meeting, on=on)
        try:
            drafted = content.convening_note(
                records, reference=reference, language=options["language"], kind=options["kind"]
            )
        except TemplateError as error:
            raise CommandError(str(error)) from error
        write(self, drafted, options["format"], options["output"])
