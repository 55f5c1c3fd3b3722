"""Keeping an action plan on the page and through the API: plan, area, section, action,
indicator, coordinators; the progress year is bounded."""

import pytest

from plenary.action_plan.models import ActionPlan, Coordination, Indicator
from plenary.core.models import Role
from tests.conftest import client_for, make_user, token_client


def _define_by_page(client):
    assert (
        client.post(
            "/ccm/action-plans/new/",
            {
                "code": "TAP",
                "name": "Test Action Plan",
                "first_year": 2021,
                "last_year": 2026,
                "adopted": "Decision of the 2MSP",
                "document_symbol": "CCM/MSP/2021/1",
                "source": "test",
            },
        ).status_code
        == 302
    )
    assert (
        client.post(
            "/ccm/action-plans/TAP/sections/new/",
            {"number": 1, "title": "Universalisation", "area": "universalisation", "source": "t"},
        ).status_code
        == 302
    )
    plan = ActionPlan.objects.get(code="TAP")
    section = plan.sections.get()
    assert (
        client.post(
            "/ccm/action-plans/TAP/actions/new/",
            {"section": section.pk, "number": "1", "text": "Promote adherence.", "source": "t"},
        ).status_code
        == 302
    )
    response = client.post(
        "/ccm/action-plans/TAP/indicators/new/",
        {
            "section": section.pk,
            "action": section.actions.get().pk,
            "code": "1.1",
            "text": "Number of outreach events",
            "kind": "count",
            "baseline_year": 2020,
            "baseline_value": "3",
            "target_value": "10",
            "target_year": 2026,
            "computation": "",
            "source": "t",
        },
    )
    assert response.status_code == 302, response.content.decode()
    return plan


def test_the_isu_defines_a_plan_on_the_page(isu):
    plan = _define_by_page(client_for(isu))
    indicator = Indicator.objects.get(section__plan=plan)
    assert (indicator.code, indicator.action.number, indicator.is_computed) == ("1.1", "1", False)
    assert plan.history.first().history_user == isu


def test_a_delegation_may_not_define_a_plan(peru_delegate):
    client = client_for(peru_delegate)
    assert client.get("/ccm/action-plans/new/").status_code == 403
    response = client.post(
        "/ccm/action-plans/new/",
        {"code": "X", "name": "X", "first_year": 2021, "last_year": 2022, "source": "t"},
    )
    assert response.status_code == 403
    assert not ActionPlan.objects.filter(code="X").exists()


def test_years_the_wrong_way_round_show_on_the_field(isu):
    response = client_for(isu).post(
        "/ccm/action-plans/new/",
        {"code": "X", "name": "X", "first_year": 2026, "last_year": 2021, "source": "t"},
    )
    assert response.status_code == 422
    assert "the last year (2021) cannot be before the first (2026)" in response.content.decode()


def test_the_isu_defines_a_plan_through_the_api(isu):
    client = token_client(isu)

    def post(path, body):
        return client.post(f"/api/v1/ccm{path}", body, content_type="application/json")

    plan = {"code": "API", "name": "API plan", "first_year": 2021, "last_year": 2026}
    assert post("/action-plans", {**plan, "source": "t"}).status_code == 201
    area = post("/action-plans/thematic-areas", {"slug": "new-area", "name": "New", "source": "t"})
    assert area.status_code == 201
    section = {"number": 1, "title": "One", "area": "new-area", "source": "t"}
    assert post("/action-plans/API/sections", section).status_code == 201
    action = {"number": "1", "text": "Do it.", "source": "t"}
    assert post("/action-plans/API/sections/1/actions", action).status_code == 201
    indicator = post(
        "/action-plans/API/sections/1/indicators",
        {"code": "1.1", "text": "Events", "kind": "count", "action": "1", "source": "t"},
    )
    assert indicator.status_code == 201
    assert indicator.json()["computed"] is False
    wrong = post(
        "/action-plans/API/sections/1/indicators",
        {"code": "1.2", "text": "X", "kind": "count", "computation": "nope", "source": "t"},
    )
    assert wrong.status_code == 422
    assert wrong.json()["errors"][0]["field"] == "computation"
    assert post("/action-plans/API/sections/9/actions", action).status_code == 404


def test_a_coordinator_may_not_define_a_plan_through_the_api(coordinator):
    response = token_client(coordinator).post(
        "/api/v1/ccm/action-plans",
        {"code": "C", "name": "C", "first_year": 2021, "last_year": 2022, "source": "t"},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert not ActionPlan.objects.filter(code="C").exists()


def test_the_isu_records_coordinators_on_the_page(isu):
    response = client_for(isu).post(
        "/ccm/thematic-areas/universalisation/coordinators/new/",
        {
            "states": ["PER", "CHL"],
            "title": "Coordinators on universalisation",
            "term_from": "2025-09-01",
            "term_to": "2026-09-30",
            "source": "t",
        },
    )
    assert response.status_code == 302
    coordination = Coordination.objects.get(title="Coordinators on universalisation")
    assert sorted(s.iso3 for s in coordination.states.all()) == ["CHL", "PER"]


@pytest.mark.parametrize("year", ["100001", "1899", "2014", "2021", "2200"])
def test_a_progress_year_outside_the_plan_is_refused_at_once(ccm, year):
    api = client_for(None).get(f"/api/v1/ccm/action-plans/DAP/progress?year={year}")
    assert api.status_code in (404, 422)
    assert client_for(None).get(f"/ccm/action-plans/DAP/progress/?year={year}").status_code == 404


def test_the_admin_shows_the_plan_read_only(ccm):
    admin = make_user("admin", Role.OBSERVER)
    admin.is_staff = admin.is_superuser = True
    admin.save()
    plan = ActionPlan.objects.get(code="DAP")
    client = client_for(admin)
    assert client.get("/admin/action_plan/actionplan/").status_code == 200
    assert client.get(f"/admin/action_plan/actionplan/{plan.pk}/change/").status_code == 200
    assert client.get("/admin/action_plan/actionplan/add/").status_code == 403


@pytest.mark.parametrize(
    "path",
    [
        "/ccm/action-plans/new/",
        "/ccm/action-plans/DAP/sections/new/",
        "/ccm/action-plans/DAP/actions/new/",
        "/ccm/action-plans/DAP/indicators/new/",
        "/ccm/thematic-areas/new/",
        "/ccm/thematic-areas/universalisation/coordinators/new/",
        "/ccm/consultations/new/",
        "/ccm/action-plans/DAP/",
    ],
)
def test_the_keepers_pages_run_a_fixed_number_of_queries(
    isu, president, path, django_assert_max_num_queries
):
    user = president if "consultations" in path else isu
    client = client_for(user)
    with django_assert_max_num_queries(14):
        response = client.get(path)
    assert response.status_code == 200


def test_the_consultation_page_with_its_deadline_form_runs_few_queries(
    open_consultation, president, django_assert_max_num_queries
):
    client = client_for(president)
    with django_assert_max_num_queries(14):
        response = client.get(f"/ccm/consultations/{open_consultation.pk}/")
    assert "Move the deadline" in response.content.decode()


def test_progress_exports_as_xlsx_with_numbers_and_no_formula(isu):
    from decimal import Decimal
    from io import BytesIO

    from openpyxl import load_workbook

    client = client_for(isu)
    plan = _define_by_page(client)
    indicator = Indicator.objects.get(section__plan=plan)
    response = client.post(
        f"/ccm/action-plans/indicators/{indicator.pk}/?year=2022",
        {"year": 2022, "value": "7", "source": '=HYPERLINK("http://x.invalid","report")'},
    )
    assert response.status_code == 302, response.content.decode()
    response = client.get("/ccm/action-plans/TAP/progress.xlsx?year=2022")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="TAP_2022_progress.xlsx"'
    sheet = load_workbook(BytesIO(response.content)).active
    header, row = [c.value for c in sheet[1]], [c.value for c in sheet[2]]
    cells = dict(zip(header, row, strict=True))
    assert (cells["indicator"], cells["year"]) == ("1.1", 2022)
    assert (Decimal(str(cells["baseline"])), Decimal(str(cells["value"]))) == (3, 7)
    assert cells["change"] == 4
    assert cells["source"] == '\'=HYPERLINK("http://x.invalid","report")'
    assert all(c.data_type != "f" for c in sheet[2])
