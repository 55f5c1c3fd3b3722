"""Finance's deadlines for the reminders: assessments with money outstanding (one query)."""

from datetime import date

from django.conf import settings

from plenary.finance.selectors import payment_due_dates
from plenary.rules.deadlines import long_date
from plenary.rules.reminders import Bound, Deadline


def deadlines_between(*, start: date, end: date, state: str | None = None) -> list[Deadline]:
    """Payment due dates in [start, end] of the assessments not yet paid in full; each
    binds the State assessed. In the zone of the meeting's convention's secretariat, which
    receives the payments; an estimate with no meeting on record falls back to the site's."""
    return [
        Deadline.by_end_of(
            key=f"finance.payment:{due.assessment_id}:{due.due_on}",
            kind="payment",
            day=due.due_on,
            time_zone=due.time_zone or settings.TIME_ZONE,
            subject=f"Payment of the assessed share of {due.meeting} (USD {due.outstanding:,.2f})",
            bound=Bound.state(due.iso3),
            link="/finance/",
            note=f"due {long_date(due.due_on)}",
        )
        for due in payment_due_dates()
        if start <= due.due_on <= end and (state is None or due.iso3 == state)
    ]
