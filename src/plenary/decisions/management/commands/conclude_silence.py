from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from plenary.decisions import services


class Command(BaseCommand):
    help = "Conclude every silence procedure whose deadline has passed (run by cron or a worker)."

    def handle(self, *args, **options):
        try:
            concluded = services.conclude_due_silence_procedures(now=timezone.now())
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from None
        for procedure in concluded:
            self.stdout.write(
                gettext("%(period)s: %(subject)s: %(outcome)s")
                % {
                    "period": procedure.period,
                    "subject": procedure.subject,
                    "outcome": procedure.get_outcome_display(),
                }
            )
        self.stdout.write(
            ngettext(
                "%(count)s silence procedure concluded.",
                "%(count)s silence procedures concluded.",
                len(concluded),
            )
            % {"count": len(concluded)}
        )
