"""Silence procedures, decisions taken in plenary, and deadline-extension requests.

A silence procedure is circulated to the States Parties of its circulation date
(`Addressee` rows, fixed then); any of them may break the silence before the
deadline (`SilenceBreak`, one per State, never edited). At the deadline
`services.conclude_silence_procedure` fixes the outcome and carries out the effect.

An extension request under Article 3 or 4 goes through analysis, a draft decision
(a CRP), a recommendation at a meeting part and the decision; a grant is recorded as
a `treaties.Extension` through `treaties.services.grant_extension`.
"""

from datetime import date
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from plenary.core import l10n
from plenary.meetings.models import AgendaItem, Meeting, MeetingPart, PlanChange
from plenary.rules.deadlines import period
from plenary.treaties.models import Convention, Extension, Obligation, State


class Circulator(models.TextChoices):
    PRESIDENCY = "presidency", _("the Presidency")
    SECRETARIAT = "secretariat", _("the Secretariat")


class Outcome(models.TextChoices):
    OPEN = "open", _("open")
    ADOPTED = "adopted", _("adopted (silence not broken)")
    BROKEN = "broken", _("silence broken")
    WITHDRAWN = "withdrawn", _("withdrawn before the deadline")


class EffectKind(models.TextChoices):
    NONE = "none", _("none: the outcome is the record")
    REPLAN_MEETING = "replan_meeting", _("change a meeting's plan")
    DECISION = "decision", _("record a decision")
    DECIDE_EXTENSIONS = "decide_extensions", _("decide extension requests")
    APPROVE_COST_ESTIMATE = "approve_cost_estimate", _("approve a cost estimate")


class SilenceProcedure(models.Model):
    """A proposal circulated to the States Parties, adopted unless one breaks the silence."""

    convention = models.ForeignKey(Convention, on_delete=models.PROTECT)
    subject = models.CharField(max_length=300)
    text = models.TextField(blank=True, help_text=_("The text of the proposal, if circulated."))
    document_symbol = models.CharField(
        max_length=60,
        blank=True,
        help_text=_("The symbol of the text or draft decision, e.g. CCM/CONF/2020/CRP.1"),
    )
    circulated_by = models.CharField(
        max_length=12, choices=Circulator.choices, blank=True, help_text=_("Blank: not on record.")
    )
    circulated_by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    circulated_on = models.DateField()
    deadline = models.DateTimeField(help_text=_("Aware; by default 23:59:59 Geneva time."))
    # An IANA zone; services default it to the convention's secretariat's seat.
    time_zone = models.CharField(max_length=60)
    meeting = models.ForeignKey(
        Meeting,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="silence_procedures",
        help_text=_("The meeting the proposal concerns, if any."),
    )
    effect_kind = models.CharField(
        max_length=24, choices=EffectKind.choices, default=EffectKind.NONE
    )
    effect = models.JSONField(default=dict, blank=True)
    outcome = models.CharField(max_length=9, choices=Outcome.choices, default=Outcome.OPEN)
    withdrawal_reason = models.TextField(blank=True)
    concluded_at = models.DateTimeField(null=True, blank=True)
    plan_change = models.ForeignKey(
        PlanChange,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="silence_procedures",
        help_text=_("The change of the meeting's plan this procedure decided."),
    )
    source = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-deadline", "-pk"]
        constraints = [
            models.CheckConstraint(
                name="silence_concluded_has_a_time",
                condition=Q(outcome="open", concluded_at__isnull=True)
                | (~Q(outcome="open") & Q(concluded_at__isnull=False)),
            ),
        ]

    def __str__(self) -> str:
        return self.subject

    @property
    def is_open(self) -> bool:
        return self.outcome == Outcome.OPEN

    @property
    def is_broken_pending(self) -> bool:
        """Broken before the deadline, to be concluded (as broken) at the deadline.

        Reads the prefetched breaks."""
        return self.is_open and bool(self.breaks.all())

    @property
    def deadline_date(self) -> date:
        """The last day of the procedure in its own time zone."""
        return self.deadline.astimezone(ZoneInfo(self.time_zone)).date()

    @property
    def period(self) -> str:
        """From circulation to the deadline, in the reader's language ("6-13 février 2020")."""
        return l10n.period(self.circulated_on, self.deadline_date)

    @property
    def period_in_english(self) -> str:
        """The period as the records it decides write it ("silence procedure of 6-13
        February 2020" in a decision's source), whatever the language active."""
        return period(self.circulated_on, self.deadline_date)


class Addressee(models.Model):
    """A State Party on the circulation date, to which the procedure was circulated."""

    procedure = models.ForeignKey(
        SilenceProcedure, on_delete=models.CASCADE, related_name="addressees"
    )
    state = models.ForeignKey(State, on_delete=models.PROTECT, related_name="+")
    # Kept in history like the procedure (issue 24): who was addressed can be audited.
    history = HistoricalRecords()

    class Meta:
        ordering = ["procedure", "state__name"]
        constraints = [
            models.UniqueConstraint(fields=["procedure", "state"], name="one_addressee_per_state")
        ]

    def __str__(self) -> str:
        return str(self.state)


class BreakKind(models.TextChoices):
    OBJECTION = "objection", _("objection")
    AMENDMENT = "amendment", _("proposed amendment")


class SilenceBreak(models.Model):
    """A State Party's objection or proposed amendment: it breaks the silence. Recorded
    once, never edited."""

    procedure = models.ForeignKey(SilenceProcedure, on_delete=models.CASCADE, related_name="breaks")
    state = models.ForeignKey(State, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=9, choices=BreakKind.choices, default=BreakKind.OBJECTION)
    broken_at = models.DateTimeField()
    reason = models.TextField()
    broken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["procedure", "broken_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["procedure", "state"], name="one_break_per_state"),
            models.CheckConstraint(name="break_has_a_reason", condition=~Q(reason="")),
        ]

    def __str__(self) -> str:
        return f"{self.state} at {self.broken_at:%Y-%m-%d %H:%M:%S}"


class DecisionKind(models.TextChoices):
    ADOPTED = "adopted", _("adopted")
    RECOMMENDED = "recommended", _("recommended for adoption at a later part")
    TOOK_NOTE = "took_note", _("took note of")
    APPROVED = "approved", _("approved")
    WELCOMED = "welcomed", _("welcomed")
    GRANTED = "granted", _("decided to grant")


class Decision(models.Model):
    """A decision taken in plenary at a meeting part, or by a silence procedure."""

    part = models.ForeignKey(
        MeetingPart, null=True, blank=True, on_delete=models.PROTECT, related_name="decisions"
    )
    silence_procedure = models.OneToOneField(
        SilenceProcedure,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="decision",
    )
    kind = models.CharField(max_length=12, choices=DecisionKind.choices)
    symbol = models.CharField(
        max_length=60, blank=True, help_text=_("The decision's symbol where one is issued.")
    )
    subject = models.TextField()
    documents = models.JSONField(default=list, blank=True, help_text=_("Document symbols."))
    agenda_items = models.ManyToManyField(AgendaItem, blank=True, related_name="decisions")
    paragraph = models.TextField(blank=True)
    text = models.TextField(
        blank=True,
        help_text=_(
            "The decision as adopted, where it says more than its kind and subject; the"
            " report states it in these words."
        ),
    )
    decided_on = models.DateField(null=True, blank=True)
    source = models.TextField(blank=True)
    history = HistoricalRecords(m2m_fields=[agenda_items])

    class Meta:
        ordering = ["decided_on", "pk"]
        constraints = [
            models.CheckConstraint(
                name="decision_in_plenary_or_by_silence",
                condition=(Q(part__isnull=False) & Q(silence_procedure__isnull=True))
                | (Q(part__isnull=True) & Q(silence_procedure__isnull=False)),
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.subject[:60]}"


class Recommendation(models.TextChoices):
    GRANT = "grant", _("recommended to grant")
    REFUSE = "refuse", _("recommended to refuse")


class RequestDecision(models.TextChoices):
    GRANTED = "granted", _("granted")
    REFUSED = "refused", _("refused")


class ExtensionRequest(models.Model):
    """A State Party's request to extend its Article 3 or Article 4 deadline."""

    obligation = models.ForeignKey(
        Obligation, on_delete=models.PROTECT, related_name="extension_requests"
    )
    meeting = models.ForeignKey(
        Meeting,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="extension_requests",
        help_text=_("The meeting asked to decide it."),
    )
    submitted_on = models.DateField(null=True, blank=True, help_text=_("Blank: not on record."))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    current_deadline = models.DateField(help_text=_("The obligation's deadline when submitted."))
    requested_deadline = models.DateField()
    requested_months = models.PositiveSmallIntegerField(help_text=_("Computed from the dates."))
    work_plan = models.TextField(blank=True)
    documents = models.JSONField(default=list, blank=True, help_text=_("Document symbols."))
    analysis_document = models.CharField(max_length=60, blank=True)
    analysis_observations = models.TextField(blank=True)
    draft_decision_text = models.TextField(
        blank=True, help_text=_("The draft decision as the Presidency submitted it.")
    )
    draft_decision_document = models.CharField(max_length=60, blank=True)
    recommendation = models.CharField(max_length=6, choices=Recommendation.choices, blank=True)
    recommended_at = models.ForeignKey(
        MeetingPart, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recommended_on = models.DateField(null=True, blank=True)
    recommended_deadline = models.DateField(null=True, blank=True)
    # The terms of the recommendation as adopted (issue 23): the observations made in
    # recommending, the fora and wording of the reporting it asks for, what follows the
    # conditions. Keys: observations, further (lists of {"by": "conference" or
    # "analysis_group", "text"}), reporting_at, due_stated, months_stated, pending.
    terms = models.JSONField(default=dict, blank=True)
    agenda_item = models.ForeignKey(
        AgendaItem,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="extension_requests",
        help_text=_("The agenda item under which the report states it."),
    )
    decision = models.CharField(max_length=7, choices=RequestDecision.choices, blank=True)
    decided_at = models.ForeignKey(
        MeetingPart, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_on = models.DateField(null=True, blank=True, help_text=_("Blank: not on record."))
    decided_by_procedure = models.ForeignKey(
        SilenceProcedure,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="decided_requests",
        help_text=_("The silence procedure that decided it, if not decided in plenary."),
    )
    granted_deadline = models.DateField(null=True, blank=True)
    extension = models.OneToOneField(
        Extension,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="request",
        help_text=_("The extension recorded in the treaty registry when granted."),
    )
    source = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["obligation__state__name", "-obligation__kind", "current_deadline"]
        constraints = [
            models.CheckConstraint(
                name="request_extends_the_deadline",
                condition=Q(requested_deadline__gt=F("current_deadline")),
            ),
            models.CheckConstraint(
                name="granted_request_has_its_deadline",
                condition=(Q(decision="granted") & Q(granted_deadline__isnull=False))
                | (~Q(decision="granted") & Q(granted_deadline__isnull=True)),
            ),
            models.CheckConstraint(
                name="recommendation_to_grant_has_its_deadline",
                condition=Q(recommendation="grant", recommended_deadline__isnull=False)
                | ~Q(recommendation="grant"),
            ),
        ]

    def __str__(self) -> str:
        return _("%(obligation)s: request to %(deadline)s") % {
            "obligation": self.obligation,
            "deadline": l10n.day(self.requested_deadline),
        }

    @property
    def state(self) -> State:
        return self.obligation.state

    @property
    def article(self) -> str:
        """The article of the obligation's convention (CCM 3 or 4, APMBC 4 or 5)."""
        return self.obligation.article

    @property
    def kind(self) -> str:
        """The obligation's neutral code: stockpile_destruction or clearance."""
        return self.obligation.kind


class ReportingCondition(models.Model):
    """An item (a), (b), ... the decision asks the State to report on under Article 7."""

    request = models.ForeignKey(
        ExtensionRequest, on_delete=models.CASCADE, related_name="conditions"
    )
    letter = models.CharField(max_length=1)
    text = models.TextField()
    due_on = models.DateField(
        null=True,
        blank=True,
        help_text=_("The first day by which the State reports on it; blank: no date set."),
    )
    annually = models.BooleanField(
        default=False,
        help_text=_("Due again each year on the same day, until the deadline granted."),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["request", "letter"]
        constraints = [
            models.UniqueConstraint(fields=["request", "letter"], name="condition_letter_unique"),
            models.CheckConstraint(
                name="condition_letter_is_lowercase", condition=Q(letter__regex=r"^[a-z]$")
            ),
        ]

    def __str__(self) -> str:
        return f"({self.letter}) {self.text}"
