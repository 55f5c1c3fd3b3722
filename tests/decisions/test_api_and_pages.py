from datetime import timedelta

import pytest
from django.utils import timezone

from plenary.decisions import services
from plenary.decisions.models import SilenceBreak
from tests.conftest import acts_for, client_for, token_client


@pytest.fixture
def open_procedure(ccm, president):
    today = timezone.localdate()
    return services.circulate_silence_procedure(
        convention=ccm,
        subject="Dates of the Eleventh Meeting of States Parties",
        circulated_on=today,
        deadline_on=today + timedelta(days=7),
        now=timezone.now(),
        by=president,
    )


def test_api_lists_silence_procedures_in_constant_queries(
    client, decisions_loaded, open_procedure, django_assert_max_num_queries
):
    with django_assert_max_num_queries(3):
        response = client.get("/api/v1/ccm/silence-procedures")

    rows = response.json()["items"]
    assert response.status_code == 200
    assert len(rows) == 5
    assert rows[0]["outcome"] == "open"
    assert {row["outcome"] for row in rows[1:]} == {"adopted"}


def test_a_delegation_breaks_the_silence_through_the_api(open_procedure, peru_delegate):
    client = token_client(peru_delegate)
    url = f"/api/v1/ccm/silence-procedures/{open_procedure.pk}/breaks"

    first = client.post(url, {"reason": "Too early"}, content_type="application/json")
    again = client.post(url, {"reason": "Still"}, content_type="application/json")

    assert first.status_code == 201
    assert first.json()["iso3"] == "PER"
    assert again.status_code == 409
    assert again.json()["detail"] == "This State has already broken the silence."
    assert SilenceBreak.objects.get().reason == "Too early"


def test_an_api_break_for_another_state_is_forbidden(open_procedure, peru_delegate):
    response = token_client(peru_delegate).post(
        f"/api/v1/ccm/silence-procedures/{open_procedure.pk}/breaks",
        {"reason": "No", "state": "CHL"},
        content_type="application/json",
    )

    assert response.status_code == 403
    assert response.json() == {"detail": services.NOT_YOUR_STATE, "errors": []}
    assert not SilenceBreak.objects.exists()


def test_an_anonymous_break_is_refused(client, open_procedure):
    response = client.post(
        f"/api/v1/ccm/silence-procedures/{open_procedure.pk}/breaks",
        {"reason": "No"},
        content_type="application/json",
    )

    assert response.status_code == 401


def test_the_public_sees_the_outcome_but_not_the_reasons(client, open_procedure, peru_delegate):
    services.break_silence(
        procedure=open_procedure,
        state=acts_for(peru_delegate),
        by=peru_delegate,
        reason="Confidential reason",
        now=timezone.now(),
    )

    public = client.get(f"/api/v1/ccm/silence-procedures/{open_procedure.pk}").json()
    signed_in = (
        token_client(peru_delegate)
        .get(f"/api/v1/ccm/silence-procedures/{open_procedure.pk}")
        .json()
    )

    assert public["broken_by"] == ["Peru"]
    assert public["breaks"] == [] and public["addressees"] == []
    assert signed_in["breaks"][0]["reason"] == "Confidential reason"


def test_api_lists_extension_requests_by_meeting_and_state(
    client, decisions_loaded, django_assert_max_num_queries
):
    with django_assert_max_num_queries(4):
        response = client.get("/api/v1/ccm/extension-requests?meeting=2RC")
    assert response.json()["count"] == 5

    peru = client.get("/api/v1/ccm/extension-requests?state=PER").json()["items"]
    assert [(r["months"], r["granted_deadline"], r["recommended_at"]) for r in peru] == [
        (37, "2024-04-01", "2RC part 1")
    ]
    assert [c["letter"] for c in peru[0]["conditions"]] == ["a", "b", "c", "d", "e"]


def test_api_submits_an_extension_request_for_the_own_state(
    future_clearance, peru_delegate, tst_delegate
):
    # Chile's own clearance deadline (1 June 2026) has passed: a test State's is ahead.
    response = token_client(tst_delegate).post(
        "/api/v1/ccm/extension-requests",
        {"state": "TST", "article": 4, "months": 12},
        content_type="application/json",
    )
    forbidden = token_client(peru_delegate).post(
        "/api/v1/ccm/extension-requests",
        {"state": "TST", "article": 4, "months": 12},
        content_type="application/json",
    )

    assert response.status_code == 201, response.json()
    assert response.json()["original_deadline"] == future_clearance.current_deadline.isoformat()
    assert forbidden.status_code == 403


def test_api_refuses_a_request_longer_than_the_article_allows(future_clearance, tst_delegate):
    response = token_client(tst_delegate).post(
        "/api/v1/ccm/extension-requests",
        {"state": "TST", "article": 4, "months": 61},
        content_type="application/json",
    )

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "months"
    assert response.json()["errors"][0]["message"].startswith(
        "an extension under Article 4 may not exceed 5 years (60 months)"
    )


def test_silence_page_lists_open_procedures_with_time_left(
    client, decisions_loaded, open_procedure, django_assert_max_num_queries
):
    with django_assert_max_num_queries(6):
        page = client.get("/ccm/silence-procedures/").content.decode()

    assert "Dates of the Eleventh Meeting of States Parties" in page
    assert "7 days" in page
    assert "6-13 February 2020" in page


def test_delegation_sees_the_break_form_and_breaks(open_procedure, peru_delegate, observer):
    url = f"/ccm/silence-procedures/{open_procedure.pk}/"
    delegate = client_for(peru_delegate)

    assert "Break the silence" in delegate.get(url).content.decode()
    assert "Break the silence" not in client_for(observer).get(url).content.decode()
    first = delegate.post(f"{url}breaks/", {"kind": "objection", "reason": "We object"})
    assert first.status_code == 200
    assert "Confirm the break" in first.content.decode()
    assert not open_procedure.breaks.exists()
    response = delegate.post(
        f"{url}breaks/", {"kind": "objection", "reason": "We object", "confirmed": "True"}
    )

    assert response.status_code == 302
    page = delegate.get(url).content.decode()
    assert "We object" in page
    assert 'id="break"' not in page
    assert "silence broken by Peru on" in page
    assert "to be concluded at the deadline" in page


def test_procedure_page_runs_a_constant_number_of_queries(
    client, open_procedure, django_assert_max_num_queries
):
    with django_assert_max_num_queries(6):
        response = client.get(f"/ccm/silence-procedures/{open_procedure.pk}/")

    assert response.status_code == 200


def test_extension_pages(client, decisions_loaded, django_assert_max_num_queries):
    with django_assert_max_num_queries(5):
        page = client.get("/ccm/extension-requests/?meeting=CCM/CONF/2020").content.decode()
    assert "Bosnia and Herzegovina" in page

    from plenary.decisions.models import ExtensionRequest

    lebanon = ExtensionRequest.objects.get(obligation__state__iso3="LBN")
    detail = client.get(f"/ccm/extension-requests/{lebanon.pk}/").content.decode()
    assert "(e) Information on Lebanon" in detail
    assert "1 May 2026" in detail


def test_a_break_names_the_state_in_the_readers_language(open_procedure, peru_delegate):
    """The API names a State as the pages do: in the language the request asks for."""
    client = token_client(peru_delegate)
    url = f"/api/v1/ccm/silence-procedures/{open_procedure.pk}/breaks"

    made = client.post(
        url, {"reason": "Trop tôt"}, content_type="application/json", HTTP_ACCEPT_LANGUAGE="ru"
    )
    read = client.get(
        f"/api/v1/ccm/silence-procedures/{open_procedure.pk}", HTTP_ACCEPT_LANGUAGE="zh-hans"
    )

    assert (made.status_code, made.json()["state"]) == (201, "Перу")
    assert [b["state"] for b in read.json()["breaks"]] == ["秘鲁"]
