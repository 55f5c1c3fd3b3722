"""Decisions' deadlines for the reminders: silence procedures (two queries at most) and
the due days of the reporting conditions a grant attached (three more).

A procedure binds the States Parties of its own convention: the reminders resolve them on
the deadline's day, so an APMBC-only State is never reminded of a CCM procedure.
"""

from datetime import UTC, date, datetime, time, timedelta

from django.utils.translation import gettext as _

from plenary.core import l10n
from plenary.core.page_cache import DEADLINES
from plenary.decisions.models import Addressee, Outcome, SilenceProcedure
from plenary.decisions.selectors import reporting_requirements
from plenary.rules.reminders import Bound, Deadline

# Beyond a State's records and BROAD, what its deadlines read here (reminders/selectors):
# the silence procedures circulated to every State Party (core/page_cache.py's DEADLINES).
PAGE_SCOPES = (DEADLINES,)


def deadlines_between(*, start: date, end: date, state: str | None = None) -> list[Deadline]:
    """Silence procedures whose last day (in their zone) is in [start, end]; with `state`,
    only those circulated to that State. Each names its convention. Passing one is no
    failure: silence adopts. And the due days in [start, end] of the reporting conditions
    of granted extension requests, of `state` if given."""
    return _silence(start, end, state) + _conditions(start, end, state)


def _conditions(start: date, end: date, state: str | None) -> list[Deadline]:
    """Each due day in [start, end] of a condition a grant attached, bound to its State;
    met ones say so and are not reminded as missed."""
    found = []
    for due in reporting_requirements(today=start, iso3=state):
        if not start <= due.due_on <= end:
            continue
        request = due.request
        convention = request.obligation.convention
        found.append(
            Deadline.by_end_of(
                key=f"decisions.condition:{due.condition.pk}:{due.due_on.isoformat()}",
                kind="reporting_condition",
                day=due.due_on,
                time_zone=convention.time_zone,
                subject=_(
                    "%(state)s: report on condition (%(letter)s) of the extension granted"
                    " under Article %(article)s until %(until)s: %(condition)s"
                )
                % {
                    "state": request.obligation.state,
                    "letter": due.condition.letter,
                    "article": request.obligation.article,
                    "until": l10n.day(request.granted_deadline),
                    "condition": due.condition.text,
                },
                bound=Bound.state(request.obligation.state.iso3),
                convention=convention.short_name,
                link=f"/{convention.slug}/extension-requests/{request.pk}/",
                notify_missed=due.met_on is None,
                note=_("report received on %(day)s") % {"day": l10n.day(due.met_on)}
                if due.met_on
                else "",
            )
        )
    return found


def _silence(start: date, end: date, state: str | None) -> list[Deadline]:
    # A day either side covers every zone; the exact day is checked below.
    procedures = (
        SilenceProcedure.objects.filter(
            deadline__gte=datetime.combine(start - timedelta(days=1), time.min, tzinfo=UTC),
            deadline__lt=datetime.combine(end + timedelta(days=2), time.min, tzinfo=UTC),
        )
        .select_related("convention")
        .order_by("deadline", "pk")
    )
    procedures = [p for p in procedures if start <= p.deadline_date <= end]
    if state:
        sent_to = set(
            Addressee.objects.filter(
                procedure__in=[p.pk for p in procedures], state__iso3=state
            ).values_list("procedure_id", flat=True)
        )
        procedures = [p for p in procedures if p.pk in sent_to]
    return [
        Deadline.at(
            key=f"decisions.silence:{procedure.pk}:{procedure.deadline.isoformat()}",
            kind="silence_procedure",
            ends_at=procedure.deadline,
            time_zone=procedure.time_zone,
            subject=_("Silence procedure: %(subject)s") % {"subject": procedure.subject},
            bound=Bound.states_parties(),
            convention=procedure.convention.short_name,
            link=f"/{procedure.convention.slug}/silence-procedures/{procedure.pk}/",
            notify_missed=False,
            note="" if procedure.outcome == Outcome.OPEN else str(procedure.get_outcome_display()),
        )
        for procedure in procedures
    ]
