from django.contrib import admin

from plenary.decisions.models import (
    Decision,
    ExtensionRequest,
    ReportingCondition,
    SilenceBreak,
    SilenceProcedure,
)
from plenary.treaties.admin import ReadOnlyRecordAdmin

# Workflow records: each state change goes through its service (pages, API, commands),
# so the back office shows them and changes nothing (ReadOnlyRecordAdmin's policy).


class _ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class SilenceBreakInline(_ReadOnlyInline):
    model = SilenceBreak


class ReportingConditionInline(_ReadOnlyInline):
    model = ReportingCondition


@admin.register(SilenceProcedure)
class SilenceProcedureAdmin(ReadOnlyRecordAdmin):
    list_display = ["subject", "convention", "circulated_on", "deadline", "outcome"]
    list_filter = ["convention", "outcome"]
    search_fields = ["subject", "document_symbol"]
    inlines = [SilenceBreakInline]


@admin.register(Decision)
class DecisionAdmin(ReadOnlyRecordAdmin):
    list_display = ["subject", "kind", "symbol", "part", "decided_on"]
    search_fields = ["subject", "symbol"]


@admin.register(ExtensionRequest)
class ExtensionRequestAdmin(ReadOnlyRecordAdmin):
    list_display = ["obligation", "requested_deadline", "recommendation", "decision"]
    list_filter = ["decision", "obligation__kind"]
    inlines = [ReportingConditionInline]
