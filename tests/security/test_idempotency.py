"""Payments and registrations through the API take an `Idempotency-Key` (issue 24: "50
identical concurrent payments are all recorded"). Absent on 2cdebbd: the header was
ignored and each of the 50 was recorded."""

import json
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from django.db import connection, connections
from django.utils import timezone

from plenary.core.models import IdempotencyKey
from plenary.finance.models import Assessment, Payment
from plenary.meetings.models import Delegation
from tests.conftest import open_meeting, token_client


def pay(client, assessment, key, amount="10.00", reference="PER-2021"):
    body = {
        "assessment": assessment.pk,
        "received_on": "2021-01-10",
        "amount": amount,
        "currency": "USD",
        "reference": reference,
    }
    return client.post(
        "/api/v1/ccm/finance/payments",
        json.dumps(body),
        content_type="application/json",
        headers={"Idempotency-Key": key} if key else {},
    )


def test_the_same_key_and_body_replays_the_first_answer(assessed_estimate, secretariat):
    peru = Assessment.objects.get(estimate=assessed_estimate, state__iso3="PER")
    client = token_client(secretariat)
    first = pay(client, peru, "pay-per-1")
    again = pay(client, peru, "pay-per-1")
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert Payment.objects.filter(assessment=peru).count() == 1
    other_body = pay(client, peru, "pay-per-1", amount="11.00")
    assert other_body.status_code == 422
    assert other_body.json()["errors"][0]["field"] == "Idempotency-Key"
    # Without a key, two sends are two payments (a State may pay twice).
    assert pay(client, peru, None, reference="PER-2").status_code == 201
    assert pay(client, peru, None, reference="PER-3").status_code == 201
    assert Payment.objects.filter(assessment=peru).count() == 3


def test_keys_are_per_user_and_expire(assessed_estimate, secretariat, settings):
    from tests.conftest import make_user

    peru = Assessment.objects.get(estimate=assessed_estimate, state__iso3="PER")
    other = make_user("secretariat_two", "secretariat")
    assert pay(token_client(secretariat), peru, "k").status_code == 201
    assert pay(token_client(other), peru, "k", reference="B").status_code == 201  # own key
    assert Payment.objects.filter(assessment=peru).count() == 2
    IdempotencyKey.objects.update(created_at=timezone.now() - timedelta(days=2))
    assert pay(token_client(secretariat), peru, "k", reference="C").status_code == 201
    assert Payment.objects.filter(assessment=peru).count() == 3
    from plenary.jobs import prune_idempotency_keys

    IdempotencyKey.objects.update(created_at=timezone.now() - timedelta(days=2))
    assert prune_idempotency_keys(now=timezone.now()) == "2 idempotency keys forgotten"


def test_a_registration_with_a_key_is_made_once(ccm, peru_focal_point):
    meeting = open_meeting(ccm)
    client = token_client(peru_focal_point)
    body = json.dumps(
        {"members": [{"role": "head", "name": "Ms. Head", "email": "member@example.org"}]}
    )
    answers = [
        client.put(
            f"/api/v1/ccm/meetings/{meeting.code}/delegation",
            body,
            content_type="application/json",
            headers={"Idempotency-Key": "register-per"},
        )
        for _ in range(2)
    ]
    assert [a.status_code for a in answers] == [201, 201]
    assert answers[0].json() == answers[1].json()
    assert Delegation.objects.filter(meeting=meeting).count() == 1


def test_a_malformed_key_is_422(assessed_estimate, secretariat):
    peru = Assessment.objects.get(estimate=assessed_estimate, state__iso3="PER")
    assert pay(token_client(secretariat), peru, "x" * 201).status_code == 422
    assert not Payment.objects.exists()


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: SQLite serialises every writer, so nothing runs concurrently",
)
@pytest.mark.django_db(transaction=True)
def test_fifty_identical_concurrent_payments_record_one(assessed_estimate, secretariat):
    peru = Assessment.objects.get(estimate=assessed_estimate, state__iso3="PER")

    def send(_n):
        try:
            answer = pay(token_client(secretariat), peru, "fifty-at-once")
            return answer.status_code, answer.json().get("id")
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=16) as pool:
        answers = list(pool.map(send, range(50)))

    assert Payment.objects.filter(assessment=peru).count() == 1
    assert {status for status, _ in answers} == {201}
    assert len({pk for _, pk in answers}) == 1


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: SQLite serialises every writer, so nothing runs concurrently",
)
@pytest.mark.django_db(transaction=True)
def test_concurrent_first_registrations_yield_one_delegation(ccm, peru_focal_point):
    """Issue 24, "Idempotency": of concurrent first registrations of one State (without
    a key), one is made and the others get a clean answer (422 naming the State)."""
    meeting = open_meeting(ccm)
    body = json.dumps(
        {"members": [{"role": "head", "name": "Ms. Head", "email": "member@example.org"}]}
    )

    def send(_n):
        try:
            return (
                token_client(peru_focal_point)
                .put(
                    f"/api/v1/ccm/meetings/{meeting.code}/delegation",
                    body,
                    content_type="application/json",
                )
                .status_code
            )
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(send, range(8)))

    assert Delegation.objects.filter(meeting=meeting).count() == 1
    assert answers.count(201) == 1
    assert set(answers) <= {200, 201, 422}
