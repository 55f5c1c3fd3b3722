from datetime import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from plenary.reminders import services, tasks
from plenary.rules import reminders as rules
from plenary.rules.errors import RuleError


class Command(BaseCommand):
    help = (
        "Reminders of deadlines. `send`: send what is due now (what the worker runs; safe "
        "to run by hand or beside a worker). `start`: queue the worker's first run."
    )

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        send = actions.add_parser("send", help="send the reminders due now")
        send.add_argument(
            "--offsets", help="whole days before a deadline, e.g. 30,7,1 (default: settings)"
        )
        send.add_argument("--now", help="an ISO date-time with its offset (default: now)")
        actions.add_parser("start", help="queue the background worker's first run")

    def handle(self, *args, **options):
        if options["action"] == "start":
            added = tasks.schedule_next_run(now=True)
            self.stdout.write(
                _("Queued the reminders' first run.") if added else _("A run is already queued.")
            )
            return
        try:
            offsets = rules.parse_offsets(options["offsets"]) if options["offsets"] else None
        except RuleError as error:
            raise CommandError(f"--offsets: {error.message}") from None
        now = timezone.now()
        if options["now"]:
            try:
                now = datetime.fromisoformat(options["now"])
            except ValueError:
                now = None
            if now is None or now.tzinfo is None:
                raise CommandError(
                    f"--now: {options['now']!r} is not an ISO date-time with its offset "
                    "(e.g. 2021-04-23T09:00:00+02:00)"
                )
        summary = services.send_due_reminders(now=now, offsets=offsets)
        self.stdout.write(
            ngettext(
                "%(scheduled)s reminder scheduled, %(sent)s sent, %(failed)s failed.",
                "%(scheduled)s reminders scheduled, %(sent)s sent, %(failed)s failed.",
                summary.scheduled,
            )
            % {"scheduled": summary.scheduled, "sent": summary.sent, "failed": summary.failed}
        )
