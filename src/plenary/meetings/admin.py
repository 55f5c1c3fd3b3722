"""The back office for meetings: every record shown with its history, none changed here.

A meeting, its plan and changes of plan, officers, agenda, programme (draft and
releases) and delegations are workflow records: each change goes through its service
(`services.replan_meeting`, `record_officer`, `add_agenda_item`, `release_programme`,
`register_delegation`...), which checks the rule and keeps who, when and why. The back
office is for looking; corrections are made on the meeting's pages or through the API.
"""

from django.contrib import admin

from plenary.core.admin_site import WorkflowRecordAdmin, WorkflowRecordInline
from plenary.meetings.models import (
    AgendaItem,
    Delegate,
    Delegation,
    Meeting,
    MeetingPart,
    Officer,
    PlanChange,
    ProgrammeEntry,
    ProgrammeRelease,
    ProgrammeSlot,
)

PLAN_FIELDS = ["number", "starts_on", "ends_on", "format", "venue", "city", "platform", "time_zone"]


class PartInline(WorkflowRecordInline):
    model = MeetingPart
    fields = [*PLAN_FIELDS, "registration_deadline", "plenary_meetings_held"]
    readonly_fields = fields


class PlanChangeInline(WorkflowRecordInline):
    model = PlanChange
    fields = [
        "decided_on",
        "decided_by",
        "decision",
        "reason",
        "previous_plan",
        "new_plan",
        "recorded_by",
    ]
    readonly_fields = fields


class OfficerInline(WorkflowRecordInline):
    model = Officer
    fields = ["role", "person", "state", "description", "act", "act_on", "term"]
    readonly_fields = fields


class AgendaItemInline(WorkflowRecordInline):
    model = AgendaItem
    fields = ["number", "letter", "title", "symbols"]
    readonly_fields = fields


@admin.register(Meeting)
class MeetingAdmin(WorkflowRecordAdmin):
    list_display = ["title", "code", "kind", "symbol_root", "registration_deadline"]
    list_filter = ["kind", "convention"]
    search_fields = ["title", "code", "symbol_root"]
    inlines = [PartInline, PlanChangeInline, OfficerInline, AgendaItemInline]


@admin.register(Officer)
class OfficerAdmin(WorkflowRecordAdmin):
    list_display = ["__str__", "role", "meeting", "act", "act_on"]
    list_filter = ["role", "meeting"]


@admin.register(AgendaItem)
class AgendaItemAdmin(WorkflowRecordAdmin):
    list_display = ["__str__", "meeting"]
    list_filter = ["meeting"]


class EntryInline(WorkflowRecordInline):
    model = ProgrammeEntry
    fields = ["position", "agenda_item", "text", "symbols"]
    readonly_fields = fields


@admin.register(ProgrammeSlot)
class ProgrammeSlotAdmin(WorkflowRecordAdmin):
    list_display = ["__str__", "part"]
    list_filter = ["part__meeting"]
    inlines = [EntryInline]


@admin.register(ProgrammeRelease)
class ProgrammeReleaseAdmin(WorkflowRecordAdmin):
    list_display = ["__str__", "number", "released_at", "released_by"]
    list_filter = ["meeting"]


class DelegateInline(WorkflowRecordInline):
    model = Delegate


# A registration is accredited, approved and changed after the deadline through its
# services (who, when and why kept): the back office shows it read-only.
@admin.register(Delegation)
class DelegationAdmin(WorkflowRecordAdmin):
    list_display = ["__str__", "status", "submitted_by", "submitted_at"]
    list_filter = ["meeting", "status"]
    search_fields = ["state__name", "organisation__name"]
    inlines = [DelegateInline]
