from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from plenary.core.actors import system_actor
from plenary.treaties import services
from plenary.treaties.scope import add_convention_argument, convention_from


class Command(BaseCommand):
    help = (
        "Tell the Delegations of the States for which the Convention enters into force today "
        "(once; the scheduler runs it every hour)."
    )

    def add_arguments(self, parser):
        add_convention_argument(parser)
        parser.add_argument("--on", default=None, help="The day, YYYY-MM-DD (default: today)")

    def handle(self, *args, **options):
        convention = convention_from(options)
        try:
            today = date.fromisoformat(options["on"]) if options["on"] else None
        except ValueError:
            raise CommandError(f"--on: {options['on']!r} is not a date (YYYY-MM-DD)") from None
        if today is None:
            from zoneinfo import ZoneInfo

            today = timezone.now().astimezone(ZoneInfo(convention.time_zone)).date()
        told = services.notify_entries_into_force(
            convention=convention, today=today, by=system_actor()
        )
        for participation in told:
            self.stdout.write(
                _("%(iso3)s: in force from %(day)s")
                % {"iso3": participation.state.iso3, "day": today.isoformat()}
            )
        self.stdout.write(
            ngettext("%(count)s Delegation told.", "%(count)s Delegations told.", len(told))
            % {"count": len(told)}
        )
