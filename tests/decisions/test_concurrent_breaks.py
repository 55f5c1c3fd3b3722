"""Every Delegation of every State Party answers one procedure at once, from threads."""

from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from plenary.core.models import Role
from plenary.decisions import services
from plenary.decisions.models import Outcome, SilenceBreak, SilenceProcedure
from tests.conftest import acts_for, make_user

GENEVA = ZoneInfo("Europe/Zurich")

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: SQLite serialises every writer, so nothing runs concurrently",
)


@pytest.mark.django_db(transaction=True)
def test_parallel_breaks_are_each_recorded_once_and_the_outcome_is_right(ccm, president):
    procedure = services.circulate_silence_procedure(
        convention=ccm,
        subject="A proposal every State answers at once",
        circulated_on=date(2030, 3, 2),
        deadline_on=date(2030, 3, 9),
        now=datetime(2030, 3, 2, 9, tzinfo=GENEVA),
        by=president,
    )
    addressees = list(procedure.addressees.select_related("state").order_by("state__name"))
    users = [
        make_user(f"delegate_{a.state.iso3.lower()}", Role.DELEGATION, a.state.iso3)
        for a in addressees
    ]
    breakers = users[::3]  # every third State breaks the silence
    twice = breakers[::2]  # and half of those send their break twice
    sends = [(user, n) for user in breakers for n in range(2 if user in twice else 1)]

    def send(job):
        user, n = job
        try:
            # Each thread loads the procedure, as a request does (the service reads its
            # convention to check the role before it locks the row).
            services.break_silence(
                procedure=SilenceProcedure.objects.get(pk=procedure.pk),
                state=acts_for(user),
                by=user,
                reason=f"Objection {n}",
                now=datetime(2030, 3, 5, 12, tzinfo=GENEVA),
            )
            return "recorded"
        except services.AlreadyBroken:
            return "already"
        except ValidationError as error:
            return f"error: {error.messages}"
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=16) as pool:
        results = list(pool.map(send, sends))

    assert len(users) > 100
    assert results.count("recorded") == len(breakers)
    assert results.count("already") == len(twice)
    assert SilenceBreak.objects.filter(procedure=procedure).count() == len(breakers)
    assert set(
        SilenceBreak.objects.filter(procedure=procedure).values_list("state_id", flat=True)
    ) == {acts_for(user).pk for user in breakers}

    concluded = services.conclude_silence_procedure(
        procedure=procedure, now=datetime(2030, 3, 10, tzinfo=GENEVA)
    )
    assert concluded.outcome == Outcome.BROKEN
