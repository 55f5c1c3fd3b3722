from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from simple_history.admin import SimpleHistoryAdmin

from plenary.core.models import ApiToken, FailedLogin, RoleGrant, User


class RoleGrantInline(admin.TabularInline):
    # Read-only: roles are granted and ended on the People pages, which keep their history.
    model = RoleGrant
    fk_name = "user"
    fields = ["convention", "role", "state", "organisation", "function", "starts_on", "ends_on"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(User)
class UserAdmin(SimpleHistoryAdmin, BaseUserAdmin):
    list_display = ["username", "email", "language", "is_active"]
    list_filter = ["is_active"]
    fieldsets = [*BaseUserAdmin.fieldsets, ("Notices", {"fields": ["language"]})]
    inlines = [RoleGrantInline]


@admin.register(RoleGrant)
class RoleGrantAdmin(SimpleHistoryAdmin):
    # Looking, not changing: a role is granted and ended through core.services.
    list_display = [
        "user",
        "convention",
        "role",
        "state",
        "organisation",
        "function",
        "starts_on",
        "ends_on",
    ]
    list_filter = ["convention", "role", "function"]
    search_fields = ["user__username", "user__email", "state__name"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ApiToken)
class ApiTokenAdmin(SimpleHistoryAdmin):
    list_display = ["name", "user", "prefix", "created_at", "last_used_at", "revoked_at"]
    readonly_fields = ["digest", "prefix", "created_at", "last_used_at"]


@admin.register(FailedLogin)
class FailedLoginAdmin(admin.ModelAdmin):
    list_display = ["username", "ip_address", "at"]
    search_fields = ["username", "ip_address"]
