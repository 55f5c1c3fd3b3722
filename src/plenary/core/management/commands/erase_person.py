from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from plenary.core.models import User
from plenary.core.services import erase_personal_data
from plenary.treaties.models import Convention


class Command(BaseCommand):
    help = (
        "Erase a person's personal data on their request (names, e-mail, user name, in the "
        "account and its history); what their State did stays on record."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--convention", required=True, help="Short name, e.g. CCM.")
        parser.add_argument("--reason", required=True, help="The request and its date.")
        parser.add_argument(
            "--by", required=True, help="User name of the Secretariat member who erases."
        )

    def handle(self, *args, username, convention, reason, by, **options):
        found = Convention.objects.filter(short_name__iexact=convention).first()
        if found is None:
            raise CommandError(f"convention: no convention {convention!r} is loaded")
        person = User.objects.filter(username=username).first()
        if person is None:
            raise CommandError(f"username: no account {username!r}")
        actor = User.objects.filter(username=by, is_active=True).first()
        if actor is None:
            raise CommandError(f"by: no active account {by!r}")
        try:
            erased = erase_personal_data(person=person, convention=found, reason=reason, by=actor)
        except ValidationError as error:
            field, messages = next(iter(error.message_dict.items()))
            raise CommandError(f"{field}: {messages[0]}") from None
        except PermissionDenied as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            _("%(username)s: personal data erased (now %(erased)s).")
            % {"username": username, "erased": erased.username}
        )
