"""Meetings of the Second Review Conference, created here until the meetings' reference
data is loaded for every test; the reference silence procedures and extension requests."""

from datetime import date, timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from plenary.decisions.reference import load_decisions
from plenary.meetings.models import Meeting
from plenary.meetings.services import PartPlan, create_meeting

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def immediate_tasks(settings):
    """Background tasks run at once in tests, so their e-mail lands in `mailoutbox`."""
    settings.TASKS = IMMEDIATE


def ensure_meeting(ccm, *, code, kind, title, parts, **fields) -> Meeting:
    return Meeting.objects.filter(code=code).first() or create_meeting(
        convention=ccm, code=code, kind=kind, title=title, parts=parts, **fields
    )


@pytest.fixture
def review_conference(ccm) -> Meeting:
    """The 2RC as finally planned: part 1 virtual, part 2 hybrid in Geneva (seed 003, para 8)."""
    ensure_meeting(
        ccm,
        code="2RC-PM1",
        kind="preparatory",
        title="First Preparatory Meeting of the Second Review Conference",
        parts=[PartPlan(1, date(2020, 6, 29), date(2020, 6, 29))],
    )
    return ensure_meeting(
        ccm,
        code="2RC",
        kind="review_conference",
        number=2,
        title="Second Review Conference",
        symbol_root="CCM/CONF/2020",
        parts=[
            PartPlan(1, date(2020, 11, 25), date(2020, 11, 27), format="virtual"),
            PartPlan(
                2,
                date(2021, 2, 4),
                date(2021, 2, 5),
                format="hybrid",
                venue="Palais des Nations",
                city="Geneva",
            ),
        ],
    )


@pytest.fixture
def decisions_loaded(review_conference) -> str:
    return load_decisions(
        convention=review_conference.convention, directory=settings.REFERENCE_DATA_DIR / "ccm"
    )


@pytest.fixture
def test_meeting(ccm) -> Meeting:
    """A meeting of the future whose plan a silence procedure may change."""
    return ensure_meeting(
        ccm,
        code="11MSP",
        kind="msp",
        number=11,
        title="Eleventh Meeting of States Parties",
        parts=[PartPlan(1, date(2030, 9, 2), date(2030, 9, 4))],
    )


@pytest.fixture
def future_clearance(ccm):
    """A test State's Article 4 obligation whose deadline is still ahead (a real State's
    may have passed by the day the tests run)."""
    from plenary.rules.months import add_months
    from plenary.treaties.services import record_obligation, record_participation
    from tests.conftest import new_state

    state = new_state("TST")
    record_participation(
        convention=ccm,
        state=state,
        signed_on=date(2008, 12, 3),
        deposited_on=add_months(timezone.localdate(), -10 * 12) + timedelta(days=10),
        instrument="ratification",
    )
    return record_obligation(convention=ccm, state=state, kind="clearance", source="test")


@pytest.fixture
def tst_delegate(future_clearance):
    from plenary.core.models import Role
    from tests.conftest import make_user

    return make_user("tst_delegate", Role.DELEGATION, "TST")
