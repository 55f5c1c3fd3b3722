from plenary.documents import services
from plenary.documents.models import Document, LanguageVersion
from tests.conftest import client_for
from tests.documents.conftest import PDF, files_under, upload


def test_a_meetings_documents_page_lists_the_annex(client, annex):
    response = client.get("/ccm/meetings/2RC/documents/")

    assert response.status_code == 200
    documents = response.context["documents"]
    assert len(documents) == 30
    assert documents[16].symbol == "CCM/CONF/2020/L.1"
    assert "Second Review Conference: documents" in response.content.decode()


def test_a_meetings_documents_page_filters_by_series_and_words(client, annex):
    response = client.get("/ccm/meetings/2RC/documents/?series=CRP&q=Peru")

    assert [d.symbol for d in response.context["documents"]] == ["CCM/CONF/2020/CRP.4"]


def test_the_search_page_finds_by_symbol(client, annex):
    response = client.get("/ccm/documents/?q=MISC.1")

    assert [d.symbol for d in response.context["documents"]] == ["CCM/CONF/2020/MISC.1"]
    assert 'href="/ccm/documents/CCM/CONF/2020/MISC.1/"' in response.content.decode()


def test_a_document_page_offers_no_upload_to_the_public(client, annex):
    response = client.get("/ccm/documents/CCM/CONF/2020/CRP.8/")

    assert response.status_code == 200
    assert response.context["document"].title == (
        "Draft Interim report of the Second Review Conference"
    )
    assert response.context["upload_form"] is None


def test_an_unknown_document_is_404(client, annex):
    assert client.get("/ccm/documents/CCM/CONF/2020/CRP.99/").status_code == 404


def test_the_secretariat_uploads_and_the_public_downloads(secretariat, client, annex, media):
    response = client_for(secretariat).post(
        "/ccm/documents/CCM/CONF/2020/CRP.8/versions/",
        {"language": "fr", "file": upload("rapport.pdf", PDF)},
    )

    assert response.status_code == 302
    assert response["Location"] == "/ccm/documents/CCM/CONF/2020/CRP.8/"
    download = client.get("/ccm/documents/CCM/CONF/2020/CRP.8/download/fr/")
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"] == ('attachment; filename="CCM_CONF_2020_CRP.8_fr.pdf"')
    assert download.getvalue() == PDF


def test_a_revision_downloads_under_a_name_with_its_suffix(client, annex, media):
    revision = services.create_document(
        meeting=annex, symbol="CCM/CONF/2020/CRP.8/Rev.1", title="Draft interim report"
    )
    services.add_language_version(document=revision, language="fr", upload=upload("x.pdf", PDF))

    download = client.get("/ccm/documents/CCM/CONF/2020/CRP.8/Rev.1/download/fr/")

    assert download["Content-Disposition"] == (
        'attachment; filename="CCM_CONF_2020_CRP.8_Rev.1_fr.pdf"'
    )


def test_a_refused_upload_shows_the_reason(secretariat, annex, media):
    response = client_for(secretariat).post(
        "/ccm/documents/CCM/CONF/2020/CRP.8/versions/",
        {"language": "fr", "file": upload("rapport.docx", PDF)},
    )

    assert response.status_code == 422
    assert response.context["upload_form"].errors == {
        "file": [
            services.NOT_WHAT_ITS_NAME_SAYS
            % {"name": "rapport.docx", "said": "Word (.docx)", "found": "PDF"}
        ]
    }
    assert files_under(media) == []


def test_a_delegation_cannot_upload_for_another_states_document(
    chile_delegate, peru_request, media
):
    response = client_for(chile_delegate).post(
        "/ccm/documents/CCM/CONF/2020/WP.9/versions/",
        {"language": "es", "file": upload("wp9.pdf", PDF)},
    )

    assert response.status_code == 403
    assert not LanguageVersion.objects.exists()


def test_a_delegation_sees_the_upload_form_for_its_own_states_document(peru_delegate, peru_request):
    response = client_for(peru_delegate).get("/ccm/documents/CCM/CONF/2020/WP.9/")

    assert response.context["upload_form"] is not None
    assert Document.objects.get(symbol="CCM/CONF/2020/WP.9").submitting_states.get().iso3 == "PER"
