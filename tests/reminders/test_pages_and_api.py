"""The "What is due" page and the API: a Delegation sees its State's, the Secretariat every
State's, in a fixed number of queries whatever the number of States."""

from datetime import date

import pytest

from plenary.reminders import selectors
from plenary.treaties.models import Obligation, Participation
from tests.conftest import client_for, new_state, token_client

PERIOD = "?start=2021-01-01&end=2021-12-31"


def _more_states_parties(ccm, count: int) -> None:
    for n in range(count):
        state = new_state(f"X{chr(65 + n // 26)}{chr(65 + n % 26)}")
        Participation.objects.create(
            convention=ccm, state=state, deposited_on=date(2012, 9, 26),
            instrument="ratification", entry_into_force=date(2013, 3, 1),
        )  # fmt: skip
        Obligation.objects.create(
            convention=ccm, state=state, kind="stockpile_destruction",
            original_deadline=date(2021, 3, 1),
            current_deadline=date(2021, 3, 1), source="test",
        )  # fmt: skip


def test_due_mine_delegation_sees_its_state(ccm, peru_delegate):
    response = client_for(peru_delegate).get(f"/due/mine/{PERIOD}")
    assert response.status_code == 200
    shown = [d.key for d in response.context["passed"] + response.context["upcoming"]]
    assert shown == [
        "treaties.article3:CCM:PER:2021-03-01",
        "treaties.article7.annual:CCM:PER:2020",
    ]
    assert "What is due for Peru" in response.content.decode()


def test_due_mine_secretariat_sees_every_state(ccm, secretariat):
    response = client_for(secretariat).get(f"/due/mine/{PERIOD}")
    shown = response.context["passed"] + response.context["upcoming"]
    assert len(shown) == len(
        selectors.deadlines_between(start=date(2021, 1, 1), end=date(2021, 12, 31))
    )
    assert {d.bound.iso3 for d in shown} >= {"PER", "CHL", "BGR", "LBN", "BIH"}


def test_due_mine_needs_sign_in(ccm):
    response = client_for(None).get("/due/mine/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/due/mine/"


def test_public_due_page_links_to_due_mine(ccm, peru_delegate):
    assert 'href="/due/mine/"' in client_for(peru_delegate).get("/ccm/due/").content.decode()


@pytest.mark.parametrize("who", ["peru_delegate", "secretariat"])
def test_due_mine_fixed_number_of_queries(ccm, who, request, django_assert_max_num_queries):
    client = client_for(request.getfixturevalue(who))
    # 16: two more than before conventions: the list of conventions the page links to, and
    # one per convention, as finance reads each convention's ledger apart.
    with django_assert_max_num_queries(16) as small:
        client.get(f"/due/mine/{PERIOD}")
    _more_states_parties(ccm, 40)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(f"/due/mine/{PERIOD}")
    assert response.status_code == 200


def test_api_deadlines_for_peru(ccm):
    response = client_for(None).get(f"/api/v1/deadlines{PERIOD}&state=PER")
    assert response.status_code == 200
    assert [(d["kind"], d["date"], d["bound"]) for d in response.json()["items"]] == [
        ("article3", "2021-03-01", "PER"),
        ("article7_annual", "2021-04-30", "PER"),
    ]


def test_api_deadlines_unknown_state_is_422(ccm):
    response = client_for(None).get(f"/api/v1/deadlines{PERIOD}&state=XYZ")
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "state", "message": "No State has the ISO 3166 code 'XYZ'."}
    ]


def test_api_my_deadlines(ccm, peru_delegate):
    response = token_client(peru_delegate).get(f"/api/v1/me/deadlines{PERIOD}")
    assert [d["key"] for d in response.json()["items"]] == [
        "treaties.article3:CCM:PER:2021-03-01",
        "treaties.article7.annual:CCM:PER:2020",
    ]
    assert client_for(None).get("/api/v1/me/deadlines").status_code == 401
