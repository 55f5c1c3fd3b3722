"""`plenary backup` then `plenary restore` into an empty database gives back the same
records, history and files, and nothing more.

The tests that empty the database are transactional: the backup and the restore then run
in their own transactions, committed, as the commands do (the backup's REPEATABLE READ
snapshot on PostgreSQL, the restore's foreign-key checks, deferred until its inserts are
done). Inside a test's transaction PostgreSQL refuses to TRUNCATE tables the test has
written to ("pending trigger events"). When such a test ends, pytest-django empties every
table; the `ccm` fixture of the next test loads the reference data again.
"""

import io
import shutil
import tarfile
from datetime import date, datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.core.management.color import no_style
from django.db import connection, transaction

from plenary.core.backup import backed_up_models
from plenary.decisions import services as decisions
from plenary.treaties.models import State

GENEVA = ZoneInfo("Europe/Zurich")
FILES = {
    "documents/CCM_MSP_2030_CRP.1_en.pdf": b"%PDF-1.7 the proposal",
    "documents/2030/annex.docx": b"PK\x03\x04 an annex",
}


@pytest.fixture
def records(ccm, president, peru_delegate, settings, tmp_path):
    """A procedure circulated and broken (rows and history), and files in storage."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    procedure = decisions.circulate_silence_procedure(
        convention=ccm,
        subject="Dates of the Eleventh Meeting of States Parties",
        circulated_on=date(2030, 3, 2),
        deadline_on=date(2030, 3, 9),
        now=datetime(2030, 3, 2, 10, tzinfo=GENEVA),
        by=president,
    )
    decisions.break_silence(
        procedure=procedure,
        state=State.objects.get(iso3="PER"),
        reason="The dates clash with another meeting.",
        now=datetime(2030, 3, 3, 10, tzinfo=GENEVA),
        by=peru_delegate,
    )
    for name, data in FILES.items():
        default_storage.save(name, ContentFile(data))
    return procedure


def snapshot() -> dict[str, list[tuple]]:
    return {
        model._meta.label_lower: list(model._base_manager.order_by("pk").values_list())
        for model in backed_up_models()
    }


def empty_everything(media) -> None:
    """An empty database (as `migrate` leaves it, less its content types) and storage.

    Committed, in a transaction of its own (a transactional test): SQLite deletes table by
    table and checks the foreign keys at the commit."""
    assert not connection.in_atomic_block, "empty the database from a transactional test"
    tables = [model._meta.db_table for model in backed_up_models()]
    with transaction.atomic(), connection.cursor() as cursor:
        for sql in connection.ops.sql_flush(no_style(), tables, reset_sequences=True):
            cursor.execute(sql)
    shutil.rmtree(media)


@pytest.mark.django_db(transaction=True)
def test_a_restore_gives_back_the_same_records_history_and_files(records, settings, tmp_path):
    before = snapshot()
    assert len(before["decisions.historicalsilenceprocedure"]) >= 1
    archive = tmp_path / "backup.tar.gz"
    out = StringIO()
    call_command("backup", str(archive), stdout=out)
    empty_everything(settings.MEDIA_ROOT)
    assert not snapshot()["decisions.silenceprocedure"]

    call_command("restore", str(archive), stdout=out)

    assert snapshot() == before
    for name, data in FILES.items():
        with default_storage.open(name, "rb") as restored:
            assert restored.read() == data
    rows = sum(len(rows) for rows in before.values())
    assert out.getvalue().splitlines() == [
        f"{archive}: {rows} rows, 2 files",
        f"{archive}: restored {rows} rows, 2 files",
    ]


def test_the_manifest_lists_every_member_with_its_checksum(records, tmp_path):
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", str(archive), stdout=StringIO())

    with tarfile.open(archive) as opened:
        names = set(opened.getnames())

    assert "manifest.json" in names
    assert {f"files/{name}" for name in FILES} <= names
    assert "database/decisions.silencebreak.json" in names
    assert "database/decisions.historicalsilenceprocedure.json" in names


def test_a_restore_into_a_database_with_records_is_refused(records, tmp_path):
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", str(archive), stdout=StringIO())

    with pytest.raises(CommandError, match="the database is not empty"):
        call_command("restore", str(archive), stdout=StringIO())


@pytest.mark.django_db(transaction=True)
def test_a_tampered_archive_is_refused_before_anything_is_written(records, settings, tmp_path):
    archive, tampered = tmp_path / "backup.tar.gz", tmp_path / "tampered.tar.gz"
    call_command("backup", str(archive), stdout=StringIO())
    with tarfile.open(archive) as source, tarfile.open(tampered, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name == "files/documents/2030/annex.docx":
                data = data + b"changed"
                member.size = len(data)
            target.addfile(member, io.BytesIO(data))
    empty_everything(settings.MEDIA_ROOT)

    with pytest.raises(CommandError, match=r"annex\.docx does not match its checksum"):
        call_command("restore", str(tampered), stdout=StringIO())
    assert not snapshot()["decisions.silenceprocedure"]
