"""The Second Review Conference, its documents, and files that are (or pretend to be) PDF/DOCX."""

import io
import zipfile
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from plenary.documents import services
from plenary.documents.models import Document, Submitter
from plenary.documents.reference import load_documents
from plenary.meetings.models import Meeting
from plenary.meetings.services import PartPlan, create_meeting
from plenary.treaties.models import State


def pdf_bytes() -> bytes:
    """A real one-page PDF, made by pypdf (uploads are parsed: core.validation)."""
    import pypdf

    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


PDF = pdf_bytes()


def docx_bytes(*, word: bool = True) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml" if word else "xl/workbook.xml", "<document/>")
    return buffer.getvalue()


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def files_under(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


@pytest.fixture
def media(settings, tmp_path) -> Path:
    """Files go to a fresh directory of this test."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


def second_review_conference(convention) -> Meeting:
    """The Second Review Conference as the reference data has it (created when not loaded)."""
    found = Meeting.objects.filter(symbol_root="CCM/CONF/2020").first()
    if found is not None:
        return found
    return create_meeting(
        convention=convention,
        code="2RC",
        kind="review_conference",
        number=2,
        title="Second Review Conference of the Convention on Cluster Munitions",
        symbol_root="CCM/CONF/2020",
        parts=[
            PartPlan(number=1, starts_on=date(2020, 11, 25), ends_on=date(2020, 11, 27)),
            PartPlan(number=2, starts_on=date(2021, 2, 4), ends_on=date(2021, 2, 5)),
        ],
    )


def clear_documents(meeting: Meeting) -> None:
    # Revisions first: a document protects the documents that revise it.
    for document in Document.objects.filter(meeting=meeting).order_by("-suffixes"):
        document.delete()


@pytest.fixture
def conference(ccm) -> Meeting:
    """The Second Review Conference before any of its documents is issued."""
    meeting = second_review_conference(ccm)
    clear_documents(meeting)
    return meeting


@pytest.fixture
def annex(ccm) -> Meeting:
    """The Second Review Conference with the 30 documents of seed 003's annex, as the
    reference data loads them (data/ccm/meetings.json, data/ccm/documents.csv)."""
    meeting = second_review_conference(ccm)
    load_documents(convention=ccm, directory=settings.REFERENCE_DATA_DIR / "ccm")
    assert meeting.documents.count() == 30
    return meeting


@pytest.fixture
def peru_request(conference):
    """A document Peru submitted (its extension request), which Peru's delegation may upload."""
    return services.create_document(
        meeting=conference,
        symbol="CCM/CONF/2020/WP.9",
        title="Request for an extension of the deadline under Article 3",
        submitted_by=Submitter.STATES,
        submitting_states=[State.objects.get(iso3="PER")],
    )
