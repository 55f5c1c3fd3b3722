"""Accounts, the roles they hold per convention, API tokens and the record of failed logins."""

import hashlib
from datetime import date

import rules
from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

# The account named on changes no person made: the scheduler's (core/actors.py).
SYSTEM_USERNAME = "plenary-system"
# What it may do: what a treaty's rules do on their own once a deadline passes: conclude a
# silence procedure and carry out what the adopted proposal decides (a meeting's new plan).
SYSTEM_PERMISSIONS = frozenset(
    {
        "decisions.conclude_silence_procedure",
        "meetings.manage_meeting",
        # The day the Convention enters into force for a State, its Delegation is told.
        "treaties.notify_entry_into_force",
        # What an adopted silence procedure's effect does, carried out at its conclusion.
        "decisions.decide_extension_request",
        "finance.approve_cost_estimate",
    }
)


class Role(models.TextChoices):
    SECRETARIAT = "secretariat", _("Secretariat")
    PRESIDENCY = "presidency", _("Presidency")
    ISU = "isu", _("Implementation Support Unit")
    COORDINATOR = "coordinator", _("Coordinator")
    DELEGATION = "delegation", _("Delegation")
    OBSERVER = "observer", _("Observer")


class DelegationFunction(models.TextChoices):
    """What a Delegation user does for their State under a convention."""

    FOCAL_POINT = "focal_point", _("Focal point")
    DRAFTER = "drafter", _("Drafter")
    APPROVER = "approver", _("Approver")
    DELEGATE = "delegate", _("Delegate")


# The functions a Delegation's focal point may grant to its own State's users.
FOCAL_POINT_GRANTS = (
    DelegationFunction.DRAFTER,
    DelegationFunction.APPROVER,
    DelegationFunction.DELEGATE,
)


class User(AbstractUser):
    """A person who signs in. What they may do comes from their `RoleGrant`s, per convention."""

    language = models.CharField(
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language of the notices sent to this user."),
    )
    # Moved on with every change to the user's grants, or to the convention, State or
    # organisation one names (core/permissions.py's grant_changed): the grants read once
    # are kept in the cache under it, so that a request reads them with the user's row.
    grants_version = models.PositiveIntegerField(default=0, editable=False)
    history = HistoricalRecords(excluded_fields=["password", "last_login", "grants_version"])

    class Meta(AbstractUser.Meta):
        # Its own permission, not the superuser flag (core/admin_site.py).
        permissions = [("use_back_office", "Can use the back office")]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def is_system_actor(self) -> bool:
        """The system's own account (core/actors.py), which no one can sign in as."""
        return self.username == SYSTEM_USERNAME and not self.has_usable_password()

    def has_perm(self, perm, obj=None) -> bool:
        # A product permission comes from role grants alone (core/permissions.py): the
        # superuser flag opens the back office and grants no role under any convention.
        # The system actor holds only what the rules do on their own (SYSTEM_PERMISSIONS).
        if rules.perm_exists(perm):
            if self.is_system_actor:
                return self.is_active and perm in SYSTEM_PERMISSIONS
            return self.is_active and rules.has_perm(perm, self, obj)
        return super().has_perm(perm, obj)


class RoleGrantQuerySet(models.QuerySet):
    def current(self, on: date | None = None):
        """Grants in force on `on` (today by default): started, and not yet ended."""
        on = on or timezone.localdate()
        return self.filter(starts_on__lte=on).filter(Q(ends_on__isnull=True) | Q(ends_on__gt=on))


class RoleGrant(models.Model):
    """A role a user holds under one convention, for a period.

    A Delegation acts for exactly one State or one organisation and has a function in its
    delegation; other roles act for neither. Ending a grant sets `ends_on`: the row, and its
    history, stay.
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="grants")
    convention = models.ForeignKey(
        "treaties.Convention", on_delete=models.PROTECT, related_name="grants"
    )
    role = models.CharField(max_length=20, choices=Role.choices)
    state = models.ForeignKey(
        "treaties.State",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="grants",
        help_text=_("The State a Delegation acts for."),
    )
    organisation = models.ForeignKey(
        "treaties.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="grants",
        help_text=_("The organisation a Delegation acts for."),
    )
    function = models.CharField(
        max_length=20,
        choices=DelegationFunction.choices,
        blank=True,
        help_text=_("A Delegation's function within its delegation."),
    )
    starts_on = models.DateField()
    ends_on = models.DateField(
        null=True, blank=True, help_text=_("The first day the role no longer holds; empty: open.")
    )
    granted_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    ended_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField(blank=True, help_text=_("Why the role was granted."))
    end_reason = models.TextField(blank=True, help_text=_("Why the role was ended."))
    history = HistoricalRecords()

    objects = RoleGrantQuerySet.as_manager()

    class Meta:
        ordering = ["convention", "role", "starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                name="grant_delegation_acts_for_one_party",
                condition=(
                    Q(role="delegation", state__isnull=False, organisation__isnull=True)
                    | Q(role="delegation", state__isnull=True, organisation__isnull=False)
                    | (~Q(role="delegation") & Q(state__isnull=True, organisation__isnull=True))
                ),
                violation_error_message=_(
                    "A Delegation acts for exactly one State or one organisation; "
                    "other roles act for neither."
                ),
            ),
            models.CheckConstraint(
                name="grant_function_only_for_delegations",
                condition=(
                    (Q(role="delegation") & ~Q(function=""))
                    | (~Q(role="delegation") & Q(function=""))
                ),
                violation_error_message=_(
                    "A Delegation has a function within its delegation; other roles have none."
                ),
            ),
            models.CheckConstraint(
                # Ending on the day it starts records a role granted by mistake.
                name="grant_ends_after_it_starts",
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                violation_error_message=_("A role cannot end before the day it starts."),
            ),
        ]

    def __str__(self) -> str:
        acts_for = f" ({self.acts_for})" if self.acts_for else ""
        return f"{self.user}: {self.get_role_display()}{acts_for}, {self.convention}"

    @property
    def acts_for(self) -> str:
        return str(self.state or self.organisation or "")

    def is_current(self, on: date | None = None) -> bool:
        on = on or timezone.localdate()
        return self.starts_on <= on and (self.ends_on is None or self.ends_on > on)


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
    """A number a committed change moves on, one row per scope; cached pages are keyed by
    the generations of the scopes they read (core/page_cache.py).

    A scope names what a write changed: "meeting:12" (a meeting's registrations and
    programme), "documents-of:12" (its documents list), "document:40", "state:PER", "broad"
    (any other record: every page reads it), "any" (moved by every write: pages that read
    across the records) and "*" (moved by a restore or an operator: every page). A write
    made by any process on any machine retires the pages that read its scopes at once.
    """

    scope = models.CharField(max_length=64, unique=True)
    value = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.scope}: {self.value}"


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


class IdempotencyKey(models.Model):
    """The first answer to an API write sent with an `Idempotency-Key` header, kept per
    user for IDEMPOTENCY_KEY_SECONDS (api/idempotency.py): the same key and body replays
    it, the same key with another body is refused."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    key = models.CharField(max_length=200)
    digest = models.CharField(max_length=64, help_text=_("SHA-256 of the method, path and body."))
    status_code = models.PositiveSmallIntegerField()
    response = models.JSONField()
    created_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="one_answer_per_user_key")
        ]
        indexes = [models.Index(fields=["created_at"], name="idempotency_created")]

    def __str__(self) -> str:
        return f"{self.key} ({self.user_id})"


class TranslatedContent(models.Model):
    """A record people write in several languages (core/translations.py): its text fields
    hold the original, written in `original_language`; `translations` the others,
    `{"fr": {"title": "..."}}`, changed only through its app's `set_*_translations`."""

    original_language = models.CharField(
        max_length=10,
        default="en",
        help_text=_("The language its text is written in (one of the site's languages)."),
    )
    translations = models.JSONField(default=dict, blank=True)

    class Meta:
        abstract = True
