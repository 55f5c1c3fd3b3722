from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class CoreConfig(AppConfig):
    name = "plenary.core"
    label = "core"
    verbose_name = "Accounts and audit"

    def ready(self) -> None:
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from plenary.core import checks, permissions  # noqa: F401  (register themselves)
        from plenary.core.page_cache import records_changed

        # Cache invalidation is the one thing done on signals: every write to a record, by
        # any service, the admin or a command, must retire the cached anonymous pages.

        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(records_changed, dispatch_uid=f"page-cache-{signal}")

        # A user's grants are kept under their version (core/permissions.py): a change to
        # a grant, or to what one names, moves it on.
        from django.apps import apps

        for label in ("core.RoleGrant", *permissions.GRANT_NAMES):
            model = apps.get_model(label)
            for signal in (post_save, post_delete):
                signal.connect(
                    permissions.grant_changed, sender=model, dispatch_uid=f"grants-{label}-{signal}"
                )

        from django.contrib.auth.signals import user_logged_in

        from plenary.core.two_factor import start_the_clock

        user_logged_in.connect(start_the_clock, dispatch_uid="staff-idle-clock")

        # The treaty rules' refusals, worded in the reader's language when they are read
        # (rules/errors.py: the rules stay pure Python).
        from django.utils.translation import gettext

        from plenary.core import l10n
        from plenary.rules.errors import RuleError

        RuleError.translate = staticmethod(gettext)
        RuleError.show_date = staticmethod(l10n.day)

        # The upload spool of its own (settings.FILE_UPLOAD_TEMP_DIR), pruned by a job.
        import contextlib
        from pathlib import Path

        from django.conf import settings

        # On a read-only disk, a large upload then fails with the directory's name.
        if settings.FILE_UPLOAD_TEMP_DIR:
            with contextlib.suppress(OSError):
                Path(settings.FILE_UPLOAD_TEMP_DIR).mkdir(parents=True, exist_ok=True)


class BackOfficeConfig(admin_apps.AdminConfig):
    """django.contrib.admin with plenary's site (core/admin_site.py)."""

    default = False
    default_site = "plenary.core.admin_site.BackOffice"
