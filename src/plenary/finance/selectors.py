"""Every read of a convention's finances, each in a fixed number of queries.

Every read of a ledger (estimates, assessments, payments, budgets, contributions) takes the
convention whose ledger it is, with no default: the APMBC's status never shows CCM money.
The UN scale of assessments is shared by every convention.

Who shares a meeting's cost and at what rate is derived here from the records (the treaty
registry on the meeting's first day, the delegations registered for it, the scale of the
year) and the convention's settings (`RuleSet.cost_shared_by`, `rate_without_un_rate`);
the arithmetic is `plenary.rules.apportionment`.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Prefetch, Q, Sum
from django.http import Http404
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from plenary.core.l10n import in_name_order
from plenary.core.selectors import state_acted_for
from plenary.finance.models import (
    Assessment,
    CostEstimate,
    IsuBudget,
    Payment,
    ScalePeriod,
    ScaleRate,
    VoluntaryContribution,
)
from plenary.finance.permissions import can_manage, is_delegation_of_a_state
from plenary.meetings.models import Delegation, Meeting
from plenary.meetings.selectors import meeting_by_reference
from plenary.rules import apportionment, names
from plenary.rules.errors import RuleError
from plenary.treaties import selectors as treaties
from plenary.treaties.models import Convention, State

ZERO = Decimal("0.00")
NO_SCALE = _("no scale of assessments is on record for %(year)s, the year of the meeting")
NO_DATES = _("%(meeting)s has no dates on record, so no year for its scale")

SHARED_BY = {
    "all_states_parties": _(
        "every State Party on the meeting's first day, and every State not party that "
        "participates in it"
    ),
    "attending_states_parties": _(
        "the States Parties that attend the meeting, and every State not party that "
        "participates in it"
    ),
}
RATE_WITHOUT_UN_RATE = {
    "scale_minimum": _(
        "a State with no UN rate (and no notional rate on record) for the year is assessed "
        "at the lowest rate of that year's scale"
    ),
    "excluded": _("a State with no UN rate for the year shares nothing"),
}


def published(rate: Decimal) -> str:
    """A rate as the UN publishes it: per cent to three decimals (more only if needed)."""
    return f"{rate:.3f}" if rate == rate.quantize(Decimal("0.001")) else f"{rate.normalize()}"


def first_day(meeting: Meeting) -> date:
    days = [part.starts_on for part in meeting.parts.all()]
    if not days:
        raise RuleError("meeting", NO_DATES % {"meeting": meeting})
    return min(days)


def scale_for(*, year: int) -> tuple[ScalePeriod, dict[int, ScaleRate]]:
    """The scale period covering `year` and its rates by State id (two queries)."""
    period = ScalePeriod.objects.filter(first_year__lte=year, last_year__gte=year).first()
    if period is None:
        raise RuleError("meeting", NO_SCALE % {"year": year})
    rates = {rate.state_id: rate for rate in period.rates.select_related("state")}
    return period, rates


def scale_periods():
    return list(ScalePeriod.objects.order_by("first_year"))


@dataclass
class Sharer:
    state_id: int
    iso3: str
    name: str
    basis: str  # "State Party" or "State not party, participating"
    un_rate: Decimal
    rate_note: str  # "" when the rate is the State's own UN rate
    percent: Decimal = ZERO
    share: Decimal = ZERO


def sharers(*, meeting: Meeting) -> tuple[date, ScalePeriod, list[Sharer]]:
    """Who shares `meeting`'s cost and with what UN rate, per the convention's settings.

    Six queries: the parts, the scale (two), the registry on the first day, the names on
    that day, and the delegations.
    """
    on = first_day(meeting)
    period, rates = scale_for(year=on.year)
    rules = meeting.convention.rules
    standing = treaties.states_on(convention=meeting.convention, on=on)
    state_names = treaties.names_on(on=on)
    attending = set(
        Delegation.objects.filter(meeting=meeting, state__isnull=False).values_list(
            "state_id", flat=True
        )
    )
    minimum = min((rate.rate for rate in rates.values()), default=None)
    rows: list[Sharer] = []
    for row in standing:
        pk = row.state.pk
        if row.status == "state_party":
            if rules.cost_shared_by == "attending_states_parties" and pk not in attending:
                continue
            basis = gettext("State Party")
        elif pk in attending:
            basis = gettext("State not party, participating")
        else:
            continue
        if pk in rates:
            un_rate, note = rates[pk].rate, ""
        elif rules.rate_without_un_rate == "scale_minimum" and minimum is not None:
            un_rate, note = minimum, gettext("no UN rate on record: the lowest rate of the scale")
        else:
            continue
        rows.append(Sharer(pk, row.state.iso3, state_names[pk], basis, un_rate, note))
    rows.sort(key=lambda sharer: names.un_alphabetical_key(sharer.name))
    return on, period, rows


@dataclass
class Apportionment:
    meeting: Meeting
    first_day: date
    period: ScalePeriod
    total: Decimal
    rows: list[Sharer]
    shared_by: str
    rate_without_un_rate: str

    @property
    def rate_sum(self) -> Decimal:
        return sum((row.un_rate for row in self.rows), ZERO)

    @property
    def share_sum(self) -> Decimal:
        return sum((row.share for row in self.rows), ZERO)


def apportion_meeting(*, meeting: Meeting, total) -> Apportionment:
    """Each sharing State's share of `total` for `meeting` (see `sharers`)."""
    total = apportionment.to_amount(total, field="total")
    on, period, rows = sharers(meeting=meeting)
    rates = {row.iso3: row.un_rate for row in rows}
    shares = apportionment.apportion(total=total, rates=rates)
    percent = apportionment.rescaled(rates=rates)
    for row in rows:
        row.share = shares[row.iso3]
        row.percent = percent[row.iso3]
    rules = meeting.convention.rules
    return Apportionment(
        meeting=meeting,
        first_day=on,
        period=period,
        total=total,
        rows=rows,
        shared_by=str(SHARED_BY[rules.cost_shared_by]),
        rate_without_un_rate=str(RATE_WITHOUT_UN_RATE[rules.rate_without_un_rate]),
    )


def cost_estimates(*, convention: Convention, meeting: Meeting | None = None) -> list[CostEstimate]:
    """A convention's cost estimates with their lines and meeting (two queries)."""
    queryset = (
        CostEstimate.objects.filter(convention=convention)
        .select_related("meeting")
        .prefetch_related("lines")
    )
    if meeting is not None:
        queryset = queryset.filter(meeting=meeting)
    return list(queryset.order_by("pk"))


def estimate_totals(estimate: CostEstimate) -> tuple[Decimal | None, Decimal | None]:
    """(estimated, actual) totals from the prefetched lines; None where not on record."""
    lines = list(estimate.lines.all())
    if not lines:
        return None, None
    estimated = sum((line.estimated for line in lines), ZERO)
    actuals = [line.actual for line in lines]
    actual = None if any(a is None for a in actuals) else sum(actuals, ZERO)
    return estimated, actual


def cost_estimate(*, convention: Convention, pk: int) -> CostEstimate:
    """One of the convention's cost estimates; another convention's is not found."""
    estimate = (
        CostEstimate.objects.select_related("convention", "meeting", "meeting__convention")
        .prefetch_related("lines")
        .filter(pk=pk, convention=convention)
        .first()
    )
    if estimate is None:
        raise Http404(_("No cost estimate %(pk)s.") % {"pk": pk})
    return estimate


def _assessments(convention: Convention, state_id: int | None = None, on: date | None = None):
    """The convention's assessments with what was paid on each; on `on` (None: whatever the
    date), only those issued by then and only the payments received by then."""
    paid = Sum("payments__counted")
    queryset = Assessment.objects.filter(estimate__convention=convention)
    if on is not None:
        queryset = queryset.filter(issued_on__lte=on)
        paid = Sum("payments__counted", filter=Q(payments__received_on__lte=on))
    queryset = queryset.select_related(
        "state", "estimate", "estimate__meeting__convention"
    ).annotate(paid=paid)
    if state_id is not None:
        queryset = queryset.filter(state_id=state_id)
    return queryset.order_by("due_on", "state__name", "pk")


@dataclass
class AccountYear:
    iso3: str
    name: str
    year: int
    assessed: Decimal = ZERO
    paid: Decimal = ZERO
    arrears: Decimal = ZERO

    @property
    def balance(self) -> Decimal:
        return self.assessed - self.paid


def visible_state_id(user, convention) -> int | None:
    """None: every State's account; otherwise the only State whose account `user` sees
    (a Delegation's own, under `convention`)."""
    if can_manage(user, convention) or not is_delegation_of_a_state(user, convention):
        return None
    state = state_acted_for(user=user, convention=convention)
    return state.pk if state is not None else None


def accounts(*, convention: Convention, on: date, state_id: int | None = None) -> list[AccountYear]:
    """The convention's assessed, paid, balance and arrears (owed past the due date on `on`)
    by State and assessment year, as the records stood on `on`: the assessments issued and
    the payments received on or before it (one query)."""
    rows: dict[tuple[int, int], AccountYear] = {}
    for assessment in _assessments(convention, state_id, on=on):
        key = (assessment.state_id, assessment.year)
        if key not in rows:
            rows[key] = AccountYear(assessment.state.iso3, assessment.state.name, assessment.year)
        account = rows[key]
        paid = assessment.paid or ZERO
        account.assessed += assessment.amount
        account.paid += paid
        if assessment.due_on < on and assessment.amount - paid > 0:
            account.arrears += assessment.amount - paid
    return sorted(rows.values(), key=lambda a: (a.year, names.un_alphabetical_key(a.name)))


@dataclass
class MeetingStatus:
    """What was assessed for a meeting, received and outstanding on `on`, in US dollars:
    for its own cost estimate (`estimate`) if one is recorded, else for every assessment
    of the convention for `year`."""

    on: date
    year: int
    estimate: CostEstimate | None
    assessed: Decimal = ZERO
    received: Decimal = ZERO
    states_in_arrears: int = 0

    @property
    def outstanding(self) -> Decimal:
        return self.assessed - self.received


def meeting_status(*, meeting: Meeting, on: date) -> MeetingStatus:
    """The finances of `meeting` as the records stood on `on` (two queries; the meeting's
    parts prefetched): the assessments issued and the payments received on or before it;
    a State is in arrears when an assessment due before `on` is not paid in full."""
    year = first_day(meeting).year
    estimate = (
        CostEstimate.objects.filter(convention=meeting.convention, meeting=meeting)
        .order_by("pk")
        .first()
    )
    found = _assessments(meeting.convention, on=on)
    found = found.filter(estimate=estimate) if estimate is not None else found.filter(year=year)
    status = MeetingStatus(on=on, year=year, estimate=estimate)
    in_arrears = set()
    for each in found:
        paid = each.paid or ZERO
        status.assessed += each.amount
        status.received += paid
        if each.due_on < on and each.amount - paid > 0:
            in_arrears.add(each.state_id)
    status.states_in_arrears = len(in_arrears)
    return status


@dataclass
class YearTotals:
    year: int
    assessed: Decimal = ZERO
    paid: Decimal = ZERO


def totals_by_year(*, convention: Convention, state_id: int | None = None) -> list[YearTotals]:
    """The convention's assessed (by assessment year) and paid (by year received), every
    year (two queries)."""
    years: dict[int, YearTotals] = defaultdict(lambda: YearTotals(0))
    assessed = Assessment.objects.filter(estimate__convention=convention)
    payments = Payment.objects.filter(assessment__estimate__convention=convention)
    if state_id is not None:
        assessed = assessed.filter(state_id=state_id)
        payments = payments.filter(assessment__state_id=state_id)
    for year, amount in assessed.values_list("year").annotate(total=Sum("amount")):
        years[year].year = year
        years[year].assessed = amount
    for received_on, amount in payments.values_list("received_on", "counted"):
        years[received_on.year].year = received_on.year
        years[received_on.year].paid += amount
    return [years[year] for year in sorted(years)]


@dataclass
class DueDate:
    """A payment due date of an assessment, for reminders and calendars."""

    assessment_id: int
    iso3: str
    state: str
    due_on: date
    outstanding: Decimal
    meeting: str
    # The zone of the meeting's convention's secretariat, where payments are received.
    time_zone: str = ""


def payment_due_dates(
    *,
    convention: Convention,
    state_id: int | None = None,
    iso3: str | None = None,
    due_between: tuple[date, date] | None = None,
) -> list[DueDate]:
    """Every assessment of the convention with an amount still outstanding, by due date, of
    one State if `state_id` or `iso3` names it, due in [start, end] if `due_between` gives
    them (one query)."""
    rows = []
    assessments = _assessments(convention, state_id)
    if iso3 is not None:
        assessments = assessments.filter(state__iso3=iso3)
    if due_between is not None:
        assessments = assessments.filter(due_on__range=due_between)
    for assessment in assessments:
        outstanding = assessment.amount - (assessment.paid or ZERO)
        if outstanding > 0:
            estimate = assessment.estimate
            rows.append(
                DueDate(
                    assessment.pk,
                    assessment.state.iso3,
                    assessment.state.name,
                    assessment.due_on,
                    outstanding,
                    str(estimate.meeting or estimate.meeting_title),
                    estimate.meeting.convention.time_zone if estimate.meeting else "",
                )
            )
    return rows


def assessment(*, convention: Convention, pk: int) -> Assessment:
    """One of the convention's assessments; another convention's is not found."""
    found = (
        Assessment.objects.select_related("state", "estimate__convention", "estimate__meeting")
        .filter(pk=pk, estimate__convention=convention)
        .first()
    )
    if found is None:
        raise Http404(_("No assessment %(pk)s.") % {"pk": pk})
    return found


def assessments_of(*, estimate: CostEstimate) -> list[Assessment]:
    """The estimate's assessments, by State in the reader's order of names, then kind."""
    rows = (
        Assessment.objects.filter(estimate=estimate)
        .select_related("state")
        .annotate(paid=Sum("payments__counted"))
        .order_by("kind")
    )
    return in_name_order(rows, lambda row: str(row.state))


def isu_budgets(*, convention: Convention) -> list[IsuBudget]:
    """The budgets and work plans of the convention's ISU (two queries)."""
    return list(
        IsuBudget.objects.filter(convention=convention)
        .prefetch_related("activities")
        .order_by("first_year", "kind")
    )


def voluntary_contributions(
    *, convention: Convention, state_id: int | None = None
) -> list[VoluntaryContribution]:
    """Voluntary contributions to the convention's ISU trust fund (one query)."""
    queryset = VoluntaryContribution.objects.filter(convention=convention).select_related("state")
    if state_id is not None:
        queryset = queryset.filter(state_id=state_id)
    rows = in_name_order(queryset, lambda row: str(row.state))
    return sorted(rows, key=lambda row: row.year)  # by year, then name (a stable sort)


def estimate_meeting(estimate: CostEstimate) -> Meeting:
    """The meeting of an estimate with its convention and parts (two queries)."""
    return (
        Meeting.objects.select_related("convention")
        .prefetch_related(Prefetch("parts"))
        .get(pk=estimate.meeting_id)
    )


def meeting_with_parts(reference: str, *, convention: Convention) -> Meeting:
    """The convention's meeting by code or symbol root, with its convention and parts (two
    queries)."""
    meeting = meeting_by_reference(reference, convention=convention)
    return (
        Meeting.objects.select_related("convention")
        .prefetch_related(Prefetch("parts"))
        .get(pk=meeting.pk)
    )


def states_by_name() -> list[State]:
    """Every State by name (one query), for the Secretariat's forms."""
    return list(State.objects.order_by("name"))


def delegation_users_by_state(*, convention: Convention, state_ids) -> dict[int, list]:
    """The current Delegation users of each State under the convention (one query), told
    of their State's assessments."""
    from plenary.core.models import Role, RoleGrant

    found: dict[int, list] = defaultdict(list)
    grants = (
        RoleGrant.objects.current()
        .filter(convention=convention, role=Role.DELEGATION, state_id__in=list(state_ids))
        .filter(user__is_active=True)
        .select_related("user")
    )
    for grant in grants:
        if grant.user not in found[grant.state_id]:
            found[grant.state_id].append(grant.user)
    return found


def payments(*, convention: Convention, state_id: int | None = None) -> list[Payment]:
    """Payments received against the convention's assessments, latest first (one query);
    only one State's where `state_id` is given (a Delegation's own)."""
    queryset = Payment.objects.filter(assessment__estimate__convention=convention).select_related(
        "assessment__state", "assessment__estimate__meeting"
    )
    if state_id is not None:
        queryset = queryset.filter(assessment__state_id=state_id)
    return list(queryset.order_by("-received_on", "-pk"))


def payment(*, convention: Convention, pk: int) -> Payment:
    """One payment of the convention's; another convention's is not found."""
    found = (
        Payment.objects.select_related(
            "assessment__state", "assessment__estimate__meeting", "recorded_by"
        )
        .filter(pk=pk, assessment__estimate__convention=convention)
        .first()
    )
    if found is None:
        raise Http404(_("No payment %(pk)s.") % {"pk": pk})
    return found
