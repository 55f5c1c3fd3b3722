from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from plenary.core.backup import BackupError, restore_backup
from plenary.core.management.commands._backup_summary import rows_and_files


class Command(BaseCommand):
    help = (
        "Restore a `plenary backup` archive into this migrated, empty database and the"
        " default storage, after checking every member against the manifest."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The archive `plenary backup` wrote.")

    def handle(self, *args, path, **options):
        try:
            summary = restore_backup(path=Path(path))
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(_("%(path)s: restored %(rows)s, %(files)s") % rows_and_files(summary))
