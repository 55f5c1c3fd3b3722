from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.http import Http404

from plenary.drafting import content, selectors
from plenary.drafting.management.commands.report import write
from plenary.drafting.wording import TemplateError
from plenary.treaties.scope import add_convention_argument, convention_from


class Command(BaseCommand):
    help = (
        "A letter of the President with a body of your choosing and the part's programme of"
        " work as its annex: plenary letter 2RC --part 1 --body body.txt --format docx -o l.docx"
    )

    def add_arguments(self, parser):
        add_convention_argument(parser)
        parser.add_argument("meeting", help="The meeting's code or symbol root (e.g. 2RC).")
        parser.add_argument("--part", type=int, default=1)
        parser.add_argument("--body", required=True, help="Text file; blank lines part paragraphs.")
        parser.add_argument("--date", type=date.fromisoformat)
        parser.add_argument("--format", choices=["docx", "html", "text"], default="text")
        parser.add_argument("--language", default="en")
        parser.add_argument("-o", "--output")

    def handle(self, *args, **options):
        try:
            part = selectors.part_with_meeting(
                convention=convention_from(options),
                reference=options["meeting"],
                number=options["part"],
            )
        except Http404 as error:
            raise CommandError(str(error)) from error
        body = Path(options["body"]).read_text(encoding="utf-8")
        try:
            drafted = content.president_letter(
                part,
                selectors.programme_records(part=part),
                president=selectors.president_of(meeting=part.meeting),
                body=body,
                on=options["date"] or date.today(),
                language=options["language"],
            )
        except TemplateError as error:
            raise CommandError(str(error)) from error
        write(self, drafted, options["format"], options["output"])
