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

# Workflow records: each state change goes through its service (pages, API, commands),
# so the back office shows them and changes nothing (WorkflowRecordAdmin's policy).


class AddresseeInline(WorkflowRecordInline):
    model = Addressee

    def has_change_permission(self, request, obj=None):
        return False


class SilenceBreakInline(WorkflowRecordInline):
    model = SilenceBreak


class ReportingConditionInline(WorkflowRecordInline):
    model = ReportingCondition


@admin.register(SilenceProcedure)
class SilenceProcedureAdmin(WorkflowRecordAdmin):
    list_display = ["subject", "convention", "circulated_on", "deadline", "outcome"]
    list_filter = ["convention", "outcome"]
    search_fields = ["subject", "document_symbol"]
    inlines = [AddresseeInline, SilenceBreakInline]


@admin.register(Decision)
class DecisionAdmin(WorkflowRecordAdmin):
    list_display = ["subject", "kind", "symbol", "part", "decided_on"]
    search_fields = ["subject", "symbol"]


@admin.register(ExtensionRequest)
class ExtensionRequestAdmin(WorkflowRecordAdmin):
    list_display = ["obligation", "requested_deadline", "recommendation", "decision"]
    list_filter = ["decision", "obligation__kind"]
    inlines = [ReportingConditionInline]
