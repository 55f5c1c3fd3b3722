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

from plenary.meetings.models import Meeting, MeetingPart


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


class Statement(models.TextChoices):
    """Paragraphs computed from the records that the Secretariat places in a report, as it
    places a hand-added text: a `ReportText` naming one drafts it instead of its body."""

    STATUS = "status", _("the status of the Convention on the report's date")
    TRANSPARENCY = "transparency", _("the transparency statistics of the meeting's year")
    FINANCIAL_STATUS = (
        "financial_status",
        _("the financial status of the meeting on the report's date"),
    )
    STOCKPILE_DESTRUCTION = (
        "stockpile_destruction",
        _("the destruction of stockpiles on the report's date"),
    )
    OBLIGATIONS = (
        "obligations",
        _("the obligations of destruction and clearance met or pending on the report's date"),
    )
    COST_ESTIMATE = "cost_estimate", _("the cost estimate of the next meeting")


class ReportText(models.Model):
    """A paragraph (or the end of one) written by hand for a part's report, or the place of
    a statement computed from the records (`statement`, its body then empty)."""

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
    body = models.TextField(blank=True)
    statement = models.CharField(
        max_length=24,
        choices=Statement.choices,
        blank=True,
        help_text=_("A statement drafted from the records in place of a body."),
    )
    source = models.TextField(blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["part", "section", "after", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                name="report_text_has_a_body", condition=~Q(body="") | ~Q(statement="")
            ),
            models.UniqueConstraint(
                fields=["part", "report_kind", "section", "after", "position"],
                name="report_text_place_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.part}, {self.section}: {self.body[:60]}"


# Letters of the Presidency and notes verbales of the Secretariat. A letter or a note is
# drafted from the records (`content.letter_body`, `content.note_body`), edited by its
# author, then recorded once it is sent: a `Dispatch`, with its date, addressees, body and
# annexes, listed on the meeting's page.


class DispatchForm(models.TextChoices):
    LETTER = "letter", _("letter of the Presidency")
    NOTE_VERBALE = "note_verbale", _("note verbale of the Secretariat")


class LetterKind(models.TextChoices):
    CONVENING = "convening", _("convening information")
    POSTPONEMENT = "postponement", _("proposal to postpone")
    SILENCE_RESULT = "silence_result", _("result of a silence procedure")
    NEXT_STEPS = "next_steps", _("next steps, with the programme")
    CONSULTATION = "consultation", _("invitation to a written consultation")
    FREE = "free", _("free")


class NoteKind(models.TextChoices):
    CONVENING = "convening", _("convening the meeting")
    REGISTRATION = "registration", _("reminder of registration")
    TRANSPARENCY = "transparency", _("reminder of the annual transparency report")


class Closing(models.TextChoices):
    SINCERELY = "sincerely", _("Yours sincerely")
    HIGHEST_CONSIDERATION = (
        "highest_consideration",
        _(
            "Please accept, Excellencies, dear colleagues, the assurances of my highest"
            " consideration"
        ),
    )


class Letterhead(models.Model):
    """The Presidency's settings for its letters about a meeting: the letterhead (its
    lines), the reference, the place written before the date and the signature."""

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="letterhead")
    lines = models.TextField(blank=True, help_text=_("The letterhead, one line a line."))
    reference = models.CharField(max_length=120, blank=True)
    reference_label = models.CharField(
        max_length=40, blank=True, help_text=_("As the letterhead writes it; blank: Reference:")
    )
    place = models.CharField(max_length=100, blank=True)
    signature = models.TextField(blank=True, help_text=_("Under the closing, one line a line."))
    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"{self.meeting}: {self.reference}"


class Dispatch(models.Model):
    """A letter or a note verbale as it was sent."""

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="dispatches")
    form = models.CharField(max_length=12, choices=DispatchForm.choices)
    kind = models.CharField(max_length=16)
    reference = models.CharField(max_length=120, blank=True)
    sent_on = models.DateField()
    addressees = models.TextField(help_text=_("One addressee a line, as the letter names them."))
    body = models.TextField()
    closing = models.CharField(max_length=24, choices=Closing.choices, blank=True)
    annexes = models.JSONField(default=list, blank=True, help_text=_("Document symbols."))
    silence_procedure = models.ForeignKey(
        "decisions.SilenceProcedure",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    consultation = models.ForeignKey(
        "action_plan.Consultation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "sent_on", "pk"]
        constraints = [
            models.CheckConstraint(name="dispatch_has_a_body", condition=~Q(body="")),
        ]

    def __str__(self) -> str:
        return f"{self.get_form_display()} {self.reference or self.kind} of {self.sent_on}"

    @property
    def kind_label(self) -> str:
        """The kind in the reader's language: a letter's kinds are not a note's."""
        kinds = LetterKind if self.form == DispatchForm.LETTER else NoteKind
        return kinds(self.kind).label if self.kind in kinds.values else self.kind


# The report as a document of the meeting (issue 23): its symbol in the L. (or CRP.)
# series, issued by the documents app, its revisions (L.1/Rev.1) and its adoption.


class ReportDocument(models.Model):
    """The drafted report of a part as a document of the meeting: the document first
    issued (`original`, e.g. CCM/CONF/2020/L.1), the current one (`document`, its latest
    revision) and, once adopted, when, whether "as orally amended" and by which decision."""

    part = models.ForeignKey(MeetingPart, on_delete=models.PROTECT, related_name="reports")
    report_kind = models.CharField(max_length=8, choices=ReportKind.choices)
    # A report is its documents: it goes when they go.
    original = models.ForeignKey("documents.Document", on_delete=models.CASCADE, related_name="+")
    document = models.ForeignKey(
        "documents.Document",
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The current text: the original or its latest revision."),
    )
    adopted_on = models.DateField(null=True, blank=True)
    as_orally_amended = models.BooleanField(default=False)
    decision = models.ForeignKey(
        "decisions.Decision",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The decision in plenary that adopted it, when recorded."),
    )
    adoption_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["part", "report_kind"]
        constraints = [
            models.UniqueConstraint(fields=["part", "report_kind"], name="one_report_per_kind"),
            models.CheckConstraint(
                name="report_amended_only_if_adopted",
                condition=Q(adopted_on__isnull=False) | Q(as_orally_amended=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document.symbol} ({self.get_report_kind_display()})"

    @property
    def adopted(self) -> bool:
        return self.adopted_on is not None
