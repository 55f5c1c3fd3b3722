from datetime import date

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from plenary.treaties import selectors, services
from plenary.treaties.models import Instrument
from plenary.treaties.scope import add_convention_argument, convention_from


class Command(BaseCommand):
    help = (
        "Record the deposit of a State's instrument as the depositary notified it, acting as "
        "a Secretariat user."
    )

    def add_arguments(self, parser):
        add_convention_argument(parser)
        parser.add_argument("iso3", help="the State's ISO 3166 alpha-3 code")
        parser.add_argument("--instrument", required=True, choices=Instrument.values)
        parser.add_argument("--on", required=True, help="the date of deposit, YYYY-MM-DD")
        parser.add_argument("--notification", required=True, help="the C.N. reference")
        parser.add_argument("--by", required=True, help="the user name of the Secretariat user")

    def handle(self, *args, **options):
        convention = convention_from(options)
        by = get_user_model().objects.filter(username=options["by"]).first()
        if by is None:
            raise CommandError(f"no user {options['by']!r}")
        try:
            participation = services.record_deposit(
                convention=convention,
                state=selectors.state_of(options["iso3"]),
                instrument=options["instrument"],
                deposited_on=date.fromisoformat(options["on"]),
                notification=options["notification"],
                by=by,
                today=timezone.localdate(),
            )
        except ValidationError as error:
            raise CommandError(
                "; ".join(f"{k}: {' '.join(v)}" for k, v in error.message_dict.items())
            ) from None
        except PermissionDenied as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            _("%(state)s: deposited %(deposited)s, in force from %(eif)s")
            % {
                "state": participation.state.local_name,
                "deposited": participation.deposited_on.isoformat(),
                "eif": participation.entry_into_force.isoformat(),
            }
        )
