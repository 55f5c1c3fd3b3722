"""Accounts, roles, API tokens and the record of failed logins."""

import hashlib

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Role(models.TextChoices):
    SECRETARIAT = "secretariat", _("Secretariat")
    PRESIDENCY = "presidency", _("Presidency")
    ISU = "isu", _("Implementation Support Unit")
    COORDINATOR = "coordinator", _("Coordinator")
    DELEGATION = "delegation", _("Delegation")
    OBSERVER = "observer", _("Observer")


class User(AbstractUser):
    """A person who signs in. A Delegation user speaks for one State or one organisation."""

    role = models.CharField(max_length=20, choices=Role.choices, default=Role.OBSERVER)
    state = models.ForeignKey(
        "treaties.State",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
        help_text=_("The State a Delegation user acts for."),
    )
    organisation = models.ForeignKey(
        "treaties.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
        help_text=_("The organisation a Delegation user acts for."),
    )
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    class Meta:
        constraints = [
            models.CheckConstraint(
                name="delegation_bound_to_one_state_or_organisation",
                condition=(
                    Q(role="delegation", state__isnull=False, organisation__isnull=True)
                    | Q(role="delegation", state__isnull=True, organisation__isnull=False)
                    | (~Q(role="delegation") & Q(state__isnull=True, organisation__isnull=True))
                ),
                violation_error_message=_(
                    "A Delegation user acts for exactly one State or one organisation; "
                    "other roles act for neither."
                ),
            )
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def acts_for(self) -> str:
        return str(self.state or self.organisation or "")


class ApiToken(models.Model):
    """A bearer token a program uses for the API. Only its SHA-256 digest is stored."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    digest = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8, help_text=_("First characters, to recognise it."))
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @staticmethod
    def digest_of(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()


class FailedLogin(models.Model):
    """One failed sign-in, kept to throttle guessing across every app process."""

    username = models.CharField(max_length=150, db_index=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True, db_index=True)
    at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.username} from {self.ip_address} at {self.at:%Y-%m-%d %H:%M}"


class PageGeneration(models.Model):
    """A number every committed change to the records moves on; cached pages are keyed by it.

    One row. Anonymous pages are cached per generation (core/page_cache.py), so a change
    made by any process on any machine retires every cached page at once.
    """

    value = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return str(self.value)


class JobRun(models.Model):
    """The last run of one scheduled job (core/scheduler.py): one row per job, updated.

    `/healthz` reads it to tell whether the scheduler is alive and its jobs succeed.
    """

    job = models.CharField(max_length=100, unique=True)
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    succeeded = models.BooleanField(default=False)
    summary = models.TextField(blank=True, help_text=_("What the run did, or its error."))
    last_success_at = models.DateTimeField(null=True, blank=True)
    failures_in_a_row = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        outcome = "succeeded" if self.succeeded else "failed"
        return f"{self.job} {outcome} at {self.started_at:%Y-%m-%d %H:%M:%S}"
