"""A meeting's title and its agenda items in several languages: entered by the Secretariat,
shown in the reader's language, the original marked where a translation is missing."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from plenary.core.translations import UNKNOWN_LANGUAGE, languages
from plenary.meetings import services
from plenary.meetings.models import Meeting
from tests.conftest import client_for, open_meeting, token_client

pytestmark = pytest.mark.django_db

FRENCH = "Réunion d'essai des États parties"
FRENCH_HTML = "Réunion d&#x27;essai des États parties"


@pytest.fixture
def meeting(ccm, secretariat):
    meeting = open_meeting(ccm)
    services.add_agenda_item(meeting=meeting, number=1, title="Opening", by=secretariat)
    return meeting


def _page(meeting, language: str) -> str:
    response = client_for(None).get(f"/ccm/meetings/{meeting.code}/", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return response.content.decode()


def test_meeting_title_entered_in_french_is_shown_on_the_french_page(meeting, secretariat):
    services.set_meeting_translations(
        meeting=meeting, title_translations={"fr": FRENCH}, by=secretariat
    )

    assert f'<h1><span lang="fr">{FRENCH_HTML}</span></h1>' in _page(meeting, "fr")
    assert '<h1><span lang="en">Test Meeting of States Parties</span></h1>' in _page(meeting, "en")


def test_meeting_title_missing_in_spanish_falls_back_to_the_original_with_a_mark(
    meeting, secretariat
):
    services.set_meeting_translations(
        meeting=meeting, title_translations={"fr": FRENCH}, by=secretariat
    )

    page = _page(meeting, "es")

    assert (
        '<h1><span lang="en">Test Meeting of States Parties</span>'
        ' <small class="original-language">(Inglés)</small></h1>'
    ) in page
    assert '<li class="item">1. <span lang="en">Opening</span> <small' in page


def test_meeting_translation_blank_removes_it_and_keeps_the_others(meeting, secretariat):
    services.set_meeting_translations(
        meeting=meeting, title_translations={"fr": FRENCH, "es": "Reunión"}, by=secretariat
    )
    services.set_meeting_translations(
        meeting=meeting, title_translations={"es": "  "}, by=secretariat
    )

    meeting.refresh_from_db()
    assert meeting.translations == {"fr": {"title": FRENCH}}
    assert meeting.history.first().history_change_reason == "Translations"
    assert meeting.history.first().translations == {"fr": {"title": FRENCH}}


def test_meeting_translation_into_an_unknown_language_is_refused_on_its_field(meeting, secretariat):
    with pytest.raises(ValidationError) as refused:
        services.set_meeting_translations(
            meeting=meeting, title_translations={"xx": "?"}, by=secretariat
        )

    assert refused.value.message_dict == {
        "title_translations": [
            UNKNOWN_LANGUAGE.format(language="xx", choices=", ".join(languages())),
        ]
    }
    meeting.refresh_from_db()
    assert meeting.translations == {}


def test_meeting_translation_into_the_original_language_is_refused(meeting, secretariat):
    with pytest.raises(ValidationError) as refused:
        services.set_meeting_translations(
            meeting=meeting, title_translations={"en": "Other"}, by=secretariat
        )

    assert list(refused.value.message_dict) == ["title_translations"]


def test_a_delegate_cannot_set_a_meetings_title(meeting, peru_delegate):
    with pytest.raises(PermissionDenied):
        services.set_meeting_translations(
            meeting=meeting, title_translations={"fr": FRENCH}, by=peru_delegate
        )

    response = token_client(peru_delegate).put(
        f"/api/v1/ccm/meetings/{meeting.code}/translations",
        {"title_translations": {"fr": FRENCH}},
        content_type="application/json",
    )
    page = client_for(peru_delegate).post(
        f"/ccm/meetings/{meeting.code}/manage/translations/",
        {"translations-original_language": "en", "translations-title_fr": FRENCH},
    )

    assert (response.status_code, page.status_code) == (403, 403)
    assert Meeting.objects.get(pk=meeting.pk).translations == {}


def test_api_sets_and_returns_the_translations(meeting, secretariat):
    client = token_client(secretariat)

    response = client.put(
        f"/api/v1/ccm/meetings/{meeting.code}/translations",
        {"title_translations": {"fr": FRENCH, "es": "Reunión de prueba"}},
        content_type="application/json",
    )
    item = client.put(
        f"/api/v1/ccm/meetings/{meeting.code}/agenda/1/translations",
        {"title_translations": {"fr": "Ouverture"}},
        content_type="application/json",
    )
    read = client_for(None).get(f"/api/v1/ccm/meetings/{meeting.code}").json()

    assert response.status_code == 200
    assert item.status_code == 200
    assert item.json()["title_translations"] == {"fr": "Ouverture"}
    assert read["original_language"] == "en"
    assert read["title_translations"] == {"es": "Reunión de prueba", "fr": FRENCH}
    assert read["agenda"][0]["title_translations"] == {"fr": "Ouverture"}


def test_api_refuses_an_unknown_language_on_its_field(meeting, secretariat):
    response = token_client(secretariat).put(
        f"/api/v1/ccm/meetings/{meeting.code}/translations",
        {"title_translations": {"tlh": "Qapla'"}},
        content_type="application/json",
    )

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["title_translations"]


def test_secretariat_enters_the_translations_on_the_manage_page(meeting, secretariat):
    client = client_for(secretariat)

    response = client.post(
        f"/ccm/meetings/{meeting.code}/manage/translations/",
        {
            "translations-original_language": "en",
            "translations-title_fr": FRENCH,
            "translations-title_es": "",
        },
    )
    item = client.post(
        f"/ccm/meetings/{meeting.code}/manage/agenda/translations/",
        {
            "item_translation-item": str(meeting.agenda_items.get().pk),
            "item_translation-language": "fr",
            "item_translation-text": "Ouverture",
        },
    )

    assert (response.status_code, item.status_code) == (302, 302)
    meeting.refresh_from_db()
    assert meeting.translations == {"fr": {"title": FRENCH}}
    assert meeting.agenda_items.get().translations == {"fr": {"title": "Ouverture"}}
    assert '<span lang="fr">Ouverture</span>' in _page(meeting, "fr")


def test_manage_page_shows_a_bad_original_language_on_its_field(meeting, secretariat):
    response = client_for(secretariat).post(
        f"/ccm/meetings/{meeting.code}/manage/translations/",
        {"translations-original_language": "xx", "translations-title_fr": FRENCH},
    )

    assert response.status_code == 422
    assert response.context["forms"]["translations"].errors["original_language"]


def test_meeting_page_queries_stay_constant_with_translations(meeting, secretariat):
    client = client_for(None)
    client.get(f"/ccm/meetings/{meeting.code}/", HTTP_ACCEPT_LANGUAGE="fr")
    for number in range(2, 7):
        item = services.add_agenda_item(
            meeting=meeting, number=number, title=f"Item {number}", by=secretariat
        )
        services.set_agenda_item_translations(
            item=item, title_translations={"fr": f"Point {number}"}, by=secretariat
        )
    with CaptureQueriesContext(connection) as before:
        client.get(f"/ccm/meetings/{meeting.code}/?part=1", HTTP_ACCEPT_LANGUAGE="fr")
    services.add_agenda_item(meeting=meeting, number=9, title="Item 9", by=secretariat)
    with CaptureQueriesContext(connection) as after:
        client.get(f"/ccm/meetings/{meeting.code}/?part=1&x=1", HTTP_ACCEPT_LANGUAGE="fr")

    assert len(after) == len(before)
