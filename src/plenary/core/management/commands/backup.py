from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from plenary.core.backup import BackupError, create_backup
from plenary.core.management.commands._backup_summary import rows_and_files


class Command(BaseCommand):
    help = (
        "Back up the database and the stored files into one .tar.gz archive with a manifest"
        " and checksums (core/backup.py)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "path",
            nargs="?",
            help="The archive to write, or a directory for plenary-<time>.tar.gz"
            " (default: the current directory).",
        )

    def handle(self, *args, path, **options):
        now = timezone.now()
        target = Path(path or ".")
        if target.is_dir():
            target = target / f"plenary-{now:%Y%m%dT%H%M%SZ}.tar.gz"
        if target.exists():
            raise CommandError(f"{target} exists; name another archive")
        try:
            summary = create_backup(path=target, now=now)
        except BackupError as error:
            target.unlink(missing_ok=True)
            raise CommandError(str(error)) from None
        self.stdout.write(_("%(path)s: %(rows)s, %(files)s") % rows_and_files(summary))
