from django.core.management.base import BaseCommand

from plenary.decisions import selectors
from plenary.decisions.models import Outcome
from plenary.treaties.management.commands._listing import write
from plenary.treaties.scope import add_convention_argument, convention_from

KEYS = ["subject", "circulated", "deadline", "outcome", "broken_by"]


class Command(BaseCommand):
    help = "List the silence procedures: subject, circulation, deadline, outcome, who broke it."

    def add_arguments(self, parser):
        add_convention_argument(parser)
        parser.add_argument("--outcome", choices=Outcome.values)
        parser.add_argument("--format", choices=["table", "json", "csv"], default="table")

    def handle(self, *args, **options):
        procedures = selectors.silence_procedures(
            convention=convention_from(options), outcome=options["outcome"]
        ).order_by("deadline", "pk")
        rows = [selectors.silence_row(procedure) for procedure in procedures]
        if options["format"] != "json":
            for row in rows:
                row["broken_by"] = "; ".join(row["broken_by"])
        write(self.stdout, rows, KEYS, options["format"])
