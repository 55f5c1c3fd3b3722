"""Action plans, thematic areas and their coordinators, and written consultations.

An action plan (Dubrovnik 2016-2020, Lausanne 2021-2026) has thematic sections, numbered
actions, and indicators with a baseline and a target; an indicator hangs on an action, or
on its section where it measures the section's expected results. A value is entered by
the ISU or a coordinator with its source, or, for a computed indicator, computed from the
records (`computations`) and never stored.

A written consultation is a document of questions grouped by section, sent to addressees
with a deadline; each Delegation (of a State or an organisation) has one contribution,
an answer per question, which its author may edit until the deadline.
"""

from datetime import date
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from plenary.core.models import TranslatedContent
from plenary.meetings.models import Meeting
from plenary.treaties.models import Convention, Organisation, State


class ActionPlan(models.Model):
    """An action plan adopted by the States Parties for a period of years."""

    convention = models.ForeignKey(Convention, on_delete=models.PROTECT)
    code = models.CharField(max_length=10, unique=True, help_text=_("e.g. DAP, LAP"))
    name = models.CharField(max_length=200)
    first_year = models.PositiveSmallIntegerField()
    last_year = models.PositiveSmallIntegerField()
    adopted = models.CharField(
        max_length=300, blank=True, help_text=_("Where and when it was adopted, as sourced.")
    )
    document_symbol = models.CharField(max_length=60, blank=True)
    source = models.TextField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["first_year"]
        constraints = [
            models.CheckConstraint(
                name="plan_last_year_not_before_first", condition=Q(last_year__gte=F("first_year"))
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def period(self) -> str:
        return f"{self.first_year}-{self.last_year}"


class ThematicArea(models.Model):
    """An area of the Convention's work that coordinators take forward (e.g. universalisation)."""

    convention = models.ForeignKey(Convention, on_delete=models.PROTECT)
    slug = models.SlugField(max_length=60)
    name = models.CharField(max_length=200)
    order = models.PositiveSmallIntegerField(default=0)
    source = models.TextField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["convention", "slug"], name="one_area_per_slug")
        ]

    def __str__(self) -> str:
        return self.name


class Section(models.Model):
    """A thematic section of an action plan."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="sections")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    area = models.ForeignKey(
        ThematicArea, null=True, blank=True, on_delete=models.PROTECT, related_name="sections"
    )
    source = models.TextField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="one_section_per_number")
        ]

    def __str__(self) -> str:
        return f"{self.plan.code} {self.number}. {self.title}"


class Action(TranslatedContent):
    """A numbered action of a section, in the plan's own words."""

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="actions")
    number = models.CharField(max_length=10)
    text = models.TextField()
    source = models.TextField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["section", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["section", "number"], name="one_action_per_number")
        ]

    def __str__(self) -> str:
        return _("Action %(number)s") % {"number": self.number}


class IndicatorKind(models.TextChoices):
    COUNT = "count", _("count of States")
    SHARE = "share", _("share of States (%)")
    YES_NO = "yes_no", _("yes/no per State")
    AMOUNT = "amount", _("amount")


class Indicator(models.Model):
    """A measure of an action (or of a section's expected results), with baseline and target."""

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="indicators")
    action = models.ForeignKey(
        Action, null=True, blank=True, on_delete=models.CASCADE, related_name="indicators"
    )
    code = models.CharField(max_length=20)
    text = models.TextField()
    kind = models.CharField(max_length=6, choices=IndicatorKind.choices)
    unit = models.CharField(max_length=20, blank=True, help_text=_("For an amount, e.g. USD."))
    baseline_year = models.PositiveSmallIntegerField(null=True, blank=True)
    baseline_value = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    baseline_source = models.TextField(blank=True)
    target_value = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    target_year = models.PositiveSmallIntegerField(null=True, blank=True)
    computation = models.CharField(
        max_length=60,
        blank=True,
        help_text=_("Blank: entered. Otherwise the name of the computation from the records."),
    )
    source = models.TextField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["section", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["section", "code"], name="one_indicator_per_code"),
            models.CheckConstraint(
                name="indicator_kind_known",
                condition=Q(kind__in=IndicatorKind.values),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code}: {self.text}"

    @property
    def is_computed(self) -> bool:
        return bool(self.computation)

    @property
    def per_state(self) -> bool:
        return self.kind == IndicatorKind.YES_NO


class IndicatorValue(models.Model):
    """A value entered for one year (and one State, for a yes/no indicator), with its source."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    year = models.PositiveSmallIntegerField()
    state = models.ForeignKey(
        State, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    value = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    answer = models.BooleanField(null=True, blank=True)
    source = models.TextField()
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    entered_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "year", "state__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "year"],
                condition=Q(state__isnull=True),
                name="one_value_per_year",
            ),
            models.UniqueConstraint(
                fields=["indicator", "year", "state"],
                condition=Q(state__isnull=False),
                name="one_value_per_year_and_state",
            ),
            models.CheckConstraint(
                name="value_or_answer",
                condition=Q(value__isnull=False, answer__isnull=True)
                | Q(value__isnull=True, answer__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        who = f" {self.state}" if self.state_id else ""
        return f"{self.indicator.code} {self.year}{who}"


class Coordination(models.Model):
    """The States coordinating a thematic area for a term."""

    area = models.ForeignKey(ThematicArea, on_delete=models.PROTECT, related_name="coordinations")
    states = models.ManyToManyField(State, related_name="+")
    title = models.CharField(
        max_length=300, blank=True, help_text=_("The title as the source writes it.")
    )
    term_from = models.DateField(null=True, blank=True)
    term_to = models.DateField(null=True, blank=True)
    in_office_year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text=_("A year a source shows them in office, where the term is not on record."),
    )
    source = models.TextField()
    history = HistoricalRecords(m2m_fields=[states])

    class Meta:
        ordering = ["area", "-in_office_year", "-term_from"]
        constraints = [
            models.CheckConstraint(
                name="term_ends_after_it_starts",
                condition=Q(term_from__isnull=True)
                | Q(term_to__isnull=True)
                | Q(term_to__gte=F("term_from")),
            )
        ]

    def __str__(self) -> str:
        return f"{self.area}: {self.title or 'coordinators'}"


class Visibility(models.TextChoices):
    PRESIDENCY = "presidency", _("the President's team only (each author sees their own)")
    SIGNED_IN = "signed_in", _("everyone signed in")
    PUBLIC = "public", _("the public")


class AddressedTo(models.TextChoices):
    STATES_PARTIES = "states_parties", _("the States Parties")
    ALL_STATES = "all_states", _("all States")
    CHOSEN = "chosen", _("the States and organisations chosen")


class Consultation(TranslatedContent):
    """A written consultation: a document of questions, its addressees and its deadline."""

    convention = models.ForeignKey(Convention, on_delete=models.PROTECT)
    title = models.CharField(max_length=300)
    issued_by = models.CharField(max_length=200)
    issued_on = models.DateField()
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.PROTECT, related_name="consultations"
    )
    plan = models.ForeignKey(
        ActionPlan,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="consultations",
        help_text=_("The action plan being drafted, if any."),
    )
    addressees = models.TextField(help_text=_("As the letter addresses them."))
    addresses_states = models.BooleanField(default=True)
    addresses_organisations = models.BooleanField(default=False)
    # Which States may contribute, when States are addressed: checked on each contribution.
    addressed_to = models.CharField(
        max_length=14, choices=AddressedTo.choices, default=AddressedTo.ALL_STATES
    )
    addressed_states = models.ManyToManyField(State, blank=True, related_name="+")
    # With a chosen list, the organisations on it (the only ones that may contribute).
    addressed_organisations = models.ManyToManyField(Organisation, blank=True, related_name="+")
    closed_at = models.DateTimeField(
        null=True, blank=True, help_text=_("When the Presidency closed it, before its deadline.")
    )
    deadline = models.DateTimeField(help_text=_("Aware; 23:59:59 in its zone by default."))
    # An IANA zone; services default it to the convention's secretariat's seat.
    time_zone = models.CharField(max_length=60)
    visibility = models.CharField(
        max_length=12, choices=Visibility.choices, default=Visibility.PRESIDENCY
    )
    send_to = models.CharField(max_length=200, blank=True)
    source = models.TextField()
    history = HistoricalRecords(m2m_fields=[addressed_states, addressed_organisations])

    class Meta:
        ordering = ["-deadline", "-pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def deadline_date(self) -> date:
        return self.deadline.astimezone(ZoneInfo(self.time_zone)).date()


class ConsultationSection(models.Model):
    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="sections"
    )
    order = models.PositiveSmallIntegerField()
    number = models.CharField(max_length=10, help_text=_("As the document numbers it: II, 7 (a)"))
    title = models.CharField(max_length=300)
    area = models.ForeignKey(
        ThematicArea, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["consultation", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "order"], name="one_consultation_section_per_place"
            )
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"


class Question(TranslatedContent):
    section = models.ForeignKey(
        ConsultationSection, on_delete=models.CASCADE, related_name="questions"
    )
    number = models.PositiveSmallIntegerField(help_text=_("1, 2, ... across the document"))
    paragraph = models.CharField(max_length=10, blank=True)
    text = models.TextField()
    level = models.PositiveSmallIntegerField(default=0, help_text=_("1: a sub-question"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["number"]

    def __str__(self) -> str:
        return f"Q{self.number}. {self.text}"


class Contribution(models.Model):
    """A Delegation's written contribution: one per State or organisation and consultation."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.PROTECT, related_name="contributions"
    )
    state = models.ForeignKey(State, null=True, blank=True, on_delete=models.PROTECT)
    organisation = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.PROTECT)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField()
    updated_at = models.DateTimeField()
    attachment = models.FileField(upload_to="contributions/", blank=True, max_length=300)
    attachment_name = models.CharField(max_length=200, blank=True)
    attachment_sha256 = models.CharField(max_length=64, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["consultation", "submitted_at"]
        constraints = [
            models.CheckConstraint(
                name="contribution_of_a_state_or_an_organisation",
                condition=Q(state__isnull=False, organisation__isnull=True)
                | Q(state__isnull=True, organisation__isnull=False),
            ),
            models.UniqueConstraint(
                fields=["consultation", "state"],
                condition=Q(state__isnull=False),
                name="one_contribution_per_state",
            ),
            models.UniqueConstraint(
                fields=["consultation", "organisation"],
                condition=Q(organisation__isnull=False),
                name="one_contribution_per_organisation",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.contributor}: {self.consultation}"

    @property
    def contributor(self) -> str:
        return str(self.state.name if self.state_id else self.organisation.name)


class Answer(models.Model):
    contribution = models.ForeignKey(Contribution, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    text = models.TextField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["question__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["contribution", "question"], name="one_answer_per_question"
            )
        ]

    def __str__(self) -> str:
        return f"{self.contribution.contributor}, Q{self.question.number}"
