from django.core.management.base import BaseCommand

from plenary.decisions import selectors
from plenary.decisions.management.commands._convention import (
    add_convention_argument,
    convention_of,
)
from plenary.decisions.models import Outcome
from plenary.treaties.management.commands._listing import write

KEYS = ["subject", "circulated", "deadline", "outcome", "broken_by"]


class Command(BaseCommand):
    help = "List the silence procedures: subject, circulation, deadline, outcome, who broke it."

    def add_arguments(self, parser):
        parser.add_argument("--outcome", choices=Outcome.values)
        parser.add_argument("--format", choices=["table", "json", "csv"], default="table")
        add_convention_argument(parser)

    def handle(self, *args, **options):
        procedures = selectors.silence_procedures(
            convention=convention_of(options), outcome=options["outcome"]
        ).order_by("deadline", "pk")
        rows = [selectors.silence_row(procedure) for procedure in procedures]
        if options["format"] != "json":
            for row in rows:
                row["broken_by"] = "; ".join(row["broken_by"])
        write(self.stdout, rows, KEYS, options["format"])
