"""Every write to a convention's finances: one function per change, atomic, attributed.

Each ledger row belongs to one convention, given explicitly (an estimate, a budget, a
contribution) or through its estimate (assessments, payments); the convention's finance
settings (`convention.rules`: who shares, accepted currencies) apply.

Each service checks its input and raises RuleError (field, message) or PermissionDenied
before anything is written, so a refused change leaves no trace. `by=None` is the system
recording facts from the reference data; a person acting is checked against
`finance.manage`.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from plenary.core.audit import attribute
from plenary.core.convention_texts import lazy_name
from plenary.core.notices import send_notice
from plenary.finance import selectors
from plenary.finance.models import (
    Assessment,
    AssessmentKind,
    BudgetPeriod,
    CostCategory,
    CostEstimate,
    CostLineItem,
    IsuBudget,
    Payment,
    VoluntaryContribution,
    WorkPlanActivity,
)
from plenary.meetings.models import Meeting
from plenary.rules import apportionment, exchange
from plenary.rules.errors import RuleError
from plenary.treaties.models import Convention, State

NOT_THE_SECRETARIAT = gettext_lazy("only the Secretariat manages the Convention's finances")
NO_MEETING = gettext_lazy("an estimate names the meeting it is for")
MEETING_OF_ANOTHER_CONVENTION = gettext_lazy(
    "%(meeting)s is a meeting under another convention: %(other)s, not %(convention)s"
)
NO_LINES = gettext_lazy("an estimate has at least one line item")
UNKNOWN_CATEGORY = gettext_lazy("a line item's category is one of %(choices)s, not %(value)r")
ESTIMATE_WITHOUT_MEETING = gettext_lazy(
    "the meeting of this estimate is not on record, so nobody can be assessed for it"
)
ESTIMATE_WITHOUT_LINES = gettext_lazy("the estimate has no line items, so no total to share")
ALREADY_ASSESSED = gettext_lazy("assessments on this estimate were issued on %(issued)s")
DUE_BEFORE_ISSUE = gettext_lazy(
    "the due date (%(due)s) must not be before the issue date (%(issued)s)"
)
NOT_ASSESSED = gettext_lazy("issue the assessments on the estimated cost first")
ACTUAL_INCOMPLETE = gettext_lazy("record the actual cost of every line item first")
ALREADY_SETTLED = gettext_lazy("the actual cost was already settled on %(issued)s")
ZERO_PAYMENT = gettext_lazy("a payment must be more than zero")
CURRENCY_NOT_ACCEPTED = gettext_lazy("payments are accepted in %(accepted)s, not %(value)r")
REFERENCE_REQUIRED = gettext_lazy("give the payment's reference")
REFERENCE_RECORDED = gettext_lazy("a payment with the reference {reference!r} is already recorded")
YEARS_OUT_OF_ORDER = gettext_lazy(
    "the last year (%(last)s) must not be before the first (%(first)s)"
)
ANNUAL_IS_ONE_YEAR = gettext_lazy("an annual budget covers one year")
TITLE_REQUIRED = gettext_lazy("give the budget's title")
APPROVAL_REQUIRED = gettext_lazy("name the decision approving the estimate")
ALREADY_APPROVED = gettext_lazy("the estimate was already approved: {decision}")


def _check_manager(by, record) -> None:
    """`record`: what is written (or the convention whose finances these are)."""
    if by is not None and not by.has_perm("finance.manage", record):
        raise PermissionDenied(NOT_THE_SECRETARIAT)


def _currency(value: str, *, accepted: Sequence[str]) -> str:
    code = (value or "").strip().upper()
    if code not in accepted:
        raise RuleError(
            "currency", CURRENCY_NOT_ACCEPTED % {"accepted": ", ".join(accepted), "value": value}
        )
    return code


@dataclass(frozen=True)
class LineIn:
    category: str
    estimated: object
    description: str = ""


@transaction.atomic
def record_cost_estimate(
    *,
    convention: Convention,
    meeting: Meeting | None,
    lines: Sequence[LineIn],
    document_symbol: str = "",
    approved_by: str = "",
    approved_on: date | None = None,
    meeting_title: str = "",
    source: str = "",
    by=None,
) -> CostEstimate:
    """Record the cost estimate of a meeting of `convention`.

    Steps: check the caller; check that it names a meeting (on record and of the
    convention, or by title for the record of the past) and that each line has a known
    category and an amount to the cent, not negative; write the estimate and its lines.
    """
    _check_manager(by, meeting)
    if meeting is None and not meeting_title.strip():
        raise RuleError("meeting", NO_MEETING)
    if meeting is not None and meeting.convention_id != convention.pk:
        raise RuleError(
            "meeting",
            MEETING_OF_ANOTHER_CONVENTION
            % {"meeting": meeting, "other": meeting.convention, "convention": convention},
        )
    if by is not None and not lines:
        raise RuleError("lines", NO_LINES)
    checked = []
    for index, line in enumerate(lines):
        if line.category not in CostCategory.values:
            raise RuleError(
                f"lines.{index}.category",
                UNKNOWN_CATEGORY
                % {"choices": ", ".join(CostCategory.values), "value": line.category},
            )
        amount = apportionment.to_amount(line.estimated, field=f"lines.{index}.estimated")
        checked.append((line, amount))
    estimate = attribute(
        CostEstimate(
            convention=convention,
            meeting=meeting,
            meeting_title=meeting_title.strip(),
            document_symbol=document_symbol.strip(),
            approved_by=approved_by.strip(),
            approved_on=approved_on,
            source=source,
        ),
        by=by,
        reason="cost estimate recorded",
    )
    estimate.save()
    for line, amount in checked:
        CostLineItem.objects.create(
            estimate=estimate,
            category=line.category,
            description=line.description,
            estimated=amount,
        )
    return estimate


@transaction.atomic
def approve_cost_estimate(
    *, estimate: CostEstimate, approved_by: str, approved_on: date | None, by=None
) -> CostEstimate:
    """Record the decision approving an estimate (in plenary, or a silence procedure's).

    Steps: check the caller; lock the estimate; refuse one already approved (its
    approval stands) and an approval naming no decision; save.
    """
    if by is not None and not by.has_perm("finance.approve_cost_estimate", estimate):
        raise PermissionDenied(NOT_THE_SECRETARIAT)
    estimate = CostEstimate.objects.select_for_update().get(pk=estimate.pk)
    if estimate.approved_by:
        raise RuleError("approved_by", ALREADY_APPROVED.format(decision=estimate.approved_by))
    if not approved_by.strip():
        raise RuleError("approved_by", APPROVAL_REQUIRED)
    estimate.approved_by = approved_by.strip()
    estimate.approved_on = approved_on
    attribute(estimate, by=by, reason="cost estimate approved")
    estimate.save()
    return estimate


@transaction.atomic
def record_actual_cost(*, line: CostLineItem, actual: object, by=None) -> CostLineItem:
    """Record the actual cost of one line item.

    Steps: check the caller; check the amount (a number, to the cent, not negative);
    refuse once the estimate has been settled; save.
    """
    _check_manager(by, line.estimate)
    amount = apportionment.to_amount(actual, field="actual")
    settled = line.estimate.assessments.exclude(kind=AssessmentKind.ESTIMATED).first()
    if settled is not None:
        raise RuleError("actual", ALREADY_SETTLED % {"issued": settled.issued_on})
    line.actual = amount
    attribute(line, by=by, reason="actual cost recorded").save()
    return line


def _issue(estimate, rows, *, kind, amounts, issued_on, due_on, year, by) -> list[Assessment]:
    issued = []
    for row in rows:
        amount = amounts[row.state_id]
        if kind != AssessmentKind.ESTIMATED and amount == 0:
            continue
        actual_kind = kind
        if kind != AssessmentKind.ESTIMATED:
            actual_kind = AssessmentKind.ADDITIONAL if amount > 0 else AssessmentKind.CREDIT
        assessment = attribute(
            Assessment(
                estimate=estimate,
                state_id=row.state_id,
                kind=actual_kind,
                un_rate=row.un_rate,
                share_percent=row.percent,
                amount=amount,
                year=year,
                issued_on=issued_on,
                due_on=due_on,
                issued_by=by if getattr(by, "is_authenticated", False) else None,
            ),
            by=by,
            reason=f"assessment {actual_kind}",
        )
        assessment.save()
        issued.append(assessment)
    return issued


def _check_dates(issued_on: date, due_on: date) -> None:
    if due_on < issued_on:
        raise RuleError("due_on", DUE_BEFORE_ISSUE % {"due": due_on, "issued": issued_on})


@transaction.atomic
def issue_assessments(
    *, estimate: CostEstimate, issued_on: date, due_on: date, by=None
) -> list[Assessment]:
    """Assess every sharing State its share of the estimated cost.

    Steps: check the caller and the dates; lock the estimate and refuse a second issue;
    require a meeting on record with a scale for its year and line items; apportion the
    estimated total among the sharers (`selectors.apportion_meeting`); write one
    assessment per State, for the year of the meeting's first day; once committed, tell
    each State's Delegation users its share, currency and due date.
    """
    _check_manager(by, estimate)
    _check_dates(issued_on, due_on)
    estimate = CostEstimate.objects.select_for_update().get(pk=estimate.pk)
    earlier = estimate.assessments.first()
    if earlier is not None:
        raise RuleError("estimate", ALREADY_ASSESSED % {"issued": earlier.issued_on})
    if estimate.meeting_id is None:
        raise RuleError("estimate", ESTIMATE_WITHOUT_MEETING)
    estimated, _ = selectors.estimate_totals(estimate)
    if estimated is None:
        raise RuleError("estimate", ESTIMATE_WITHOUT_LINES)
    meeting = selectors.estimate_meeting(estimate)
    result = selectors.apportion_meeting(meeting=meeting, total=estimated)
    amounts = {row.state_id: row.share for row in result.rows}
    issued = _issue(
        estimate,
        result.rows,
        kind=AssessmentKind.ESTIMATED,
        amounts=amounts,
        issued_on=issued_on,
        due_on=due_on,
        year=result.first_day.year,
        by=by,
    )
    _tell_delegations(estimate, meeting, issued, {row.state_id: row.name for row in result.rows})
    return issued


def _tell_delegations(estimate, meeting, issued, names: dict) -> None:
    """Once committed, each assessed State's Delegation users get its share and due date."""
    convention = estimate.convention
    currency = convention.rules.assessment_currency
    users = selectors.delegation_users_by_state(
        convention=convention, state_ids=[a.state_id for a in issued]
    )
    notices = [
        (
            user,
            {
                "convention": lazy_name(convention.rules),
                "meeting": str(meeting),
                "state": names[assessment.state_id],
                "amount": assessment.amount,
                "currency": currency,
                "due_on": assessment.due_on,
            },
        )
        for assessment in issued
        for user in users.get(assessment.state_id, [])
    ]
    transaction.on_commit(
        lambda: [
            send_notice(
                user,
                "finance/notices/assessment_subject.txt",
                "finance/notices/assessment_body.txt",
                context,
            )
            for user, context in notices
        ]
    )


@transaction.atomic
def settle_actual_cost(
    *, estimate: CostEstimate, issued_on: date, due_on: date, by=None
) -> list[Assessment]:
    """Settle the estimated against the actual cost: a credit or an additional assessment.

    Steps: check the caller and the dates; lock the estimate; require the estimated
    assessments and every line's actual cost, and no earlier settlement; apportion the
    actual total among the same States at the same rates; write, per State, the
    difference from its estimated share (positive: additional, negative: credit). The
    differences sum exactly to actual minus estimated total.
    """
    _check_manager(by, estimate)
    _check_dates(issued_on, due_on)
    estimate = CostEstimate.objects.select_for_update().get(pk=estimate.pk)
    estimated_rows = list(
        estimate.assessments.filter(kind=AssessmentKind.ESTIMATED).select_related("state")
    )
    if not estimated_rows:
        raise RuleError("estimate", NOT_ASSESSED)
    settled = estimate.assessments.exclude(kind=AssessmentKind.ESTIMATED).first()
    if settled is not None:
        raise RuleError("estimate", ALREADY_SETTLED % {"issued": settled.issued_on})
    _, actual = selectors.estimate_totals(estimate)
    if actual is None:
        raise RuleError("estimate", ACTUAL_INCOMPLETE)
    rates = {row.state.iso3: row.un_rate for row in estimated_rows}
    shares = apportionment.apportion(total=actual, rates=rates)
    rows = [
        selectors.Sharer(
            row.state_id, row.state.iso3, row.state.name, "", row.un_rate, "", row.share_percent
        )
        for row in estimated_rows
    ]
    differences = {row.state_id: shares[row.state.iso3] - row.amount for row in estimated_rows}
    return _issue(
        estimate,
        rows,
        kind=AssessmentKind.ADDITIONAL,
        amounts=differences,
        issued_on=issued_on,
        due_on=due_on,
        year=estimated_rows[0].year,
        by=by,
    )


@transaction.atomic
def record_payment(
    *,
    assessment: Assessment,
    received_on: date,
    amount: object,
    currency: str,
    reference: str,
    by=None,
    exchange_rate: object = None,
    rate_date: date | None = None,
) -> Payment:
    """Record a payment received against an assessment.

    Steps: check the caller; check the amount (a number, to the cent, more than zero),
    the currency (one the convention accepts) and the reference, which no other payment
    has (the database holds it unique too); where the currency is not the assessment's,
    require the exchange rate and its date and count the converted amount against the
    assessment (`rules.exchange`); write the payment, in history.
    """
    _check_manager(by, assessment)
    value = apportionment.to_amount(amount, field="amount")
    if value == 0:
        raise RuleError("amount", ZERO_PAYMENT)
    accepted = assessment.estimate.convention.rules.accepted_currencies
    code = _currency(currency, accepted=accepted)
    if not reference.strip():
        raise RuleError("reference", REFERENCE_REQUIRED)
    if Payment.objects.filter(reference=reference.strip()).exists():
        raise RuleError("reference", REFERENCE_RECORDED.format(reference=reference.strip()))
    counted = exchange.counted_amount(
        amount=value,
        paid_in=code,
        assessed_in=assessment.estimate.convention.rules.assessment_currency,
        exchange_rate=exchange_rate,
        rate_date=rate_date,
    )
    payment = attribute(
        Payment(
            assessment=assessment,
            received_on=received_on,
            amount=value,
            currency=code,
            exchange_rate=counted.exchange_rate,
            rate_date=counted.rate_date,
            counted=counted.amount,
            reference=reference.strip(),
            recorded_by=by if getattr(by, "is_authenticated", False) else None,
        ),
        by=by,
        reason="payment received",
    )
    try:
        with transaction.atomic():
            payment.save()
    except IntegrityError:
        # Recorded by another request between the check and the save.
        raise RuleError(
            "reference", REFERENCE_RECORDED.format(reference=reference.strip())
        ) from None
    return payment


@transaction.atomic
def record_isu_budget(
    *,
    convention: Convention,
    kind: str,
    first_year: int,
    last_year: int,
    title: str,
    document_symbol: str = "",
    total: object | None = None,
    decision: str = "",
    activities: Sequence[tuple[str, object | None]] = (),
    source: str = "",
    by=None,
) -> IsuBudget:
    """Record (or update, by kind and years) a budget and work plan of the convention's ISU.

    Steps: check the caller; check the years, the title and any amounts; write the
    budget and replace its activities. A second identical record changes nothing.
    """
    _check_manager(by, convention)
    if kind not in BudgetPeriod.values:
        raise RuleError(
            "kind",
            _("a budget is one of %(choices)s") % {"choices": ", ".join(BudgetPeriod.values)},
        )
    if last_year < first_year:
        raise RuleError("last_year", YEARS_OUT_OF_ORDER % {"last": last_year, "first": first_year})
    if kind == BudgetPeriod.ANNUAL and last_year != first_year:
        raise RuleError("last_year", ANNUAL_IS_ONE_YEAR)
    if not title.strip():
        raise RuleError("title", TITLE_REQUIRED)
    amount = None if total is None else apportionment.to_amount(total, field="total")
    checked = [
        (text, None if value is None else apportionment.to_amount(value, field="activities"))
        for text, value in activities
    ]
    budget, _created = IsuBudget.objects.get_or_create(
        convention=convention,
        kind=kind,
        first_year=first_year,
        last_year=last_year,
        defaults={"title": title.strip()},
    )
    values = {
        "title": title.strip(),
        "document_symbol": document_symbol,
        "total": amount,
        "decision": decision,
        "source": source,
    }
    if any(getattr(budget, key) != value for key, value in values.items()):
        for key, value in values.items():
            setattr(budget, key, value)
        attribute(budget, by=by, reason="ISU budget recorded").save()
    if checked or by is not None:
        budget.activities.all().delete()
        for position, (text, value) in enumerate(checked, start=1):
            WorkPlanActivity.objects.create(
                budget=budget, position=position, activity=text, amount=value
            )
    return budget


@transaction.atomic
def record_voluntary_contribution(
    *,
    convention: Convention,
    state: State,
    year: int,
    amount: object,
    currency: str = "USD",
    received_on: date | None = None,
    reference: str = "",
    source: str = "",
    by=None,
) -> VoluntaryContribution:
    """Record a State's voluntary contribution to the trust fund of the convention's ISU.

    Steps: check the caller, the amount (a number to the cent, more than zero) and the
    currency (one the convention accepts); write the contribution.
    """
    _check_manager(by, convention)
    value = apportionment.to_amount(amount, field="amount")
    if value == 0:
        raise RuleError("amount", ZERO_PAYMENT)
    code = _currency(currency, accepted=convention.rules.accepted_currencies)
    contribution = attribute(
        VoluntaryContribution(
            convention=convention,
            state=state,
            year=year,
            amount=value,
            currency=code,
            received_on=received_on,
            reference=reference,
            source=source,
        ),
        by=by,
        reason="voluntary contribution recorded",
    )
    contribution.save()
    return contribution
