from urllib.parse import quote

from django.apps import apps
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import i18n
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from plenary.core import health, selectors, services
from plenary.core.forms import (
    EndRoleForm,
    GrantForm,
    InviteForm,
    ThrottledAuthenticationForm,
    ThrottledPasswordResetForm,
    TokenForm,
)
from plenary.core.models import FOCAL_POINT_GRANTS, ApiToken, Role, RoleGrant, User
from plenary.core.page_cache import shared_when_signed_in
from plenary.core.permissions import is_signed_in, within
from plenary.decisions import selectors as decision_selectors
from plenary.treaties import selectors as treaties
from plenary.treaties.selectors import convention_named


# Exempt from CSRF: the worst a forged request can do is change a reader's language for
# this browser, and a token in every page would make anonymous pages uncacheable
# (core/page_cache.py). The profile of a signed-in user, whose e-mails follow it, changes
# only when the request carries their token (base.html adds it to signed-in pages).
@csrf_exempt
def set_language(request):
    """Django's language switch; for a signed-in user, also the language of their profile."""
    response = i18n.set_language(request)
    language = request.POST.get("language", "")
    if (
        request.method == "POST"
        and request.user.is_authenticated
        and response.status_code == 302
        and language in dict(settings.LANGUAGES)
        and CsrfViewMiddleware(lambda request: None).process_view(request, None, (), {}) is None
    ):
        services.choose_language(user=request.user, language=language, by=request.user)
    return response


HISTORY_MODELS = {
    "treaties": {"state", "participation", "obligation", "extension", "transparencyreport"},
    "meetings": {"meeting", "meetingpart", "officer", "agendaitem", "delegation"},
    "documents": {"document", "languageversion"},
}


@shared_when_signed_in
def home(request):
    """Every configured convention, each with a link to its pages; for a signed-in user,
    what waits for them (decisions' role queues)."""
    conventions = treaties.conventions()
    queue = decision_selectors.queue_for(
        user=request.user, conventions=conventions, now=timezone.now()
    )
    return render(request, "core/home.html", {"conventions": conventions, "queue": queue})


class LoginView(auth_views.LoginView):
    form_class = ThrottledAuthenticationForm
    template_name = "core/login.html"
    redirect_authenticated_user = True

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if form.refused:
            response.status_code = 429
        return response


class PasswordResetView(auth_views.PasswordResetView):
    """Send a reset link; refused with 429 past the limits (ThrottledPasswordResetForm)."""

    form_class = ThrottledPasswordResetForm
    template_name = "core/password_reset_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if form.refused:
            response.status_code = 429
        return response


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Set a new password from a reset link; it clears the account's sign-in lockout."""

    template_name = "core/password_reset_confirm.html"

    def form_valid(self, form):
        response = super().form_valid(form)
        services.clear_failed_logins(username=form.user.username)
        return response


@never_cache
def healthz(request):
    """200 when every part answers; 503 naming each part that does not (core/health.py)."""
    now = timezone.now()
    checks = {
        "database": health.database(),
        "cache": health.cache(),
        "worker": health.worker(now=now),
        "scheduler": health.scheduler(now=now),
    }
    failing = [name for name, (ok, _) in checks.items() if not ok]
    body = {
        "status": "unavailable" if failing else "ok",
        **({"failing": failing} if failing else {}),
        **{name: detail for name, (_, detail) in checks.items()},
    }
    return JsonResponse(body, status=503 if failing else 200)


def history(request, app_label: str, model_name: str, pk: int):
    """The audit trail of one record: who changed what, and when."""
    if model_name not in HISTORY_MODELS.get(app_label, set()):
        raise Http404(_("No history is kept for that kind of record."))
    if not is_signed_in(request.user):
        return auth_views.redirect_to_login(request.get_full_path())
    model = apps.get_model(app_label, model_name)
    obj = get_object_or_404(model, pk=pk)
    return render(
        request,
        "core/history.html",
        {"object": obj, "rows": selectors.history_of(obj=obj)},
    )


@login_required
def account_roles(request):
    """The roles the signed-in user holds and held, and the conventions whose people they
    manage."""
    grants = selectors.grants_of(user=request.user)
    manages = sorted(
        {
            grant.convention
            for grant in grants
            if grant.is_current() and request.user.has_perm("core.view_people", grant.convention)
        },
        key=lambda convention: convention.short_name,
    )
    return render(request, "core/account_roles.html", {"grants": grants, "manages": manages})


def _tokens_page(request, form, key=None, status=200):
    return render(
        request,
        "core/api_tokens.html",
        {"form": form, "key": key, "tokens": selectors.tokens_of(user=request.user)},
        status=status,
    )


@login_required
def api_tokens(request):
    """The user's API tokens: issue one (its key is shown on this answer only), revoke one."""
    if request.method != "POST":
        return _tokens_page(request, TokenForm())
    form = TokenForm(request.POST)
    if form.is_valid():
        try:
            key = services.issue_api_token(
                user=request.user, name=form.cleaned_data["name"], by=request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return _tokens_page(request, TokenForm(), key=key, status=201)
    return _tokens_page(request, form, status=422)


@login_required
@require_POST
def revoke_api_token(request, pk: int):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    try:
        services.revoke_api_token(token=token, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The token %(name)s is revoked.") % {"name": token.name})
    return redirect("api_tokens")


def _convention(slug: str):
    return convention_named(slug.upper())


def _people_page(request, convention, *, invite=None, grant=None, end=None, status=200):
    user = request.user
    if not user.has_perm("core.view_people", convention):
        raise PermissionDenied(
            _("Only the Secretariat or a Delegation's focal point manages people.")
        )
    focal = None
    if not user.has_perm("core.manage_people", convention):
        focal = selectors.focal_point_states(user=user, convention=convention)
    rows = []
    for row in selectors.grants_visible_to(user=user, convention=convention):
        form = None
        if row.is_current() and _may_end(user, row):
            bound = end is not None and end[0] == row.pk
            form = end[1] if bound else EndRoleForm(prefix=f"end-{row.pk}")
        rows.append((row, form))
    return render(
        request,
        "core/people.html",
        {
            "convention": convention,
            "rows": rows,
            "focal_point_states": focal,
            "invite_form": invite or InviteForm(prefix="invite", focal_point_states=focal),
            "grant_form": grant or GrantForm(prefix="grant", focal_point_states=focal),
        },
        status=status,
    )


def _may_end(user, grant) -> bool:
    if user.has_perm("core.manage_people", grant.convention):
        return True
    return (
        grant.role == Role.DELEGATION
        and grant.state_id is not None
        and grant.function in FOCAL_POINT_GRANTS
        and user.has_perm("core.manage_delegation", within(grant.convention, grant.state))
    )


def _focal(request, convention):
    if request.user.has_perm("core.manage_people", convention):
        return None
    return selectors.focal_point_states(user=request.user, convention=convention)


@login_required
def people(request, convention: str):
    """The people holding roles under a convention: the Secretariat sees and manages every
    one; a Delegation's focal point its own State's."""
    return _people_page(request, _convention(convention))


@login_required
@require_POST
def invite(request, convention: str):
    found = _convention(convention)
    form = InviteForm(request.POST, prefix="invite", focal_point_states=_focal(request, found))
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.invite_user(
                convention=found,
                email=data["email"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                language=data["language"],
                by=request.user,
                **form.role_arguments(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("%(email)s is invited: an e-mail with a link to choose a password is on its way.")
                % {"email": data["email"]},
            )
            return redirect("people", convention=found.short_name.lower())
    return _people_page(request, found, invite=form, status=422)


@login_required
@require_POST
def grant(request, convention: str):
    found = _convention(convention)
    form = GrantForm(request.POST, prefix="grant", focal_point_states=_focal(request, found))
    if form.is_valid():
        try:
            granted = services.grant_role(
                user=form.user,
                convention=found,
                starts_on=form.cleaned_data.get("starts_on"),
                by=request.user,
                **form.role_arguments(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Role granted: %(grant)s.") % {"grant": granted})
            return redirect("people", convention=found.short_name.lower())
    return _people_page(request, found, grant=form, status=422)


@login_required
@require_POST
def end_role(request, convention: str, pk: int):
    found = _convention(convention)
    row = get_object_or_404(RoleGrant, pk=pk, convention=found)
    form = EndRoleForm(request.POST, prefix=f"end-{row.pk}")
    if form.is_valid():
        try:
            services.end_role(
                grant=row,
                reason=form.cleaned_data["reason"],
                ends_on=form.cleaned_data.get("ends_on"),
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Role ended: %(grant)s.") % {"grant": row})
            return redirect("people", convention=found.short_name.lower())
    return _people_page(request, found, end=(row.pk, form), status=422)


@login_required
def two_factor(request):
    """The step after the password: a code from the authenticator app, or a backup code."""
    from django_otp import login as otp_login

    from plenary.core import two_factor as tf
    from plenary.core.forms import SecondFactorForm

    if request.user.is_verified():
        return tf.go_next(request)
    if not tf.has_authenticator(request.user):
        return redirect(f"{reverse('two_factor_enrol')}?next={quote(tf.safe_next(request))}")
    form = SecondFactorForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        wait = tf.locked_seconds(request.user)
        if wait:
            form.add_error("token", tf.throttled(wait))
            status = 429
        else:
            device = tf.verify(by=request.user, token=form.cleaned_data["token"])
            if device is not None:
                otp_login(request, device)
                return tf.go_next(request)
            form.add_error("token", tf.BAD_CODE)
    if form.errors and status == 200:
        status = 422
    return render(
        request,
        "core/two_factor.html",
        {"form": form, "next": tf.safe_next(request)},
        status=status,
    )


@login_required
def two_factor_enrol(request):
    """Set up the authenticator app: its secret as a QR code and as text, shown on this
    page only; a first code confirms it and shows ten backup codes, once."""
    import segno
    from django.utils.safestring import mark_safe
    from django_otp import login as otp_login

    from plenary.core import two_factor as tf
    from plenary.core.forms import SecondFactorForm

    user = request.user
    if tf.has_authenticator(user) and not user.is_verified():
        return redirect(f"{reverse('two_factor')}?next={quote(tf.safe_next(request))}")
    form = SecondFactorForm(request.POST or None)
    device = None
    if request.method == "POST":
        device = tf.pending_enrolment(by=user, pk=request.session.get("plenary_enrolling"))
        if device is not None and form.is_valid():
            codes = tf.confirm_enrolment(by=user, device=device, token=form.cleaned_data["token"])
            if codes is not None:
                request.session.pop("plenary_enrolling", None)
                otp_login(request, device)
                return render(
                    request,
                    "core/two_factor_codes.html",
                    {"codes": codes, "next": tf.safe_next(request)},
                )
            form.add_error("token", tf.BAD_CODE)
    if device is None:
        device = tf.start_enrolment(by=user)
        request.session["plenary_enrolling"] = device.pk
        form = SecondFactorForm()
    qr = segno.make(device.config_url, error="m").svg_inline(scale=4, title=_("QR code"))
    return render(
        request,
        "core/two_factor_enrol.html",
        {
            "form": form,
            "qr": mark_safe(qr),  # noqa: S308 - segno's own SVG of our otpauth URL
            "secret": tf.base32_secret(device),
            "next": tf.safe_next(request),
        },
        status=422 if form.errors else 200,
    )


@login_required
def erase_person(request, convention: str, pk: int):
    """Erase a person's personal data on their request (the Secretariat): their names,
    e-mail and user name; what their State did stays on record."""
    from plenary.core.forms import EraseForm

    found = _convention(convention)
    if not request.user.has_perm("core.manage_people", found):
        raise PermissionDenied(services.MAY_NOT_ERASE)
    person = get_object_or_404(
        User.objects.filter(grants__convention=found, is_active=True).distinct(), pk=pk
    )
    delegates = services.delegates_named_like(person=person, convention=found)
    form = EraseForm(request.POST or None, delegates=delegates)
    if request.method == "POST" and form.is_valid():
        try:
            services.erase_personal_data(
                person=person,
                convention=found,
                reason=form.cleaned_data["reason"],
                delegates=form.cleaned_data["delegates"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The person's personal data is erased."))
            return redirect("people", convention=found.short_name.lower())
    return render(
        request,
        "core/erase_person.html",
        {"convention": found, "person": person, "form": form},
        status=422 if form.errors else 200,
    )


def _verified_first(request):
    """A user with an authenticator changes their second factor only in a session it
    verified: elsewhere, the verification step first, then back here."""
    from plenary.core import two_factor as tf

    if tf.has_authenticator(request.user) and not request.user.is_verified():
        target = reverse("two_factor_settings")
        return redirect(f"{reverse('two_factor')}?next={quote(target)}")
    return None


def _second_factor_page(request, *, status=200, error=None):
    return render(
        request,
        "core/two_factor_settings.html",
        {"factor": selectors.second_factor_of(user=request.user), "error": error},
        status=status,
    )


@login_required
def two_factor_settings(request):
    """One's own second factor: the authenticator app (replace it, remove it) and how many
    backup codes remain (make new ones)."""
    return _verified_first(request) or _second_factor_page(request)


@login_required
@require_POST
def make_backup_codes(request):
    """New backup codes, shown on this answer only; the earlier ones stop working."""
    if refused := _verified_first(request):
        return refused
    try:
        codes = services.make_backup_codes(by=request.user)
    except ValidationError as error:
        return _second_factor_page(request, status=422, error=" ".join(error.messages))
    return render(
        request,
        "core/two_factor_codes.html",
        {"codes": codes, "renewed": True, "next": reverse("two_factor_settings")},
        status=201,
    )


@login_required
@require_POST
def remove_second_factor(request):
    if refused := _verified_first(request):
        return refused
    try:
        services.remove_second_factor(by=request.user)
    except ValidationError as error:
        return _second_factor_page(request, status=422, error=" ".join(error.messages))
    messages.success(request, _("Your authenticator app and backup codes are removed."))
    return redirect("two_factor_settings")


@login_required
def reset_second_factor(request, convention: str, pk: int):
    """The Secretariat resets another person's second factor (a lost phone), with a
    reason; the person sets up a new one at their next sign-in."""
    from plenary.core.forms import ResetSecondFactorForm

    found = _convention(convention)
    if not request.user.has_perm("core.manage_people", found):
        raise PermissionDenied(services.MAY_NOT_RESET_SECOND_FACTOR)
    person = get_object_or_404(
        User.objects.filter(grants__convention=found, is_active=True).distinct(), pk=pk
    )
    form = ResetSecondFactorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.reset_second_factor(
                person=person,
                convention=found,
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except ValidationError as error:
            if hasattr(error, "error_dict") and "reason" in error.error_dict:
                form.add_error("reason", error.error_dict["reason"])
            else:
                form.add_error(None, error.messages)
        else:
            messages.success(
                request,
                _("The second factor of %(person)s is reset.") % {"person": person},
            )
            return redirect("people", convention=found.short_name.lower())
    return render(
        request,
        "core/reset_second_factor.html",
        {
            "convention": found,
            "person": person,
            "factor": selectors.second_factor_of(user=person),
            "form": form,
        },
        status=422 if form.errors else 200,
    )
