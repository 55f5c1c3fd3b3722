from django.core.management.base import BaseCommand
from django.utils import timezone

from plenary.treaties.reference import load_reference_data


class Command(BaseCommand):
    help = "Load the sourced reference data in data/ (States, the CCM's record). Idempotent."

    def handle(self, *args, **options):
        report = load_reference_data(today=timezone.localdate())
        self.stdout.write(
            f"Reference data: {report.states} States, {report.participations} participations, "
            f"{report.obligations} obligations, {report.extensions_added} extensions added, "
            f"{report.reports_added} Article 7 reports added."
        )
        if report.skipped:
            self.stdout.write(
                f"{len(report.skipped)} rows are not loaded for want of a sourced fact"
                + (":" if options["verbosity"] > 1 else " (--verbosity 2 lists them).")
            )
        if options["verbosity"] > 1:
            for line in report.skipped:
                self.stdout.write(f"  not loaded: {line}")
