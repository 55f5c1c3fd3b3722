"""Texts the Secretariat adds by hand to the report of a meeting part.

Most of a procedural report is drafted from the records; a few sentences (a video
message, a statement of thanks, the Conference's observations on a request) are not
facts any other app holds. Each is a `ReportText` of the part, placed in its section
after the drafted paragraph it names (`after`, a paragraph key such as
`extension-BGR-3`), or at the end of the section when that paragraph is not drafted:
the generator never drops one.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from plenary.meetings.models import MeetingPart


class Section(models.TextChoices):
    INTRODUCTION = "introduction", _("I. Introduction")
    ORGANIZATION = "organization", _("II. Organization")
    WORK = "work", _("III. Work")
    DECISIONS = "decisions", _("IV. Decisions and recommendations")


class ReportKind(models.TextChoices):
    INTERIM = "interim", _("interim report")
    FINAL = "final", _("final report")


class Placement(models.TextChoices):
    PARAGRAPH = "paragraph", _("a paragraph of its own after the one named")
    START = "start", _("opens the paragraph named")
    END = "end", _("ends the paragraph named (before its full stop)")


class ReportText(models.Model):
    """A paragraph (or the end of one) written by hand for a part's report."""

    part = models.ForeignKey(MeetingPart, on_delete=models.CASCADE, related_name="report_texts")
    report_kind = models.CharField(
        max_length=8, choices=ReportKind.choices, blank=True, help_text=_("Blank: every report.")
    )
    section = models.CharField(max_length=12, choices=Section.choices)
    after = models.CharField(
        max_length=80,
        blank=True,
        help_text=_("Key of the drafted paragraph it follows; blank: the end of the section."),
    )
    position = models.PositiveSmallIntegerField(
        default=1, help_text=_("Order among the texts placed at the same point.")
    )
    placement = models.CharField(
        max_length=10,
        choices=Placement.choices,
        default=Placement.PARAGRAPH,
        help_text=_("A paragraph of its own, or words opening or ending the paragraph named."),
    )
    on = models.DateField(null=True, blank=True, help_text=_("The day the text speaks of."))
    body = models.TextField()
    source = models.TextField(blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["part", "section", "after", "position", "pk"]
        constraints = [
            models.CheckConstraint(name="report_text_has_a_body", condition=~Q(body="")),
            models.UniqueConstraint(
                fields=["part", "report_kind", "section", "after", "position"],
                name="report_text_place_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.part}, {self.section}: {self.body[:60]}"
