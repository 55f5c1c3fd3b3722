"""The back office for meetings.

A meeting's plan (its parts' dates, format and venue) changes only through
`services.replan_meeting`, which records the reason and the decision; the admin
shows the plan and its changes read-only. Officers, agenda items and the titles of
a meeting are edited here, each edit kept in history.
"""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from plenary.core.admin_site import WorkflowRecordAdmin, WorkflowRecordInline
from plenary.meetings.models import (
    AgendaItem,
    Delegate,
    Delegation,
    Meeting,
    MeetingPart,
    Officer,
    PlanChange,
)

PLAN_FIELDS = ["number", "starts_on", "ends_on", "format", "venue", "city", "platform", "time_zone"]


class PartInline(admin.TabularInline):
    model = MeetingPart
    extra = 0
    fields = [*PLAN_FIELDS, "plenary_meetings_held"]
    readonly_fields = PLAN_FIELDS
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class PlanChangeInline(admin.TabularInline):
    model = PlanChange
    extra = 0
    fields = ["decided_on", "decided_by", "reason", "previous_plan", "new_plan", "recorded_by"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class OfficerInline(admin.TabularInline):
    model = Officer
    extra = 0
    autocomplete_fields = ["state"]


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ["title", "code", "kind", "symbol_root", "registration_deadline"]
    list_filter = ["kind", "convention"]
    search_fields = ["title", "code", "symbol_root"]
    inlines = [PartInline, PlanChangeInline, OfficerInline, AgendaItemInline]


class DelegateInline(WorkflowRecordInline):
    model = Delegate


# A registration is accredited, approved and changed after the deadline through its
# services (who, when and why kept): the back office shows it read-only.
@admin.register(Delegation)
class DelegationAdmin(WorkflowRecordAdmin):
    list_display = ["__str__", "status", "submitted_by", "submitted_at"]
    list_filter = ["meeting", "status"]
    search_fields = ["state__name", "organisation__name"]
    autocomplete_fields = ["state", "organisation"]
    inlines = [DelegateInline]
