import json

from django.core.management.base import BaseCommand, CommandError
from django.http import Http404

from plenary.meetings import render, selectors
from plenary.rules import times
from plenary.rules.errors import RuleError
from plenary.treaties.scope import add_convention_argument, convention_from


class Command(BaseCommand):
    help = (
        "A part's programme of work (e.g. plenary programme CCM/CONF/2020 --part 1"
        " [--format json|ics|docx -o FILE])."
    )

    def add_arguments(self, parser):
        add_convention_argument(parser)
        parser.add_argument("meeting", help="The meeting's code or symbol root (e.g. 2RC).")
        parser.add_argument("--part", type=int, default=1)
        parser.add_argument("--format", choices=["text", "json", "ics", "docx"], default="text")
        parser.add_argument("-o", "--output", help="File to write (a .docx needs one).")
        parser.add_argument("--time-zone", help="Show times in this zone, e.g. America/Lima.")

    def handle(self, *args, **options):
        try:
            part = selectors.part_by_reference(
                options["meeting"], options["part"], convention=convention_from(options)
            )
        except Http404 as error:
            raise CommandError(str(error)) from error
        zone = options["time_zone"]
        if zone:
            try:
                times.zone(zone, field="--time-zone")
            except RuleError as error:
                raise CommandError(f"{error.field}: {error.message}") from error
        days = selectors.programme_of(part=part, zone=zone)
        if options["format"] == "docx":
            # The Word layout is drafting's (the annex of a President's letter, seed 000).
            from plenary.drafting import content
            from plenary.drafting import render as drafting_render

            if not options["output"]:
                raise CommandError("a .docx is written to a file: give -o FILE")
            with open(options["output"], "wb") as out:
                out.write(drafting_render.to_docx(content.programme(part, days)))
        elif options["format"] == "json":
            self.stdout.write(json.dumps(render.programme_data(part, days), indent=2))
        elif options["format"] == "ics":
            self.stdout.write(render.programme_ics(part, days, host="plenary").decode())
        else:
            self.stdout.write(render.programme_text(part, days), ending="")
