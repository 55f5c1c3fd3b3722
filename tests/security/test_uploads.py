"""Findings about uploads (failed on 76c584e): a 2 MB zip bomb (2 GiB expanded) was
accepted as a Word file, and a `%PDF-` + HTML polyglot as a PDF."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from plenary.documents.services import check_upload
from tests.documents.conftest import PDF, docx_bytes


def _bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (50 * 1024 * 1024))
    return buffer.getvalue()


def test_a_zip_bomb_is_refused_as_a_word_file():
    with pytest.raises(ValidationError) as refused:
        check_upload(SimpleUploadedFile("bomb.docx", _bomb()))

    assert "zip bomb" in str(refused.value.message_dict["file"])


def test_a_pdf_html_polyglot_is_refused():
    polyglot = b"%PDF-1.4\n<html><script>alert(1)</script></html>\n%%EOF\n"

    with pytest.raises(ValidationError) as refused:
        check_upload(SimpleUploadedFile("x.pdf", polyglot))

    assert "not one" in str(refused.value.message_dict["file"])


def test_a_pdf_is_parsed_not_only_its_first_bytes():
    """Absent on 2cdebbd without pypdf in the locks: a truncated or forged PDF passed."""
    from plenary.core.validation import is_whole_pdf

    truncated = PDF[: len(PDF) // 2]
    forged = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    for content in (truncated, forged, b"%PDF-1.4\n1 0 obj"):
        assert not is_whole_pdf(content)
        with pytest.raises(ValidationError):
            check_upload(SimpleUploadedFile("x.pdf", content))
    assert is_whole_pdf(PDF)


def test_a_dead_workers_upload_file_is_cleaned(tmp_path, settings):
    """A worker killed mid-upload leaves its spooled file; the scheduler's job deletes it
    once older than UPLOAD_TEMP_MAX_AGE_SECONDS (absent on 2cdebbd: files were spooled to
    the system's temporary directory and nothing removed them)."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from django.utils import timezone

    from plenary.jobs import prune_upload_files

    worker = (
        "import os, signal, django; django.setup();"
        "from django.core.files.uploadedfile import TemporaryUploadedFile;"
        "f = TemporaryUploadedFile('big.pdf', 'application/pdf', 0, None);"
        "f.write(b'%PDF-1.4 half an upload'); f.flush();"
        "os.kill(os.getpid(), signal.SIGKILL)"
    )
    died = subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
        [sys.executable, "-c", worker],
        env={**os.environ, "FILE_UPLOAD_TEMP_DIR": str(tmp_path)},
        check=False,
    )
    assert died.returncode == -signal.SIGKILL
    left = list(tmp_path.glob("*.upload*"))
    assert len(left) == 1  # what a dead worker leaves behind
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path)
    assert prune_upload_files(now=timezone.now()).startswith("0 ")  # too young yet
    old = time.time() - settings.UPLOAD_TEMP_MAX_AGE_SECONDS - 60
    os.utime(left[0], (old, old))
    assert prune_upload_files(now=timezone.now()) == "1 abandoned upload files deleted"
    assert not list(tmp_path.iterdir())


def test_real_files_still_pass():
    assert check_upload(SimpleUploadedFile("a.pdf", PDF)) == "pdf"
    assert check_upload(SimpleUploadedFile("a.docx", docx_bytes())) == "docx"
