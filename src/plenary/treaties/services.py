"""Every write to the treaty registry: one function per state change, atomic.

Each service validates against the Convention's rules (`plenary.rules`), stores
the computed dates beside the facts, and records who made the change.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from plenary.core import l10n
from plenary.core.audit import assign, attribute
from plenary.core.convention_texts import lazy_name
from plenary.core.notices import send_notice
from plenary.core.validation import check_may, invalid
from plenary.rules import deadlines
from plenary.rules.errors import RuleError
from plenary.treaties import selectors
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
    name_when_read,
)

NOT_IN_FORCE = _("the Convention is not in force for %(state)s: it has no deposited instrument")
RECEIPT_BY_SECRETARIAT = _("Only the Secretariat records the date a report was received.")
REPORT_IN_FUTURE = _("a report cannot be received after today (%(today)s)")
REPORT_BEFORE_DEPOSIT = _(
    "%(state)s deposited its instrument on %(deposited)s; a report received on "
    "%(received)s predates it"
)
DUPLICATE_INITIAL = _("the initial report of %(state)s is already recorded")
DUPLICATE_ANNUAL = _("the annual report of %(state)s covering %(year)s is already recorded")
ANNUAL_NEEDS_YEAR = _("an annual report covers a calendar year: give the year")
INITIAL_HAS_NO_YEAR = _("an initial report covers no calendar year: leave the year empty")
MONTHS_MISMATCH = _("the dates give %(computed)s months, not %(given)s")
INSTRUMENT_WITHOUT_DEPOSIT = _("an instrument is named only with the date of its deposit")
DEPOSIT_WITHOUT_INSTRUMENT = _("name the kind of instrument deposited")
COMPLETED_BEFORE_FORCE = _("the obligation cannot be completed before %(eif)s, when it arose")
UNKNOWN_KIND = _("must be one of {kinds}")
NOT_AN_OBLIGATION_HERE = _("{convention}: the convention has no {kind} obligation")
NOT_THE_DEPOSITARY_RECORD = _("only the Secretariat keeps the depositary's record")
ALREADY_SIGNED = _("{state} signed on {date}; correct the record instead")
ALREADY_DEPOSITED = _("{state} deposited its instrument of {instrument} on {date}")
SIGNATORY_CANNOT_ACCEDE = _(
    "{state} signed the Convention: it deposits an instrument of ratification, acceptance "
    "or approval, not of accession"
)
NON_SIGNATORY_ACCEDES = _(
    "{state} did not sign the Convention: it joins by accession (or succession)"
)
DEPOSIT_BEFORE_SIGNATURE = _("the deposit cannot precede the signature of {date}")
NOT_DEPOSITED = _("{state} has deposited no instrument: there is nothing to withdraw from")
ALREADY_WITHDRAWN = _("the withdrawal of {state} is on record: it takes effect on {date}")
WITHDRAWAL_BEFORE_DEPOSIT = _("the instrument of withdrawal cannot precede the deposit of {date}")
NOTIFICATION_REQUIRED = _("give the depositary notification's reference")
SOURCE_REQUIRED = _("give the source of the declaration")
ALREADY_COMPLETED = _("the obligation is already on record as completed on {date}")
IN_THE_FUTURE = _("a date after today ({today}) cannot be recorded")
SIGNATORY_INSTRUMENTS = (Instrument.RATIFICATION, Instrument.ACCEPTANCE, Instrument.APPROVAL)
NON_SIGNATORY_INSTRUMENTS = (Instrument.ACCESSION, Instrument.SUCCESSION)


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
    provisional_application_from: date | None = None,
    provisional_application_source: str = "",
    by=None,
    reason: str = "",
) -> Participation:
    """Record a State's signature, deposit and withdrawal as the depositary reports them.

    Steps: check the signature falls while the Convention was open for it (Article 15),
    that a deposit names its instrument and follows the opening for signature; compute the
    entry into force for the State (Article 17); save with history; recompute the original
    deadlines of the State's obligations. A person acting must keep the depositary's record
    (the Secretariat); a correction names its reason.
    """
    check_may(by, "treaties.record_participation", NOT_THE_DEPOSITARY_RECORD, convention)
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
    if provisional_application_from is not None:
        try:
            deadlines.check_provisional_application(
                rules=convention.rules,
                declared_on=provisional_application_from,
                deposited_on=deposited_on,
            )
        except RuleError as error:
            errors.setdefault("provisional_application_from", []).append(error.message)
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
        "provisional_application_from": provisional_application_from,
        "provisional_application_source": (
            provisional_application_source if provisional_application_from else ""
        ),
    }
    if participation.entry_into_force != eif:
        # A new date of entry into force is told on its own day.
        values["entry_into_force_notified_on"] = None
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
        raise ValidationError({"state": [NOT_IN_FORCE % {"state": state}]})
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
    extension; save with history. A person acting must be the Secretariat.
    """
    check_may(by, "treaties.record_obligation", NOT_THE_DEPOSITARY_RECORD, convention)
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
            raise ValidationError({name: [COMPLETED_BEFORE_FORCE % {"eif": l10n.day(eif)}]})
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


def _locked_participation(*, convention: Convention, state: State) -> Participation | None:
    return (
        Participation.objects.select_for_update().filter(convention=convention, state=state).first()
    )


def _participation_values(participation: Participation | None) -> dict:
    if participation is None:
        return {"signed_on": None, "deposited_on": None}
    return {
        "signed_on": participation.signed_on,
        "signature_source": participation.signature_source,
        "deposited_on": participation.deposited_on,
        "instrument": participation.instrument,
        "deposit_source": participation.deposit_source,
        "withdrawal_effective_on": participation.withdrawal_effective_on,
        "withdrawal_source": participation.withdrawal_source,
        "provisional_application_from": participation.provisional_application_from,
        "provisional_application_source": participation.provisional_application_source,
    }


def _require(value: str, field: str, message) -> str:
    if not value.strip():
        raise ValidationError({field: [message]})
    return value.strip()


@transaction.atomic
def record_signature(
    *, convention: Convention, state: State, signed_on: date, notification: str, by, today: date
) -> Participation:
    """Record a State's signature as the depositary notified it.

    Steps: check the Secretariat acts; require the notification; refuse a second signature
    and a date after today; check the Convention was open for signature (`record_participation`);
    save with history, the notification as its source.
    """
    check_may(by, "treaties.record_participation", NOT_THE_DEPOSITARY_RECORD, convention)
    notification = _require(notification, "notification", NOTIFICATION_REQUIRED)
    if signed_on > today:
        raise invalid("signed_on", IN_THE_FUTURE.format(today=l10n.day(today)))
    participation = _locked_participation(convention=convention, state=state)
    if participation is not None and participation.signed_on:
        raise invalid(
            "signed_on",
            ALREADY_SIGNED.format(state=state, date=l10n.day(participation.signed_on)),
        )
    values = _participation_values(participation)
    values.update(signed_on=signed_on, signature_source=notification)
    participation = record_participation(
        convention=convention, state=state, by=by, reason=f"Signature ({notification})", **values
    )
    _tell_delegation(
        convention=convention,
        state=state,
        action=_("the signature"),
        on=signed_on,
        notification=notification,
    )
    return participation


@transaction.atomic
def record_deposit(
    *,
    convention: Convention,
    state: State,
    instrument: str,
    deposited_on: date,
    notification: str,
    by,
    today: date,
) -> Participation:
    """Record the deposit of a State's instrument of ratification, acceptance, approval or
    accession, as the depositary notified it.

    Steps: check the Secretariat acts; require the notification; refuse a second deposit and
    a date after today; a signatory deposits ratification, acceptance or approval, a State
    that did not sign accedes (or succeeds); compute the entry into force for the State by the
    convention's rule (`record_participation`); save with history; once committed, tell
    the State's Delegation users the date of entry into force.
    """
    check_may(by, "treaties.record_participation", NOT_THE_DEPOSITARY_RECORD, convention)
    notification = _require(notification, "notification", NOTIFICATION_REQUIRED)
    if deposited_on > today:
        raise invalid("deposited_on", IN_THE_FUTURE.format(today=l10n.day(today)))
    participation = _locked_participation(convention=convention, state=state)
    if participation is not None and participation.deposited_on:
        raise invalid(
            "deposited_on",
            ALREADY_DEPOSITED.format(
                state=state,
                instrument=participation.get_instrument_display(),
                date=l10n.day(participation.deposited_on),
            ),
        )
    signed_on = participation.signed_on if participation else None
    if signed_on is not None:
        if instrument not in SIGNATORY_INSTRUMENTS:
            raise invalid("instrument", SIGNATORY_CANNOT_ACCEDE.format(state=state))
        if deposited_on < signed_on:
            raise invalid(
                "deposited_on",
                DEPOSIT_BEFORE_SIGNATURE.format(date=l10n.day(signed_on)),
            )
    elif instrument not in NON_SIGNATORY_INSTRUMENTS:
        raise invalid("instrument", NON_SIGNATORY_ACCEDES.format(state=state))
    values = _participation_values(participation)
    values.update(deposited_on=deposited_on, instrument=instrument, deposit_source=notification)
    participation = record_participation(
        convention=convention,
        state=state,
        by=by,
        reason=f"Deposit of instrument of {instrument} ({notification})",
        **values,
    )
    context = {
        "state": name_when_read(state),
        "convention": lazy_name(convention.rules),
        "instrument": participation.get_instrument_display(),
        "deposited_on": deposited_on,
        "entry_into_force": participation.entry_into_force,
        "notification": notification,
    }
    recipients = selectors.delegation_users(convention=convention, state=state)
    transaction.on_commit(
        lambda: [
            send_notice(
                user,
                "treaties/notices/deposit_subject.txt",
                "treaties/notices/deposit_body.txt",
                context,
            )
            for user in recipients
        ]
    )
    return participation


@transaction.atomic
def record_withdrawal(
    *,
    convention: Convention,
    state: State,
    received_on: date,
    notification: str,
    by,
    today: date,
    armed_conflict_ends_on: date | None = None,
) -> Participation:
    """Record a State's instrument of withdrawal as the depositary notified its receipt.

    Steps: check the Secretariat acts; require the notification; refuse a date after today,
    a State with no deposit, a withdrawal already on record, or an instrument received before
    the deposit; compute the effective date by the convention's withdrawal rule (CCM Article
    20: six months after receipt, later if the State is then engaged in an armed conflict);
    save with history.
    """
    check_may(by, "treaties.record_participation", NOT_THE_DEPOSITARY_RECORD, convention)
    notification = _require(notification, "notification", NOTIFICATION_REQUIRED)
    if received_on > today:
        raise invalid("received_on", IN_THE_FUTURE.format(today=l10n.day(today)))
    participation = _locked_participation(convention=convention, state=state)
    if participation is None or participation.deposited_on is None:
        raise invalid("received_on", NOT_DEPOSITED.format(state=state))
    if participation.withdrawal_effective_on:
        raise invalid(
            "received_on",
            ALREADY_WITHDRAWN.format(
                state=state, date=l10n.day(participation.withdrawal_effective_on)
            ),
        )
    if received_on < participation.deposited_on:
        raise invalid(
            "received_on",
            WITHDRAWAL_BEFORE_DEPOSIT.format(date=l10n.day(participation.deposited_on)),
        )
    try:
        effective = deadlines.withdrawal_effective_for(
            rules=convention.rules,
            received_on=received_on,
            armed_conflict_ends_on=armed_conflict_ends_on,
        )
    except RuleError as error:
        raise invalid(error.field, error.message) from error
    values = _participation_values(participation)
    values.update(withdrawal_effective_on=effective, withdrawal_source=notification)
    participation = record_participation(
        convention=convention,
        state=state,
        by=by,
        reason=f"Withdrawal received {received_on.isoformat()} ({notification})",
        **values,
    )
    _tell_delegation(
        convention=convention,
        state=state,
        action=_("the instrument of withdrawal"),
        on=received_on,
        notification=notification,
    )
    return participation


ALREADY_PROVISIONAL = _("{state} declared provisional application on {date}")


@transaction.atomic
def record_provisional_application(
    *, convention: Convention, state: State, declared_on: date, notification: str, by, today: date
) -> Participation:
    """Record a State's declaration, with its instrument, that it applies provisionally what
    the convention's file names (CCM Article 18: Article 1) pending its entry into force.

    Steps: check the Secretariat acts; require the notification; refuse a date after today
    and a declaration already on record; the convention must provide for it and the day be
    the deposit's (`rules.deadlines.check_provisional_application`, in
    `record_participation`); save with history; once committed, tell the State's Delegation.
    """
    check_may(by, "treaties.record_participation", NOT_THE_DEPOSITARY_RECORD, convention)
    notification = _require(notification, "notification", NOTIFICATION_REQUIRED)
    if declared_on > today:
        raise invalid("declared_on", IN_THE_FUTURE.format(today=l10n.day(today)))
    participation = _locked_participation(convention=convention, state=state)
    if participation is not None and participation.provisional_application_from:
        raise invalid(
            "declared_on",
            ALREADY_PROVISIONAL.format(
                state=state,
                date=l10n.day(participation.provisional_application_from),
            ),
        )
    values = _participation_values(participation)
    values.update(
        provisional_application_from=declared_on, provisional_application_source=notification
    )
    try:
        participation = record_participation(
            convention=convention,
            state=state,
            by=by,
            reason=f"Declaration of provisional application ({notification})",
            **values,
        )
    except ValidationError as error:
        raise _renamed(error, "provisional_application_from", "declared_on") from None
    _tell_delegation(
        convention=convention,
        state=state,
        action=_("a declaration of provisional application"),
        on=declared_on,
        notification=notification,
    )
    return participation


def _renamed(error: ValidationError, old: str, new: str) -> ValidationError:
    return ValidationError(
        {new if key == old else key: value for key, value in error.message_dict.items()}
    )


def _tell_delegation(*, convention, state, action, on, notification) -> None:
    """Once committed, tell the State's Delegation users what the Secretariat recorded."""
    participation = Participation.objects.filter(convention=convention, state=state).first()
    context = {
        "state": name_when_read(state),
        "convention": lazy_name(convention.rules),
        "action": action,
        "on": on,
        "notification": notification,
        "entry_into_force": participation.entry_into_force if participation else None,
        "withdrawal_effective_on": (
            participation.withdrawal_effective_on if participation else None
        ),
    }
    recipients = selectors.delegation_users(convention=convention, state=state)
    transaction.on_commit(
        lambda: [
            send_notice(
                user,
                "treaties/notices/action_subject.txt",
                "treaties/notices/action_body.txt",
                context,
            )
            for user in recipients
        ]
    )


CORRECTABLE = ("signature", "deposit", "withdrawal", "provisional_application")
REASON_REQUIRED = _("give the reason for the correction")
NOTHING_TO_CORRECT = _("no {action} of {state} is on record to correct")
UNKNOWN_ACTION = _(
    "a correction is of a signature, a deposit, a withdrawal or a provisional application"
)
NOT_AN_INSTRUMENT = _("must be one of {kinds}")
CORRECTED = {
    "signature": _("a correction of the signature"),
    "deposit": _("a correction of the deposit"),
    "withdrawal": _("a correction of the withdrawal"),
    "provisional_application": _("a correction of the declaration of provisional application"),
}


@transaction.atomic
def correct_treaty_action(
    *,
    convention: Convention,
    state: State,
    action: str,
    on: date,
    reason: str,
    by,
    today: date,
    instrument: str = "",
    notification: str = "",
    armed_conflict_ends_on: date | None = None,
) -> Participation:
    """Correct one treaty action already on record (its date, the kind of instrument of a
    deposit, its notification) for a reason; every date that follows recomputes by the rules.

    Steps: check the Secretariat acts; require the reason, a known action and a date no later
    than today; the action must be on record; a deposit keeps the instrument rules (a
    signatory ratifies, accepts or approves; a State that did not sign accedes) and takes a
    declaration of provisional application made with it along; a withdrawal's date is the
    day the Depositary received the instrument, its effective date recomputed (CCM Article
    20); save through `record_participation` (entry into force and obligation deadlines
    recompute), in history with the reason; tell the State's Delegation.
    """
    check_may(by, "treaties.record_participation", NOT_THE_DEPOSITARY_RECORD, convention)
    reason = _require(reason, "reason", REASON_REQUIRED)
    if action not in CORRECTABLE:
        raise invalid("action", UNKNOWN_ACTION)
    if on > today:
        raise invalid("on", IN_THE_FUTURE.format(today=l10n.day(today)))
    participation = _locked_participation(convention=convention, state=state)
    values = _participation_values(participation)
    notification = notification.strip()
    current = {
        "signature": "signed_on",
        "deposit": "deposited_on",
        "withdrawal": "withdrawal_effective_on",
        "provisional_application": "provisional_application_from",
    }[action]
    if values.get(current) is None:
        raise invalid(
            "action",
            NOTHING_TO_CORRECT.format(action=CORRECTABLE_NAMES[action], state=state),
        )
    if action == "signature":
        values["signed_on"] = on
        values["signature_source"] = notification or values["signature_source"]
    elif action == "deposit":
        instrument = instrument or values["instrument"]
        if instrument not in Instrument.values:
            raise invalid(
                "instrument", NOT_AN_INSTRUMENT.format(kinds=", ".join(Instrument.values))
            )
        if values["signed_on"] is not None:
            if instrument not in SIGNATORY_INSTRUMENTS:
                raise invalid("instrument", SIGNATORY_CANNOT_ACCEDE.format(state=state))
            if on < values["signed_on"]:
                raise invalid(
                    "on",
                    DEPOSIT_BEFORE_SIGNATURE.format(date=l10n.day(values["signed_on"])),
                )
        elif instrument not in NON_SIGNATORY_INSTRUMENTS:
            raise invalid("instrument", NON_SIGNATORY_ACCEDES.format(state=state))
        if values["provisional_application_from"] == values["deposited_on"]:
            values["provisional_application_from"] = on
        values.update(deposited_on=on, instrument=instrument)
        values["deposit_source"] = notification or values["deposit_source"]
    elif action == "withdrawal":
        if on < values["deposited_on"]:
            raise invalid(
                "on",
                WITHDRAWAL_BEFORE_DEPOSIT.format(date=l10n.day(values["deposited_on"])),
            )
        try:
            values["withdrawal_effective_on"] = deadlines.withdrawal_effective_for(
                rules=convention.rules,
                received_on=on,
                armed_conflict_ends_on=armed_conflict_ends_on,
            )
        except RuleError as error:
            raise invalid(error.field, error.message) from error
        values["withdrawal_source"] = notification or values["withdrawal_source"]
    else:
        values["provisional_application_from"] = on
        values["provisional_application_source"] = (
            notification or values["provisional_application_source"]
        )
    try:
        participation = record_participation(
            convention=convention,
            state=state,
            by=by,
            reason=f"Correction of the {action.replace('_', ' ')}: {reason}",
            **values,
        )
    except ValidationError as error:
        fields = {
            "signed_on": "on",
            "deposited_on": "on",
            "provisional_application_from": "on",
        }
        raise ValidationError(
            {fields.get(key, key): value for key, value in error.message_dict.items()}
        ) from None
    _tell_delegation(
        convention=convention,
        state=state,
        action=CORRECTED[action],
        on=on,
        notification=f"{reason}; {notification}" if notification else reason,
    )
    return participation


CORRECTABLE_NAMES = {
    "signature": _("signature"),
    "deposit": _("deposit"),
    "withdrawal": _("withdrawal"),
    "provisional_application": _("declaration of provisional application"),
}


@transaction.atomic
def declare_completion(
    *, obligation: Obligation, completed_on: date, source: str, by, today: date
) -> Obligation:
    """Record a State Party's declaration that it completed an obligation (stockpile
    destroyed, clearance completed) on `completed_on`.

    Steps: check the Secretariat acts; require the source; refuse a date after today or an
    obligation already completed; record it through `record_obligation` (which refuses a
    date before the obligation arose); save with history, the source as its reason.
    """
    check_may(by, "treaties.record_obligation", NOT_THE_DEPOSITARY_RECORD, obligation)
    source = _require(source, "source", SOURCE_REQUIRED)
    if completed_on > today:
        raise invalid("completed_on", IN_THE_FUTURE.format(today=l10n.day(today)))
    obligation = Obligation.objects.select_for_update().get(pk=obligation.pk)
    if obligation.completion_date is not None:
        raise invalid(
            "completed_on",
            ALREADY_COMPLETED.format(date=l10n.day(obligation.completion_date)),
        )
    obligation = record_obligation(
        convention=obligation.convention,
        state=obligation.state,
        kind=obligation.kind,
        source=obligation.source,
        end_of_active_hostilities=obligation.end_of_active_hostilities,
        completed_on=completed_on,
        completion_note=source,
        by=by,
        reason=f"Declaration of completion: {source}",
    )
    _tell_delegation(
        convention=obligation.convention,
        state=obligation.state,
        action=_("a declaration of completion (%(obligation)s)")
        % {"obligation": obligation.get_kind_display()},
        on=completed_on,
        notification=source,
    )
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
        raise ValidationError(
            {"months": [MONTHS_MISMATCH % {"computed": computed, "given": months}]}
        )
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
    attribute(obligation, by=by, reason=f"Extension to {l10n.day(new_deadline)} ({meeting})")
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
    received_by_only: bool = False,
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
        raise ValidationError(
            {"kind": [_("must be one of %(choices)s") % {"choices": ", ".join(ReportKind.values)}]}
        )
    if kind == ReportKind.ANNUAL and year_covered is None:
        raise ValidationError({"year_covered": [ANNUAL_NEEDS_YEAR]})
    if kind == ReportKind.INITIAL and year_covered is not None:
        raise ValidationError({"year_covered": [INITIAL_HAS_NO_YEAR]})
    if received_on > today:
        raise ValidationError({"received_on": [REPORT_IN_FUTURE % {"today": today.isoformat()}]})
    _entry_into_force(convention=convention, state=state)
    # A State may report between its deposit and its entry into force, not before it deposits.
    deposited = Participation.objects.get(convention=convention, state=state).deposited_on
    if received_on < deposited:
        raise ValidationError(
            {
                "received_on": [
                    REPORT_BEFORE_DEPOSIT
                    % {
                        "state": state,
                        "deposited": deposited.isoformat(),
                        "received": received_on.isoformat(),
                    }
                ]
            }
        )
    existing = TransparencyReport.objects.select_for_update().filter(
        convention=convention, state=state, kind=kind
    )
    if kind == ReportKind.INITIAL and existing.exists():
        raise ValidationError({"kind": [DUPLICATE_INITIAL % {"state": state}]})
    if kind == ReportKind.ANNUAL and existing.filter(year_covered=year_covered).exists():
        raise ValidationError(
            {"year_covered": [DUPLICATE_ANNUAL % {"state": state, "year": year_covered}]}
        )
    report = TransparencyReport(
        convention=convention,
        state=state,
        kind=kind,
        year_covered=year_covered,
        received_on=received_on,
        received_by_only=received_by_only,
        document=document,
        source=source,
    )
    attribute(report, by=by)
    report.save()
    return report


NOT_THE_SCHEDULER = _("only the scheduler tells a Delegation of an entry into force")


@transaction.atomic
def notify_entries_into_force(*, convention: Convention, today: date, by) -> list[Participation]:
    """Tell each State's Delegation users, on the day the Convention enters into force for
    the State, that it has; once (the day told is kept, in history).

    Steps: check the system actor acts; lock the participations entering into force on
    `today` not yet told and not withdrawn by then; mark each told; once committed, send
    each Delegation user the notice in their language.
    """
    check_may(by, "treaties.notify_entry_into_force", NOT_THE_SCHEDULER, convention)
    due = list(
        Participation.objects.select_for_update()
        .filter(
            convention=convention, entry_into_force=today, entry_into_force_notified_on__isnull=True
        )
        .select_related("convention", "state")
    )
    notices = []
    told = []
    for participation in due:
        withdrawn = participation.withdrawal_effective_on
        if withdrawn is not None and withdrawn <= today:
            continue
        told.append(participation)
        participation.entry_into_force_notified_on = today
        attribute(participation, by=by, reason="Entry into force told to the Delegation")
        participation.save(update_fields=["entry_into_force_notified_on"])
        convention = participation.convention
        context = {
            "state": name_when_read(participation.state),
            "convention": lazy_name(convention.rules),
            "entry_into_force": participation.entry_into_force,
            "article": convention.rules.eif.article,
        }
        for user in selectors.delegation_users(convention=convention, state=participation.state):
            notices.append((user, context))
    transaction.on_commit(
        lambda: [
            send_notice(
                user,
                "treaties/notices/entry_into_force_subject.txt",
                "treaties/notices/entry_into_force_body.txt",
                context,
            )
            for user, context in notices
        ]
    )
    return told
