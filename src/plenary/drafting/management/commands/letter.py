from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.http import Http404

from plenary.drafting import content, letters, selectors
from plenary.drafting.management.commands.report import write
from plenary.drafting.models import Closing, LetterKind
from plenary.drafting.wording import TemplateError
from plenary.treaties.scope import add_convention_argument, convention_from


class Command(BaseCommand):
    help = (
        "A letter of the President: drafted from the records (plenary letter 2RC --kind"
        " silence_result --procedure 3 --date 2020-06-18), or with a body of your choosing and"
        " the part's programme as annex (plenary letter 2RC --body body.txt -o l.docx)"
    )

    def add_arguments(self, parser):
        add_convention_argument(parser)
        parser.add_argument("meeting", help="The meeting's code or symbol root (e.g. 2RC).")
        parser.add_argument("--part", type=int, default=1)
        parser.add_argument(
            "--body", help="Text file; blank lines part paragraphs. Default: drafted (--kind)."
        )
        parser.add_argument(
            "--kind",
            choices=LetterKind.values,
            help="Draft the body from the records (the letterhead, closing and annexes too).",
        )
        parser.add_argument("--procedure", type=int, help="The silence procedure reported.")
        parser.add_argument("--consultation", type=int, help="The written consultation.")
        parser.add_argument(
            "--closing", choices=Closing.values, default=Closing.HIGHEST_CONSIDERATION
        )
        parser.add_argument("--annex", action="append", default=[], help="A document symbol.")
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
        if options["kind"]:
            return self._from_records(part, options)
        if not options["body"]:
            raise CommandError("Give --body FILE, or --kind to draft the body from the records.")
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

    def _from_records(self, part, options):
        records = selectors.letter_records(
            meeting=part.meeting,
            on=options["date"] or date.today(),
            procedure_id=options["procedure"],
            consultation_id=options["consultation"],
        )
        kind = options["kind"]
        try:
            body = (
                Path(options["body"]).read_text(encoding="utf-8")
                if options["body"]
                else letters.letter_body(records, kind=kind, language=options["language"])
            )
            with_programme = kind == LetterKind.NEXT_STEPS
            drafted = letters.letter(
                records,
                kind=kind,
                body=body,
                closing=options["closing"],
                annexes=options["annex"],
                programme_part=part if with_programme else None,
                days=selectors.programme_records(part=part) if with_programme else None,
                language=options["language"],
            )
        except TemplateError as error:
            raise CommandError(str(error)) from error
        write(self, drafted, options["format"], options["output"])
