from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from plenary.decisions import services


class Command(BaseCommand):
    help = "Conclude every silence procedure whose deadline has passed (run by cron or a worker)."

    def handle(self, *args, **options):
        try:
            concluded = services.conclude_due_silence_procedures(now=timezone.now())
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from None
        for procedure in concluded:
            self.stdout.write(f"{procedure.period}: {procedure.subject}: {procedure.outcome}")
        self.stdout.write(f"{len(concluded)} silence procedures concluded.")
