from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError
from django.db.models.signals import pre_save

from plenary.documents import services
from plenary.documents.models import Document, DocumentStatus, LanguageVersion, Submitter
from plenary.meetings.services import PartPlan, add_agenda_item, create_meeting
from plenary.rules import symbols
from tests.documents.conftest import PDF, docx_bytes, files_under, upload


def _errors(excinfo) -> dict:
    return excinfo.value.message_dict


def test_create_document_stores_the_parsed_symbol(conference):
    document = services.create_document(
        meeting=conference,
        symbol="CCM/CONF/2020/CRP.8",
        title="Draft Interim report of the Second Review Conference",
        issued_on=date(2020, 11, 26),
        part=conference.parts.get(number=1),
    )

    document.refresh_from_db()
    assert (document.symbol, document.series, document.number, document.suffixes) == (
        "CCM/CONF/2020/CRP.8",
        "CRP",
        8,
        "",
    )
    assert document.status == DocumentStatus.ISSUED
    assert document.history.count() == 1


def test_create_document_refuses_a_malformed_symbol(conference):
    with pytest.raises(ValidationError) as excinfo:
        services.create_document(meeting=conference, symbol="CCM/CONF/2020/XX.1", title="T")

    expected = (
        "'CCM/CONF/2020/XX.1': "
        + symbols.UNKNOWN_SERIES.format(part="XX")
        + f"; expected {symbols.EXPECTED_SHAPE}"
    )
    assert _errors(excinfo) == {"symbol": [expected]}
    assert not Document.objects.exists()


def test_create_document_refuses_a_symbol_of_another_meeting(conference):
    with pytest.raises(ValidationError) as excinfo:
        services.create_document(meeting=conference, symbol="CCM/MSP/2019/WP.1", title="T")

    assert _errors(excinfo) == {
        "symbol": [
            services.SYMBOL_OF_ANOTHER_MEETING
            % {"symbol": "CCM/MSP/2019/WP.1", "meeting": conference, "root": "CCM/CONF/2020"}
        ]
    }


def test_create_document_refuses_a_duplicate_symbol(conference):
    services.create_document(meeting=conference, symbol="CCM/CONF/2020/WP.1", title="Lausanne")

    with pytest.raises(ValidationError) as excinfo:
        services.create_document(meeting=conference, symbol="CCM/CONF/2020/WP.1", title="Other")

    assert _errors(excinfo) == {
        "symbol": [
            services.DUPLICATE_SYMBOL % {"symbol": "CCM/CONF/2020/WP.1", "title": "Lausanne"}
        ]
    }
    assert Document.objects.count() == 1


def test_create_document_refuses_a_revision_of_a_missing_document(conference):
    with pytest.raises(ValidationError) as excinfo:
        services.create_document(
            meeting=conference, symbol="CCM/CONF/2020/CRP.8/Rev.1", title="Draft"
        )

    assert _errors(excinfo) == {
        "symbol": [
            services.REVISED_DOCUMENT_MISSING
            % {"symbol": "CCM/CONF/2020/CRP.8/Rev.1", "revised": "CCM/CONF/2020/CRP.8"}
        ]
    }


def test_a_revision_supersedes_the_document_it_revises_and_a_corrigendum_does_not(conference):
    original = services.create_document(
        meeting=conference, symbol="CCM/CONF/2020/CRP.8", title="Draft"
    )
    revision = services.create_document(
        meeting=conference, symbol="CCM/CONF/2020/CRP.8/Rev.1", title="Draft"
    )
    corrigendum = services.create_document(
        meeting=conference, symbol="CCM/CONF/2020/CRP.8/Rev.1/Corr.1", title="Draft"
    )

    original.refresh_from_db()
    revision.refresh_from_db()
    assert revision.revises == original
    assert corrigendum.revises == revision
    assert corrigendum.suffixes == "Rev.1/Corr.1"
    assert original.status == DocumentStatus.SUPERSEDED
    assert revision.status == DocumentStatus.ISSUED
    assert original.history.first().history_change_reason == "Revised by CCM/CONF/2020/CRP.8/Rev.1"


def test_create_document_by_states_names_a_state(conference):
    with pytest.raises(ValidationError) as excinfo:
        services.create_document(
            meeting=conference,
            symbol="CCM/CONF/2020/WP.1",
            title="T",
            submitted_by=Submitter.STATES,
        )

    assert _errors(excinfo) == {"submitting_states": [services.STATES_REQUIRED]}


def test_create_document_refuses_an_agenda_item_of_another_meeting(ccm, conference):
    other = create_meeting(
        convention=ccm,
        code="TEST-MSP",
        kind="msp",
        title="Tenth Meeting of States Parties",
        symbol_root="CCM/MSP/2022",
        parts=[PartPlan(number=1, starts_on=date(2022, 8, 30), ends_on=date(2022, 9, 1))],
    )
    item = add_agenda_item(meeting=other, number=1, title="Opening of the Meeting")

    with pytest.raises(ValidationError) as excinfo:
        services.create_document(
            meeting=conference, symbol="CCM/CONF/2020/1", title="T", agenda_items=[item]
        )

    assert _errors(excinfo) == {
        "agenda_items": [services.ITEM_OF_ANOTHER_MEETING % {"item": item, "meeting": conference}]
    }


def test_only_the_secretariat_issues_documents(conference, peru_delegate, secretariat):
    with pytest.raises(PermissionDenied, match=str(services.MAY_NOT_ISSUE)):
        services.create_document(
            meeting=conference, symbol="CCM/CONF/2020/WP.1", title="T", by=peru_delegate
        )
    document = services.create_document(
        meeting=conference, symbol="CCM/CONF/2020/WP.1", title="T", by=secretariat
    )
    assert document.history.first().history_user == secretariat


def test_allocate_next_symbol_continues_the_series(conference, secretariat):
    for symbol in ("CCM/CONF/2020/CRP.1", "CCM/CONF/2020/CRP.2", "CCM/CONF/2020/CRP.2/Rev.1"):
        services.create_document(meeting=conference, symbol=symbol, title="T")

    document = services.allocate_next_symbol(
        meeting=conference, series="CRP", title="Draft decision", by=secretariat
    )
    first_wp = services.allocate_next_symbol(
        meeting=conference, series="WP", title="Paper", by=secretariat
    )

    assert document.symbol == "CCM/CONF/2020/CRP.3"
    assert document.status == DocumentStatus.ADVANCE
    assert first_wp.symbol == "CCM/CONF/2020/WP.1"


def test_allocate_next_symbol_refuses_an_unknown_series(conference):
    with pytest.raises(ValidationError) as excinfo:
        services.allocate_next_symbol(meeting=conference, series="XYZ", title="T")

    assert _errors(excinfo) == {"series": [symbols.BAD_SERIES_NAME.format(series="XYZ")]}


# Language versions and their files.


def test_add_language_version_stores_the_file_and_its_digest(conference, media, secretariat):
    document = services.create_document(meeting=conference, symbol="CCM/CONF/2020/WP.1", title="T")

    version = services.add_language_version(
        document=document,
        language="fr",
        upload=upload("déclaration.pdf", PDF),
        is_original=True,
        by=secretariat,
    )

    version.refresh_from_db()
    assert version.file.read() == PDF
    assert version.size == len(PDF)
    assert version.content_type == "application/pdf"
    assert len(version.sha256) == 64
    assert version.download_name == "CCM_CONF_2020_WP.1_fr.pdf"
    assert files_under(media) == ["documents/CCM_CONF_2020_WP.1_fr.pdf"]


def test_add_language_version_accepts_a_word_document(conference, media):
    document = services.create_document(meeting=conference, symbol="CCM/CONF/2020/WP.1", title="T")

    version = services.add_language_version(
        document=document, language="en", upload=upload("wp1.DOCX", docx_bytes())
    )

    assert version.content_type == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert version.download_name == "CCM_CONF_2020_WP.1_en.docx"


def test_replacing_a_language_version_keeps_the_earlier_file_in_history(conference, media):
    document = services.create_document(meeting=conference, symbol="CCM/CONF/2020/WP.1", title="T")
    first = services.add_language_version(
        document=document, language="en", upload=upload("a.pdf", PDF)
    )
    first_name = first.file.name

    second = services.add_language_version(
        document=document, language="en", upload=upload("b.pdf", PDF + b"% second\n")
    )

    assert second.pk == first.pk
    assert LanguageVersion.objects.count() == 1
    assert second.file.name != first_name
    assert [h.file for h in second.history.order_by("history_date")] == [
        first_name,
        second.file.name,
    ]
    assert second.history.first().history_change_reason == "File replaced"
    assert len(files_under(media)) == 2


@pytest.mark.parametrize(
    ("name", "content", "language", "field", "message"),
    [
        (
            "report.pdf",
            docx_bytes(),
            "fr",
            "file",
            services.NOT_WHAT_ITS_NAME_SAYS
            % {"name": "report.pdf", "said": "PDF", "found": "Word (.docx)"},
        ),
        (
            "report.docx",
            PDF,
            "fr",
            "file",
            services.NOT_WHAT_ITS_NAME_SAYS
            % {"name": "report.docx", "said": "Word (.docx)", "found": "PDF"},
        ),
        (
            "sheet.docx",
            docx_bytes(word=False),
            "fr",
            "file",
            services.NOT_WHAT_ITS_NAME_SAYS
            % {"name": "sheet.docx", "said": "Word (.docx)", "found": "neither PDF nor Word"},
        ),
        (
            "script.pdf",
            b"#!/bin/sh\necho hello\n",
            "fr",
            "file",
            services.NOT_WHAT_ITS_NAME_SAYS
            % {"name": "script.pdf", "said": "PDF", "found": "neither PDF nor Word"},
        ),
        ("report.txt", PDF, "fr", "file", services.NOT_PDF_OR_DOCX % {"name": "report.txt"}),
        ("empty.pdf", b"", "fr", "file", services.EMPTY_FILE),
        (
            "report.pdf",
            PDF,
            "de",
            "language",
            services.UNKNOWN_LANGUAGE % {"value": "de", "choices": "ar, zh, en, fr, ru, es"},
        ),
    ],
    ids=["docx-named-pdf", "pdf-named-docx", "zip-not-word", "text", "txt", "empty", "german"],
)
def test_add_language_version_refuses_and_stores_nothing(
    conference, media, name, content, language, field, message
):
    document = services.create_document(meeting=conference, symbol="CCM/CONF/2020/WP.1", title="T")

    with pytest.raises(ValidationError) as excinfo:
        services.add_language_version(
            document=document, language=language, upload=upload(name, content)
        )

    assert _errors(excinfo) == {field: [message]}
    assert not LanguageVersion.objects.exists()
    assert files_under(media) == []


def test_add_language_version_refuses_an_oversize_file(conference, media, settings):
    settings.DOCUMENT_MAX_UPLOAD_BYTES = 1000
    document = services.create_document(meeting=conference, symbol="CCM/CONF/2020/WP.1", title="T")
    content = PDF + b"%" * (1001 - len(PDF))

    with pytest.raises(ValidationError) as excinfo:
        services.add_language_version(
            document=document, language="en", upload=upload("big.pdf", content)
        )

    assert _errors(excinfo) == {"file": [services.FILE_TOO_LARGE % {"size": 1001, "limit": 1000}]}
    assert files_under(media) == []


def test_a_document_has_one_original_language(conference, media):
    document = services.create_document(meeting=conference, symbol="CCM/CONF/2020/WP.1", title="T")
    services.add_language_version(
        document=document, language="en", upload=upload("a.pdf", PDF), is_original=True
    )

    with pytest.raises(ValidationError) as excinfo:
        services.add_language_version(
            document=document, language="fr", upload=upload("a.pdf", PDF), is_original=True
        )

    assert _errors(excinfo) == {
        "is_original": [services.ANOTHER_ORIGINAL % {"language": "English"}]
    }
    assert files_under(media) == ["documents/CCM_CONF_2020_WP.1_en.pdf"]


def test_a_failed_database_write_leaves_no_file(conference, media):
    document = services.create_document(meeting=conference, symbol="CCM/CONF/2020/WP.1", title="T")

    def refuse(sender, **kwargs):
        raise DatabaseError("the database went away")

    pre_save.connect(refuse, sender=LanguageVersion)
    try:
        with pytest.raises(DatabaseError):
            services.add_language_version(
                document=document, language="en", upload=upload("a.pdf", PDF)
            )
    finally:
        pre_save.disconnect(refuse, sender=LanguageVersion)

    assert not LanguageVersion.objects.exists()
    assert files_under(media) == []


def test_a_delegation_uploads_only_for_its_own_state(
    conference, media, peru_request, peru_delegate, chile_delegate
):
    with pytest.raises(PermissionDenied, match=str(services.MAY_NOT_UPLOAD)):
        services.add_language_version(
            document=peru_request, language="es", upload=upload("a.pdf", PDF), by=chile_delegate
        )
    assert files_under(media) == []

    version = services.add_language_version(
        document=peru_request, language="es", upload=upload("a.pdf", PDF), by=peru_delegate
    )
    assert version.uploaded_by == peru_delegate
