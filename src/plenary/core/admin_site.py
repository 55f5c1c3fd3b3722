"""The back office: Django's admin site, entered only with its own permission.

`core.use_back_office` (a permission of the User model, granted to a user or a group) is
what opens it, together with `is_staff`; the superuser flag still opens it, and grants no
product role (core/permissions.py). Its sign-in is throttled like the site's
(core.forms.Throttled) and answers 429 when refused.
"""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from plenary.core.forms import ThrottledAdminAuthenticationForm

BACK_OFFICE_PERMISSION = "core.use_back_office"


class BackOffice(admin.AdminSite):
    login_form = ThrottledAdminAuthenticationForm

    def has_permission(self, request):
        user = request.user
        return user.is_active and user.is_staff and user.has_perm(BACK_OFFICE_PERMISSION)

    def login(self, request, extra_context=None):
        response = super().login(request, extra_context)
        form = (getattr(response, "context_data", None) or {}).get("form")
        if getattr(form, "refused", False):
            response.status_code = 429
        return response


class WorkflowRecordAdmin(SimpleHistoryAdmin):
    """A workflow record in the back office: shown with its history, never added, edited
    or deleted there. Its state changes go through its services (who, when, why kept);
    a deletion would erase the audit trail (a silence procedure took its breaks with it)."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class WorkflowRecordInline(admin.TabularInline):
    """The parts of a workflow record (breaks, addressees, payments...), read-only too."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
