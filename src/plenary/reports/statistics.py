"""The ISU's statistics of Article 7 reports for a year, from the record of reports
received (`treaties.TransparencyReport`, restricted reports included: a count shows no
report's content).

Three figures, each a `Figure` with its value, the day it is taken, the States it counts
and, where the record cannot give it, no value and the reason:

- initial reports due in the year, and those received on or before their deadline;
- initial reports overdue on the day of the ISU's figures for the year
  (`reporting.figures_on`, else 31 December);
- annual reports covering the previous year received by the annual deadline (30 April).

`year_statistics` is the selector the drafting app uses for a meeting's report (its
year); the page and the API serialise it. A fixed number of queries, whatever the number
of States.
"""

from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext_lazy as _

from plenary.action_plan.computations import COMPUTATIONS
from plenary.rules import deadlines
from plenary.treaties.models import Convention, Participation, ReportKind, TransparencyReport

ON_TIME = _("Initial transparency reports due in the year and received on time")
OVERDUE = _("Initial transparency reports overdue")
BY_DEADLINE = _("Annual transparency reports received by the annual deadline")


@dataclass(frozen=True)
class Figure:
    name: str
    label: object  # a lazy translation
    value: int | None
    measured_on: date
    states: tuple[str, ...] = ()
    reason: str = ""  # why there is no value
    of: int | None = None  # "value of N": the reports due, for an on-time rate
    due: tuple[str, ...] = field(default=())
    so_far: bool = False  # the day is still to come: the figure counts what is on record

    def as_dict(self) -> dict:
        return {
            "name": self.name,
            "label": str(self.label),
            "value": self.value,
            "of": self.of,
            "measured_on": self.measured_on.isoformat(),
            "states": list(self.states),
            "due": list(self.due),
            "reason": self.reason,
            "so_far": self.so_far,
        }


def _initial_on_time(convention: Convention, year: int) -> Figure:
    rules = convention.rules
    end = date(year, 12, 31)
    parties = (
        Participation.objects.filter(convention=convention, entry_into_force__lte=end)
        .exclude(withdrawal_effective_on__lte=date(year, 1, 1))
        .select_related("state")
        .order_by("state__name")
    )
    received = {
        r.state_id: r
        for r in TransparencyReport.objects.filter(convention=convention, kind=ReportKind.INITIAL)
    }
    due, on_time, unknown = [], [], []
    for party in parties:
        deadline = deadlines.initial_report_deadline(
            rules=rules, entry_into_force=party.entry_into_force
        )
        if deadline.year != year:
            continue
        due.append(party.state.name)
        report = received.get(party.state_id)
        if report is not None and report.received_on <= deadline:
            on_time.append(party.state.name)
        elif report is not None and report.received_by_only:
            unknown.append(party.state.name)  # received by a later day: when, not known
        elif report is None and not _complete_after(rules, deadline):
            unknown.append(party.state.name)
        # otherwise received late, on a day on record, or not received by a day on which
        # the record is complete (and so not by its deadline)
    label = ON_TIME
    if unknown:
        return Figure(
            "initial_reports_on_time",
            label,
            None,
            end,
            due=tuple(due),
            reason=(
                f"not computable from the records: whether the initial reports of "
                f"{', '.join(unknown)} were received by their deadline is not on record"
            ),
        )
    return Figure(
        "initial_reports_on_time",
        label,
        len(on_time),
        end,
        tuple(on_time),
        of=len(due),
        due=tuple(due),
    )


def _complete_after(rules, deadline: date) -> bool:
    """Whether the record of initial reports is complete on some day on or after
    `deadline`: an initial report not on record then was not received by its deadline."""
    reporting = rules.reporting
    until = reporting.initial_record_complete_until
    complete_from = reporting.record_complete_from
    return (until is not None and deadline <= until) or (
        complete_from is None or deadline >= complete_from
    )


def _computed(name: str, label: str, convention: Convention, year: int) -> Figure:
    result = COMPUTATIONS[name].compute(convention, year)
    return Figure(
        name,
        label,
        None if result.value is None else int(result.value),
        result.measured_on,
        result.states,
        result.reason,
    )


def year_statistics(*, convention: Convention, year: int, today: date) -> list[Figure]:
    """The ISU's three figures of Article 7 reports for `year` (see the module); a figure
    whose day is after `today` is marked `so_far`."""
    from dataclasses import replace

    figures = [
        _initial_on_time(convention, year),
        _computed(
            "initial_reports_overdue_at_year_end",
            OVERDUE,
            convention,
            year,
        ),
        _computed(
            "annual_reports_received_by_30_april",
            BY_DEADLINE,
            convention,
            year,
        ),
    ]
    return [replace(f, so_far=f.measured_on > today) for f in figures]


def meeting_year(meeting) -> int | None:
    """The year whose figures a meeting takes note of: the year its first part opens."""
    first = meeting.parts.order_by("starts_on").first()
    return first.starts_on.year if first else None


def meeting_statistics(*, meeting, today: date) -> list[Figure]:
    """The figures for the year of `meeting` (its first part), for its report."""
    year = meeting_year(meeting)
    if year is None:
        return []
    return year_statistics(convention=meeting.convention, year=year, today=today)


def for_reader(figures: list[Figure], *, convention: Convention, names_all: bool) -> list[Figure]:
    """The figures as a reader sees them: every count whole; for one who does not read
    restricted reports, the States whose report is restricted to the States Parties are
    not named (the count still counts them)."""
    if names_all:
        return figures
    from dataclasses import replace

    from plenary.reports.models import Report, Visibility

    hidden = set(
        Report.objects.filter(
            convention=convention, visibility=Visibility.STATES_PARTIES, receipt__isnull=False
        ).values_list("state__name", flat=True)
    )
    if not hidden:
        return figures
    return [replace(f, states=tuple(s for s in f.states if s not in hidden)) for f in figures]
