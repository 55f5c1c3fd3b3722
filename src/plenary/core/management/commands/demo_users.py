from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from plenary.core.services import ensure_demo_users


class Command(BaseCommand):
    help = "Create one demo account per role (development only) and print how to sign in."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("demo accounts are for development: DEBUG is false")
        users = ensure_demo_users()
        self.stdout.write(f"Demo accounts (password: {settings.DEMO_PASSWORD}):")
        for user in users:
            acts_for = f" for {user.acts_for}" if user.acts_for else ""
            self.stdout.write(f"  {user.username:<14} {user.get_role_display()}{acts_for}")
