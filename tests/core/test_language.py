import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client

from plenary.core import services
from tests.conftest import client_for


def test_the_language_switcher_serves_the_home_page_in_french(client, ccm):
    response = client.post("/i18n/setlang/", {"language": "fr", "next": "/"}, follow=True)

    page = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="fr">' in page
    assert "Aller au contenu principal" in page
    assert "États et obligations" in page


def test_the_language_switcher_serves_spanish(client, ccm):
    response = client.post("/i18n/setlang/", {"language": "es", "next": "/"}, follow=True)

    page = response.content.decode()
    assert '<html lang="es">' in page
    assert "Estados y obligaciones" in page


def test_english_is_the_default(client, ccm):
    page = client.get("/").content.decode()

    assert '<html lang="en">' in page
    assert "Skip to main content" in page


def test_the_language_switcher_keeps_a_signed_in_users_choice_on_the_profile(ccm, peru_delegate):
    client = client_for(peru_delegate)
    response = client.post("/i18n/setlang/", {"language": "fr", "next": "/"})

    assert response.status_code == 302
    peru_delegate.refresh_from_db()
    assert peru_delegate.language == "fr"


def test_the_language_switcher_changes_no_profile_without_the_users_token(ccm, peru_delegate):
    client = Client(enforce_csrf_checks=True)
    client.force_login(peru_delegate)
    response = client.post("/i18n/setlang/", {"language": "fr", "next": "/"})

    assert (response.status_code, response.cookies["django_language"].value) == (302, "fr")
    peru_delegate.refresh_from_db()
    assert peru_delegate.language == "en"


def test_the_language_switcher_of_a_signed_in_page_carries_the_token(ccm, peru_delegate):
    client = Client(enforce_csrf_checks=True)
    client.force_login(peru_delegate)
    page = client.get("/")
    token = page.cookies["csrftoken"].value
    response = client.post(
        "/i18n/setlang/", {"language": "es", "next": "/", "csrfmiddlewaretoken": token}
    )

    assert 'name="csrfmiddlewaretoken"' in page.content.decode()
    assert response.status_code == 302
    peru_delegate.refresh_from_db()
    assert peru_delegate.language == "es"


def test_choosing_the_language_of_another_account_is_refused(ccm, peru_delegate, chile_delegate):
    with pytest.raises(PermissionDenied):
        services.choose_language(user=chile_delegate, language="fr", by=peru_delegate)
