"""States, their participation in a convention, obligations and Article 7 reports.

Dates a rule computes (entry into force, original and current deadlines) are
stored beside the facts they come from so that "who was a State Party on D"
and "what is due on D" are one query each; `services` keeps them in step.
"""

from functools import cached_property

from django.db import models
from django.db.models import F, JSONField, Q, Value
from django.utils.functional import lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from plenary.core import convention_texts, l10n
from plenary.rules.conventions import RuleSet, get_ruleset


class Convention(models.Model):
    """A convention whose machinery plenary runs; its rules are `plenary.rules` data."""

    short_name = models.CharField(max_length=20, unique=True)
    history = HistoricalRecords()

    def __str__(self) -> str:
        return self.short_name

    @cached_property
    def rules(self) -> RuleSet:
        return get_ruleset(self.short_name)

    @property
    def slug(self) -> str:
        """Its part of an address: /ccm/, /apmbc/."""
        return self.short_name.lower()

    @property
    def name(self) -> str:
        """The official name in English (`local_name`: in the reader's language)."""
        return self.rules.name

    def text_in(self, field: str, language: str | None = None):
        """A text of its file in `language` (the reader's by default), else in English
        marked as standing in (core/convention_texts.py): `{{ convention|in_reader_language:
        "name" }}` reads it as it reads a meeting's title."""
        return convention_texts.text_of(self.rules, field, language)

    @property
    def local_name(self) -> str:
        """The official name in the active language, else in English."""
        return self.text_in("name").text

    @property
    def symbol_root(self) -> str:
        return self.rules.symbol_root

    @property
    def time_zone(self) -> str:
        """The seat of its secretariat's zone: the zone of its deadlines."""
        return self.rules.time_zone

    @property
    def entry_into_force(self):
        return self.rules.entry_into_force


class UNMembership(models.TextChoices):
    MEMBER = "member", _("Member State of the United Nations")
    OBSERVER = "observer", _("Non-member observer State")
    NONE = "none", _("Not a member of the United Nations")


def language_key(language: str | None) -> str:
    """The key a name in `language` is kept under: Django's code without a region
    ("fr-ch" reads "fr"), except "zh-hans", which is the script."""
    code = (language or "en").lower()
    return code if code.startswith("zh") else code.split("-")[0]


class State(models.Model):
    """A State, named by the UN's official short name in English (`name`) and in the other
    UN languages the source gives (`names`, by language code: `{"fr": "Allemagne"}`),
    kept on the row so that every list already holding its States names them with no
    further query. Lists write those names; running text writes UNTERM's, with their
    article (`unterm_names`)."""

    iso3 = models.CharField("ISO 3166 alpha-3", max_length=3, unique=True)
    name = models.CharField(max_length=100, unique=True)
    # Database defaults too, so that rows written by older migrations' models (which know
    # neither column) are valid: tests/core/test_role_migration.py writes a State so.
    names = models.JSONField(default=dict, blank=True, db_default=Value({}, JSONField()))
    names_source = models.TextField(blank=True, db_default="")
    # UNTERM's short name with its article and its formal name, by language, for running
    # text (`{"fr": {"short": "Pérou (le)", "formal": "la République du Pérou"}}`):
    # `rules.names.in_text_of` puts the name in a sentence.
    unterm_names = models.JSONField(default=dict, blank=True, db_default=Value({}, JSONField()))
    unterm_source = models.TextField(blank=True, db_default="")
    un_membership = models.CharField(max_length=10, choices=UNMembership.choices)
    source = models.TextField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                name="state_iso3_is_three_capitals", condition=Q(iso3__regex=r"^[A-Z]{3}$")
            )
        ]

    def __str__(self) -> str:
        return self.local_name

    def name_in(self, language: str | None) -> str:
        """The name in `language`, or the English name when the source gives none."""
        return self.names.get(language_key(language)) or self.name

    @property
    def local_name(self) -> str:
        """The name in the active language (the reader's, or a notice's recipient's)."""
        return self.name_in(get_language())


def _name_now(state: State) -> str:
    return state.local_name


# A State's name resolved when rendered: a notice's context is made in the request's
# language and rendered in its recipient's (core/notices.py), like the convention's name.
name_when_read = lazy(_name_now, str)


class FormerStateName(models.Model):
    """A short name the UN used for a State before, as older documents write it, in one
    of the UN languages (English unless `language` says otherwise)."""

    state = models.ForeignKey(State, on_delete=models.CASCADE, related_name="former_names")
    language = models.CharField(max_length=7, default="en")
    name = models.CharField(max_length=100)
    used_until = models.DateField(
        null=True, blank=True, help_text=_("The date the UN began using the new name, if sourced.")
    )
    seen_in_use_on = models.DateField(
        null=True,
        blank=True,
        help_text=_("The latest date a source shows the name in use, when the change is undated."),
    )
    source = models.TextField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["language", "name"], name="one_former_name_per_language"
            )
        ]

    def __str__(self) -> str:
        return self.name


class ObserverRule(models.TextChoices):
    """The rule of procedure (CCM/MSP/2010/3) under which an organisation attends."""

    RULE_1_2 = "1(2)", _("rule 1 (2)")
    RULE_1_3 = "1(3)", _("rule 1 (3)")


class Organisation(models.Model):
    """An international organisation, institution or NGO that attends meetings."""

    name = models.CharField(max_length=200, unique=True)
    abbreviation = models.CharField(max_length=20, blank=True)
    observer_rule = models.CharField(
        max_length=4,
        choices=ObserverRule.choices,
        blank=True,
        help_text=_("Rule 1 (2): named in the Convention; rule 1 (3): invited by decision."),
    )
    source = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.abbreviation})" if self.abbreviation else self.name


class Instrument(models.TextChoices):
    RATIFICATION = "ratification", _("ratification")
    ACCESSION = "accession", _("accession")
    ACCEPTANCE = "acceptance", _("acceptance")
    APPROVAL = "approval", _("approval")
    SUCCESSION = "succession", _("succession")


class Participation(models.Model):
    """A State's record with the depositary: signature, deposit, withdrawal, each sourced."""

    convention = models.ForeignKey(Convention, on_delete=models.PROTECT)
    state = models.ForeignKey(State, on_delete=models.PROTECT, related_name="participations")
    signed_on = models.DateField(null=True, blank=True)
    signature_source = models.TextField(blank=True)
    deposited_on = models.DateField(null=True, blank=True)
    instrument = models.CharField(max_length=12, choices=Instrument.choices, blank=True)
    deposit_source = models.TextField(blank=True)
    entry_into_force = models.DateField(
        null=True, blank=True, help_text=_("Computed by the convention's entry-into-force rule.")
    )
    withdrawal_effective_on = models.DateField(null=True, blank=True)
    withdrawal_source = models.TextField(blank=True)
    provisional_application_from = models.DateField(
        null=True,
        blank=True,
        help_text=_(
            "The day the State declared, with its instrument, its provisional application."
        ),
    )
    provisional_application_source = models.TextField(blank=True)
    entry_into_force_notified_on = models.DateField(
        null=True,
        blank=True,
        help_text=_("The day the State's Delegation was told the Convention entered into force."),
    )
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["convention", "state"], name="one_participation"),
            models.CheckConstraint(
                name="deposit_has_instrument",
                condition=Q(deposited_on__isnull=True, instrument="")
                | (Q(deposited_on__isnull=False) & ~Q(instrument="")),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.state} / {self.convention}"


class ObligationKind(models.TextChoices):
    """The neutral codes of the obligations held as rows (the convention file's `kind`).

    The article number is the convention's: `convention.rules.obligation(kind).article`.
    Reports (`initial_report`, `annual_report`) are TransparencyReport rows instead.
    """

    STOCKPILE_DESTRUCTION = "stockpile_destruction", _("destruction of stockpiles")
    CLEARANCE = "clearance", _("clearance")


class Obligation(models.Model):
    """A State Party's stockpile destruction or clearance obligation and its deadline."""

    convention = models.ForeignKey(Convention, on_delete=models.PROTECT)
    state = models.ForeignKey(State, on_delete=models.PROTECT, related_name="obligations")
    kind = models.CharField(max_length=30, choices=ObligationKind.choices)
    end_of_active_hostilities = models.DateField(null=True, blank=True)
    original_deadline = models.DateField(help_text=_("Computed from entry into force."))
    current_deadline = models.DateField(help_text=_("The latest extension, else the original."))
    completed_on = models.DateField(null=True, blank=True)
    completed_by = models.DateField(
        null=True,
        blank=True,
        help_text=_("Where no source gives the day: the date by which completion is on record."),
    )
    completion_note = models.TextField(blank=True)
    source = models.TextField()
    history = HistoricalRecords()

    class Meta:
        # Stockpile destruction before clearance, as both conventions number them.
        ordering = ["state__name", "-kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["convention", "state", "kind"], name="one_obligation_per_kind"
            ),
            models.CheckConstraint(
                name="current_deadline_not_before_original",
                condition=Q(current_deadline__gte=F("original_deadline")),
            ),
        ]

    def __str__(self) -> str:
        return _("%(state)s: Article %(article)s") % {"state": self.state, "article": self.article}

    @property
    def rule(self):
        """This obligation's rule in its convention's file."""
        return self.convention.rules.obligation(self.kind)

    @property
    def article(self) -> str:
        """The article of its convention that sets this obligation (CCM 3, APMBC 4, ...)."""
        return self.rule.article

    @property
    def completion_date(self):
        """The date from which the obligation counts as completed, if it is."""
        return self.completed_on or self.completed_by


class Extension(models.Model):
    """An extension of an obligation's deadline granted by the States Parties."""

    obligation = models.ForeignKey(Obligation, on_delete=models.PROTECT, related_name="extensions")
    decided_on = models.DateField(
        null=True,
        blank=True,
        help_text=_("Empty where no source gives the day; it then counts from the old deadline."),
    )
    meeting = models.CharField(max_length=200)
    decision_document = models.CharField(max_length=60, blank=True)
    previous_deadline = models.DateField()
    new_deadline = models.DateField()
    months = models.PositiveSmallIntegerField()
    conditions = models.TextField(blank=True)
    source = models.TextField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["obligation", "new_deadline"]
        constraints = [
            models.CheckConstraint(
                name="extension_moves_deadline_later",
                condition=Q(new_deadline__gt=F("previous_deadline")),
            )
        ]

    def __str__(self) -> str:
        return _("%(obligation)s: to %(deadline)s") % {
            "obligation": self.obligation,
            "deadline": l10n.day(self.new_deadline),
        }


class ReportKind(models.TextChoices):
    INITIAL = "initial", _("initial")
    ANNUAL = "annual", _("annual")


class TransparencyReport(models.Model):
    """An Article 7 report received from a State Party."""

    convention = models.ForeignKey(Convention, on_delete=models.PROTECT)
    state = models.ForeignKey(State, on_delete=models.PROTECT, related_name="transparency_reports")
    kind = models.CharField(max_length=7, choices=ReportKind.choices)
    year_covered = models.PositiveSmallIntegerField(null=True, blank=True)
    received_on = models.DateField()
    # The source says only that the report had been received by `received_on` (e.g. the
    # State is absent from a list of the reports overdue on that day): the day is unknown.
    received_by_only = models.BooleanField(default=False)
    document = models.CharField(max_length=200, blank=True)
    source = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["state__name", "received_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["convention", "state"],
                condition=Q(kind="initial"),
                name="one_initial_report",
            ),
            models.UniqueConstraint(
                fields=["convention", "state", "year_covered"],
                condition=Q(kind="annual"),
                name="one_annual_report_per_year",
            ),
            models.CheckConstraint(
                name="annual_report_names_its_year",
                condition=Q(kind="initial", year_covered__isnull=True)
                | Q(kind="annual", year_covered__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        if self.kind == ReportKind.INITIAL:
            return _("%(state)s: initial report") % {"state": self.state}
        return _("%(state)s: annual report for %(year)s") % {
            "state": self.state,
            "year": self.year_covered,
        }
