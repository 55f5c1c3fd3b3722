from django.core.management.base import BaseCommand
from django.utils import timezone

from plenary.reference import load_reference


class Command(BaseCommand):
    help = "Load the sourced reference data in data/ (States, records, meetings). Idempotent."

    def handle(self, *args, **options):
        lines = load_reference(today=timezone.localdate())
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
