from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from plenary.decisions.models import (
    Decision,
    ExtensionRequest,
    ReportingCondition,
    SilenceBreak,
    SilenceProcedure,
)


class SilenceBreakInline(admin.TabularInline):
    # A break is recorded once through the service and never edited.
    model = SilenceBreak
    extra = 0
    can_delete = False
    readonly_fields = ["state", "broken_at", "reason", "broken_by"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(SilenceProcedure)
class SilenceProcedureAdmin(SimpleHistoryAdmin):
    list_display = ["subject", "circulated_on", "deadline", "outcome"]
    list_filter = ["outcome"]
    readonly_fields = ["outcome", "concluded_at", "plan_change"]
    inlines = [SilenceBreakInline]


@admin.register(Decision)
class DecisionAdmin(SimpleHistoryAdmin):
    list_display = ["subject", "kind", "part", "decided_on"]


class ReportingConditionInline(admin.TabularInline):
    model = ReportingCondition
    extra = 0


@admin.register(ExtensionRequest)
class ExtensionRequestAdmin(SimpleHistoryAdmin):
    list_display = ["obligation", "requested_deadline", "recommendation", "decision"]
    list_filter = ["decision", "obligation__kind"]
    readonly_fields = ["requested_months", "extension"]
    inlines = [ReportingConditionInline]
