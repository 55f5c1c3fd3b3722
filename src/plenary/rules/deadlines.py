"""Deadlines and statuses derived from the Convention's rules (its convention file).

Every function takes keyword arguments only; the Convention's rules come in as `rules`
and the current date, where it matters, as `today`.
"""

from datetime import date, timedelta
from typing import Literal

from plenary.rules.conventions import RuleSet
from plenary.rules.errors import RuleError, _
from plenary.rules.months import add_months, add_years

ObligationStatus = Literal["completed", "overdue", "pending"]
TreatyStatus = Literal["state_party", "deposited", "signatory", "not_party"]


def long_date(d: date) -> str:
    return f"{d.day} {d:%B %Y}"


PeriodShape = Literal["one_day", "within_month", "within_year", "across_years"]


def period_shape(start: date, end: date) -> PeriodShape:
    """What a period's first and last days share, which decides what its first day repeats:
    nothing more than its day (6-13 February 2020), its day and month (29 May-4 June 2020),
    everything (29 December 2020-4 January 2021); a period of one day is that day. Each
    language writes the shape its own way (core.l10n.period)."""
    if start == end:
        return "one_day"
    if start.year != end.year:
        return "across_years"
    if start.month != end.month:
        return "within_year"
    return "within_month"


def period(start: date, end: date) -> str:
    """A period as UN documents in English write it: 6-13 February 2020, 29 May-4 June 2020.
    (For a reader in another language: core.l10n.period.)"""
    shape = period_shape(start, end)
    if shape == "one_day":
        return long_date(end)
    if shape == "across_years":
        return f"{long_date(start)}-{long_date(end)}"
    if shape == "within_year":
        return f"{start.day} {start:%B}-{long_date(end)}"
    return f"{start.day}-{long_date(end)}"


def entry_into_force_for(*, rules: RuleSet, deposited_on: date) -> date:
    """Return the date the Convention enters into force for a State depositing on `deposited_on`.

    The Convention's file chooses the strategy (CCM and APMBC Article 17: "on the first day
    of the sixth month after the date on which that State has deposited its instrument").

    The date of the triggering deposit is not modelled: when the strategy's date is on or
    before the Convention's own entry into force, that State is one of the first instruments
    and gets the Convention's date.
    """
    if deposited_on < rules.opened_for_signature:
        raise RuleError(
            "deposited_on",
            _("a deposit cannot precede the opening of the Convention for signature on {opened}"),
            opened=rules.opened_for_signature,
        )
    candidate = rules.eif.for_deposit(deposited_on)
    return rules.entry_into_force if candidate <= rules.entry_into_force else candidate


def obligation_deadline(
    *,
    rules: RuleSet,
    kind: str,
    entry_into_force: date,
    end_of_active_hostilities: date | None = None,
) -> date:
    """Return the original deadline of the obligation `kind` as the Convention's file states it.

    The period (years or days) runs from the latest of the obligation's start events that has
    occurred: entry into force for the State Party, and where the Convention says so (CCM
    Article 4.1(b)) the end of the active hostilities. For the annual report, the deadline of
    the first report (see `annual_reports_due`).
    """
    rule = rules.obligation(kind)
    events = {
        "entry_into_force": entry_into_force,
        "end_of_active_hostilities": end_of_active_hostilities,
    }
    start = max(day for event in rule.starts_from if (day := events[event]) is not None)
    if rule.period_years is not None:
        return add_years(start, rule.period_years)
    if rule.period_days is not None:
        return start + timedelta(days=rule.period_days)
    first_year = initial_report_deadline(rules=rules, entry_into_force=entry_into_force).year
    return annual_report_deadline(rules=rules, year_covered=first_year)


def stockpile_destruction_deadline(*, rules: RuleSet, entry_into_force: date) -> date:
    """Return the deadline for destroying stockpiles.

    CCM Article 3.2: "[...] as soon as possible but not later than eight years after the
    entry into force of this Convention for that State Party." (APMBC Article 4: four years.)
    """
    return obligation_deadline(
        rules=rules, kind="stockpile_destruction", entry_into_force=entry_into_force
    )


def clearance_deadline(
    *,
    rules: RuleSet,
    entry_into_force: date,
    end_of_active_hostilities: date | None = None,
) -> date:
    """Return the deadline for clearing and destroying remnants.

    CCM Article 4.1(a): "[...] not later than ten years from [the date of entry into force of
    this Convention for that State Party]"; Article 4.1(b): where munitions became remnants
    after that date, "not later than ten years after the end of the active hostilities
    during which such cluster munitions became cluster munition remnants". The later
    starting point applies. (APMBC Article 5.1: ten years from entry into force only.)
    """
    return obligation_deadline(
        rules=rules,
        kind="clearance",
        entry_into_force=entry_into_force,
        end_of_active_hostilities=end_of_active_hostilities,
    )


def check_extension(
    *, rules: RuleSet, kind: str, current_deadline: date, new_deadline: date
) -> int:
    """Return the length in months of an extension, or raise RuleError if it is not allowed.

    The maximum per request is the obligation's in the Convention's file (CCM Article 3.3:
    "by a period of up to four years"; Article 4.5: "by a period of up to five years"; APMBC
    Article 5.3: up to ten years; APMBC Article 4: none). An extension that ends part-way
    through a month counts that month in full.
    """
    rule = rules.obligation(kind)
    maximum = rule.max_extension_months
    if maximum is None:
        raise RuleError(
            "new_deadline",
            _("{convention}, Article {article}: no extension of a deadline is allowed"),
            article=rule.article,
            convention=rules.short_name,
        )
    if new_deadline <= current_deadline:
        raise RuleError(
            "new_deadline",
            _("an extension must end after the current deadline of {current}"),
            current=current_deadline,
        )
    months = 1
    while add_months(current_deadline, months) < new_deadline:
        months += 1
    if months > maximum:
        exact = add_months(current_deadline, months) == new_deadline
        raise RuleError(
            "new_deadline",
            (
                _(
                    "an extension under Article {article} may not exceed {years} years"
                    " ({maximum} months); {new} is {months} months after {current}"
                )
                if exact
                else _(
                    "an extension under Article {article} may not exceed {years} years"
                    " ({maximum} months); {new} is more than {months} months after {current}"
                )
            ),
            article=rule.article,
            years=maximum // 12,
            maximum=maximum,
            new=new_deadline,
            months=months if exact else months - 1,
            current=current_deadline,
        )
    return months


def initial_report_deadline(*, rules: RuleSet, entry_into_force: date) -> date:
    """Return the deadline for the initial transparency report.

    Article 7.1: "as soon as practicable, and in any event not later than 180 days after the
    entry into force of this Convention for that State Party".
    """
    return entry_into_force + timedelta(days=rules.initial_report_days)


def annual_report_deadline(*, rules: RuleSet, year_covered: int) -> date:
    """Return the deadline for the annual report covering `year_covered`.

    Article 7.2: States Parties shall annually update the information, "covering the last
    calendar year, and report it [...] not later than 30 April of each year".
    """
    month, day = rules.annual_report_due
    return date(year_covered + 1, month, day)


def annual_reports_due(*, rules: RuleSet, entry_into_force: date, today: date) -> list[int]:
    """Return the years covered by annual reports whose deadline is on or before `today`.

    Article 7.2 does not say which year the first update covers. Interpretation: the first
    annual report covers the calendar year in which the initial report falls due, and is due
    30 April of the next year. EIF 1 August 2010 gives an initial report due 28 January
    2011, so the first annual report covers 2011 and is due 30 April 2012.
    """
    year = initial_report_deadline(rules=rules, entry_into_force=entry_into_force).year
    years: list[int] = []
    while annual_report_deadline(rules=rules, year_covered=year) <= today:
        years.append(year)
        year += 1
    return years


def obligation_status(
    *, deadline: date, completed_on: date | None, today: date
) -> ObligationStatus:
    """Return "completed" if done by `today`, else "overdue" past the deadline, else "pending"."""
    if completed_on is not None and completed_on <= today:
        return "completed"
    if today > deadline:
        return "overdue"
    return "pending"


def treaty_status(
    *,
    rules: RuleSet,
    signed_on: date | None,
    deposited_on: date | None,
    withdrawal_effective_on: date | None,
    today: date,
) -> TreatyStatus:
    """Return a State's standing towards the Convention on `today`.

    "state_party": it has deposited and the Convention is in force for it (Article 17).
    "deposited": it has deposited its instrument and the Convention is not yet in force
    for it ("deposited, not yet in force"), whether it signed or acceded.
    "signatory": it signed on or before `today` and has not deposited.
    "not_party": otherwise, including once a withdrawal has taken effect (Article 20).
    Callers that sort States as signatories or not (the rules of procedure's categories)
    ask `signed_on` of a "deposited" State.
    """
    if withdrawal_effective_on is not None and withdrawal_effective_on <= today:
        return "not_party"
    if deposited_on is not None and deposited_on <= today:
        if entry_into_force_for(rules=rules, deposited_on=deposited_on) <= today:
            return "state_party"
        return "deposited"
    if signed_on is not None and signed_on <= today:
        return "signatory"
    return "not_party"


def withdrawal_effective_for(
    *, rules: RuleSet, received_on: date, armed_conflict_ends_on: date | None = None
) -> date:
    """Return the date a withdrawal whose instrument the Depositary received takes effect.

    The convention's withdrawal rule gives the months after receipt (CCM and APMBC
    Article 20: six months); where the rule says so, a State engaged in an armed conflict
    at the end of that period withdraws only at the end of the conflict.
    """
    rule = rules.withdrawal
    if rule is None:
        raise RuleError(
            "received_on",
            _("{convention}: the convention file states no withdrawal rule"),
            convention=rules.short_name,
        )
    effective = add_months(received_on, rule.months_after_receipt)
    if armed_conflict_ends_on is not None:
        if not rule.not_during_armed_conflict:
            raise RuleError(
                "armed_conflict_ends_on",
                _("Article {article} does not delay a withdrawal during an armed conflict"),
                article=rule.article,
            )
        effective = max(effective, armed_conflict_ends_on)
    return effective


def check_signature(*, rules: RuleSet, signed_on: date) -> None:
    """Raise RuleError unless `signed_on` falls while the Convention was open for signature.

    Article 15: "This Convention [...] shall be open for signature [...] and thereafter at
    United Nations Headquarters in New York until its entry into force." After that,
    a State joins by accession (Article 16.2).
    """
    if not rules.opened_for_signature <= signed_on < rules.entry_into_force:
        raise RuleError(
            "signed_on",
            _(
                "the Convention was open for signature from {opened} until its entry into"
                " force on {entry_into_force}; {signed} is outside that period"
            ),
            opened=rules.opened_for_signature,
            entry_into_force=rules.entry_into_force,
            signed=signed_on,
        )


NO_PROVISIONAL_APPLICATION = _("the Convention provides for no provisional application")
PROVISIONAL_WITHOUT_DEPOSIT = _(
    "a State declares provisional application at the time of its ratification, acceptance, "
    "approval or accession: it has deposited no instrument"
)
PROVISIONAL_NOT_AT_DEPOSIT = _(
    "a State declares provisional application at the time of its ratification, acceptance, "
    "approval or accession, that is with its instrument deposited on {deposited}"
)


def check_provisional_application(
    *, rules: RuleSet, declared_on: date, deposited_on: date | None
) -> None:
    """Refuse a declaration of provisional application the convention does not allow (CCM
    and APMBC Article 18: at the time of ratification, acceptance, approval or accession,
    pending entry into force): none in its file, no deposit, or another day than the
    deposit's. Raise RuleError(field, message)."""
    if rules.provisional_application is None:
        raise RuleError("declared_on", NO_PROVISIONAL_APPLICATION)
    if deposited_on is None:
        raise RuleError("declared_on", PROVISIONAL_WITHOUT_DEPOSIT)
    if declared_on != deposited_on:
        raise RuleError("declared_on", PROVISIONAL_NOT_AT_DEPOSIT, deposited=deposited_on)


def applies_provisionally(
    *, declared_on: date | None, entry_into_force: date | None, today: date
) -> bool:
    """Whether a State applies the provisions it declared on `today`: from its declaration
    until the day before the Convention enters into force for it."""
    if declared_on is None or declared_on > today:
        return False
    return entry_into_force is None or today < entry_into_force
