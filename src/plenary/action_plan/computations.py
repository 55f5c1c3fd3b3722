"""Indicators plenary computes from its own records rather than having them typed.

Each computation names the records it reads and the rule it applies (`definition`, shown
on the indicator's page), and computes one year's value from the treaty registry through
`plenary.treaties.selectors`, so that a figure here and on the obligations pages is the
same figure. A computation runs a fixed number of queries whatever the number of States.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from plenary.rules import indicators
from plenary.treaties import selectors as treaty_selectors
from plenary.treaties.models import Convention, ReportKind, TransparencyReport


@dataclass(frozen=True)
class Computation:
    name: str
    kind: str
    label: str
    definition: str
    compute: Callable[[Convention, int], "ComputedValue"]


@dataclass(frozen=True)
class ComputedValue:
    value: Decimal | None
    measured_on: date
    states: tuple[str, ...] = ()  # the States counted, by name
    reason: str = ""  # why there is no value, when the records cannot give one


def _article3_pending(convention: Convention, year: int) -> ComputedValue:
    on = indicators.year_end(year)
    rows = treaty_selectors.obligations_on(
        convention=convention, on=on, obligation="stockpile_destruction"
    )
    states = tuple(sorted(row.state for row in rows if row.status != "completed"))
    return ComputedValue(Decimal(len(states)), on, states)


def _figures_day(convention: Convention, year: int) -> date:
    """The day the ISU's figures for `year` are taken (`reporting.figures_on`), else
    31 December."""
    figures = convention.rules.reporting.figures_day(year)
    return figures.on if figures else indicators.year_end(year)


def _initial_reports_overdue(convention: Convention, year: int) -> ComputedValue:
    on = _figures_day(convention, year)
    rows = treaty_selectors.obligations_on(
        convention=convention, on=on, obligation="initial_report"
    )
    unknown = [row for row in rows if row.status == treaty_selectors.NO_RECORD]
    if unknown:
        reporting = convention.rules.reporting
        window = ""
        if reporting.initial_record_complete_from:
            window = (
                f" The record of initial reports is complete only from "
                f"{reporting.initial_record_complete_from:%-d %B %Y} to "
                f"{reporting.initial_record_complete_until:%-d %B %Y} "
                f"({reporting.initial_record_source})."
            )
        return ComputedValue(
            None,
            on,
            reason=(
                f"not computable from the records: on {on:%-d %B %Y}, {len(unknown)} initial "
                f"reports past their deadline are not on record, and the record cannot say "
                f"they were not received.{window}"
            ),
        )
    states = tuple(
        sorted(
            row.state
            for row in rows
            if row.report == ReportKind.INITIAL and row.status == "overdue"
        )
    )
    return ComputedValue(Decimal(len(states)), on, states)


def _annual_reports_by_30_april(convention: Convention, year: int) -> ComputedValue:
    month, day = convention.rules.annual_report_due
    on = date(year, month, day)
    complete_from = convention.rules.reporting.record_complete_from
    if complete_from is not None and on < complete_from:
        return ComputedValue(
            None,
            on,
            reason=(
                f"not computable from the records: the record of reports received is "
                f"complete from {complete_from:%-d %B %Y} only "
                f"({convention.rules.reporting.record_source})"
            ),
        )
    states = tuple(
        sorted(
            TransparencyReport.objects.filter(
                convention=convention,
                kind=ReportKind.ANNUAL,
                year_covered=year - 1,
                received_on__lte=on,
            ).values_list("state__name", flat=True)
        )
    )
    return ComputedValue(Decimal(len(states)), on, states)


COMPUTATIONS: dict[str, Computation] = {
    c.name: c
    for c in (
        Computation(
            name="article3_pending_at_year_end",
            kind="count",
            label=_("States Parties with a stockpile destruction obligation pending at year end"),
            definition=(
                "The States Parties on 31 December of the year (entry into force on or before "
                "that day, no withdrawal in effect) holding a stockpile destruction "
                "obligation not completed by that day: "
                "treaties.selectors.obligations_on(on=31 December, "
                "obligation=stockpile_destruction), status not 'completed'."
            ),
            compute=_article3_pending,
        ),
        Computation(
            name="initial_reports_overdue_at_year_end",
            kind="count",
            label=_("Initial transparency reports overdue"),
            definition=(
                "The States Parties on the day the ISU's figures for the year are taken "
                "(reporting.figures_on in the convention's file; 31 December otherwise) whose "
                "initial transparency report (due the convention's period after entry into "
                "force) had not been received by that day although its deadline had passed: "
                "treaties.selectors.obligations_on(on=that day, obligation=initial_report), "
                "initial reports with status 'overdue'. Not computable where a report past "
                "its deadline is not on record and the record is not complete on that day."
            ),
            compute=_initial_reports_overdue,
        ),
        Computation(
            name="annual_reports_received_by_30_april",
            kind="count",
            label=_("Annual transparency reports received by 30 April"),
            definition=(
                "The annual transparency reports covering the previous calendar year "
                "received on or before 30 April of the year: "
                "TransparencyReport rows of kind 'annual', year_covered = year - 1, "
                "received_on <= 30 April."
            ),
            compute=_annual_reports_by_30_april,
        ),
    )
}


def computation(name: str) -> Computation | None:
    return COMPUTATIONS.get(name)
