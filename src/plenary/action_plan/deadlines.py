"""Written consultations' deadlines for the reminders (one query)."""

from datetime import UTC, date, datetime, time, timedelta

from django.utils.translation import gettext as _

from plenary.action_plan.models import Consultation
from plenary.core import l10n
from plenary.core.models import Role
from plenary.rules import times
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
            subject=_("Written contributions to %(title)s") % {"title": consultation.title},
            bound=Bound.for_role(Role.DELEGATION),
            convention=consultation.convention.short_name,
            link=f"/{consultation.convention.slug}/consultations/{consultation.pk}/",
            note=_("by %(day)s") % {"day": l10n.day(consultation.deadline_date)},
        )
        for consultation in consultations
        if start <= consultation.deadline_date <= end
    ]
