"""Backups: the database and the stored files in one archive, with a manifest and checksums.

An archive (`.tar.gz`) holds `manifest.json`, one `database/<app>.<model>.json` per table
(every model, history, many-to-many tables, sessions and tasks included) and the files
of the default storage under `files/`. The manifest records when and from what it was
made, the migrations the database had, and the SHA-256 and size of every member.

Consistent: the tables are read in one transaction (REPEATABLE READ on PostgreSQL;
SQLite's transaction holds the write lock), then the files are copied. A file is written
to storage before the row that names it is committed and never deleted afterwards, so
every file a dumped row names is in storage by the time the files are copied.

Restoring writes rows with `bulk_create` (no signals: no history rows, no cache bumps) into
a migrated database that holds no records, with the same primary keys, then resets the
sequences, writes the files through the storage API and clears the shared page cache.
Stop the app processes, the worker and the scheduler while restoring.
"""

import contextlib
import hashlib
import io
import json
import tarfile
from dataclasses import dataclass
from datetime import datetime, time
from pathlib import Path

from django.apps import apps
from django.core import serializers
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.db.models import Model

FORMAT = 1
# Rows `migrate` itself creates; their presence does not make a database "not empty".
CREATED_BY_MIGRATE = {"contenttypes.contenttype", "auth.permission"}


class BackupError(Exception):
    """A backup or restore refused, with the reason to show."""


@dataclass(frozen=True)
class Summary:
    path: Path
    rows: int
    files: int


class ExactEncoder(DjangoJSONEncoder):
    """Django's encoder, less its rounding of times to milliseconds (ECMA-262): a restore
    must give back the microseconds the database holds."""

    def default(self, o):
        if isinstance(o, datetime | time):
            return o.isoformat()
        return super().default(o)


def backed_up_models() -> list[type[Model]]:
    """Every table Django manages, in a stable order (auto-created m2m tables included)."""
    models = [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    ]
    return sorted(models, key=lambda model: model._meta.label_lower)


def _applied_migrations() -> list[list[str]]:
    return sorted([app, name] for app, name in MigrationRecorder(connection).applied_migrations())


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _add(archive: tarfile.TarFile, name: str, data: bytes, entries: dict) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    archive.addfile(info, io.BytesIO(data))
    entries[name] = {"sha256": _digest(data), "bytes": len(data)}


def _stored_files(directory: str = "") -> list[str]:
    """Every file in the default storage, walked through the storage API (disk or S3)."""
    try:
        folders, files = default_storage.listdir(directory)
    except FileNotFoundError:
        return []
    names = [f"{directory}/{name}" if directory else name for name in files]
    for folder in folders:
        names += _stored_files(f"{directory}/{folder}" if directory else folder)
    return sorted(names)


def create_backup(*, path: Path, now: datetime) -> Summary:
    """Write the archive to `path`: the tables first, in one transaction, then the files."""
    entries: dict[str, dict] = {}
    counts: dict[str, int] = {}
    with tarfile.open(path, "w:gz") as archive:
        # One snapshot for every table; inside a caller's transaction it already is one.
        snapshot = connection.vendor == "postgresql" and not connection.in_atomic_block
        with transaction.atomic():
            if snapshot:
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            migrations = _applied_migrations()
            for model in backed_up_models():
                rows = model._base_manager.order_by("pk")
                counts[model._meta.label_lower] = rows.count()
                data = json.dumps(serializers.serialize("python", rows), cls=ExactEncoder).encode()
                _add(archive, f"database/{model._meta.label_lower}.json", data, entries)
        files = _stored_files()
        for name in files:
            with default_storage.open(name, "rb") as stored:
                _add(archive, f"files/{name}", stored.read(), entries)
        manifest = {
            "format": FORMAT,
            "created_at": now.isoformat(),
            "database_vendor": connection.vendor,
            "migrations": migrations,
            "rows": counts,
            "members": entries,
        }
        info = tarfile.TarInfo("manifest.json")
        data = json.dumps(manifest, indent=1, sort_keys=True).encode()
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
    return Summary(path=path, rows=sum(counts.values()), files=len(files))


def _read_verified(path: Path) -> tuple[dict, dict[str, bytes]]:
    """The manifest and every member, each checked against its checksum."""
    try:
        with tarfile.open(path, "r:gz") as archive:
            members = {
                member.name: archive.extractfile(member).read()
                for member in archive.getmembers()
                if member.isfile()
            }
    except (OSError, tarfile.TarError) as error:
        raise BackupError(f"{path}: not a readable backup ({error})") from None
    if "manifest.json" not in members:
        raise BackupError(f"{path}: no manifest.json; not a plenary backup")
    manifest = json.loads(members.pop("manifest.json"))
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{path}: backup format {manifest.get('format')}, expected {FORMAT}")
    expected = manifest["members"]
    if set(expected) != set(members):
        missing, extra = set(expected) - set(members), set(members) - set(expected)
        raise BackupError(f"{path}: members differ from the manifest: {missing or extra}")
    for name, data in members.items():
        if _digest(data) != expected[name]["sha256"]:
            raise BackupError(f"{path}: {name} does not match its checksum")
    return manifest, members


def _records_present() -> list[str]:
    return [
        model._meta.label_lower
        for model in backed_up_models()
        if model._meta.label_lower not in CREATED_BY_MIGRATE and model._base_manager.exists()
    ]


def restore_backup(*, path: Path) -> Summary:
    """Restore the archive into this (migrated, empty) database and the default storage."""
    manifest, members = _read_verified(path)
    if manifest["migrations"] != _applied_migrations():
        raise BackupError(
            "the database's migrations differ from the backup's: run `plenary migrate` with"
            " the plenary version that made the backup, then restore"
        )
    present = _records_present()
    if present:
        raise BackupError(
            f"the database is not empty ({', '.join(present[:5])}, ...): restore into a new,"
            " migrated database"
        )
    for name, data in members.items():
        if name.startswith("files/") and default_storage.exists(name.removeprefix("files/")):
            stored = name.removeprefix("files/")
            with default_storage.open(stored, "rb") as existing:
                if _digest(existing.read()) != _digest(data):
                    raise BackupError(f"storage already holds a different {stored}")
    models = backed_up_models()
    rows = 0
    with transaction.atomic():
        tables = [model._meta.db_table for model in models]
        with connection.cursor() as cursor:
            for sql in connection.ops.sql_flush(no_style(), tables, reset_sequences=True):
                cursor.execute(sql)
        with connection.constraint_checks_disabled(), _times_as_stored(models):
            for model in models:
                objects = [
                    item.object
                    for item in serializers.deserialize(
                        "python", json.loads(members[f"database/{model._meta.label_lower}.json"])
                    )
                ]
                model._base_manager.bulk_create(objects, batch_size=500)
                rows += len(objects)
        connection.check_constraints(table_names=tables)
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(sql)
        _retire_cached_pages()
    files = 0
    for name, data in members.items():
        if name.startswith("files/"):
            stored = name.removeprefix("files/")
            if not default_storage.exists(stored):
                saved = default_storage.save(stored, ContentFile(data))
                if saved != stored:
                    raise BackupError(f"storage saved {stored} as {saved}")
            files += 1
    return Summary(path=path, rows=rows, files=files)


@contextlib.contextmanager
def _times_as_stored(models):
    """Keep the stored value of `auto_now`/`auto_now_add` fields (bulk_create would stamp
    them with the time of the restore)."""
    stamped = [
        (field, field.auto_now, field.auto_now_add)
        for model in models
        for field in model._meta.concrete_fields
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
    ]
    try:
        for field, _, _ in stamped:
            field.auto_now = field.auto_now_add = False
        yield
    finally:
        for field, auto_now, auto_now_add in stamped:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add


def _retire_cached_pages() -> None:
    """Pages cached before the restore may be keyed by a generation the restored
    database has again: clear the shared page cache (app processes are stopped)."""
    # A cache server that is down holds no stale page.
    with contextlib.suppress(Exception):
        caches["pages"].clear()
