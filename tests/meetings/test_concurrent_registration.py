"""Concurrent first registrations of one State yield one delegation; every other request
gets a clean refusal (422 on the field), never a server error."""

import json
from concurrent.futures import ThreadPoolExecutor
from threading import Barrier

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.db.models.signals import pre_save
from django.utils import timezone

from plenary.meetings import services
from plenary.meetings.models import Delegation
from plenary.meetings.services import DelegateIn
from tests.conftest import acts_for, open_meeting, token_client

THREADS = 8


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: SQLite serialises every writer, so nothing runs concurrently",
)
@pytest.mark.django_db(transaction=True)
def test_simultaneous_first_registrations_make_one_delegation(ccm, peru_focal_point):
    meeting = open_meeting(ccm)
    clients = [token_client(peru_focal_point) for _ in range(THREADS)]
    start = Barrier(THREADS)

    def register(n):
        try:
            start.wait()
            response = clients[n].put(
                f"/api/v1/ccm/meetings/{meeting.code}/delegation",
                json.dumps(
                    {
                        "members": [
                            {"role": "head", "name": f"Head {n}", "email": f"head{n}@example.org"}
                        ]
                    }
                ),
                content_type="application/json",
            )
            return response.status_code, response.json()
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        answers = list(pool.map(register, range(THREADS)))

    codes = sorted(code for code, _ in answers)
    assert Delegation.objects.filter(meeting=meeting).count() == 1
    assert codes.count(201) == 1
    # A later request finds the delegation and edits it (200); one that raced the first
    # is refused on the field.
    assert set(codes) <= {200, 201, 422}
    for code, body in answers:
        if code == 422:
            assert body["errors"] == [
                {
                    "field": "state",
                    "message": f"Peru already has a delegation for {meeting}: edit it instead",
                }
            ]


@pytest.mark.django_db
def test_the_database_decides_a_race_and_the_loser_gets_the_refusal(ccm, peru_focal_point):
    """The check passed, then another request registered the same State before the save:
    the unique constraint refuses the second row and the service answers as for a
    registration it had seen (the competing row is written the moment before the save)."""
    meeting = open_meeting(ccm)
    peru = acts_for(peru_focal_point)

    def competitor(sender, instance, **kwargs):
        if instance.pk is None and instance.state_id == peru.pk:
            pre_save.disconnect(competitor, sender=Delegation)
            Delegation.objects.create(meeting=meeting, state=peru, source="the other request")

    pre_save.connect(competitor, sender=Delegation)
    try:
        with pytest.raises(ValidationError) as refused:
            services.register_delegation(
                meeting=meeting,
                state=peru,
                members=[DelegateIn(role="head", name="Head", email="member@example.org")],
                now=timezone.now(),
                by=peru_focal_point,
            )
    finally:
        pre_save.disconnect(competitor, sender=Delegation)
    assert refused.value.message_dict == {
        "state": [f"Peru already has a delegation for {meeting}: edit it instead"]
    }
