"""A second factor (TOTP, django-otp) for the roles that run a convention, and the idle
timeout of their sessions.

`TWO_FACTOR_REQUIRED` (on when DEBUG is false) makes a user who holds the Secretariat, the
Presidency or the ISU under any convention, or who opens the back office, confirm a code
from an authenticator app after the password: enrolment once (a QR code and the secret,
shown once, and ten backup codes, django-otp's static device), then a code at each
sign-in. `TWO_FACTOR_EXEMPT_DEMO` lets the development demo accounts sign in without it.

`STAFF_SESSION_IDLE_SECONDS`: the same users' sessions end after that long without a
request (`StaffIdleTimeout`).
"""

import base64
import time

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from plenary.core.models import Role

STAFF_ROLES = frozenset({Role.SECRETARIAT, Role.PRESIDENCY, Role.ISU})
LAST_SEEN = "plenary_last_seen"
SECOND_FACTOR_NEEDED = _("Confirm your sign-in with a code from your authenticator app.")
SESSION_IDLE = _("Your session ended after a time without activity. Sign in again.")


def is_staff_user(user) -> bool:
    """Whether `user` holds a role that runs a convention (Secretariat, Presidency, ISU)
    today, under any convention, or opens the back office."""
    from plenary.core.permissions import grants_in_force

    if not (user and user.is_authenticated and user.is_active):
        return False
    if user.is_staff or user.is_superuser:
        return True
    return any(grant.role in STAFF_ROLES for grant in grants_in_force(user))


def is_exempt(user) -> bool:
    from plenary.core.services import DEMO_ACCOUNTS

    return settings.TWO_FACTOR_EXEMPT_DEMO and user.username in {a[0] for a in DEMO_ACCOUNTS}


def second_factor_required(user) -> bool:
    return settings.TWO_FACTOR_REQUIRED and is_staff_user(user) and not is_exempt(user)


def _open_pages() -> frozenset[str]:
    """The pages a signed-in user who has not yet given their second factor may still
    open, matched exactly: the settings, backup codes and removal pages below
    /accounts/two-factor/ are not among them."""
    return frozenset(
        {
            reverse("login"),
            reverse("logout"),
            reverse("two_factor"),
            reverse("two_factor_enrol"),
            "/admin/logout/",
            "/healthz",
        }
    )


def _open_prefixes() -> tuple[str, ...]:
    """The trees that stay open whole: password reset (token in the path), the language
    switcher and the static files."""
    return (
        "/accounts/password-reset/",
        "/accounts/reset/",
        "/i18n/",
        "/" + settings.STATIC_URL.lstrip("/"),
    )


def _is_open(path: str) -> bool:
    return path in _open_pages() or path.startswith(_open_prefixes())


def _is_api(request) -> bool:
    return request.path.startswith("/api/")


class SecondFactorRequired:
    """After the password: a user who needs a second factor and has not given it in this
    session reaches only the verification (or enrolment) page; the API answers 401."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not user.is_verified()
            and not _is_open(request.path)
            and second_factor_required(user)
        ):
            if _is_api(request):
                return JsonResponse({"detail": str(SECOND_FACTOR_NEEDED)}, status=401)
            return redirect_to_login(request.get_full_path(), reverse("two_factor"))
        return self.get_response(request)


class StaffIdleTimeout:
    """Ends the session of a staff user (is_staff_user) after STAFF_SESSION_IDLE_SECONDS
    without a request; the time of the last request is kept in the session (written at
    most every minute, or a quarter of the timeout, so not every request writes)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        timeout = settings.STAFF_SESSION_IDLE_SECONDS
        user = request.user
        if timeout and user.is_authenticated and is_staff_user(user):
            now = time.time()
            last = request.session.get(LAST_SEEN)
            if last is not None and now - last > timeout:
                logout(request)
                if _is_api(request):
                    return JsonResponse({"detail": str(SESSION_IDLE)}, status=401)
                return redirect_to_login(request.get_full_path())
            if last is None or now - last >= min(60, timeout / 4):
                request.session[LAST_SEEN] = now
        return self.get_response(request)


def start_the_clock(sender, request, user, **kwargs):
    """At sign-in (user_logged_in): the idle time counts from now, without a write of the
    session at the first request."""
    if request is not None and hasattr(request, "session"):
        request.session[LAST_SEEN] = time.time()


def base32_secret(device) -> str:
    return base64.b32encode(device.bin_key).decode("ascii").rstrip("=")


def safe_next(request, default: str = "home") -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse(default)


def go_next(request):
    return redirect(safe_next(request))


# The services of one's own second factor: each acts on `by`'s own devices only.

BAD_CODE = _("That code is not right, or was used already. Try the next one.")
BACKUP_CODES = 10


def start_enrolment(*, by):
    """A new, unconfirmed authenticator for `by`; any earlier unconfirmed one goes (its
    secret was shown once and is not shown again)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.filter(user=by, confirmed=False).delete()
    return TOTPDevice.objects.create(user=by, name="authenticator", confirmed=False)


def pending_enrolment(*, by, pk):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return TOTPDevice.objects.filter(user=by, pk=pk, confirmed=False).first()


def confirm_enrolment(*, by, device, token: str) -> list[str] | None:
    """Confirm `device` with a first code; on success, `by`'s only authenticator and ten
    new backup codes (returned, shown once). None when the code is wrong."""
    from django.db import transaction
    from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
    from django_otp.plugins.otp_totp.models import TOTPDevice

    if device.user_id != by.pk or not device.verify_token(token):
        return None
    with transaction.atomic():
        TOTPDevice.objects.filter(user=by).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        StaticDevice.objects.filter(user=by).delete()
        backup = StaticDevice.objects.create(user=by, name="backup codes", confirmed=True)
        codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
        StaticToken.objects.bulk_create([StaticToken(device=backup, token=c) for c in codes])
        _record_on_account(by, reason="Authenticator app set up")
    return codes


def _record_on_account(user, *, reason: str) -> None:
    from plenary.core.audit import attribute
    from plenary.core.models import User

    person = User.objects.get(pk=user.pk)
    attribute(person, by=user, reason=reason)
    person.save()


def has_authenticator(user) -> bool:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def throttled(seconds: int) -> str:
    from django.utils.translation import ngettext

    return ngettext(
        "Too many wrong codes. Wait %(seconds)d second, then try again.",
        "Too many wrong codes. Wait %(seconds)d seconds, then try again.",
        seconds,
    ) % {"seconds": seconds}


def locked_seconds(user) -> int:
    """How long, in whole seconds, before any of `user`'s devices checks a code again
    (django-otp's throttle: 1, 2, 4, 8... seconds after successive wrong codes); 0 when
    one checks now."""
    from django.utils import timezone
    from django_otp import devices_for_user

    waits = []
    for device in devices_for_user(user):
        allowed, data = device.verify_is_allowed()
        if allowed:
            return 0
        until = (data or {}).get("locked_until")
        if until is None:
            continue
        waits.append(max(1, int((until - timezone.now()).total_seconds() + 0.999)))
    return min(waits, default=0)


def verify(*, by, token: str):
    """The device (authenticator or a backup code, used up) that accepts `token`, or None;
    django-otp throttles repeated failures per device."""
    from django_otp import match_token

    token = (token or "").strip().replace(" ", "")
    if not token or len(token) > 16:
        return None
    return match_token(by, token)
