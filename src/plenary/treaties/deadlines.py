"""The treaty registry's deadlines for the reminders: transparency reports, stockpile
destruction and clearance, each in the zone of its convention's secretariat.

A fixed number of queries whatever the number of States: the States Parties, the reports
received, the obligations with their extensions. A deadline already met
(a report received, an obligation completed by then) is not listed; a deadline an
extension replaced before it came is not listed either, nor one that falls once the State's
withdrawal from that convention (and only that one) has taken effect. A report due before
the convention's record of reports is complete (`reporting.record_complete_from`) is
listed without `notify_missed`: reminded of before its day, never chased as missed, since
the record cannot say whether it was sent.
"""

from datetime import date

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from plenary.core import l10n
from plenary.core.convention_texts import label
from plenary.rules import deadlines as rules
from plenary.rules.reminders import Bound, Deadline
from plenary.treaties.models import (
    Extension,
    Obligation,
    Participation,
    ReportKind,
    TransparencyReport,
)

# The reminder kinds (plenary.reminders) of the obligations held as rows, by neutral code.
REMINDER_KINDS = {"stockpile_destruction": "article3", "clearance": "article4"}


def _parties(state: str | None):
    parties = Participation.objects.filter(entry_into_force__isnull=False).select_related(
        "state", "convention"
    )
    return parties.filter(state__iso3=state) if state else parties


def _article7(start: date, end: date, state: str | None, parties: list) -> list[Deadline]:
    received_initial: set[tuple[int, int]] = set()
    received_annual: set[tuple[int, int, int]] = set()
    reports = TransparencyReport.objects.all()
    if state:
        reports = reports.filter(state__iso3=state)
    for convention_id, state_id, kind, year in reports.values_list(
        "convention_id", "state_id", "kind", "year_covered"
    ):
        if kind == ReportKind.INITIAL:
            received_initial.add((convention_id, state_id))
        else:
            received_annual.add((convention_id, state_id, year))
    found = []
    for party in parties:
        convention, who = party.convention, party.state
        withdrawn = party.withdrawal_effective_on
        initial_due = rules.initial_report_deadline(
            rules=convention.rules, entry_into_force=party.entry_into_force
        )
        # A report due before the record of reports is complete is reminded of before its
        # day, never chased as missed after it: the record cannot say it was not sent.
        complete_from = convention.rules.reporting.record_complete_from or date.min
        if (
            start <= initial_due <= end
            and (convention.pk, who.pk) not in received_initial
            and not (withdrawn and withdrawn <= initial_due)
        ):
            found.append(
                Deadline.by_end_of(
                    key=f"treaties.article7.initial:{convention.short_name}:{who.iso3}",
                    kind="article7_initial",
                    day=initial_due,
                    time_zone=convention.time_zone,
                    subject=_("%(state)s: Article %(article)s initial transparency report")
                    % {"state": who.local_name, "article": convention.rules.transparency_article},
                    bound=Bound.state(who.iso3),
                    convention=convention.short_name,
                    link=f"/{convention.slug}/states/{who.iso3}/",
                    notify_missed=initial_due >= complete_from,
                )
            )
        for year in range(max(start.year - 1, initial_due.year), end.year):
            due = rules.annual_report_deadline(rules=convention.rules, year_covered=year)
            if not start <= due <= end or (withdrawn and withdrawn <= due):
                continue
            if (convention.pk, who.pk, year) in received_annual:
                continue
            found.append(
                Deadline.by_end_of(
                    key=f"treaties.article7.annual:{convention.short_name}:{who.iso3}:{year}",
                    kind="article7_annual",
                    day=due,
                    time_zone=convention.time_zone,
                    subject=_("%(state)s: Article %(article)s annual report covering %(year)s")
                    % {
                        "state": who.local_name,
                        "article": convention.rules.transparency_article,
                        "year": year,
                    },
                    bound=Bound.state(who.iso3),
                    convention=convention.short_name,
                    link=f"/{convention.slug}/states/{who.iso3}/",
                    notify_missed=due >= complete_from,
                )
            )
    return found


def _articles_3_and_4(start: date, end: date, state: str | None, parties: list) -> list[Deadline]:
    obligations = Obligation.objects.select_related("state", "convention").prefetch_related(
        Prefetch("extensions", queryset=Extension.objects.order_by("new_deadline"))
    )
    if state:
        obligations = obligations.filter(state__iso3=state)
    # A withdrawal ends the obligations of its own convention only.
    withdrawals = {
        (party.convention_id, party.state_id): party.withdrawal_effective_on
        for party in parties
        if party.withdrawal_effective_on
    }
    found = []
    for obligation in obligations:
        withdrawn = withdrawals.get((obligation.convention_id, obligation.state_id))
        extensions = list(obligation.extensions.all())
        replacing = {extension.previous_deadline: extension for extension in extensions}
        done = obligation.completion_date
        for day in [obligation.original_deadline, *(e.new_deadline for e in extensions)]:
            if not start <= day <= end or (done and done <= day):
                continue
            if withdrawn and withdrawn <= day:
                continue
            extension = replacing.get(day)
            if extension and extension.decided_on and extension.decided_on < day:
                continue
            who, convention, rule = obligation.state, obligation.convention, obligation.rule
            found.append(
                Deadline.by_end_of(
                    key=(
                        f"treaties.article{rule.article}:"
                        f"{convention.short_name}:{who.iso3}:{day.isoformat()}"
                    ),
                    kind=REMINDER_KINDS[obligation.kind],
                    day=day,
                    time_zone=convention.time_zone,
                    subject=_("%(state)s: Article %(article)s: %(title)s")
                    % {
                        "state": who.local_name,
                        "article": rule.article,
                        "title": label(convention.rules, rule.title).text,
                    },
                    bound=Bound.state(who.iso3),
                    convention=obligation.convention.short_name,
                    link=f"/{obligation.convention.slug}/states/{who.iso3}/",
                    # The registry takes an undated extension to run from the deadline it
                    # replaces: the deadline stood until its day, but passing it is no failure.
                    notify_missed=extension is None,
                    note=(
                        _("extended to %(day)s (%(meeting)s)")
                        % {"day": l10n.day(extension.new_deadline), "meeting": extension.meeting}
                        if extension
                        else ""
                    ),
                )
            )
    return found


def deadlines_between(*, start: date, end: date, state: str | None = None) -> list[Deadline]:
    """Transparency, stockpile and clearance deadlines whose day is in [start, end], of one
    State (ISO code)
    or of every State Party."""
    parties = list(_parties(state))
    return _article7(start, end, state, parties) + _articles_3_and_4(start, end, state, parties)
