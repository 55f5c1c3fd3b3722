"""A State's transparency report as drafted, approved, submitted and revised in plenary.

A `Report` is one report of a State (its initial report, or its annual report covering a
year) with the visibility the State chose. Its `ReportVersion`s are numbered: a draft is
private to the State; a submitted version is locked; the current version is the latest
submitted one. Each version holds one `FormEntry` per form of the convention's reporting
template (`convention.rules.reporting.forms`). The receipt that every count reads stays the
treaty registry's `TransparencyReport`, set by plenary at the first submission (or by the
Secretariat for a report received by e-mail or on paper), never by a Delegation.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from plenary.treaties.models import Convention, ReportKind, State, TransparencyReport


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public")
    STATES_PARTIES = "states_parties", _("States Parties only")


class Channel(models.TextChoices):
    ONLINE = "online", _("Submitted online")
    EMAIL = "email", _("Received by e-mail")
    PAPER = "paper", _("Received on paper")


class VersionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")


class FormStatus(models.TextChoices):
    CHANGED = "changed", _("Changed")
    UNCHANGED = "unchanged", _("Unchanged since the report of a year")
    NOT_APPLICABLE = "not_applicable", _("Not applicable")


class Report(models.Model):
    convention = models.ForeignKey(Convention, on_delete=models.PROTECT)
    state = models.ForeignKey(State, on_delete=models.PROTECT, related_name="reports")
    kind = models.CharField(max_length=7, choices=ReportKind.choices)
    year_covered = models.PositiveSmallIntegerField(null=True, blank=True)
    visibility = models.CharField(
        max_length=14, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    receipt = models.OneToOneField(
        TransparencyReport,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="online_report",
        help_text=_("The receipt counted by the registry, set by plenary."),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["state__name", "kind", "year_covered"]
        constraints = [
            models.UniqueConstraint(
                fields=["convention", "state"],
                condition=Q(kind="initial"),
                name="one_initial_report_drafted",
            ),
            models.UniqueConstraint(
                fields=["convention", "state", "year_covered"],
                condition=Q(kind="annual"),
                name="one_annual_report_drafted_per_year",
            ),
            models.CheckConstraint(
                name="drafted_annual_report_names_its_year",
                condition=Q(kind="initial", year_covered__isnull=True)
                | Q(kind="annual", year_covered__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        if self.kind == ReportKind.INITIAL:
            return _("%(state)s: initial report") % {"state": self.state}
        return _("%(state)s: annual report covering %(year)s") % {
            "state": self.state,
            "year": self.year_covered,
        }

    @property
    def year(self) -> int | None:
        """The year a later form may say it is unchanged since."""
        if self.year_covered:
            return self.year_covered
        return self.receipt.received_on.year if self.receipt_id else None


class ReportVersion(models.Model):
    report = models.ForeignKey(Report, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveSmallIntegerField()
    status = models.CharField(
        max_length=9, choices=VersionStatus.choices, default=VersionStatus.DRAFT
    )
    channel = models.CharField(max_length=6, choices=Channel.choices, default=Channel.ONLINE)
    file = models.FileField(upload_to="reports/%Y/", blank=True)
    submitted_on = models.DateField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    processed_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["report", "number"]
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="one_version_per_number"),
            models.CheckConstraint(
                name="submitted_version_has_its_date",
                condition=Q(status="draft", submitted_on__isnull=True)
                | Q(status="submitted", submitted_on__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return _("%(report)s, version %(number)s") % {"report": self.report, "number": self.number}

    @property
    def is_draft(self) -> bool:
        return self.status == VersionStatus.DRAFT


class FormEntry(models.Model):
    version = models.ForeignKey(ReportVersion, on_delete=models.CASCADE, related_name="entries")
    form = models.CharField(max_length=10, help_text=_("The form's code in the template."))
    status = models.CharField(max_length=14, choices=FormStatus.choices, default=FormStatus.CHANGED)
    unchanged_since = models.PositiveSmallIntegerField(null=True, blank=True)
    content = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["version", "form"]
        constraints = [
            models.UniqueConstraint(fields=["version", "form"], name="one_entry_per_form"),
            models.CheckConstraint(
                name="unchanged_form_names_its_year",
                condition=Q(status="unchanged", unchanged_since__isnull=False)
                | (~Q(status="unchanged") & Q(unchanged_since__isnull=True)),
            ),
        ]

    def __str__(self) -> str:
        return _("%(version)s: form %(form)s") % {"version": self.version, "form": self.form}
