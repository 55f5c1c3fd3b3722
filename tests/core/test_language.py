import re
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.template import Context, Template
from django.test import Client
from django.utils import translation
from django.utils.formats import date_format

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


def test_the_switcher_offers_the_six_languages_each_in_its_own_script(client, ccm):
    page = client.get("/").content.decode()

    options = re.findall(r'<option value="([^"]+)" lang="([^"]+)"[^>]*>([^<]+)</option>', page)
    assert options == [
        ("en", "en", "English"),
        ("fr", "fr", "français"),
        ("es", "es", "español"),
        ("ar", "ar", "العربيّة"),
        ("zh-hans", "zh-hans", "简体中文"),
        ("ru", "ru", "Русский"),
    ]


def test_the_arabic_home_page_is_right_to_left(client, ccm):
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()

    assert '<html lang="ar" dir="rtl">' in page


@pytest.mark.parametrize(
    ("language", "short", "long"),
    [
        ("en", "8 Jul 2009", "8 July 2009"),
        ("fr", "08/07/2009", "8 juillet 2009"),
        ("es", "08/07/2009", "8 de julio de 2009"),
        ("ar", "08\u200f/07\u200f/2009", "8 يوليو، 2009"),
        ("zh-hans", "2009年7月8日", "2009年7月8日"),
        ("ru", "08.07.2009", "8 июля 2009 \u0433."),  # "g.", short for "year"
    ],
)
def test_dates_are_written_the_languages_way_and_unambiguously(language, short, long):
    with translation.override(language):
        written = (
            date_format(date(2009, 7, 8), "SHORT_DATE_FORMAT"),
            date_format(date(2009, 7, 8), "DATE_FORMAT"),
        )

    assert written == (short, long)


@pytest.mark.parametrize(
    ("language", "written"),
    [
        ("en", "1,234,567.89"),
        ("fr", "1\xa0234\xa0567,89"),
        ("ar", "1.234.567,89"),
        ("zh-hans", "1,234,567.89"),
        ("ru", "1\xa0234\xa0567,89"),
    ],
)
def test_amounts_use_the_languages_separators_and_years_do_not(language, written):
    page = Template("{% load numbers %}{{ total|amount }} in {{ year }}")

    with translation.override(language):
        text = page.render(Context({"total": Decimal("1234567.89"), "year": 2020}))

    assert text == f"{written} in 2020"


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
