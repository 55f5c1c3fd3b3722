"""Finance's deadlines for the reminders: assessments with money outstanding (one query per
convention)."""

from datetime import date

from django.utils.translation import gettext as _

from plenary.core import l10n
from plenary.finance.selectors import payment_due_dates
from plenary.rules.reminders import Bound, Deadline
from plenary.treaties.models import Convention


def deadlines_between(*, start: date, end: date, state: str | None = None) -> list[Deadline]:
    """Payment due dates in [start, end] of the assessments not yet paid in full, of every
    convention, each naming its convention; each binds the State assessed. In the zone of the
    convention's secretariat, which receives the payments."""
    return [
        Deadline.by_end_of(
            key=f"finance.payment:{due.assessment_id}:{due.due_on}",
            kind="payment",
            day=due.due_on,
            time_zone=due.time_zone or convention.time_zone,
            subject=_("%(meeting)s: payment of the assessed share (USD %(amount)s)")
            % {"meeting": due.meeting, "amount": l10n.amount(due.outstanding)},
            bound=Bound.state(due.iso3),
            convention=convention.short_name,
            link=f"/{convention.slug}/finance/",
            note=_("due %(day)s") % {"day": l10n.day(due.due_on)},
        )
        for convention in Convention.objects.order_by("short_name")
        for due in payment_due_dates(convention=convention, iso3=state, due_between=(start, end))
    ]
