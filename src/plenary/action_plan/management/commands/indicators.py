from django.core.management.base import BaseCommand, CommandError
from django.http import Http404
from django.utils import timezone

from plenary.action_plan import render, selectors
from plenary.rules.errors import RuleError
from plenary.treaties.management.commands._listing import write
from plenary.treaties.scope import add_convention_argument, convention_from

KEYS = ["section", "indicator", "text", "baseline_year", "baseline", "target", "year", "value"]


class Command(BaseCommand):
    help = (
        "An action plan's indicators in a year against baseline and target; computed "
        "indicators are recomputed from the records. E.g. plenary indicators LAP --year 2020"
    )

    def add_arguments(self, parser):
        add_convention_argument(parser)
        parser.add_argument("plan", help="the plan's code, e.g. DAP or LAP")
        parser.add_argument("--year", type=int, help="default: this year, or the plan's last")
        parser.add_argument("--format", choices=["table", "json", "csv"], default="table")

    def handle(self, *args, **options):
        try:
            plan = selectors.action_plan(convention=convention_from(options), code=options["plan"])
        except Http404 as error:
            raise CommandError(str(error)) from None
        year = options["year"] or min(timezone.localdate().year, plan.last_year)
        try:
            rows = render.progress_rows(selectors.plan_progress(plan=plan, year=year))
        except RuleError as error:
            raise CommandError(str(error)) from None
        keys = render.PROGRESS_KEYS if options["format"] != "table" else KEYS
        write(self.stdout, rows, keys, options["format"])
