from django.conf import settings

from plenary.documents.models import Document
from plenary.documents.reference import load_documents
from plenary.meetings.models import Meeting
from plenary.reference import load_reference
from tests.conftest import LOAD_DAY


def test_load_documents_is_idempotent(conference):
    first = load_documents(
        convention=conference.convention, directory=settings.REFERENCE_DATA_DIR / "ccm"
    )
    second = load_documents(
        convention=conference.convention, directory=settings.REFERENCE_DATA_DIR / "ccm"
    )

    loaded_before = 30 - int(first.split()[1])
    assert first == f"Documents: {30 - loaded_before} added, {loaded_before} already on record."
    assert second == "Documents: 0 added, 30 already on record."
    assert Document.objects.filter(meeting=conference).count() == 30
    assert Document.objects.get(symbol="CCM/CONF/2020/CRP.8").part.number == 1


def test_load_documents_skips_rows_of_a_meeting_not_loaded(ccm):
    Document.objects.all().delete()
    Meeting.objects.filter(symbol_root="CCM/CONF/2020").update(symbol_root="")

    summary = load_documents(convention=ccm, directory=settings.REFERENCE_DATA_DIR / "ccm")

    assert summary == (
        "Documents: 0 added, 0 already on record; skipped 30 of CCM/CONF/2020 (meeting not loaded)."
    )
    assert not Document.objects.exists()


def test_load_reference_loads_the_documents_after_the_meetings(ccm):
    lines = load_reference(today=LOAD_DAY).lines

    assert "Documents: 0 added, 30 already on record." in lines
