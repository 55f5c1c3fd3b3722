from django.contrib import admin

from plenary.core.admin_site import WorkflowRecordAdmin, WorkflowRecordInline
from plenary.decisions.models import (
    Addressee,
    Decision,
    ExtensionRequest,
    ReportingCondition,
    SilenceBreak,
    SilenceProcedure,
)


class SilenceBreakInline(WorkflowRecordInline):
    # A break is recorded once through the service and never edited.
    model = SilenceBreak
    readonly_fields = ["state", "broken_at", "reason", "broken_by"]


class AddresseeInline(WorkflowRecordInline):
    model = Addressee


@admin.register(SilenceProcedure)
class SilenceProcedureAdmin(WorkflowRecordAdmin):
    list_display = ["subject", "circulated_on", "deadline", "outcome"]
    list_filter = ["outcome"]
    readonly_fields = ["outcome", "concluded_at", "plan_change"]
    inlines = [AddresseeInline, SilenceBreakInline]


@admin.register(Decision)
class DecisionAdmin(WorkflowRecordAdmin):
    list_display = ["subject", "kind", "part", "decided_on"]


class ReportingConditionInline(WorkflowRecordInline):
    model = ReportingCondition


@admin.register(ExtensionRequest)
class ExtensionRequestAdmin(WorkflowRecordAdmin):
    list_display = ["obligation", "requested_deadline", "recommendation", "decision"]
    list_filter = ["decision", "obligation__kind"]
    readonly_fields = ["requested_months", "extension"]
    inlines = [ReportingConditionInline]
