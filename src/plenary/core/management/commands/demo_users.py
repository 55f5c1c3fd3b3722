from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from plenary.core.services import ensure_demo_users
from plenary.treaties.models import Convention


class Command(BaseCommand):
    help = "Create one demo account per role under a convention (development only)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--convention",
            default=getattr(settings, "PLENARY_DEFAULT_CONVENTION", ""),
            help="Short name of the convention (default: PLENARY_DEFAULT_CONVENTION).",
        )

    def handle(self, *args, convention, **options):
        if not settings.DEBUG:
            raise CommandError("demo accounts are for development: DEBUG is false")
        if not convention:
            raise CommandError("convention: give --convention (no PLENARY_DEFAULT_CONVENTION)")
        found = Convention.objects.filter(short_name__iexact=convention).first()
        if found is None:
            raise CommandError(f"convention: no convention {convention!r} is loaded")
        users = ensure_demo_users(convention=found)
        self.stdout.write(
            _("Demo accounts under the %(convention)s (password: %(password)s):")
            % {"convention": found, "password": settings.DEMO_PASSWORD}
        )
        for user in users:
            for grant in user.grants.filter(convention=found):
                acts_for = (
                    " " + _("for %(state)s") % {"state": grant.acts_for} if grant.acts_for else ""
                )
                function = f", {grant.get_function_display()}" if grant.function else ""
                self.stdout.write(
                    f"  {user.username:<14} {grant.get_role_display()}{acts_for}{function}"
                )
