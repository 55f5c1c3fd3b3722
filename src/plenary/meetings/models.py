"""Meetings of a convention: parts, plan changes, officers, agenda, programme, delegations.

A meeting is planned in its venue's time zone. Its plan (the parts with their dates,
format and venue) changes only through `services.replan_meeting`, which keeps the
plan before and after each change with its reason and the decision behind it, so the
public page can say "previously planned for ...".
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from plenary.core.models import TranslatedContent
from plenary.treaties.models import Convention, Organisation, State


class MeetingKind(models.TextChoices):
    MSP = "msp", _("Meeting of States Parties")
    REVIEW_CONFERENCE = "review_conference", _("Review Conference")
    PREPARATORY = "preparatory", _("Preparatory Meeting")
    INTERSESSIONAL = "intersessional", _("Intersessional meeting")
    INFORMAL_BRIEFING = "informal_briefing", _("Informal briefing")


class Meeting(TranslatedContent):
    convention = models.ForeignKey(Convention, on_delete=models.PROTECT, related_name="meetings")
    code = models.CharField(
        max_length=40,
        help_text=_("Short name in addresses, unique within its convention, e.g. 2RC or 10MSP."),
    )
    kind = models.CharField(max_length=20, choices=MeetingKind.choices)
    number = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text=_("2 for the Second Review Conference.")
    )
    title = models.CharField(max_length=200)
    prepares = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="preparations",
        help_text=_("The meeting a preparatory meeting or a briefing prepares."),
    )
    symbol_root = models.CharField(
        max_length=40,
        blank=True,
        help_text=_("Root of its documents' symbols, e.g. CCM/CONF/2020."),
    )
    convened_by = models.CharField(max_length=200, blank=True)
    convening_reference = models.CharField(max_length=300, blank=True)
    registration_deadline = models.DateField(
        null=True, blank=True, help_text=_("Delegations register by the end of this day.")
    )
    # An IANA zone; services default it to the convention's secretariat's seat.
    time_zone = models.CharField(max_length=60)
    agenda_adopted_on = models.DateField(null=True, blank=True)
    source = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["convention", "code"], name="meeting_code_unique_in_convention"
            ),
            models.UniqueConstraint(
                fields=["symbol_root"],
                condition=~Q(symbol_root=""),
                name="meeting_symbol_root_unique",
            ),
            models.CheckConstraint(
                name="meeting_code_is_a_slug", condition=Q(code__regex=r"^[A-Za-z0-9-]+$")
            ),
        ]

    def __str__(self) -> str:
        return self.title


class MeetingFormat(models.TextChoices):
    IN_PERSON = "in_person", _("in person")
    VIRTUAL = "virtual", _("virtual")
    HYBRID = "hybrid", _("hybrid")


class MeetingPart(models.Model):
    """One part (session) of a meeting: its dates, format, venue or platform."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="parts")
    number = models.PositiveSmallIntegerField(default=1)
    starts_on = models.DateField()
    ends_on = models.DateField()
    format = models.CharField(
        max_length=10, choices=MeetingFormat.choices, blank=True, help_text=_("Blank: not known.")
    )
    venue = models.CharField(max_length=200, blank=True)
    city = models.CharField(max_length=100, blank=True)
    platform = models.CharField(max_length=100, blank=True)
    # An IANA zone; services default it to the convention's secretariat's seat.
    time_zone = models.CharField(max_length=60)
    plenary_meetings_held = models.PositiveSmallIntegerField(null=True, blank=True)
    registration_deadline = models.DateField(
        null=True,
        blank=True,
        help_text=_(
            "Delegations register for this part by the end of this day; blank: the"
            " meeting's deadline."
        ),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "number"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="part_number_unique"),
            models.CheckConstraint(
                name="part_ends_on_or_after_start", condition=Q(ends_on__gte=F("starts_on"))
            ),
        ]

    def __str__(self) -> str:
        return _("%(meeting)s (part %(number)s)") % {"meeting": self.meeting, "number": self.number}


class PlanChange(models.Model):
    """A change to a meeting's dates, venue, format or parts, with why and by what decision."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="plan_changes")
    decided_on = models.DateField(null=True, blank=True)
    decided_by = models.CharField(
        max_length=300, help_text=_("The decision behind it, e.g. a silence procedure.")
    )
    reason = models.TextField()
    cause = models.CharField(
        max_length=300,
        blank=True,
        help_text=_(
            "Why a part could not take place as planned, as a report opens it, e.g. Due to"
            " the impact of the COVID 19 related measures"
        ),
    )
    previous_plan = models.JSONField()
    new_plan = models.JSONField()
    source = models.TextField(blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    # By string: the decisions app's models import this module.
    decision = models.ForeignKey(
        "decisions.Decision",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="plan_changes",
        help_text=_("The decision in plenary (or by silence procedure) behind the change."),
    )

    class Meta:
        ordering = ["meeting", "recorded_at", "pk"]

    def __str__(self) -> str:
        return f"{self.meeting}: {self.decided_by}"


class OfficerRole(models.TextChoices):
    PRESIDENT = "president", _("President")
    VICE_PRESIDENT = "vice_president", _("Vice-President")
    SECRETARY_GENERAL = "secretary_general", _("Secretary-General of the Meeting")
    SECRETARY = "secretary", _("Secretary")
    ISU_DIRECTOR = "isu_director", _("Director of the Implementation Support Unit")


class OfficerAct(models.TextChoices):
    DESIGNATED = "designated", _("designated")
    ELECTED = "elected", _("elected")
    CONFIRMED = "confirmed", _("confirmed")
    SERVING = "serving", _("serving")


class Officer(models.Model):
    """An officer of a meeting: a person, or a State (Vice-Presidents are States)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="officers")
    role = models.CharField(max_length=20, choices=OfficerRole.choices)
    person = models.CharField(max_length=200, blank=True)
    state = models.ForeignKey(State, null=True, blank=True, on_delete=models.PROTECT)
    description = models.CharField(max_length=300, blank=True)
    act = models.CharField(max_length=12, choices=OfficerAct.choices, default=OfficerAct.SERVING)
    act_on = models.DateField(null=True, blank=True)
    term = models.CharField(
        max_length=300,
        blank=True,
        help_text=_("The term of office, e.g. until the end of the Third Review Conference."),
    )
    basis = models.CharField(
        max_length=300,
        blank=True,
        help_text=_(
            "What the election or confirmation was pursuant to, e.g. the recommendation of"
            " States Parties at the First Preparatory Meeting"
        ),
    )
    position = models.PositiveSmallIntegerField(default=1)
    source = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "role", "position"]
        constraints = [
            models.CheckConstraint(
                name="officer_is_a_person_or_a_state",
                condition=(Q(person="") & Q(state__isnull=False))
                | (~Q(person="") & Q(state__isnull=True)),
            )
        ]

    def __str__(self) -> str:
        return self.person or str(self.state)


class AgendaItem(TranslatedContent):
    """An item (letter "") or a lettered sub-item of a meeting's agenda."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    number = models.PositiveSmallIntegerField()
    letter = models.CharField(max_length=1, blank=True)
    title = models.CharField(max_length=400)
    symbols = models.JSONField(default=list, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "number", "letter"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "number", "letter"], name="agenda_item_unique"
            ),
            models.CheckConstraint(
                name="agenda_letter_is_lowercase",
                condition=Q(letter="") | Q(letter__regex=r"^[a-z]$"),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number}{f' ({self.letter})' if self.letter else '.'} {self.title}"

    @property
    def is_sub_item(self) -> bool:
        return bool(self.letter)

    @property
    def label(self) -> str:
        return f"({self.letter})" if self.letter else f"{self.number}."


class ProgrammeSlot(models.Model):
    """A time slot of a part's programme of work, in the part's time zone."""

    part = models.ForeignKey(MeetingPart, on_delete=models.CASCADE, related_name="slots")
    day = models.DateField()
    starts_at = models.TimeField()
    ends_at = models.TimeField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["part", "day", "starts_at"]
        constraints = [
            models.CheckConstraint(
                name="slot_ends_after_start", condition=Q(ends_at__gt=F("starts_at"))
            ),
            models.UniqueConstraint(fields=["part", "day", "starts_at"], name="slot_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.starts_at:%H:%M}-{self.ends_at:%H:%M}"


class ProgrammeEntry(models.Model):
    """A line of a slot: an agenda item or sub-item, or free text, with document symbols."""

    slot = models.ForeignKey(ProgrammeSlot, on_delete=models.CASCADE, related_name="entries")
    position = models.PositiveSmallIntegerField()
    agenda_item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.PROTECT, related_name="entries"
    )
    text = models.TextField(blank=True)
    symbols = models.JSONField(default=list, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["slot", "position"]
        constraints = [
            models.UniqueConstraint(fields=["slot", "position"], name="entry_position_unique"),
            models.CheckConstraint(
                name="entry_is_an_item_or_text",
                condition=Q(agenda_item__isnull=False) | ~Q(text=""),
            ),
        ]

    def __str__(self) -> str:
        return str(self.agenda_item) if self.agenda_item_id else self.text


class DelegationStatus(models.TextChoices):
    NOMINATED = "nominated", _("nominated")
    ACCREDITED = "accredited", _("accredited")


class CredentialsKind(models.TextChoices):
    NOTE_VERBALE = "note_verbale", _("note verbale")
    CREDENTIALS = "credentials", _("credentials")


class Delegation(models.Model):
    """A State's or an organisation's registration for a meeting and the parts it attends."""

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="delegations")
    state = models.ForeignKey(State, null=True, blank=True, on_delete=models.PROTECT)
    organisation = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.PROTECT)
    parts = models.ManyToManyField(MeetingPart, related_name="delegations")
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    source = models.TextField(blank=True, help_text=_("For a registration taken from a record."))
    status = models.CharField(
        max_length=12,
        choices=DelegationStatus.choices,
        default=DelegationStatus.NOMINATED,
    )
    accredited_at = models.DateTimeField(null=True, blank=True)
    credentials = models.FileField(
        upload_to="credentials/%Y/",
        blank=True,
        help_text=_("The note verbale or the credentials, one PDF for the delegation."),
    )
    credentials_kind = models.CharField(
        max_length=12,
        choices=CredentialsKind.choices,
        blank=True,
    )
    credentials_uploaded_at = models.DateTimeField(null=True, blank=True)
    # A rule 1 (3) observer attends once the meeting approves it: a decision of the
    # meeting (linked when recorded in plenary), or its date and reference.
    attendance_approved_on = models.DateField(null=True, blank=True)
    attendance_decision = models.ForeignKey(
        "decisions.Decision",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="approved_delegations",
    )
    attendance_reference = models.CharField(max_length=300, blank=True)
    history = HistoricalRecords(m2m_fields=[parts])

    class Meta:
        constraints = [
            models.CheckConstraint(
                name="delegation_of_a_state_or_an_organisation",
                condition=(Q(state__isnull=False) & Q(organisation__isnull=True))
                | (Q(state__isnull=True) & Q(organisation__isnull=False)),
            ),
            models.UniqueConstraint(
                fields=["meeting", "state"],
                condition=Q(state__isnull=False),
                name="one_delegation_per_state",
            ),
            models.UniqueConstraint(
                fields=["meeting", "organisation"],
                condition=Q(organisation__isnull=False),
                name="one_delegation_per_organisation",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.participant} at {self.meeting}"

    @property
    def participant(self):
        return self.state or self.organisation


class DelegateRole(models.TextChoices):
    HEAD = "head", _("Head of delegation")
    ALTERNATE = "alternate", _("Alternate")
    ADVISER = "adviser", _("Adviser")


class Delegate(models.Model):
    """A member of a delegation, in the order the delegation lists them."""

    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="members")
    position = models.PositiveSmallIntegerField()
    role = models.CharField(max_length=10, choices=DelegateRole.choices)
    name = models.CharField(max_length=200)
    title = models.CharField(max_length=300, blank=True)
    function = models.CharField(max_length=300, blank=True)
    email = models.EmailField(blank=True, help_text=_("Seen by the Secretariat only."))
    publish = models.BooleanField(
        default=False,
        help_text=_("The delegate consents to their name and function in the published list."),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["delegation", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["delegation", "position"], name="delegate_position_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class ProgrammeRelease(models.Model):
    """A released version of a meeting's programme of work, numbered 1, 2, ... in order.

    The Secretariat edits the draft (the slots and their lines); a release freezes the
    whole programme of every part as it then stood (`programme`) with what changed since
    the release before (`changes`), as pretalx releases schedules. The public sees the
    latest release, never the draft. "(continued)" is not stored: it is derived on reading.
    """

    meeting = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, related_name="programme_releases"
    )
    number = models.PositiveSmallIntegerField()
    released_at = models.DateTimeField()
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    programme = models.JSONField(help_text=_("Every part's slots and lines as released."))
    changes = models.JSONField(default=list, blank=True)
    note = models.TextField(blank=True, help_text=_("The Secretariat's words on this version."))
    source = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "number"], name="programme_release_number_unique"
            ),
        ]

    def __str__(self) -> str:
        return _("%(meeting)s: programme of work, version %(number)s") % {
            "meeting": self.meeting,
            "number": self.number,
        }
