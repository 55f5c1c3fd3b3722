from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plenary.core import selectors, services

LOGIN_REFUSED = _(
    "Too many failed sign-in attempts. Sign-in is paused for this account; "
    "try again in 15 minutes or reset your password."
)


class ThrottledAuthenticationForm(AuthenticationForm):
    """Sign-in that refuses, before checking the password, once failures pile up."""

    refused = False

    def clean(self):
        username = self.cleaned_data.get("username", "")
        ip_address = client_ip(self.request)
        now = timezone.now()
        if selectors.login_refused(username=username, ip_address=ip_address, now=now):
            self.refused = True
            raise forms.ValidationError(LOGIN_REFUSED, code="throttled")
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            services.record_failed_login(username=username, ip_address=ip_address, at=now)
            raise
        services.clear_failed_logins(username=username)
        return cleaned


def client_ip(request) -> str | None:
    """The peer's address; behind a proxy, the proxy sets REMOTE_ADDR via the WSGI server."""
    return request.META.get("REMOTE_ADDR") if request is not None else None
