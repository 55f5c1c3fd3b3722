from django.core.management.base import BaseCommand, CommandError

from plenary.core.models import User
from plenary.core.services import issue_api_token


class Command(BaseCommand):
    help = "Issue an API token for a user; the key is printed once."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="command line")

    def handle(self, *args, username, name, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"username: no user {username!r}")
        self.stdout.write(issue_api_token(user=user, name=name))
