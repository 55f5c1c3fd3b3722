from django.contrib import admin

from plenary.reports.models import FormEntry, Report, ReportVersion
from plenary.treaties.admin import ReadOnlyRecordAdmin


@admin.register(Report)
class ReportAdmin(ReadOnlyRecordAdmin):
    list_display = ["state", "kind", "year_covered", "visibility", "receipt"]


@admin.register(ReportVersion)
class ReportVersionAdmin(ReadOnlyRecordAdmin):
    list_display = ["report", "number", "status", "channel", "submitted_on", "processed_on"]


@admin.register(FormEntry)
class FormEntryAdmin(ReadOnlyRecordAdmin):
    list_display = ["version", "form", "status", "unchanged_since"]
