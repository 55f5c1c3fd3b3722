"""/api/v1/documents: listing in annex order, one document, uploads and the next symbol."""

from plenary.api.documents import NEED_MEETING_OR_SEARCH
from plenary.documents import services
from plenary.documents.models import Document, LanguageVersion
from tests.conftest import token_client
from tests.documents.conftest import PDF, docx_bytes, files_under, upload


def test_the_documents_of_a_meeting_by_code_or_symbol_root(client, annex):
    by_code = client.get("/api/v1/ccm/documents?meeting=2RC&series=CRP")
    by_root = client.get("/api/v1/ccm/documents?meeting=CCM/CONF/2020&series=CRP")

    assert by_code.status_code == 200
    documents = by_code.json()["items"]
    assert [d["symbol"] for d in documents] == [f"CCM/CONF/2020/CRP.{n}" for n in range(1, 9)]
    assert by_root.json() == by_code.json()
    crp8 = documents[-1]
    assert crp8["title"] == "Draft Interim report of the Second Review Conference"
    assert (crp8["series"], crp8["number"], crp8["part"], crp8["meeting"]) == ("CRP", 8, 1, "2RC")


def test_the_main_series(client, annex):
    response = client.get("/api/v1/ccm/documents?meeting=2RC&series=main")

    symbols = [d["symbol"] for d in response.json()["items"]]
    assert symbols == [f"CCM/CONF/2020/{n}" for n in range(1, 17)]


def test_an_unknown_meeting_is_404(client, annex):
    response = client.get("/api/v1/ccm/documents?meeting=9RC")

    assert response.status_code == 404
    assert response.json() == {
        "detail": "No meeting has the code or symbol root '9RC'.",
        "errors": [],
    }


def test_a_malformed_agenda_item_is_422(client, annex):
    response = client.get("/api/v1/ccm/documents?meeting=2RC&agenda_item=seven")

    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "agenda_item", "message": "'seven' is not an agenda item: write it as 7 or 7b"}
    ]


def test_one_document_by_its_symbol(client, annex, media):
    document = Document.objects.get(symbol="CCM/CONF/2020/CRP.8")
    services.add_language_version(document=document, language="fr", upload=upload("a.pdf", PDF))

    response = client.get("/api/v1/ccm/documents/CCM/CONF/2020/CRP.8")

    assert response.status_code == 200
    body = response.json()
    assert body["symbol"] == "CCM/CONF/2020/CRP.8"
    [french] = body["languages"]
    assert french["language"] == "fr"
    assert french["download_url"] == (
        "http://testserver/ccm/documents/CCM/CONF/2020/CRP.8/download/fr/"
    )
    assert client.get(french["download_url"]).getvalue() == PDF


def test_an_unknown_symbol_is_404(client, annex):
    response = client.get("/api/v1/ccm/documents/CCM/CONF/2020/CRP.99")

    assert response.status_code == 404
    assert response.json()["detail"] == "No document has the symbol 'CCM/CONF/2020/CRP.99'."


def test_the_secretariat_uploads_a_language_version(secretariat, annex, media):
    response = token_client(secretariat).post(
        "/api/v1/ccm/documents/CCM/CONF/2020/CRP.8/versions",
        {"language": "es", "is_original": "true", "file": upload("crp8.docx", docx_bytes())},
    )

    assert response.status_code == 201, response.content
    assert response.json()["language"] == "es"
    assert response.json()["is_original"] is True
    assert LanguageVersion.objects.get().document.symbol == "CCM/CONF/2020/CRP.8"


def test_an_upload_that_is_not_what_its_name_says_is_422_and_stores_nothing(
    secretariat, annex, media
):
    response = token_client(secretariat).post(
        "/api/v1/ccm/documents/CCM/CONF/2020/CRP.8/versions",
        {"language": "es", "file": upload("crp8.pdf", docx_bytes())},
    )

    assert response.status_code == 422
    assert response.json()["errors"] == [
        {
            "field": "file",
            "message": services.NOT_WHAT_ITS_NAME_SAYS
            % {"name": "crp8.pdf", "said": "PDF", "found": "Word (.docx)"},
        }
    ]
    assert files_under(media) == []


def test_an_upload_needs_a_signed_in_caller(client, annex, media):
    response = client.post(
        "/api/v1/ccm/documents/CCM/CONF/2020/CRP.8/versions",
        {"language": "es", "file": upload("crp8.pdf", PDF)},
    )

    assert response.status_code == 401


def test_a_delegation_cannot_upload_for_another_states_document(
    chile_delegate, peru_request, media
):
    response = token_client(chile_delegate).post(
        "/api/v1/ccm/documents/CCM/CONF/2020/WP.9/versions",
        {"language": "es", "file": upload("wp9.pdf", PDF)},
    )

    assert response.status_code == 403
    assert response.json() == {"detail": services.MAY_NOT_UPLOAD, "errors": []}
    assert files_under(media) == []


def test_a_delegation_uploads_for_its_own_states_document(peru_delegate, peru_request, media):
    response = token_client(peru_delegate).post(
        "/api/v1/ccm/documents/CCM/CONF/2020/WP.9/versions",
        {"language": "es", "file": upload("wp9.pdf", PDF)},
    )

    assert response.status_code == 201


def test_the_secretariat_allocates_the_next_symbol(secretariat, annex):
    response = token_client(secretariat).post(
        "/api/v1/ccm/meetings/2RC/documents/next-symbol?series=CRP",
        {"title": "Draft final report"},
        content_type="application/json",
    )

    assert response.status_code == 201
    assert response.json()["symbol"] == "CCM/CONF/2020/CRP.9"
    assert response.json()["status"] == "advance"


def test_a_delegation_cannot_allocate_a_symbol(peru_delegate, annex):
    response = token_client(peru_delegate).post(
        "/api/v1/ccm/meetings/2RC/documents/next-symbol?series=CRP",
        {"title": "Draft final report"},
        content_type="application/json",
    )

    assert response.status_code == 403
    assert response.json()["detail"] == services.MAY_NOT_ISSUE


def test_search_across_meetings(client, annex):
    response = client.get("/api/v1/ccm/documents?q=list of participants")

    assert [d["symbol"] for d in response.json()["items"]] == [
        "CCM/CONF/2020/INF.1",
        "CCM/CONF/2020/MISC.1",
    ]


def test_a_listing_needs_a_meeting_or_a_search(client, annex):
    response = client.get("/api/v1/ccm/documents")

    assert response.status_code == 422
    assert response.json()["errors"] == [{"field": "meeting", "message": NEED_MEETING_OR_SEARCH}]
