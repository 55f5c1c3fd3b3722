"""A document's title per language version: given by whoever uploads its versions, shown
in the reader's language, else the original's marked with its language."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from plenary.documents import services
from plenary.documents.models import LanguageVersion
from tests.conftest import client_for, token_client
from tests.documents.conftest import PDF, upload

pytestmark = pytest.mark.django_db

SYMBOL = "CCM/CONF/2020/WP.9"
FRENCH = "Demande de prolongation du délai prévu à l'article 3"
FRENCH_HTML = "Demande de prolongation du délai prévu à l&#x27;article 3"


@pytest.fixture
def versions(peru_request, media, secretariat):
    services.add_language_version(
        document=peru_request,
        language="en",
        upload=upload("wp9.pdf", PDF),
        is_original=True,
        by=secretariat,
    )
    services.add_language_version(
        document=peru_request,
        language="fr",
        upload=upload("wp9-fr.pdf", PDF),
        title=FRENCH,
        by=secretariat,
    )
    return peru_request


def _page(path: str, language: str) -> str:
    response = client_for(None).get(path, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return response.content.decode()


def test_document_title_of_the_french_version_on_the_french_pages(versions):
    detail = _page(f"/ccm/documents/{SYMBOL}/", "fr")
    listing = _page("/ccm/meetings/2RC/documents/", "fr")

    assert f'<span class="symbol">{SYMBOL}</span> <span lang="fr">{FRENCH_HTML}</span></h1>' in (
        detail
    )
    assert f'<td><span lang="fr">{FRENCH_HTML}</span>' in listing


def test_document_title_without_a_spanish_version_falls_back_with_a_mark(versions):
    page = _page(f"/ccm/documents/{SYMBOL}/", "es")

    assert (
        '<span lang="en">Request for an extension of the deadline under Article 3</span>'
        ' <small class="original-language">(Inglés)</small></h1>'
    ) in page


def test_version_title_blank_removes_it(versions, secretariat):
    french = LanguageVersion.objects.get(document=versions, language="fr")

    services.set_version_title(version=french, title=" ", by=secretariat)

    french.refresh_from_db()
    assert french.title == ""
    assert french.history.first().history_change_reason == "Title of the version"


def test_version_title_of_the_original_is_refused_on_its_field(versions, secretariat):
    english = LanguageVersion.objects.get(document=versions, language="en")

    with pytest.raises(ValidationError) as refused:
        services.set_version_title(version=english, title="Other", by=secretariat)

    assert refused.value.message_dict == {"title": [services.ORIGINAL_TITLE]}


def test_chilean_delegate_cannot_title_perus_document(versions, chile_delegate):
    french = LanguageVersion.objects.get(document=versions, language="fr")

    with pytest.raises(PermissionDenied):
        services.set_version_title(version=french, title="?", by=chile_delegate)


def test_perus_delegate_titles_the_french_version_through_the_api(versions, peru_delegate):
    response = token_client(peru_delegate).put(
        f"/api/v1/ccm/documents/{SYMBOL}/title",
        {"language": "fr", "title": "Demande de prolongation"},
        content_type="application/json",
    )
    read = client_for(None).get(f"/api/v1/ccm/documents/{SYMBOL}").json()

    assert response.status_code == 200
    assert response.json()["title"] == "Demande de prolongation"
    assert read["original_language"] == "en"
    assert read["title_translations"] == {"fr": "Demande de prolongation"}


def test_secretariat_titles_a_version_on_the_document_page(versions, secretariat):
    response = client_for(secretariat).post(
        f"/ccm/documents/{SYMBOL}/titles/", {"language": "fr", "title": "Demande"}
    )

    assert response.status_code == 302
    assert LanguageVersion.objects.get(document=versions, language="fr").title == "Demande"
