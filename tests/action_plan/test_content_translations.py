"""A consultation's title and questions, and an action's text, in several languages:
entered by those who write them, shown in the reader's language or the original, marked."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from plenary.action_plan import services
from plenary.action_plan.models import Action, Question
from tests.conftest import client_for, token_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def action(ccm, isu):
    plan = services.record_action_plan(
        convention=ccm,
        code="TAP",
        name="Test Action Plan",
        first_year=2031,
        last_year=2035,
        source="test",
        by=isu,
    )
    section = services.record_section(
        plan=plan, number=1, title="Universalisation", source="test", by=isu
    )
    return services.record_action(
        section=section, number="1", text="Promote adherence.", source="test", by=isu
    )


def test_consultation_questions_in_french_on_the_french_page(open_consultation, president):
    services.set_consultation_translations(
        consultation=open_consultation,
        title_translations={"fr": "Consultation d'essai"},
        question_translations={1: {"fr": "Première ?"}},
        by=president,
    )

    page = client_for(None).get(
        f"/ccm/consultations/{open_consultation.pk}/", HTTP_ACCEPT_LANGUAGE="fr"
    )

    html = page.content.decode()
    assert '<h1><span lang="fr">Consultation d&#x27;essai</span></h1>' in html
    assert '<li value="1"><span lang="fr">Première ?</span></li>' in html
    assert (
        '<li value="2"><span lang="en">Second?</span>'
        ' <small class="original-language">(Anglais)</small></li>'
    ) in html
    first = Question.objects.get(section__consultation=open_consultation, number=1)
    assert first.history.first().history_change_reason == "Translations"


def test_consultation_translation_of_a_question_it_lacks_is_refused(open_consultation, president):
    with pytest.raises(ValidationError) as refused:
        services.set_consultation_translations(
            consultation=open_consultation,
            title_translations={"fr": "Titre"},
            question_translations={9: {"fr": "?"}},
            by=president,
        )

    assert list(refused.value.message_dict) == ["question_translations"]
    open_consultation.refresh_from_db()
    assert open_consultation.translations == {}


def test_a_delegate_cannot_translate_a_consultation(open_consultation, peru_delegate):
    with pytest.raises(PermissionDenied):
        services.set_consultation_translations(
            consultation=open_consultation, title_translations={"fr": "?"}, by=peru_delegate
        )


def test_api_sets_and_returns_a_consultations_translations(open_consultation, president):
    response = token_client(president).put(
        f"/api/v1/ccm/consultations/{open_consultation.pk}/translations",
        {"title_translations": {"es": "Consulta"}, "question_translations": {"2": {"es": "¿?"}}},
        content_type="application/json",
    )

    assert response.status_code == 200
    body = response.json()
    assert body["title_translations"] == {"es": "Consulta"}
    questions = [q for s in body["sections"] for q in s["questions"]]
    assert [q["text_translations"] for q in questions] == [{}, {"es": "¿?"}, {}]


def test_api_refuses_a_language_the_site_lacks(open_consultation, president):
    response = token_client(president).put(
        f"/api/v1/ccm/consultations/{open_consultation.pk}/translations",
        {"title_translations": {"de": "Konsultation"}},
        content_type="application/json",
    )

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["title_translations"]


def test_presidency_translates_a_question_on_the_consultation_page(open_consultation, president):
    question = Question.objects.get(section__consultation=open_consultation, number=3)

    response = client_for(president).post(
        f"/ccm/consultations/{open_consultation.pk}/questions/translations/",
        {
            "question_translation-item": str(question.pk),
            "question_translation-language": "es",
            "question_translation-text": "¿Tercera?",
        },
    )

    assert response.status_code == 302
    question.refresh_from_db()
    assert question.translations == {"es": {"text": "¿Tercera?"}}


def test_action_text_in_french_on_the_plan_page_and_the_api(action, isu):
    response = token_client(isu).put(
        "/api/v1/ccm/action-plans/TAP/sections/1/actions/1/translations",
        {"text_translations": {"fr": "Promouvoir l'adhésion."}},
        content_type="application/json",
    )
    page = client_for(None).get("/ccm/action-plans/TAP/", HTTP_ACCEPT_LANGUAGE="fr")

    assert response.status_code == 200
    assert response.json()["text_translations"] == {"fr": "Promouvoir l'adhésion."}
    assert '<span lang="fr">Promouvoir l&#x27;adhésion.</span>' in page.content.decode()


def test_keeper_of_plans_translates_an_action_on_its_page(action, isu):
    response = client_for(isu).post(
        "/ccm/action-plans/TAP/actions/translations/",
        {"item": str(action.pk), "language": "es", "text": "Promover la adhesión."},
    )

    assert response.status_code == 302
    assert Action.objects.get(pk=action.pk).translations == {
        "es": {"text": "Promover la adhesión."}
    }


def test_a_delegate_cannot_translate_an_action(action, peru_delegate):
    response = client_for(peru_delegate).post(
        "/ccm/action-plans/TAP/actions/translations/",
        {"item": str(action.pk), "language": "es", "text": "?"},
    )

    assert response.status_code == 403
    assert Action.objects.get(pk=action.pk).translations == {}
