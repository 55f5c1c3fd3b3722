"""Article 14 finance: the UN scale of assessments, cost estimates, assessments, payments,
the ISU's budget and the voluntary contributions to its trust fund.

Amounts are US dollars with two decimal places (`Decimal`); rates are per cent as the UN
publishes them. Shares are computed by `plenary.rules.apportionment`, never typed.

The scale is the UN's and shared by every convention. Each ledger belongs to one convention:
a cost estimate, an ISU budget and a voluntary contribution name theirs (an estimate may
name a meeting plenary does not hold, so its meeting cannot say); line items, assessments,
payments and work plan activities belong to their estimate's or budget's, exactly.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from plenary.meetings.models import Meeting
from plenary.treaties.models import Convention, State

AMOUNT = {"max_digits": 14, "decimal_places": 2}


class ScalePeriod(models.Model):
    """A period of the UN scale of assessments, adopted by one General Assembly resolution."""

    first_year = models.PositiveSmallIntegerField(unique=True)
    last_year = models.PositiveSmallIntegerField()
    resolution = models.CharField(max_length=20, help_text=_("e.g. 73/271"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["first_year"]
        constraints = [
            models.CheckConstraint(
                name="scale_period_in_order", condition=Q(last_year__gte=F("first_year"))
            )
        ]

    def __str__(self) -> str:
        return f"{self.first_year}-{self.last_year} (resolution {self.resolution})"


class RateKind(models.TextChoices):
    MEMBER = "member", _("Member State")
    NON_MEMBER = "non_member", _("non-member State (notional rate)")


class ScaleRate(models.Model):
    """A State's rate (per cent) in a period of the scale, under the name the scale uses."""

    period = models.ForeignKey(ScalePeriod, on_delete=models.CASCADE, related_name="rates")
    state = models.ForeignKey(State, on_delete=models.PROTECT, related_name="+")
    scale_name = models.CharField(max_length=100)
    rate = models.DecimalField(max_digits=8, decimal_places=5)
    kind = models.CharField(max_length=12, choices=RateKind.choices, default=RateKind.MEMBER)
    source = models.TextField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["period", "scale_name"]
        constraints = [
            models.UniqueConstraint(fields=["period", "state"], name="one_rate_per_state"),
            models.CheckConstraint(name="rate_not_negative", condition=Q(rate__gte=0)),
        ]

    def __str__(self) -> str:
        return f"{self.scale_name}: {self.rate}"


class ScaleName(models.Model):
    """A name a scale of assessments uses for a State (names change between resolutions)."""

    name = models.CharField(max_length=100, unique=True)
    state = models.ForeignKey(State, on_delete=models.PROTECT, related_name="scale_names")
    source = models.TextField()

    def __str__(self) -> str:
        return f"{self.name} -> {self.state.iso3}"


class CostEstimate(models.Model):
    """The estimated (and later actual) cost of a meeting, set by a document, approved by a
    decision. `meeting_title` names a meeting that plenary does not hold a record of; a
    meeting on record is of the estimate's convention (`services.record_cost_estimate`)."""

    convention = models.ForeignKey(
        Convention, on_delete=models.PROTECT, related_name="cost_estimates"
    )
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.PROTECT, related_name="cost_estimates"
    )
    meeting_title = models.CharField(max_length=200, blank=True)
    document_symbol = models.CharField(max_length=60, blank=True)
    approved_by = models.CharField(
        max_length=300, blank=True, help_text=_("The decision approving it, e.g. a report para.")
    )
    approved_on = models.DateField(null=True, blank=True)
    source = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                name="estimate_names_its_meeting",
                condition=Q(meeting__isnull=False) | ~Q(meeting_title=""),
            )
        ]

    def __str__(self) -> str:
        return _("%(meeting)s: cost estimate") % {"meeting": self.meeting or self.meeting_title}


class CostCategory(models.TextChoices):
    CONFERENCE_SERVICES = "conference_services", _("conference services")
    INTERPRETATION = "interpretation", _("interpretation")
    DOCUMENTS = "documents", _("documents")
    STAFF = "staff", _("staff and travel")
    OTHER = "other", _("other")


class CostLineItem(models.Model):
    estimate = models.ForeignKey(CostEstimate, on_delete=models.CASCADE, related_name="lines")
    category = models.CharField(max_length=20, choices=CostCategory.choices)
    description = models.CharField(max_length=300, blank=True)
    estimated = models.DecimalField(**AMOUNT)
    actual = models.DecimalField(**AMOUNT, null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["estimate", "pk"]
        constraints = [
            models.CheckConstraint(
                name="line_estimated_not_negative", condition=Q(estimated__gte=0)
            ),
            models.CheckConstraint(
                name="line_actual_not_negative",
                condition=Q(actual__isnull=True) | Q(actual__gte=0),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_category_display()}: {self.estimated}"


class AssessmentKind(models.TextChoices):
    ESTIMATED = "estimated", _("on the estimated cost")
    ADDITIONAL = "additional", _("additional assessment on the actual cost")
    CREDIT = "credit", _("credit on the actual cost")


class Assessment(models.Model):
    """What one State owes for one meeting's cost estimate (a credit is negative)."""

    estimate = models.ForeignKey(CostEstimate, on_delete=models.PROTECT, related_name="assessments")
    state = models.ForeignKey(State, on_delete=models.PROTECT, related_name="assessments")
    kind = models.CharField(max_length=10, choices=AssessmentKind.choices)
    un_rate = models.DecimalField(max_digits=8, decimal_places=5)
    share_percent = models.DecimalField(max_digits=10, decimal_places=6)
    amount = models.DecimalField(**AMOUNT)
    year = models.PositiveSmallIntegerField()
    issued_on = models.DateField()
    due_on = models.DateField()
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["estimate", "state__name", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["estimate", "state", "kind"], name="one_assessment_per_kind"
            ),
            models.CheckConstraint(name="due_after_issue", condition=Q(due_on__gte=F("issued_on"))),
        ]

    def __str__(self) -> str:
        return f"{self.state}: {self.amount} ({self.kind})"


class Payment(models.Model):
    """A payment received from a State against one assessment."""

    assessment = models.ForeignKey(Assessment, on_delete=models.PROTECT, related_name="payments")
    received_on = models.DateField()
    amount = models.DecimalField(**AMOUNT)
    currency = models.CharField(max_length=3, default="USD")
    exchange_rate = models.DecimalField(
        max_digits=18,
        decimal_places=8,
        null=True,
        blank=True,
        help_text=_("Units of the assessment's currency per unit paid, where they differ."),
    )
    rate_date = models.DateField(null=True, blank=True, help_text=_("The date the rate is of."))
    counted = models.DecimalField(
        **AMOUNT, help_text=_("What the payment counts for, in the assessment's currency.")
    )
    reference = models.CharField(max_length=100)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["received_on", "pk"]
        constraints = [
            models.CheckConstraint(name="payment_positive", condition=Q(amount__gt=0)),
            # A bank or treasury reference is one transfer: recording it twice double-counts.
            models.UniqueConstraint(fields=["reference"], name="payment_reference_once"),
        ]

    def __str__(self) -> str:
        return f"{self.amount} {self.currency} on {self.received_on}"

    @property
    def rate_shown(self) -> str:
        """The exchange rate as it was given, without trailing zeros (1.125, not 1.12500000)."""
        return format(self.exchange_rate.normalize(), "f") if self.exchange_rate else ""

    @property
    def assessment_currency(self) -> str:
        return self.assessment.estimate.convention.rules.assessment_currency


class BudgetPeriod(models.TextChoices):
    ANNUAL = "annual", _("annual")
    MULTI_YEAR = "multi_year", _("multi-year")


class IsuBudget(models.Model):
    """A budget and work plan of a convention's Implementation Support Unit, annual or
    multi-year."""

    convention = models.ForeignKey(Convention, on_delete=models.PROTECT, related_name="isu_budgets")
    kind = models.CharField(max_length=10, choices=BudgetPeriod.choices)
    first_year = models.PositiveSmallIntegerField()
    last_year = models.PositiveSmallIntegerField()
    document_symbol = models.CharField(max_length=60, blank=True)
    title = models.CharField(max_length=300)
    total = models.DecimalField(**AMOUNT, null=True, blank=True)
    decision = models.CharField(max_length=300, blank=True, help_text=_("What was decided."))
    source = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["first_year", "kind"]
        constraints = [
            models.CheckConstraint(
                name="isu_budget_years_in_order", condition=Q(last_year__gte=F("first_year"))
            ),
            models.UniqueConstraint(
                fields=["convention", "kind", "first_year", "last_year"],
                name="one_isu_budget_per_period",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class WorkPlanActivity(models.Model):
    budget = models.ForeignKey(IsuBudget, on_delete=models.CASCADE, related_name="activities")
    position = models.PositiveSmallIntegerField()
    activity = models.CharField(max_length=400)
    amount = models.DecimalField(**AMOUNT, null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["budget", "position"]
        constraints = [
            models.UniqueConstraint(fields=["budget", "position"], name="activity_position_unique")
        ]

    def __str__(self) -> str:
        return self.activity


class VoluntaryContribution(models.Model):
    """A State's voluntary contribution to a convention's ISU trust fund for a year."""

    convention = models.ForeignKey(
        Convention, on_delete=models.PROTECT, related_name="isu_contributions"
    )
    state = models.ForeignKey(State, on_delete=models.PROTECT, related_name="isu_contributions")
    year = models.PositiveSmallIntegerField()
    amount = models.DecimalField(**AMOUNT)
    currency = models.CharField(max_length=3, default="USD")
    received_on = models.DateField(null=True, blank=True)
    reference = models.CharField(max_length=100, blank=True)
    source = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["year", "state__name"]
        constraints = [
            models.CheckConstraint(name="contribution_positive", condition=Q(amount__gt=0)),
        ]

    def __str__(self) -> str:
        return f"{self.state} {self.year}: {self.amount} {self.currency}"
