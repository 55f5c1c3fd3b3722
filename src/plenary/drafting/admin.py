from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from plenary.drafting.models import ReportText


@admin.register(ReportText)
class ReportTextAdmin(SimpleHistoryAdmin):
    list_display = ["part", "report_kind", "section", "after", "position", "placement"]
    list_filter = ["section", "report_kind"]
    search_fields = ["body", "after"]
