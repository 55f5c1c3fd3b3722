import io
import json
from datetime import date

import pytest
from django.core.management import call_command
from docx import Document as WordDocument

from plenary.action_plan import services
from plenary.action_plan.models import Contribution, Coordination, Indicator
from plenary.core.models import Role
from tests.action_plan.conftest import at
from tests.conftest import client_for, make_user, token_client

ISO3S = ["PER", "CHL", "FRA", "DEU", "NOR"]


def _contribute(consultation, count: int):
    question = consultation.sections.first().questions.first()
    for iso3 in ISO3S[:count]:
        services.submit_contribution(
            consultation=consultation,
            answers={question.pk: f"{iso3} answer"},
            by=make_user(f"d_{iso3}", Role.DELEGATION, iso3),
            now=at(date(2030, 6, 10)),
        )


@pytest.mark.parametrize("count", [1, 5])
def test_compiled_page_runs_a_fixed_number_of_queries(
    open_consultation, president, count, django_assert_max_num_queries
):
    _contribute(open_consultation, count)
    client = client_for(president)
    with django_assert_max_num_queries(12):
        response = client.get(f"/ccm/consultations/{open_consultation.pk}/compiled/")
    assert response.status_code == 200
    assert response.content.decode().count(" answer</dd>") == count


@pytest.mark.parametrize("count", [1, 5])
def test_contributions_api_runs_a_fixed_number_of_queries(
    open_consultation, president, count, django_assert_max_num_queries
):
    _contribute(open_consultation, count)
    client = token_client(president)
    with django_assert_max_num_queries(10):
        response = client.get(f"/api/v1/ccm/consultations/{open_consultation.pk}/contributions")
    assert [c["contributor"] for c in response.json()["items"]] == [
        {"PER": "Peru", "CHL": "Chile", "FRA": "France", "DEU": "Germany", "NOR": "Norway"}[i]
        for i in ISO3S[:count]
    ]


def test_progress_page_shows_table_and_svg_chart(client, ccm, django_assert_max_num_queries):
    with django_assert_max_num_queries(40):
        response = client.get("/ccm/action-plans/DAP/progress/?year=2020")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<svg") == 2
    assert "Initial Article 7 transparency reports overdue (on the day of the ISU" in html


def test_progress_exports_as_csv_and_docx(client, ccm):
    csv_text = client.get("/ccm/action-plans/DAP/progress.csv?year=2020").content.decode()
    assert csv_text.splitlines()[1].startswith(
        "Stockpile destruction,,SD-R1,States Parties with an Article 3 (stockpile destruction) "
        "obligation pending at year end,count,2015,13,,2020,5,-8,"
    )
    body = client.get("/ccm/action-plans/DAP/progress.docx?year=2020").content
    document = WordDocument(io.BytesIO(body))
    assert document.paragraphs[0].text == "Dubrovnik Action Plan (2015-2020): progress in 2020"


def test_indicator_page_shows_the_computation_behind_it(client, ccm):
    indicator = Indicator.objects.get(code="TM-R1")
    html = client.get(f"/ccm/action-plans/indicators/{indicator.pk}/?year=2020").content.decode()
    assert "treaties.selectors.obligations_on(on=that day, obligation=initial_report)" in html
    assert "Enter a value" not in html


def test_area_page_lists_its_coordinators(client, ccm):
    html = client.get("/ccm/thematic-areas/transparency-measures/").content.decode()
    assert "Iraq" in html
    assert "Coordinator on Transparency Measures" in html


def test_api_contribution_after_the_deadline_is_422(seed_consultation, peru_delegate):
    response = token_client(peru_delegate).put(
        f"/api/v1/ccm/consultations/{seed_consultation.pk}/contributions/mine",
        data={"answers": [{"question": 1, "text": "Late"}]},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "deadline"
    assert not Contribution.objects.exists()


def test_api_contribution_is_submitted_by_question_number(open_consultation, peru_delegate):
    # The open consultation's deadline (2030) is ahead of the real clock.
    response = token_client(peru_delegate).put(
        f"/api/v1/ccm/consultations/{open_consultation.pk}/contributions/mine",
        data={"answers": [{"question": 2, "text": "Peru on Q2"}]},
        content_type="application/json",
    )
    assert response.status_code == 200
    assert response.json()["answers"] == [{"question": 2, "text": "Peru on Q2"}]


def test_api_coordinator_term_ending_before_start_is_422(ccm, secretariat):
    before = Coordination.objects.count()
    response = token_client(secretariat).post(
        "/api/v1/ccm/action-plans/thematic-areas/victim-assistance/coordinators",
        data={
            "states": ["PER"],
            "term_from": "2022-01-01",
            "term_to": "2021-01-01",
            "source": "test",
        },
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {
            "field": "term_to",
            "message": "the term ends on 1 January 2021, before it starts on 1 January 2022",
        }
    ]
    assert Coordination.objects.count() == before


def test_api_consultation_lists_sections_and_questions(client, seed_consultation):
    body = client.get(f"/api/v1/ccm/consultations/{seed_consultation.pk}").json()
    assert body["deadline"] == "2020-06-08T21:59:59Z"
    assert [len(s["questions"]) for s in body["sections"]] == [6, 4, 5, 4, 4, 4, 4, 4, 4]


def test_indicators_command_prints_json(ccm, capsys):
    call_command("indicators", "DAP", "--year", "2020", "--format", "json")
    rows = json.loads(capsys.readouterr().out)
    # The sourced record of initial reports (issue 20): the 2RC's 7, named.
    assert [(r["indicator"], r["value"]) for r in rows] == [("SD-R1", "5"), ("TM-R1", "7")]
    assert rows[1]["states"].startswith("Cabo Verde; Comoros")
    assert rows[1]["source"] == "computed from the records on 25 November 2020"


def test_consultation_export_command_writes_docx(open_consultation, tmp_path, capsys):
    _contribute(open_consultation, 2)
    out = tmp_path / "contributions.docx"
    call_command(
        "consultation", "export", str(open_consultation.pk), "--format", "docx", "-o", str(out)
    )
    assert capsys.readouterr().out.strip() == f"{out}: 2 contributions to 3 questions."
    text = [p.text for p in WordDocument(str(out)).paragraphs]
    assert "Chile (submitted by d_CHL): CHL answer" in text
