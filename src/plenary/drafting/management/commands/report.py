from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.http import Http404
from django.utils.translation import gettext as _

from plenary.drafting import content, render, selectors
from plenary.drafting.wording import TemplateError
from plenary.treaties.scope import add_convention_argument, convention_from


class Command(BaseCommand):
    help = (
        "The procedural report of a meeting part, drafted from the records (e.g. plenary"
        " report CCM/CONF/2020 --part 1 --kind interim --format docx -o report.docx)"
    )

    def add_arguments(self, parser):
        add_convention_argument(parser)
        parser.add_argument("meeting", help="The meeting's code or symbol root (e.g. 2RC).")
        parser.add_argument("--part", type=int, default=1)
        parser.add_argument("--kind", choices=["interim", "final"], default="interim")
        parser.add_argument("--format", choices=["docx", "html", "text"], default="text")
        parser.add_argument("--language", default="en")
        parser.add_argument("--date", type=date.fromisoformat, help="Date of the report.")
        parser.add_argument("-o", "--output", help="File to write (a .docx needs one).")

    def handle(self, *args, **options):
        try:
            part = selectors.part_with_meeting(
                convention=convention_from(options),
                reference=options["meeting"],
                number=options["part"],
            )
        except Http404 as error:
            raise CommandError(str(error)) from error
        on = options["date"] or date.today()
        records = selectors.report_records(part=part, kind=options["kind"], on=on)
        try:
            drafted = content.report(
                records,
                kind=options["kind"],
                on=on,
                language=options["language"],
            )
        except TemplateError as error:
            raise CommandError(str(error)) from error
        write(self, drafted, options["format"], options["output"])


def write(command: BaseCommand, drafted, format_: str, output: str | None) -> None:
    """Write a drafted document to a file or standard output; report what is missing."""
    if format_ == "docx":
        if not output:
            raise CommandError("a .docx is written to a file: give -o FILE")
        with open(output, "wb") as out:
            out.write(render.to_docx(drafted))
    else:
        text = (
            render.to_html(drafted, standalone=True)
            if format_ == "html"
            else render.to_text(drafted)
        )
        if output:
            with open(output, "w", encoding="utf-8") as out:
                out.write(text)
        else:
            command.stdout.write(text, ending="")
    for what in drafted.missing:
        command.stderr.write(_("missing: %(what)s") % {"what": what})
