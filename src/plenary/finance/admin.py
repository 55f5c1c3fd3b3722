from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from plenary.core.admin_site import WorkflowRecordAdmin
from plenary.finance.models import (
    Assessment,
    CostEstimate,
    CostLineItem,
    IsuBudget,
    Payment,
    ScalePeriod,
    ScaleRate,
    VoluntaryContribution,
    WorkPlanActivity,
)


# The ledger is written through finance.services on the Secretariat's pages and the API;
# the back office shows it read-only (WorkflowRecordAdmin).
class CostLineInline(admin.TabularInline):
    model = CostLineItem
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(CostEstimate)
class CostEstimateAdmin(WorkflowRecordAdmin):
    list_display = ["__str__", "document_symbol", "approved_by"]
    inlines = [CostLineInline]


@admin.register(ScalePeriod)
class ScalePeriodAdmin(SimpleHistoryAdmin):
    list_display = ["first_year", "last_year", "resolution"]


@admin.register(ScaleRate)
class ScaleRateAdmin(SimpleHistoryAdmin):
    list_display = ["scale_name", "period", "rate", "kind"]
    list_filter = ["period"]
    search_fields = ["scale_name", "state__iso3"]


@admin.register(Assessment)
class AssessmentAdmin(WorkflowRecordAdmin):
    list_display = ["state", "estimate", "kind", "amount", "due_on"]
    list_filter = ["kind", "year"]
    readonly_fields = ["un_rate", "share_percent", "amount"]


@admin.register(Payment)
class PaymentAdmin(WorkflowRecordAdmin):
    list_display = ["assessment", "received_on", "amount", "currency", "reference"]


class ActivityInline(admin.TabularInline):
    model = WorkPlanActivity
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(IsuBudget)
class IsuBudgetAdmin(WorkflowRecordAdmin):
    list_display = ["title", "kind", "first_year", "last_year", "document_symbol"]
    inlines = [ActivityInline]


@admin.register(VoluntaryContribution)
class VoluntaryContributionAdmin(WorkflowRecordAdmin):
    list_display = ["state", "year", "amount", "currency"]
