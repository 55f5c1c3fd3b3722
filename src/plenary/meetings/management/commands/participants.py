import json

from django.core.management.base import BaseCommand, CommandError
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from plenary.meetings import selectors
from plenary.treaties.scope import add_convention_argument, convention_from

HEADINGS = {
    "states_parties": _("States Parties"),
    "signatories": _("States signatories"),
    "other_states": _("Other States"),
    "rule_1_2": _("Observers under rule 1 (2) of the rules of procedure"),
    "rule_1_3": _("Observers under rule 1 (3) of the rules of procedure"),
}


class Command(BaseCommand):
    help = "The participants of a meeting's part by category: plenary participants 2RC --part 1."

    def add_arguments(self, parser):
        add_convention_argument(parser)
        parser.add_argument("meeting", help="The meeting's code or symbol root (e.g. 2RC).")
        parser.add_argument("--part", type=int, default=1)
        parser.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args, **options):
        try:
            part = selectors.part_by_reference(
                options["meeting"], options["part"], convention=convention_from(options)
            )
        except Http404 as error:
            raise CommandError(str(error)) from error
        lists = selectors.participants_by_category(part=part)
        if options["format"] == "json":
            self.stdout.write(json.dumps(lists, indent=2, ensure_ascii=False))
            return
        for category, names in lists.items():
            self.stdout.write(f"{HEADINGS[category]} ({len(names)})")
            for name in names:
                self.stdout.write(f"  {name}")
