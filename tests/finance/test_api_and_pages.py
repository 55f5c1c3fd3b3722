"""The financial status page, its exports, the cost-sharing page and /api/v1/ccm/finance/."""

import csv
import io
import json
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from plenary.finance import services
from plenary.finance.models import Assessment, Payment
from plenary.rules import apportionment
from plenary.treaties.models import State
from tests.conftest import client_for, token_client


def _pay(assessed, iso3, amount, by, on=date(2021, 1, 15)):
    services.record_payment(
        assessment=Assessment.objects.get(estimate=assessed, state__iso3=iso3),
        received_on=on,
        amount=amount,
        currency="USD",
        reference=f"{iso3}-1",
        by=by,
    )


def test_status_page_secretariat_sees_every_state(assessed, secretariat):
    _pay(assessed, "FRA", "100.00", secretariat)
    response = client_for(secretariat).get("/ccm/finance/?on=2021-02-01")
    assert response.status_code == 200
    body = response.content.decode()
    assert "<svg" in body and "http://" not in body.split("<svg", 1)[1].split("</svg>")[0][40:]
    assert "France" in body and "Peru" in body
    assert "CCM/CONF/2020/WP.2" in body
    assert "CCM/CONF/2020/2" in body


def test_status_page_delegation_sees_only_its_state(assessed, peru_delegate):
    response = client_for(peru_delegate).get("/ccm/finance/?on=2021-02-01")
    assert response.status_code == 200
    body = response.content.decode()
    assert "The account of Peru." in body
    assert "France" not in body
    assert [a.iso3 for a in response.context["accounts"]] == ["PER"]


def test_status_page_observer_refused(assessed, observer):
    assert client_for(observer).get("/ccm/finance/").status_code == 403


def test_status_page_public_refused(assessed):
    assert client_for(None).get("/ccm/finance/").status_code == 403


def test_status_csv_export(assessed, secretariat):
    response = client_for(secretariat).get("/ccm/finance/status.csv?on=2021-02-01")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert response["Content-Type"] == "text/csv"
    assert len(rows) == 124
    assert sum(Decimal(row["assessed"]) for row in rows) == Decimal("400000.00")
    assert sum(Decimal(row["arrears"]) for row in rows) == Decimal("400000.00")


def test_status_xlsx_export_delegation_own_state(assessed, peru_delegate):
    response = client_for(peru_delegate).get("/ccm/finance/status.xlsx?on=2021-02-01")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("iso3", "state", "year", "assessed", "paid", "balance", "arrears")
    assert [row[0] for row in rows[1:]] == ["PER"]


@pytest.mark.parametrize("payments", [0, 30])
def test_status_page_query_count_is_fixed(
    assessed, secretariat, payments, django_assert_max_num_queries
):
    for state in State.objects.filter(assessments__estimate=assessed).order_by("name")[:payments]:
        _pay(assessed, state.iso3, "0.01", secretariat)
    client = client_for(secretariat)
    # 15: the list of payments received (issue 17) is one query more.
    with django_assert_max_num_queries(15):
        assert client.get("/ccm/finance/").status_code == 200


def test_apportionment_page_states_the_settings(ccm):
    response = client_for(None).get("/ccm/finance/apportionment/CCM/CONF/2020/?total=400000")
    body = response.content.decode()
    assert response.status_code == 200
    assert "every State Party on the meeting" in body
    assert "lowest rate of that year" in body
    assert response.context["result"].share_sum == Decimal("400000.00")


def test_apportionment_page_negative_total_refused(ccm):
    response = client_for(None).get("/ccm/finance/apportionment/2RC/?total=-1")
    assert response.status_code == 422
    assert "total: must not be negative" in response.content.decode()


def test_api_apportionment_sums_to_the_total(ccm):
    response = client_for(None).get(
        "/api/v1/ccm/finance/apportionment", {"meeting": "CCM/CONF/2020", "total": "400000"}
    )
    data = response.json()
    assert response.status_code == 200
    assert sum(Decimal(row["share"]) for row in data["shares"]) == Decimal("400000.00")
    assert data["resolution"] == "73/271"
    assert "USA" not in {row["iso3"] for row in data["shares"]}


def test_api_apportionment_non_numeric_total_is_422(ccm):
    response = client_for(None).get(
        "/api/v1/ccm/finance/apportionment", {"meeting": "2RC", "total": "abc"}
    )
    assert response.status_code == 422
    assert response.json()["errors"] == [{"field": "total", "message": apportionment.NOT_A_NUMBER}]


def test_api_scale_of_2022(ccm):
    data = client_for(None).get("/api/v1/ccm/finance/scale", {"year": 2022}).json()
    assert data["resolution"] == "76/238"
    assert len(data["rates"]) == 193
    assert sum(Decimal(r["rate"]) for r in data["rates"]) == Decimal("100.000")


def test_api_scale_year_without_scale_is_422(ccm):
    response = client_for(None).get("/api/v1/ccm/finance/scale", {"year": 2015})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "meeting"


def test_api_issue_assessments_and_pay(estimate, secretariat):
    client = token_client(secretariat)
    response = client.post(
        f"/api/v1/ccm/finance/estimates/{estimate.pk}/assessments",
        json.dumps({"issued_on": "2020-12-01", "due_on": "2021-01-31"}),
        content_type="application/json",
    )
    assert response.status_code == 201
    rows = response.json()
    assert sum(Decimal(row["amount"]) for row in rows) == Decimal("400000.00")
    peru = next(row for row in rows if row["iso3"] == "PER")
    paid = client.post(
        "/api/v1/ccm/finance/payments",
        json.dumps(
            {
                "assessment": peru["id"],
                "received_on": "2021-01-10",
                "amount": peru["amount"],
                "currency": "USD",
                "reference": "PER-2021",
            }
        ),
        content_type="application/json",
    )
    assert paid.status_code == 201
    due = client.get("/api/v1/ccm/finance/due-dates?limit=500").json()
    assert "PER" not in {row["iso3"] for row in due["items"]}
    assert due["count"] == len(due["items"]) == 123


def test_api_payment_in_a_currency_not_accepted_is_422(assessed, secretariat):
    peru = Assessment.objects.get(estimate=assessed, state__iso3="PER")
    response = token_client(secretariat).post(
        "/api/v1/ccm/finance/payments",
        json.dumps(
            {
                "assessment": peru.pk,
                "received_on": "2021-01-10",
                "amount": "10.00",
                "currency": "EUR",
                "reference": "X",
            }
        ),
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {
            "field": "currency",
            "message": services.CURRENCY_NOT_ACCEPTED % {"accepted": "USD", "value": "EUR"},
        }
    ]
    assert not Payment.objects.exists()


def test_api_payment_by_a_delegation_is_403(assessed, peru_delegate):
    peru = Assessment.objects.get(estimate=assessed, state__iso3="PER")
    response = token_client(peru_delegate).post(
        "/api/v1/ccm/finance/payments",
        json.dumps(
            {
                "assessment": peru.pk,
                "received_on": "2021-01-10",
                "amount": "10.00",
                "currency": "USD",
                "reference": "X",
            }
        ),
        content_type="application/json",
    )
    assert response.status_code == 403
    assert not Payment.objects.exists()


def test_api_status_delegation_sees_own_account(assessed, peru_delegate):
    data = (
        token_client(peru_delegate).get("/api/v1/ccm/finance/status?on=2021-02-01").json()["items"]
    )
    assert [row["iso3"] for row in data] == ["PER"]


def test_api_isu_budgets_and_estimates(ccm):
    client = client_for(None)
    budgets = client.get("/api/v1/ccm/finance/isu-budgets").json()["items"]
    assert [b["document_symbol"] for b in budgets] == ["CCM/CONF/2020/3", "CCM/CONF/2020/2"]
    estimates = client.get("/api/v1/ccm/finance/estimates").json()["items"]
    assert estimates[0]["document_symbol"] == "CCM/CONF/2020/WP.2"
    assert estimates[0]["estimated_total"] is None
