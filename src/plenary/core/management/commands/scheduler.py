import logging
import signal
import threading

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from plenary.core.scheduler import Scheduler, configured_jobs, deadline_after


def positive(value: str) -> float:
    number = float(value)
    if number <= 0:
        raise ValueError(value)
    return number


class Command(BaseCommand):
    help = (
        "Run the scheduled jobs (settings.PLENARY_SCHEDULE) until stopped: conclude silence"
        " procedures past their deadline, send reminders, clear sessions, prune task rows."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--tick",
            type=positive,
            default=None,
            help="Seconds between looks at the schedule (default SCHEDULER_TICK_SECONDS).",
        )
        parser.add_argument(
            "--for",
            dest="for_seconds",
            type=positive,
            default=None,
            help="Stop after this many seconds (tests and smoke checks); default: run until "
            "SIGTERM or SIGINT.",
        )
        parser.add_argument(
            "--list", dest="list_only", action="store_true", help="Print the schedule and exit."
        )

    def handle(self, *args, tick, for_seconds, list_only, **options):
        try:
            jobs = configured_jobs()
        except (ImportError, ValueError, TypeError) as error:
            raise CommandError(f"PLENARY_SCHEDULE: {error}") from None
        if list_only:
            for job in jobs:
                every = _("every %(seconds)s s") % {"seconds": int(job.every.total_seconds())}
                self.stdout.write(f"{job.name}\t{every}")
            return
        if options["verbosity"] > 1:
            logging.getLogger("plenary.scheduler").setLevel(logging.INFO)
        stop = threading.Event()
        if threading.current_thread() is threading.main_thread():
            for signum in (signal.SIGTERM, signal.SIGINT):
                signal.signal(signum, lambda *_: stop.set())
        Scheduler(jobs).run(
            tick=tick or settings.SCHEDULER_TICK_SECONDS,
            stop=stop,
            until=deadline_after(for_seconds) if for_seconds else None,
        )
