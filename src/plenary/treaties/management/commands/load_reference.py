from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import ngettext

from plenary.reference import load_reference
from plenary.treaties.reference import ReferenceDataError


class Command(BaseCommand):
    help = (
        "Load the sourced reference data in data/ (States, then each configured convention's"
        " records, meetings and documents). Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--convention",
            help="Load only this convention (e.g. APMBC) besides the shared data; default: all.",
        )

    def handle(self, *args, **options):
        try:
            loaded = load_reference(today=timezone.localdate(), convention=options["convention"])
        except ReferenceDataError as error:
            raise CommandError(str(error)) from error
        left_out = loaded.left_out
        for line in loaded.lines:
            self.stdout.write(line)
        if left_out:
            count = {"count": len(left_out)}
            if options["verbosity"] > 1:
                said = ngettext(
                    "%(count)s row is not loaded for want of a sourced fact:",
                    "%(count)s rows are not loaded for want of a sourced fact:",
                    len(left_out),
                )
            else:
                said = ngettext(
                    "%(count)s row is not loaded for want of a sourced fact"
                    " (--verbosity 2 lists it).",
                    "%(count)s rows are not loaded for want of a sourced fact"
                    " (--verbosity 2 lists them).",
                    len(left_out),
                )
            self.stdout.write(said % count)
        if options["verbosity"] > 1:
            for line in left_out:
                self.stdout.write(f"  {line}")
