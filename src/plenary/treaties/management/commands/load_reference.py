from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

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
            lines = load_reference(today=timezone.localdate(), convention=options["convention"])
        except ReferenceDataError as error:
            raise CommandError(str(error)) from error
        summary = [line for line in lines if not line.startswith("not loaded: ")]
        left_out = [line for line in lines if line.startswith("not loaded: ")]
        for line in summary:
            self.stdout.write(line)
        if left_out:
            self.stdout.write(
                f"{len(left_out)} rows are not loaded for want of a sourced fact"
                + (":" if options["verbosity"] > 1 else " (--verbosity 2 lists them).")
            )
        if options["verbosity"] > 1:
            for line in left_out:
                self.stdout.write(f"  {line}")
