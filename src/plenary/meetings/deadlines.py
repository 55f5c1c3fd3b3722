"""Meetings' deadlines for the reminders: the registration of delegations (one query)."""

from datetime import date

from django.utils.translation import gettext as _

from plenary.core import l10n
from plenary.core.models import Role
from plenary.meetings.models import Meeting
from plenary.rules.reminders import Bound, Deadline


def deadlines_between(*, start: date, end: date, state: str | None = None) -> list[Deadline]:
    """Registration deadlines in [start, end]. They bind every Delegation (any State or
    organisation may register one), so `state` narrows nothing."""
    meetings = (
        Meeting.objects.filter(registration_deadline__range=(start, end))
        .select_related("convention")
        .order_by("registration_deadline", "code")
    )
    return [
        Deadline.by_end_of(
            key=f"meetings.registration:{meeting.code}:{meeting.registration_deadline}",
            kind="registration",
            day=meeting.registration_deadline,
            time_zone=meeting.time_zone,
            subject=_("%(meeting)s: registration of delegations") % {"meeting": meeting.title},
            bound=Bound.for_role(Role.DELEGATION),
            convention=meeting.convention.short_name,
            link=f"/{meeting.convention.slug}/meetings/{meeting.code}/",
            note=_("by %(day)s") % {"day": l10n.day(meeting.registration_deadline)},
        )
        for meeting in meetings
    ]
