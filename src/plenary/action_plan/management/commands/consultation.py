from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from plenary.action_plan import render, selectors
from plenary.core.models import Role
from plenary.core.permissions import reader_as
from plenary.treaties.management.commands._listing import write
from plenary.treaties.scope import add_convention_argument, convention_from

NEEDS_OUTPUT = "a .docx export is written to a file: give -o contributions.docx"


class Command(BaseCommand):
    help = (
        "Written consultations: `consultation list`, or `consultation export <id> --format "
        "docx -o contributions.docx` (every answer per question, with its author)."
    )

    def add_arguments(self, parser):
        add_convention_argument(parser)
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("list", help="every consultation with its deadline")
        export = sub.add_parser("export", help="the compiled contributions")
        export.add_argument("id", type=int)
        export.add_argument("--format", choices=["docx", "json"], default="docx")
        export.add_argument("-o", "--output", help="the file to write")

    def handle(self, *args, **options):
        if options["action"] == "list":
            now = timezone.now()
            rows = [
                {
                    "id": c.pk,
                    "title": c.title,
                    "deadline": c.deadline.isoformat(),
                    "open": c.deadline >= now.replace(microsecond=0),
                }
                for c in selectors.consultations(convention=convention_from(options))
            ]
            write(self.stdout, rows, ["id", "title", "deadline", "open"], "table")
            return
        try:
            consultation = selectors.consultation_record(
                convention=convention_from(options), pk=options["id"]
            )
        except Http404 as error:
            raise CommandError(str(error)) from None
        reader = reader_as(role=Role.PRESIDENCY, convention=consultation.convention)
        questions, contributions = selectors.compiled(consultation=consultation, user=reader)
        if options["format"] == "json":
            rows = [
                {
                    "question": row.question.number,
                    "section": row.section.number,
                    "text": row.question.text,
                    "answers": [
                        {"contributor": a.contributor, "author": a.author, "text": a.text}
                        for a in row.answers
                    ],
                }
                for row in questions
            ]
            write(self.stdout, rows, [], "json")
            return
        if not options["output"]:
            raise CommandError(NEEDS_OUTPUT)
        body = render.compiled_docx(
            consultation=consultation, questions=questions, contributions=contributions
        )
        Path(options["output"]).write_bytes(body)
        self.stdout.write(
            _("%(file)s: %(contributions)s to %(questions)s.")
            % {
                "file": options["output"],
                "contributions": ngettext(
                    "%(count)s contribution", "%(count)s contributions", len(contributions)
                )
                % {"count": len(contributions)},
                "questions": ngettext("%(count)s question", "%(count)s questions", len(questions))
                % {"count": len(questions)},
            }
        )
