"""Every write to the treaty registry: one function per state change, atomic.

Each service validates against the Convention's rules (`plenary.rules`), stores
the computed dates beside the facts, and records who made the change.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from plenary.core.audit import assign, attribute
from plenary.core.validation import check_may, invalid
from plenary.rules import deadlines
from plenary.rules.errors import RuleError
from plenary.treaties.models import (
    Convention,
    Extension,
    Instrument,
    Obligation,
    ObligationKind,
    Participation,
    ReportKind,
    State,
    TransparencyReport,
)

NOT_IN_FORCE = "the Convention is not in force for {state}: it has no deposited instrument"
RECEIPT_BY_SECRETARIAT = _("Only the Secretariat records the date a report was received.")
REPORT_IN_FUTURE = "a report cannot be received after today ({today})"
REPORT_BEFORE_DEPOSIT = (
    "{state} deposited its instrument on {deposited}; a report received on {received} predates it"
)
DUPLICATE_INITIAL = "the initial report of {state} is already recorded"
DUPLICATE_ANNUAL = "the annual report of {state} covering {year} is already recorded"
ANNUAL_NEEDS_YEAR = "an annual report covers a calendar year: give the year"
INITIAL_HAS_NO_YEAR = "an initial report covers no calendar year: leave the year empty"
MONTHS_MISMATCH = "the dates give {computed} months, not {given}"
INSTRUMENT_WITHOUT_DEPOSIT = "an instrument is named only with the date of its deposit"
DEPOSIT_WITHOUT_INSTRUMENT = "name the kind of instrument deposited"
COMPLETED_BEFORE_FORCE = "the obligation cannot be completed before {eif}, when it arose"
UNKNOWN_KIND = _("must be one of {kinds}")
NOT_AN_OBLIGATION_HERE = _("the {convention} has no {kind} obligation")


def _deadline_for(*, convention: Convention, kind: str, eif: date, hostilities: date | None):
    return deadlines.obligation_deadline(
        rules=convention.rules,
        kind=kind,
        entry_into_force=eif,
        end_of_active_hostilities=hostilities,
    )


@transaction.atomic
def record_participation(
    *,
    convention: Convention,
    state: State,
    signed_on: date | None,
    deposited_on: date | None,
    instrument: str = "",
    signature_source: str = "",
    deposit_source: str = "",
    withdrawal_effective_on: date | None = None,
    withdrawal_source: str = "",
    by=None,
    reason: str = "",
) -> Participation:
    """Record a State's signature, deposit and withdrawal as the depositary reports them.

    Steps: check the signature falls while the Convention was open for it (Article 15),
    that a deposit names its instrument and follows the opening for signature; compute the
    entry into force for the State (Article 17); save with history; recompute the original
    deadlines of the State's obligations.
    """
    errors: dict[str, list[str]] = {}
    try:
        if signed_on is not None:
            deadlines.check_signature(rules=convention.rules, signed_on=signed_on)
    except RuleError as error:
        errors.setdefault(error.field, []).append(error.message)
    eif = None
    if deposited_on is not None:
        if instrument not in Instrument.values:
            errors.setdefault("instrument", []).append(DEPOSIT_WITHOUT_INSTRUMENT)
        try:
            eif = deadlines.entry_into_force_for(rules=convention.rules, deposited_on=deposited_on)
        except RuleError as error:
            errors.setdefault(error.field, []).append(error.message)
    elif instrument:
        errors.setdefault("instrument", []).append(INSTRUMENT_WITHOUT_DEPOSIT)
    if errors:
        raise ValidationError(errors)

    participation = (
        Participation.objects.select_for_update().filter(convention=convention, state=state).first()
    ) or Participation(convention=convention, state=state)
    values = {
        "signed_on": signed_on,
        "signature_source": signature_source,
        "deposited_on": deposited_on,
        "instrument": instrument if deposited_on else "",
        "deposit_source": deposit_source,
        "entry_into_force": eif,
        "withdrawal_effective_on": withdrawal_effective_on,
        "withdrawal_source": withdrawal_source,
    }
    if assign(participation, values):
        attribute(participation, by=by, reason=reason)
        participation.save()
        for obligation in Obligation.objects.select_for_update().filter(
            convention=convention, state=state
        ):
            _refresh_deadlines(obligation=obligation, eif=eif, by=by)
    return participation


def _refresh_deadlines(*, obligation: Obligation, eif: date | None, by) -> None:
    if eif is None:
        return
    original = _deadline_for(
        convention=obligation.convention,
        kind=obligation.kind,
        eif=eif,
        hostilities=obligation.end_of_active_hostilities,
    )
    current = _current_deadline(obligation=obligation, original=original)
    if assign(obligation, {"original_deadline": original, "current_deadline": current}):
        attribute(obligation, by=by, reason="Entry into force recomputed")
        obligation.save()


def _current_deadline(*, obligation: Obligation, original: date) -> date:
    """The new deadline of the latest extension granted, else the original deadline."""
    if obligation.pk is None:
        return original
    latest = obligation.extensions.order_by("-new_deadline").values_list("new_deadline", flat=True)
    return latest.first() or original


def _entry_into_force(*, convention: Convention, state: State) -> date:
    eif = (
        Participation.objects.filter(convention=convention, state=state)
        .values_list("entry_into_force", flat=True)
        .first()
    )
    if eif is None:
        raise ValidationError({"state": [NOT_IN_FORCE.format(state=state)]})
    return eif


@transaction.atomic
def record_obligation(
    *,
    convention: Convention,
    state: State,
    kind: str,
    source: str,
    end_of_active_hostilities: date | None = None,
    completed_on: date | None = None,
    completed_by: date | None = None,
    completion_note: str = "",
    by=None,
    reason: str = "",
) -> Obligation:
    """Record that a State Party holds a stockpile destruction or clearance obligation.

    Steps: check `kind` is a neutral code the convention's file lists; require the Convention
    in force for the State; compute the original deadline from the convention's rule (CCM
    Article 3.2 or 4.1, APMBC Article 4 or 5.1); keep the current deadline at the latest
    extension; save with history.
    """
    if kind not in ObligationKind.values:
        raise ValidationError(
            {"kind": [UNKNOWN_KIND.format(kinds=", ".join(ObligationKind.values))]}
        )
    if not convention.rules.has_obligation(kind):
        raise ValidationError(
            {"kind": [NOT_AN_OBLIGATION_HERE.format(convention=convention, kind=kind)]}
        )
    eif = _entry_into_force(convention=convention, state=state)
    for name, value in (("completed_on", completed_on), ("completed_by", completed_by)):
        if value is not None and value < eif:
            raise ValidationError(
                {name: [COMPLETED_BEFORE_FORCE.format(eif=deadlines.long_date(eif))]}
            )
    original = _deadline_for(
        convention=convention, kind=kind, eif=eif, hostilities=end_of_active_hostilities
    )
    obligation = (
        Obligation.objects.select_for_update()
        .filter(convention=convention, state=state, kind=kind)
        .first()
    ) or Obligation(convention=convention, state=state, kind=kind)
    values = {
        "end_of_active_hostilities": end_of_active_hostilities,
        "original_deadline": original,
        "current_deadline": _current_deadline(obligation=obligation, original=original),
        "completed_on": completed_on,
        "completed_by": None if completed_on else completed_by,
        "completion_note": completion_note,
        "source": source,
    }
    if assign(obligation, values):
        attribute(obligation, by=by, reason=reason)
        obligation.save()
    return obligation


@transaction.atomic
def grant_extension(
    *,
    obligation: Obligation,
    new_deadline: date,
    meeting: str,
    source: str,
    decided_on: date | None = None,
    decision_document: str = "",
    conditions: str = "",
    months: int | None = None,
    by=None,
) -> Extension:
    """Extend an obligation's deadline as the States Parties decided.

    Steps: lock the obligation; check the extension against its rule's maximum in the
    convention's file (CCM Article 3.3: 4 years; 4.5: 5 years) from the current deadline; check any
    stated months agree with the dates; record the extension; move the current deadline.
    """
    obligation = Obligation.objects.select_for_update().get(pk=obligation.pk)
    previous = obligation.current_deadline
    try:
        computed = deadlines.check_extension(
            rules=obligation.convention.rules,
            kind=obligation.kind,
            current_deadline=previous,
            new_deadline=new_deadline,
        )
    except RuleError as error:
        raise invalid(error.field, error.message) from error
    if months is not None and months != computed:
        raise ValidationError({"months": [MONTHS_MISMATCH.format(computed=computed, given=months)]})
    extension = Extension(
        obligation=obligation,
        decided_on=decided_on,
        meeting=meeting,
        decision_document=decision_document,
        previous_deadline=previous,
        new_deadline=new_deadline,
        months=computed,
        conditions=conditions,
        source=source,
    )
    extension.full_clean()
    attribute(extension, by=by)
    extension.save()
    obligation.current_deadline = new_deadline
    attribute(
        obligation, by=by, reason=f"Extension to {deadlines.long_date(new_deadline)} ({meeting})"
    )
    obligation.save()
    return extension


@transaction.atomic
def record_transparency_report(
    *,
    convention: Convention,
    state: State,
    kind: str,
    received_on: date,
    today: date,
    year_covered: int | None = None,
    document: str = "",
    source: str = "",
    by=None,
) -> TransparencyReport:
    """Record an Article 7 report received from a State Party (the Secretariat only: a
    Delegation never sets the date its report was received).

    Steps: check the Secretariat; check the kind and its year; refuse a date after
    `today` or before the Convention bound the State; refuse a second report of the same
    kind and year; save.
    """
    check_may(by, "treaties.submit_transparency_report", RECEIPT_BY_SECRETARIAT, convention)
    if kind not in ReportKind.values:
        raise ValidationError({"kind": [f"must be one of {', '.join(ReportKind.values)}"]})
    if kind == ReportKind.ANNUAL and year_covered is None:
        raise ValidationError({"year_covered": [ANNUAL_NEEDS_YEAR]})
    if kind == ReportKind.INITIAL and year_covered is not None:
        raise ValidationError({"year_covered": [INITIAL_HAS_NO_YEAR]})
    if received_on > today:
        raise ValidationError({"received_on": [REPORT_IN_FUTURE.format(today=today.isoformat())]})
    _entry_into_force(convention=convention, state=state)
    # A State may report between its deposit and its entry into force, not before it deposits.
    deposited = Participation.objects.get(convention=convention, state=state).deposited_on
    if received_on < deposited:
        raise ValidationError(
            {
                "received_on": [
                    REPORT_BEFORE_DEPOSIT.format(
                        state=state,
                        deposited=deposited.isoformat(),
                        received=received_on.isoformat(),
                    )
                ]
            }
        )
    existing = TransparencyReport.objects.select_for_update().filter(
        convention=convention, state=state, kind=kind
    )
    if kind == ReportKind.INITIAL and existing.exists():
        raise ValidationError({"kind": [DUPLICATE_INITIAL.format(state=state)]})
    if kind == ReportKind.ANNUAL and existing.filter(year_covered=year_covered).exists():
        raise ValidationError(
            {"year_covered": [DUPLICATE_ANNUAL.format(state=state, year=year_covered)]}
        )
    report = TransparencyReport(
        convention=convention,
        state=state,
        kind=kind,
        year_covered=year_covered,
        received_on=received_on,
        document=document,
        source=source,
    )
    attribute(report, by=by)
    report.save()
    return report
