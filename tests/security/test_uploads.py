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


def test_a_truncated_pdf_is_refused_when_a_parser_is_installed():
    pytest.importorskip("pypdf")
    with pytest.raises(ValidationError):
        check_upload(SimpleUploadedFile("x.pdf", b"%PDF-1.4\n1 0 obj"))


def test_real_files_still_pass():
    assert check_upload(SimpleUploadedFile("a.pdf", PDF)) == "pdf"
    assert check_upload(SimpleUploadedFile("a.docx", docx_bytes())) == "docx"
