from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from plenary.action_plan import services
from plenary.action_plan.models import Consultation

GENEVA = ZoneInfo("Europe/Zurich")
SEED_002_TITLE = "Concept note on the Lausanne Action Plan (LAP)"


def at(day: date, clock: str = "12:00:00") -> datetime:
    h, m, s = (int(p) for p in clock.split(":"))
    return datetime(day.year, day.month, day.day, h, m, s, tzinfo=GENEVA)


@pytest.fixture
def seed_consultation(ccm) -> Consultation:
    return Consultation.objects.get(title=SEED_002_TITLE)


@pytest.fixture
def open_consultation(ccm, president):
    """A consultation of two sections whose deadline is 30 June 2030 in Geneva."""
    return services.issue_consultation(
        convention=ccm,
        title="Test consultation",
        issued_by="President",
        issued_on=date(2030, 6, 1),
        deadline_on=date(2030, 6, 30),
        addressees="States Parties; organisations",
        addresses_organisations=True,
        sections=[
            services.SectionSpec("I", "One", [services.QuestionSpec("First?")]),
            services.SectionSpec(
                "II", "Two", [services.QuestionSpec("Second?"), services.QuestionSpec("Third?")]
            ),
        ],
        source="test",
        now=at(date(2030, 6, 1)),
        by=president,
    )
