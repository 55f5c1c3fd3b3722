"""Written consultations' deadlines for the reminders (one query)."""

from datetime import UTC, date, datetime, time, timedelta

from plenary.action_plan.models import Consultation
from plenary.core.models import Role
from plenary.rules import times
from plenary.rules.deadlines import long_date
from plenary.rules.reminders import Bound, Deadline


def deadlines_between(*, start: date, end: date, state: str | None = None) -> list[Deadline]:
    """Consultations whose deadline falls on a day in [start, end] in their own zone. A
    contribution may come from any Delegation the consultation addresses, so the deadline
    binds the Delegation role and `state` narrows nothing."""
    # A day's bounds differ by zone; fetch a day either side in UTC, then keep exact days.
    around = (
        datetime.combine(start - timedelta(days=1), time.min, tzinfo=UTC),
        datetime.combine(end + timedelta(days=2), time.min, tzinfo=UTC),
    )
    consultations = (
        Consultation.objects.filter(deadline__range=around)
        .select_related("convention")
        .order_by("deadline", "pk")
    )
    return [
        Deadline.at(
            key=f"action_plan.consultation:{consultation.pk}:{consultation.deadline.isoformat()}",
            kind="consultation",
            ends_at=consultation.deadline.astimezone(times.zone(consultation.time_zone)),
            time_zone=consultation.time_zone,
            subject=f"Written contributions to {consultation.title}",
            bound=Bound.for_role(Role.DELEGATION),
            convention=consultation.convention.short_name,
            link=f"/{consultation.convention.slug}/consultations/{consultation.pk}/",
            note=f"by {long_date(consultation.deadline_date)}",
        )
        for consultation in consultations
        if start <= consultation.deadline_date <= end
    ]
