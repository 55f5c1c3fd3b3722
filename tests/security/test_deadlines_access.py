"""Finding: anyone read any State's unpaid assessment through /api/v1/deadlines.

Failed on 76c584e: an anonymous GET of /api/v1/deadlines?state=PER listed "Payment of the
assessed share ... (USD ...)". Finance-derived deadlines follow the finance rule: the
Secretariat of the convention and the State's own Delegation only.
"""

from tests.conftest import client_for, token_client

PERIOD = "start=2021-01-01&end=2021-12-31"


def _payments(client, query: str = "state=PER") -> list[dict]:
    response = client.get(f"/api/v1/deadlines?{PERIOD}&{query}&limit=500")
    assert response.status_code == 200
    return [d for d in response.json()["items"] if d["kind"] == "payment"]


def test_anonymous_reads_no_unpaid_assessment(assessed_estimate):
    assert _payments(client_for(None)) == []
    assert _payments(client_for(None), "") == []


def test_another_states_delegation_reads_no_unpaid_assessment(assessed_estimate, chile_delegate):
    assert _payments(token_client(chile_delegate)) == []
    assert {d["bound"] for d in _payments(token_client(chile_delegate), "")} == {"CHL"}


def test_observer_and_presidency_read_no_unpaid_assessment(assessed_estimate, observer, president):
    assert _payments(token_client(observer)) == []
    assert _payments(token_client(president)) == []


def test_the_states_own_delegation_reads_its_assessment(assessed_estimate, peru_delegate):
    [payment] = _payments(token_client(peru_delegate))
    assert payment["bound"] == "PER"
    assert "USD" in payment["subject"]


def test_the_secretariat_reads_every_states_assessment(assessed_estimate, secretariat):
    assert len(_payments(token_client(secretariat))) == 1
    assert len(_payments(token_client(secretariat), "")) > 100
