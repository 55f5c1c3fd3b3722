"""/api/v1/{convention}/finance/: the scale, cost sharing, estimates, assessments, payments.

Every ledger endpoint answers for the convention named in the path, with no default; the
scale of assessments is the UN's, shared by every convention.
"""

from datetime import date

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from plenary.api.auth import SIGNED_IN
from plenary.api.errors import ErrorOut
from plenary.api.idempotency import idempotent
from plenary.api.pagination import paged
from plenary.api.params import ConventionSlug
from plenary.finance import selectors, services
from plenary.finance.models import Assessment
from plenary.rules.errors import RuleError
from plenary.treaties.models import State
from plenary.treaties.selectors import convention_named

router = Router(tags=["finance"])
ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


class RateOut(Schema):
    iso3: str
    scale_name: str
    rate: str
    source: str


class ScaleOut(Schema):
    first_year: int
    last_year: int
    resolution: str
    rates: list[RateOut]


@router.get("/finance/scale", response={200: ScaleOut, **ERRORS})
def scale(request, convention: ConventionSlug, year: int):
    """The UN scale of assessments in force in `year`, with each rate's source."""
    convention_named(convention)  # the scale is shared, but the convention must exist
    period, rates = selectors.scale_for(year=year)
    return {
        "first_year": period.first_year,
        "last_year": period.last_year,
        "resolution": period.resolution,
        "rates": [
            {
                "iso3": rate.state.iso3,
                "scale_name": rate.scale_name,
                "rate": selectors.published(rate.rate),
                "source": rate.source,
            }
            for rate in sorted(rates.values(), key=lambda r: r.scale_name)
        ],
    }


class ShareOut(Schema):
    state: str
    iso3: str
    basis: str
    rate: str
    rate_note: str
    percent: str
    share: str


class ApportionmentOut(Schema):
    meeting: str
    first_day: date
    resolution: str
    shared_by: str
    rate_without_un_rate: str
    total: str
    shares: list[ShareOut]


@router.get("/finance/apportionment", response={200: ApportionmentOut, **ERRORS})
def apportion(request, convention: ConventionSlug, meeting: str, total: str):
    """Share `total` (US dollars) of `meeting` (code or symbol root) by the scale."""
    found = selectors.meeting_with_parts(meeting, convention=convention_named(convention))
    result = selectors.apportion_meeting(meeting=found, total=total)
    return {
        "meeting": result.meeting.title,
        "first_day": result.first_day,
        "resolution": result.period.resolution,
        "shared_by": result.shared_by,
        "rate_without_un_rate": result.rate_without_un_rate,
        "total": str(result.total),
        "shares": [
            {
                "state": row.name,
                "iso3": row.iso3,
                "basis": row.basis,
                "rate": selectors.published(row.un_rate),
                "rate_note": row.rate_note,
                "percent": str(row.percent),
                "share": str(row.share),
            }
            for row in result.rows
        ],
    }


class EstimateOut(Schema):
    id: int
    meeting: str
    document_symbol: str
    approved_by: str
    estimated_total: str | None
    actual_total: str | None


@router.get("/finance/estimates", response={200: list[EstimateOut], **ERRORS})
@paged
def estimates(request, convention: ConventionSlug):
    """The convention's cost estimates with their estimated and actual totals."""
    rows = []
    for estimate in selectors.cost_estimates(convention=convention_named(convention)):
        estimated, actual = selectors.estimate_totals(estimate)
        rows.append(
            {
                "id": estimate.pk,
                "meeting": str(estimate.meeting or estimate.meeting_title),
                "document_symbol": estimate.document_symbol,
                "approved_by": estimate.approved_by,
                "estimated_total": None if estimated is None else str(estimated),
                "actual_total": None if actual is None else str(actual),
            }
        )
    return rows


class IssueIn(Schema):
    issued_on: date
    due_on: date


class AssessmentOut(Schema):
    id: int
    iso3: str
    kind: str
    rate: str
    amount: str
    year: int
    due_on: date


def _assessment_out(row: Assessment) -> dict:
    return {
        "id": row.pk,
        "iso3": row.state.iso3,
        "kind": row.kind,
        "rate": selectors.published(row.un_rate),
        "amount": str(row.amount),
        "year": row.year,
        "due_on": row.due_on,
    }


@router.post(
    "/finance/estimates/{pk}/assessments",
    response={201: list[AssessmentOut], **ERRORS},
    auth=SIGNED_IN,
)
def issue(request, convention: ConventionSlug, pk: int, payload: IssueIn):
    """Assess every sharing State its share of the estimate (the Secretariat)."""
    estimate = selectors.cost_estimate(convention=convention_named(convention), pk=pk)
    issued = services.issue_assessments(
        estimate=estimate, issued_on=payload.issued_on, due_on=payload.due_on, by=request.auth
    )
    rows = Assessment.objects.filter(pk__in=[row.pk for row in issued]).select_related("state")
    return Status(201, [_assessment_out(row) for row in rows.order_by("state__name")])


class PaymentIn(Schema):
    assessment: int
    received_on: date
    amount: str
    currency: str
    reference: str
    exchange_rate: str | None = Field(
        None, description="Units of the assessment's currency per unit paid, where they differ."
    )
    rate_date: date | None = Field(None, description="The date the exchange rate is of.")


class PaymentOut(Schema):
    id: int
    assessment: int
    received_on: date
    amount: str
    currency: str
    exchange_rate: str | None
    rate_date: date | None
    counted: str = Field(description="What it counts for, in the assessment's currency.")
    reference: str


@router.post("/finance/payments", response={201: PaymentOut, **ERRORS}, auth=SIGNED_IN)
def pay(request, convention: ConventionSlug, payload: PaymentIn):
    """Record a payment against one of the convention's assessments (the Secretariat); only
    the currencies it accepts."""
    assessment = selectors.assessment(
        convention=convention_named(convention), pk=payload.assessment
    )
    if not request.auth.has_perm("finance.manage", assessment):
        raise PermissionDenied(services.NOT_THE_SECRETARIAT)
    return idempotent(request, payload, lambda: _record_payment(request, assessment, payload))


def _record_payment(request, assessment, payload):
    payment = services.record_payment(
        assessment=assessment,
        received_on=payload.received_on,
        amount=payload.amount,
        currency=payload.currency,
        reference=payload.reference,
        exchange_rate=payload.exchange_rate,
        rate_date=payload.rate_date,
        by=request.auth,
    )
    return Status(
        201,
        {
            "id": payment.pk,
            "assessment": assessment.pk,
            "received_on": payment.received_on,
            "amount": str(payment.amount),
            "currency": payment.currency,
            "exchange_rate": payment.rate_shown or None,
            "rate_date": payment.rate_date,
            "counted": str(payment.counted),
            "reference": payment.reference,
        },
    )


class AccountOut(Schema):
    iso3: str
    state: str
    year: int
    assessed: str
    paid: str
    balance: str
    arrears: str


def _viewer(request, convention):
    if not request.auth.has_perm("finance.view_status", convention):
        raise PermissionDenied
    return selectors.visible_state_id(request.auth, convention)


@router.get("/finance/status", response={200: list[AccountOut], **ERRORS}, auth=SIGNED_IN)
@paged
def status(request, convention: ConventionSlug, on: date | None = None):
    """The convention's assessed, paid, balance and arrears by State and year; a Delegation
    sees its own."""
    convention = convention_named(convention)
    state_id = _viewer(request, convention)
    rows = selectors.accounts(
        convention=convention, on=on or timezone.localdate(), state_id=state_id
    )
    return [
        {
            "iso3": a.iso3,
            "state": a.name,
            "year": a.year,
            "assessed": str(a.assessed),
            "paid": str(a.paid),
            "balance": str(a.balance),
            "arrears": str(a.arrears),
        }
        for a in rows
    ]


class DueOut(Schema):
    assessment: int
    iso3: str
    state: str
    due_on: date
    outstanding: str
    meeting: str


@router.get("/finance/due-dates", response={200: list[DueOut], **ERRORS}, auth=SIGNED_IN)
@paged
def due_dates(request, convention: ConventionSlug):
    """Payment due dates of the convention's assessments with an amount outstanding."""
    convention = convention_named(convention)
    state_id = _viewer(request, convention)
    found = selectors.payment_due_dates(convention=convention, state_id=state_id)
    return [
        {
            "assessment": d.assessment_id,
            "iso3": d.iso3,
            "state": d.state,
            "due_on": d.due_on,
            "outstanding": str(d.outstanding),
            "meeting": d.meeting,
        }
        for d in found
    ]


class BudgetOut(Schema):
    kind: str
    first_year: int
    last_year: int
    document_symbol: str
    title: str
    total: str | None
    decision: str
    source: str
    activities: list[str]


@router.get("/finance/isu-budgets", response={200: list[BudgetOut], **ERRORS})
@paged
def isu_budgets(request, convention: ConventionSlug):
    """The budgets and work plans of the convention's ISU."""
    return [
        {
            "kind": b.kind,
            "first_year": b.first_year,
            "last_year": b.last_year,
            "document_symbol": b.document_symbol,
            "title": b.title,
            "total": None if b.total is None else str(b.total),
            "decision": b.decision,
            "source": b.source,
            "activities": [a.activity for a in b.activities.all()],
        }
        for b in selectors.isu_budgets(convention=convention_named(convention))
    ]


class ContributionOut(Schema):
    iso3: str
    state: str
    year: int
    amount: str
    currency: str


@router.get("/finance/contributions", response={200: list[ContributionOut], **ERRORS})
@paged
def contributions(request, convention: ConventionSlug):
    """Voluntary contributions to the trust fund of the convention's ISU by State and year."""
    return [
        {
            "iso3": c.state.iso3,
            "state": c.state.local_name,
            "year": c.year,
            "amount": str(c.amount),
            "currency": c.currency,
        }
        for c in selectors.voluntary_contributions(convention=convention_named(convention))
    ]


# The Secretariat's writes to the ledger (issue 17), each through its service.
class LineItemIn(Schema):
    category: str
    estimated: str
    description: str = ""


class EstimateIn(Schema):
    meeting: str = Field(description="The meeting's code or symbol root (e.g. 2RC, CCM/CONF/2020).")
    lines: list[LineItemIn]
    document_symbol: str = ""
    approved_by: str = Field("", description="The decision approving the estimate.")
    approved_on: date | None = None


class ActualIn(Schema):
    actual: str


class LineOut(Schema):
    id: int
    category: str
    estimated: str
    actual: str | None


class BudgetIn(Schema):
    kind: str
    first_year: int
    last_year: int
    title: str
    document_symbol: str = ""
    total: str | None = None
    decision: str = ""
    source: str = ""


class ContributionIn(Schema):
    state: str = Field(description="ISO 3166 alpha-3 code")
    year: int
    amount: str
    currency: str = "USD"
    received_on: date | None = None
    reference: str = ""


def _estimate_out(estimate) -> dict:
    estimated, actual = selectors.estimate_totals(estimate)
    return {
        "id": estimate.pk,
        "meeting": str(estimate.meeting or estimate.meeting_title),
        "document_symbol": estimate.document_symbol,
        "approved_by": estimate.approved_by,
        "estimated_total": None if estimated is None else str(estimated),
        "actual_total": None if actual is None else str(actual),
    }


@router.post("/finance/estimates", response={201: EstimateOut, **ERRORS}, auth=SIGNED_IN)
def record_estimate(request, convention: ConventionSlug, payload: EstimateIn):
    """Record a meeting's cost estimate: its line items, document and decision."""
    convention = convention_named(convention)
    meeting = selectors.meeting_with_parts(payload.meeting, convention=convention)
    estimate = services.record_cost_estimate(
        convention=convention,
        meeting=meeting,
        lines=[services.LineIn(x.category, x.estimated, x.description) for x in payload.lines],
        document_symbol=payload.document_symbol,
        approved_by=payload.approved_by,
        approved_on=payload.approved_on,
        by=request.auth,
    )
    estimate = selectors.cost_estimate(convention=convention, pk=estimate.pk)
    return Status(201, _estimate_out(estimate))


class ApprovalIn(Schema):
    approved_by: str = Field(description="The decision approving it, e.g. a report paragraph")
    approved_on: date | None = None


@router.post(
    "/finance/estimates/{pk}/approval", response={200: EstimateOut, **ERRORS}, auth=SIGNED_IN
)
def approve_estimate(request, convention: ConventionSlug, pk: int, payload: ApprovalIn):
    """Record the decision approving an estimate (the Secretariat)."""
    convention = convention_named(convention)
    estimate = selectors.cost_estimate(convention=convention, pk=pk)
    services.approve_cost_estimate(
        estimate=estimate,
        approved_by=payload.approved_by,
        approved_on=payload.approved_on,
        by=request.auth,
    )
    return _estimate_out(selectors.cost_estimate(convention=convention, pk=pk))


@router.put(
    "/finance/estimates/{pk}/lines/{line_id}/actual",
    response={200: LineOut, **ERRORS},
    auth=SIGNED_IN,
)
def record_actual(request, convention: ConventionSlug, pk: int, line_id: int, payload: ActualIn):
    """Record the actual cost of one line item of an estimate (the Secretariat)."""
    estimate = selectors.cost_estimate(convention=convention_named(convention), pk=pk)
    line = next((x for x in estimate.lines.all() if x.pk == line_id), None)
    if line is None:
        raise Http404(
            _("No line item %(line_id)s in estimate %(pk)s.") % {"line_id": line_id, "pk": pk}
        )
    line = services.record_actual_cost(line=line, actual=payload.actual, by=request.auth)
    return {
        "id": line.pk,
        "category": line.category,
        "estimated": str(line.estimated),
        "actual": None if line.actual is None else str(line.actual),
    }


@router.post(
    "/finance/estimates/{pk}/settlement",
    response={201: list[AssessmentOut], **ERRORS},
    auth=SIGNED_IN,
)
def settle(request, convention: ConventionSlug, pk: int, payload: IssueIn):
    """Settle the actual cost: a credit or an additional assessment per State."""
    estimate = selectors.cost_estimate(convention=convention_named(convention), pk=pk)
    issued = services.settle_actual_cost(
        estimate=estimate, issued_on=payload.issued_on, due_on=payload.due_on, by=request.auth
    )
    rows = Assessment.objects.filter(pk__in=[row.pk for row in issued]).select_related("state")
    return Status(201, [_assessment_out(row) for row in rows.order_by("state__name")])


@router.post("/finance/isu-budgets", response={201: BudgetOut, **ERRORS}, auth=SIGNED_IN)
def record_budget(request, convention: ConventionSlug, payload: BudgetIn):
    """Record (or update, by kind and years) a budget and work plan of the ISU."""
    budget = services.record_isu_budget(
        convention=convention_named(convention), by=request.auth, **payload.dict()
    )
    return Status(
        201,
        {
            "kind": budget.kind,
            "first_year": budget.first_year,
            "last_year": budget.last_year,
            "document_symbol": budget.document_symbol,
            "title": budget.title,
            "total": None if budget.total is None else str(budget.total),
            "decision": budget.decision,
            "source": budget.source,
            "activities": [a.activity for a in budget.activities.all()],
        },
    )


@router.post("/finance/contributions", response={201: ContributionOut, **ERRORS}, auth=SIGNED_IN)
def record_contribution(request, convention: ConventionSlug, payload: ContributionIn):
    """Record a State's voluntary contribution to the ISU trust fund (the Secretariat)."""
    values = payload.dict()
    state = State.objects.filter(iso3=values.pop("state").upper()).first()
    if state is None:
        raise RuleError(
            "state", _("no State has the ISO 3166 code %(state)r") % {"state": payload.state}
        )
    contribution = services.record_voluntary_contribution(
        convention=convention_named(convention), state=state, by=request.auth, **values
    )
    return Status(
        201,
        {
            "iso3": state.iso3,
            "state": state.local_name,
            "year": contribution.year,
            "amount": str(contribution.amount),
            "currency": contribution.currency,
        },
    )
