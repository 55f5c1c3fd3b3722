"""The doors of the texts added by hand to a report: the Secretariat's page and the API."""

import pytest

from plenary.drafting import services
from plenary.drafting.models import ReportText
from tests.conftest import client_for, token_client

REPORT = "/ccm/meetings/2RC/report/?part=1&kind=interim"
ADD = "/ccm/meetings/2RC/report/texts/?part=1&kind=interim"
API = "/api/v1/ccm/meetings/2RC/report-texts"


def _change_url(text):
    return f"/ccm/meetings/2RC/report/texts/{text.pk}/?part=1&kind=interim"


def test_the_secretariat_sees_the_texts_and_the_forms(ccm, secretariat):
    page = client_for(secretariat).get(REPORT).content.decode()
    assert "Texts added by hand" in page
    assert 'action="/ccm/meetings/2RC/report/texts/?part=1&amp;kind=interim"' in page
    assert '<option value="work-opening">' in page
    text = ReportText.objects.filter(part__meeting__code="2RC", report_kind="").first()
    assert f'action="/ccm/meetings/2RC/report/texts/{text.pk}/?part=1&amp;kind=interim"' in page


def test_others_see_no_forms(ccm, peru_delegate):
    for user in (None, peru_delegate):
        page = client_for(user).get(REPORT).content.decode()
        assert "Texts added by hand" not in page


def test_the_secretariat_adds_a_text_after_a_paragraph(ccm, secretariat):
    response = client_for(secretariat).post(
        ADD,
        {
            "add-after": "work-opening",
            "add-placement": "paragraph",
            "add-position": "1",
            "add-body": "The President made an opening statement.",
            "add-reason": "Statement heard",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == REPORT
    text = ReportText.objects.get(body="The President made an opening statement.")
    assert (text.section, text.after, text.report_kind, text.added_by) == (
        "work",
        "work-opening",
        "interim",
        secretariat,
    )
    assert text.history.get().history_change_reason == "Statement heard"
    page = client_for(secretariat).get(REPORT).content.decode()
    assert "The President made an opening statement." in page


def test_a_place_taken_is_refused_on_its_field(ccm, secretariat):
    client = client_for(secretariat)
    data = {
        "add-after": "work-opening",
        "add-placement": "paragraph",
        "add-position": "1",
        "add-body": "First.",
    }
    assert client.post(ADD, data).status_code == 302
    response = client.post(ADD, {**data, "add-body": "Second."})
    assert response.status_code == 422
    page = response.content.decode()
    assert "a text is already at position 1 after &#x27;work-opening&#x27;" in page
    assert not ReportText.objects.filter(body="Second.").exists()


def test_words_opening_a_paragraph_need_no_more(ccm, secretariat):
    response = client_for(secretariat).post(
        ADD,
        {
            "add-after": "work-opening",
            "add-placement": "start",
            "add-position": "1",
            "add-body": "As planned,",
        },
    )
    assert response.status_code == 302
    assert ReportText.objects.get(body="As planned,").placement == "start"


def test_an_unknown_paragraph_or_empty_text_is_refused_with_422(ccm, secretariat):
    response = client_for(secretariat).post(
        ADD, {"add-after": "nowhere", "add-placement": "paragraph", "add-position": "1"}
    )
    assert response.status_code == 422
    assert response.content.decode().count('class="error"') == 2


def test_the_secretariat_changes_a_text(ccm, secretariat):
    text = ReportText.objects.filter(part__meeting__code="2RC", report_kind="").first()
    prefix = f"text-{text.pk}"
    response = client_for(secretariat).post(
        _change_url(text), {f"{prefix}-body": "Changed.", f"{prefix}-reason": "Typo"}
    )
    assert response.status_code == 302
    text.refresh_from_db()
    assert text.body == "Changed."
    assert text.history.order_by("-history_date").first().history_change_reason == "Typo"


def test_an_empty_change_is_refused_on_its_field(ccm, secretariat):
    text = ReportText.objects.filter(part__meeting__code="2RC", report_kind="").first()
    response = client_for(secretariat).post(_change_url(text), {f"text-{text.pk}-body": "   "})
    assert response.status_code == 422
    before = text.body
    text.refresh_from_db()
    assert text.body == before


@pytest.mark.parametrize("who", ["public", "delegation"])
def test_others_are_refused_403(ccm, peru_delegate, who):
    client = client_for(None if who == "public" else peru_delegate)
    text = ReportText.objects.filter(part__meeting__code="2RC").first()
    data = {"add-after": "work-opening", "add-position": "1", "add-body": "No."}
    assert client.post(ADD, data).status_code == 403
    assert client.post(_change_url(text), {f"text-{text.pk}-body": "No."}).status_code == 403
    assert not ReportText.objects.filter(body="No.").exists()


def test_the_api_adds_and_changes_a_text(ccm, secretariat):
    client = token_client(secretariat)
    response = client.post(
        API,
        {"part": 1, "section": "work", "after": "work-opening", "body": "Added.", "reason": "API"},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    added = response.json()
    assert (added["section"], added["after"], added["placement"], added["body"]) == (
        "work",
        "work-opening",
        "paragraph",
        "Added.",
    )
    response = client.put(
        f"{API}/{added['id']}", {"body": "Changed."}, content_type="application/json"
    )
    assert response.status_code == 200
    assert ReportText.objects.get(pk=added["id"]).body == "Changed."


def test_the_api_refuses_in_its_error_shape(ccm, secretariat, peru_delegate):
    response = token_client(secretariat).post(
        API, {"section": "nowhere", "body": "Text."}, content_type="application/json"
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "section"
    response = token_client(peru_delegate).post(
        API, {"section": "work", "body": "Text."}, content_type="application/json"
    )
    assert response.status_code == 403
    assert response.json()["detail"] == str(services.NOT_THE_SECRETARIAT)
    text = ReportText.objects.filter(part__meeting__code="2RC").first()
    response = token_client(peru_delegate).put(
        f"{API}/{text.pk}", {"body": "No."}, content_type="application/json"
    )
    assert response.status_code == 403
    response = token_client(secretariat).put(
        f"{API}/{text.pk}", {"body": " "}, content_type="application/json"
    )
    assert response.status_code == 422
    assert response.json()["errors"] == [{"field": "body", "message": services.BODY_REQUIRED}]
    assert (
        token_client(secretariat)
        .put(f"{API}/999999", {"body": "x"}, content_type="application/json")
        .status_code
        == 404
    )


def test_the_report_page_runs_as_many_queries_whatever_the_texts(ccm, secretariat):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(secretariat)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(REPORT).status_code == 200
        return len(queries)

    client.get(REPORT)
    before = count()
    part = ReportText.objects.filter(part__meeting__code="2RC").first().part
    for position in range(1, 6):
        services.add_report_text(
            part=part, section="work", after="work-opening", position=position, body="More."
        )
    assert count() == before


def test_the_secretariat_adds_a_text_at_an_agenda_items_place(ccm, secretariat):
    """Item 8 (g), compliance, drafts nothing in seed 003: its place is still offered."""
    client = client_for(secretariat)
    page = client.get(REPORT).content.decode()
    assert '<option value="item-8g">' in page
    response = client.post(
        ADD,
        {
            "add-after": "item-8g",
            "add-placement": "paragraph",
            "add-position": "1",
            "add-body": "The Conference considered matters of compliance.",
        },
    )
    assert response.status_code == 302
    text = ReportText.objects.get(body="The Conference considered matters of compliance.")
    assert (text.section, text.after) == ("decisions", "item-8g")
    page = client.get(REPORT).content.decode()
    # After the Coordinator on Transparency Measures (62), before New Zealand's (63).
    assert (
        page.index("the Conference took note that in 2019")
        < page.index("The Conference considered matters of compliance.")
        < page.index("continued work done by New Zealand")
    )
