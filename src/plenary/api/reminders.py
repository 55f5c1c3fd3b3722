"""/api/v1/deadlines and /api/v1/me/deadlines: every capability's deadlines for programs.

Site-wide, not under a convention: a user's deadlines come from every convention they act in.
"""

from datetime import date, datetime, timedelta

from django.utils import timezone
from ninja import Field, Query, Router, Schema

from plenary.api.auth import SIGNED_IN
from plenary.api.errors import ErrorOut
from plenary.api.pagination import paged
from plenary.reminders import selectors

router = Router(tags=["reminders and calendars"])

ERRORS = {401: ErrorOut, 422: ErrorOut}


class DeadlineOut(Schema):
    key: str
    convention: str = Field(description="short name of the deadline's convention, e.g. CCM")
    kind: str
    date: date
    ends_at: datetime
    time_zone: str
    subject: str
    bound: str
    link: str
    note: str


class PeriodIn(Schema):
    start: date | None = None
    end: date | None = None
    state: str | None = None


def _period(period: PeriodIn) -> tuple[date, date]:
    start = period.start or timezone.localdate()
    return start, period.end or start + timedelta(days=365)


@router.get("/deadlines", response={200: list[DeadlineOut], 422: ErrorOut})
@paged
def deadlines(request, period: Query[PeriodIn]):
    """Deadlines whose day is in [start, end] (default: a year from today); with `state`
    (ISO 3166 alpha-3), those that bind that State. An unknown State is a 422. A State's
    payments are listed only for the Secretariat and that State's own Delegation."""
    start, end = _period(period)
    found = selectors.visible_to(
        user=request.auth,
        deadlines=selectors.deadlines_between(start=start, end=end, state=period.state),
    )
    return [deadline.as_dict() for deadline in found]


@router.get("/me/deadlines", response={200: list[DeadlineOut], **ERRORS}, auth=SIGNED_IN)
@paged
def my_deadlines(request, period: Query[PeriodIn]):
    """What is due for the caller: their State's and role's deadlines (the Secretariat:
    every State's)."""
    start, end = _period(period)
    found = selectors.deadlines_for_user(user=request.auth, start=start, end=end)
    return [deadline.as_dict() for deadline in found]
