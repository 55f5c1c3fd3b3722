from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from plenary.treaties.models import (
    Convention,
    Extension,
    FormerStateName,
    Obligation,
    Organisation,
    Participation,
    State,
    TransparencyReport,
)


class FormerNameInline(admin.TabularInline):
    model = FormerStateName
    extra = 0


@admin.register(State)
class StateAdmin(SimpleHistoryAdmin):
    list_display = ["name", "iso3", "un_membership"]
    list_filter = ["un_membership"]
    search_fields = ["name", "iso3"]
    inlines = [FormerNameInline]


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "abbreviation", "observer_rule"]
    list_filter = ["observer_rule"]
    search_fields = ["name", "abbreviation"]


@admin.register(Convention)
class ConventionAdmin(SimpleHistoryAdmin):
    list_display = ["short_name", "name", "entry_into_force"]


# Writes that compute dates go through services (the pages, the API and the commands);
# the back office shows these records read-only so nothing bypasses the rules.
class ReadOnlyRecordAdmin(SimpleHistoryAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Participation)
class ParticipationAdmin(ReadOnlyRecordAdmin):
    list_display = ["state", "signed_on", "deposited_on", "instrument", "entry_into_force"]
    list_filter = ["instrument"]
    search_fields = ["state__name"]


@admin.register(Obligation)
class ObligationAdmin(ReadOnlyRecordAdmin):
    list_display = [
        "state",
        "convention",
        "kind",
        "article",
        "original_deadline",
        "current_deadline",
        "completed_on",
    ]
    list_filter = ["convention", "kind"]
    search_fields = ["state__name"]


@admin.register(Extension)
class ExtensionAdmin(ReadOnlyRecordAdmin):
    list_display = ["obligation", "previous_deadline", "new_deadline", "months", "meeting"]


@admin.register(TransparencyReport)
class TransparencyReportAdmin(ReadOnlyRecordAdmin):
    list_display = ["state", "kind", "year_covered", "received_on"]
    list_filter = ["kind", "year_covered"]
