"""Reminders of deadlines: who wants which, what was sent, and private deadline feeds.

Deadlines themselves are not stored: every capability computes them from its records
(`<app>/deadlines.py`). What is stored is one `Reminder` row per (deadline key, user,
notice, offset), unique, so that a reminder is created once and claimed by one worker.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class ReminderKind(models.TextChoices):
    """The kinds of deadline a user may choose to be reminded of."""

    ARTICLE7_INITIAL = "article7_initial", _("Initial transparency reports")
    ARTICLE7_ANNUAL = "article7_annual", _("Annual transparency reports")
    ARTICLE3 = "article3", _("Stockpile destruction deadlines")
    ARTICLE4 = "article4", _("Clearance deadlines")
    REGISTRATION = "registration", _("Registration of delegations")
    SILENCE_PROCEDURE = "silence_procedure", _("Silence procedures")
    PAYMENT = "payment", _("Payments of cost shares")
    CONSULTATION = "consultation", _("Written consultations")
    REPORTING_CONDITION = "reporting_condition", _("Reporting conditions of extensions granted")


class ReminderPreference(models.Model):
    """A user's choices of which reminders they receive. The language of the e-mails is the
    user's own (`User.language`), the one every notice of plenary is written in."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_preference"
    )
    subscribed = models.BooleanField(
        default=True, help_text=_("Off after the unsubscribe link: no reminder e-mail at all.")
    )
    missed_notices = models.BooleanField(
        default=True, help_text=_("Also a notice when a deadline has passed unmet.")
    )
    muted_kinds = models.JSONField(
        default=list, blank=True, help_text=_("Kinds of deadline the user is not reminded of.")
    )
    history = HistoricalRecords()

    def __str__(self) -> str:
        return str(_("Reminder preferences of %(user)s") % {"user": self.user})

    def wants(self, *, kind: str, notice: str) -> bool:
        if not self.subscribed or kind in self.muted_kinds:
            return False
        return notice != Notice.MISSED or self.missed_notices


class Notice(models.TextChoices):
    BEFORE = "before", _("reminder before the deadline")
    MISSED = "missed", _("notice of a missed deadline")


class Status(models.TextChoices):
    PENDING = "pending", _("pending")
    CLAIMED = "claimed", _("being sent")
    SENT = "sent", _("sent")
    FAILED = "failed", _("failed")


class Reminder(models.Model):
    """One e-mail about one deadline to one user. Unique, claimed by one worker at a time,
    marked sent only once the mail server accepted it."""

    deadline_key = models.CharField(max_length=200)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminders"
    )
    notice = models.CharField(max_length=6, choices=Notice.choices)
    offset_days = models.PositiveSmallIntegerField(
        help_text=_("Days before the deadline's day; 0 for a notice that it was missed.")
    )
    kind = models.CharField(max_length=40)
    subject = models.CharField(max_length=400)
    deadline_day = models.DateField()
    deadline_ends_at = models.DateTimeField()
    time_zone = models.CharField(max_length=60)
    link = models.CharField(max_length=300, blank=True)
    note = models.CharField(max_length=300, blank=True)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    claimed_by = models.CharField(max_length=64, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["deadline_ends_at", "deadline_key", "user_id", "-offset_days"]
        constraints = [
            models.UniqueConstraint(
                fields=["deadline_key", "user", "notice", "offset_days"], name="one_reminder_each"
            ),
            models.CheckConstraint(
                name="reminder_sent_has_a_time",
                condition=Q(status="sent", sent_at__isnull=False)
                | (~Q(status="sent") & Q(sent_at__isnull=True)),
            ),
        ]
        indexes = [models.Index(fields=["status", "claimed_at"], name="reminder_status_claim")]

    def __str__(self) -> str:
        return f"{self.subject} -> {self.user} ({self.get_notice_display()}, {self.offset_days})"


class FeedToken(models.Model):
    """A private iCalendar feed of one State's deadlines. Only the token's SHA-256 digest is
    stored; a revoked or unknown token answers 404."""

    state = models.ForeignKey("treaties.State", on_delete=models.CASCADE, related_name="+")
    digest = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["state__name", "-created_at"]

    def __str__(self) -> str:
        return f"{self.state}: feed {self.prefix}…"
