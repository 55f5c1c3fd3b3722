from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from plenary.core.models import ApiToken, User
from plenary.core.services import issue_api_token, revoke_api_token


class Command(BaseCommand):
    help = (
        "Issue an API token for a user (the key is printed once), list a user's tokens "
        "(--list) or revoke one (--revoke PREFIX)."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="command line")
        parser.add_argument("--list", action="store_true", help="List the user's tokens.")
        parser.add_argument("--revoke", metavar="PREFIX", help="Revoke the token with this prefix.")

    def handle(self, *args, username, name, list, revoke, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"username: no user {username!r}")
        if list:
            for token in user.api_tokens.order_by("created_at"):
                state = (
                    _("revoked on %(day)s") % {"day": f"{token.revoked_at:%Y-%m-%d}"}
                    if token.revoked_at
                    else _("active")
                )
                self.stdout.write(f"{token.prefix}  {token.name}  {state}")
            return
        try:
            if revoke:
                token = ApiToken.objects.filter(user=user, prefix=revoke).first()
                if token is None:
                    raise CommandError(f"revoke: {username} has no token {revoke!r}")
                # The command is run by whoever runs the server: a trusted caller.
                revoke_api_token(token=token, by=None)
                self.stdout.write(_("Revoked %(prefix)s.") % {"prefix": token.prefix})
                return
            self.stdout.write(issue_api_token(user=user, name=name, by=None))
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from None
