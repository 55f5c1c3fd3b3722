from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from plenary.reminders.models import FeedToken, Reminder, ReminderPreference


@admin.register(ReminderPreference)
class ReminderPreferenceAdmin(SimpleHistoryAdmin):
    list_display = ["user", "user__language", "subscribed", "missed_notices"]
    list_filter = ["user__language", "subscribed"]


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    # Rows are written by the worker only: the back office reads them.
    list_display = [
        "subject",
        "deadline_day",
        "user",
        "notice",
        "offset_days",
        "status",
        "attempts",
    ]
    list_filter = ["status", "notice", "kind"]
    search_fields = ["subject", "deadline_key", "user__username", "user__email"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(FeedToken)
class FeedTokenAdmin(SimpleHistoryAdmin):
    list_display = ["state", "prefix", "created_at", "revoked_at"]
    readonly_fields = ["digest", "prefix", "created_at", "created_by"]
