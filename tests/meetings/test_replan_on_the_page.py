"""On the page, the Secretariat splits a meeting into two parts and postpones it, citing
the adopted silence procedure behind it, which the meeting's page then links."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from plenary.decisions.models import Outcome, SilenceProcedure
from plenary.meetings import services
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def _plan(*parts):
    data = {
        "parts-TOTAL_FORMS": str(len(parts)),
        "parts-INITIAL_FORMS": "0",
        "parts-MIN_NUM_FORMS": "1",
        "parts-MAX_NUM_FORMS": "20",
    }
    for index, (starts, ends, fmt) in enumerate(parts):
        data[f"parts-{index}-starts_on"] = starts
        data[f"parts-{index}-ends_on"] = ends
        data[f"parts-{index}-format"] = fmt
    return data


@pytest.fixture
def msp(ccm, secretariat):
    return services.create_meeting(
        convention=ccm,
        code="14MSP",
        kind="msp",
        title="Fourteenth Meeting of States Parties",
        parts=[services.PartPlan(1, date(2027, 9, 6), date(2027, 9, 10), format="in_person")],
        by=secretariat,
    )


def test_the_secretariat_splits_and_postpones_a_meeting_on_the_page(msp, secretariat, ccm):
    client = client_for(secretariat)
    response = client.post(
        "/ccm/meetings/14MSP/manage/plan/",
        {
            "decided_by": "the Bureau's decision",
            "reason": "Split: a virtual part first",
            **_plan(
                ("2027-09-06", "2027-09-07", "virtual"), ("2027-11-15", "2027-11-17", "hybrid")
            ),
        },
    )
    assert response.status_code == 302
    assert [(p.number, p.starts_on, p.format) for p in msp.parts.all()] == [
        (1, date(2027, 9, 6), "virtual"),
        (2, date(2027, 11, 15), "hybrid"),
    ]
    zone = ZoneInfo("Europe/Zurich")
    procedure = SilenceProcedure.objects.create(
        convention=ccm,
        subject="Postponing the second part",
        circulated_on=date(2027, 6, 1),
        deadline=datetime(2027, 6, 8, 23, 59, 59, tzinfo=zone),
        time_zone="Europe/Zurich",
        meeting=msp,
        outcome=Outcome.ADOPTED,
        concluded_at=datetime.combine(date(2027, 6, 9), time(0), tzinfo=zone),
    )
    response = client.post(
        "/ccm/meetings/14MSP/manage/plan/",
        {
            "decided_by": "",
            "reason": "Postponed by a week",
            "silence_procedure": str(procedure.pk),
            **_plan(
                ("2027-09-06", "2027-09-07", "virtual"), ("2027-11-22", "2027-11-24", "hybrid")
            ),
        },
    )
    assert response.status_code == 302
    procedure.refresh_from_db()
    change = msp.plan_changes.order_by("-pk").first()
    assert procedure.plan_change == change
    assert change.decided_by == "silence procedure of 1-8 June 2027"
    page = client_for(None).get("/ccm/meetings/14MSP/").content.decode()
    assert f'<a href="/ccm/silence-procedures/{procedure.pk}/">' in page
    assert "Previously planned for part 1: 6-7 September 2027, virtual; part 2: 15-17" in page
    assert timezone.localdate() < date(2027, 9, 6)
