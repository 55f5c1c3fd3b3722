from django import forms
from django.apps import apps
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from plenary.core import l10n, selectors, services, throttle
from plenary.core.models import FOCAL_POINT_GRANTS, DelegationFunction, Role, User
from plenary.core.translations import language_name, languages

LOGIN_REFUSED = _(
    "Too many failed sign-in attempts. Sign-in is paused for this account; "
    "try again in 15 minutes or reset your password."
)
RESET_REFUSED = _("Too many password reset requests. Try again in an hour.")


class _InNameOrder(forms.models.ModelChoiceIterator):
    """A model's choices in the reader's order of their labels (one query, as Django's)."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        queryset = self.queryset
        if not queryset._prefetch_related_lookups:
            queryset = queryset.iterator()
        for instance in l10n.in_name_order(queryset, self.field.label_from_instance):
            yield self.choice(instance)


class ByNameChoiceField(forms.ModelChoiceField):
    """A choice of States (or any records named in the reader's language, by `str`) in
    that language's order: "Allemagne" before "Chili" in French, 阿根廷 (Agenting) before
    智利 (Zhili) in Chinese; Django's own follows the queryset, the English name."""

    iterator = _InNameOrder


class ByNameMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Several States, in the reader's order of their names (see ByNameChoiceField)."""

    iterator = _InNameOrder


class Throttled:
    """Sign-in that refuses, before checking the password, once failures of the account
    from the client's address pile up (core.selectors.login_refused). Every sign-in path
    uses it: the sign-in page and the back office's."""

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
        services.clear_failed_logins(username=username, ip_address=ip_address)
        return cleaned


class ThrottledAuthenticationForm(Throttled, AuthenticationForm):
    pass


class ThrottledAdminAuthenticationForm(Throttled, AdminAuthenticationForm):
    pass


class ThrottledPasswordResetForm(PasswordResetForm):
    """A reset link is sent at most PASSWORD_RESET_LIMIT times per window to one address,
    and requested as often from one client address (core/throttle.py, shared cache)."""

    refused = False

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request

    def clean(self):
        cleaned = super().clean()
        email = (cleaned.get("email") or "").strip().lower()
        limit = settings.PASSWORD_RESET_LIMIT
        window = settings.PASSWORD_RESET_WINDOW_SECONDS
        by_address = throttle.hit(f"reset:ip:{client_ip(self.request)}", limit, window)
        by_email = throttle.hit(f"reset:email:{email}", limit, window) if email else True
        if not (by_address and by_email):
            self.refused = True
            raise forms.ValidationError(RESET_REFUSED, code="throttled")
        return cleaned

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        """The reset e-mail in the account's own language, not the language of the page."""
        with translation.override(context["user"].language or settings.LANGUAGE_CODE):
            super().send_mail(subject_template_name, email_template_name, context, *args, **kwargs)


def client_ip(request) -> str | None:
    """The peer's address; behind a proxy, the proxy sets REMOTE_ADDR via the WSGI server."""
    return request.META.get("REMOTE_ADDR") if request is not None else None


def _states():
    # Looked up by name: core does not import the treaty registry's models.
    return apps.get_model("treaties", "State").objects.order_by("name")


def _organisations():
    return apps.get_model("treaties", "Organisation").objects.order_by("name")


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("What the token is for, e.g. the program that uses it."),
    )


class RoleFields(forms.Form):
    """The role part of an invitation or a grant; a focal point's choices are narrowed to
    its own States and to drafter, approver and delegate (the service checks it again)."""

    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    state = ByNameChoiceField(
        label=_("State"),
        queryset=None,
        to_field_name="iso3",
        required=False,
        help_text=_("For a Delegation of a State."),
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=None,
        required=False,
        help_text=_("For a Delegation of an organisation."),
    )
    function = forms.ChoiceField(
        label=_("Function in the delegation"),
        choices=[("", "—"), *DelegationFunction.choices],
        required=False,
        help_text=_("For a Delegation: focal point, drafter, approver or delegate."),
    )
    reason = forms.CharField(
        label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, focal_point_states=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["state"].queryset = _states()
        self.fields["organisation"].queryset = _organisations()
        if focal_point_states is not None:
            self.fields["role"].choices = [(Role.DELEGATION, Role.DELEGATION.label)]
            self.fields["state"].queryset = _states().filter(
                pk__in=[s.pk for s in focal_point_states]
            )
            self.fields["state"].required = True
            del self.fields["organisation"]
            self.fields["function"].choices = [(f.value, f.label) for f in FOCAL_POINT_GRANTS]

    def role_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "role": data["role"],
            "state": data.get("state"),
            "organisation": data.get("organisation"),
            "function": data.get("function") or "",
            "reason": data.get("reason") or "",
        }


class InviteForm(RoleFields):
    email = forms.EmailField(label=_("E-mail address"))
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    language = forms.ChoiceField(
        label=_("Language of the invitation"),
        choices=settings.LANGUAGES,
        initial=settings.LANGUAGE_CODE,
    )
    field_order = ["email", "first_name", "last_name", "language", "role", "state"]


class GrantForm(RoleFields):
    username = forms.CharField(
        label=_("User name or e-mail address"),
        max_length=254,
        help_text=_("Of an existing account."),
    )
    starts_on = forms.DateField(
        label=_("Starts on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Empty: today."),
    )
    field_order = ["username", "role", "state", "organisation", "function", "starts_on"]

    def clean_username(self):
        value = self.cleaned_data["username"].strip()
        user = (
            User.objects.filter(username=value).first()
            or User.objects.filter(email__iexact=value).first()
        )
        if user is None:
            raise forms.ValidationError(_("No account has this user name or e-mail address."))
        self.user = user
        return value


class EndRoleForm(forms.Form):
    reason = forms.CharField(label=_("Why the role ends"), widget=forms.Textarea(attrs={"rows": 2}))
    ends_on = forms.DateField(
        label=_("Ends on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("The first day the role no longer holds. Empty: today."),
    )


class SecondFactorForm(forms.Form):
    token = forms.CharField(
        label=_("Code"),
        max_length=16,
        help_text=_("The six digits your authenticator app shows now, or a backup code."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class ResetSecondFactorForm(forms.Form):
    """The Secretariat's reset of another person's second factor."""

    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Why, and how the person asked, e.g. their phone was lost; call of 3 March."),
    )


class EraseForm(forms.Form):
    """The Secretariat's erasure of a person's personal data, on their request."""

    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("The person's request and its date, e.g. their e-mail of 3 March."),
    )
    delegates = forms.ModelMultipleChoiceField(
        label=_("Delegation members of the same name, to erase too"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, delegates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["delegates"].queryset = delegates
        self.fields["delegates"].label_from_instance = lambda d: (
            f"{d.name} ({d.get_role_display()}), {d.delegation}"
        )


class TranslationsForm(forms.Form):
    """One record's text in each language of the site but its original's (a blank field
    removes that translation), and the language the original is written in: the fields of
    a `set_*_translations` service (core/translations.py)."""

    def __init__(self, *args, record, field: str, label, max_length: int, textarea=False, **kw):
        super().__init__(*args, **kw)
        self.field_name = field
        self.fields["original_language"] = forms.ChoiceField(
            label=_("Language of the original"),
            choices=[(code, language_name(code)) for code in languages()],
            initial=record.original_language,
        )
        for code in languages():
            if code == record.original_language:
                continue
            self.fields[f"{field}_{code}"] = forms.CharField(
                label=_("%(text)s in %(language)s")
                % {"text": label, "language": language_name(code)},
                max_length=max_length,
                required=False,
                initial=(record.translations or {}).get(code, {}).get(field, ""),
                widget=forms.Textarea(attrs={"rows": 2, "lang": code})
                if textarea
                else forms.TextInput(attrs={"lang": code}),
            )

    def changes(self) -> dict[str, str]:
        """`{"fr": "...", "es": ""}` for the service; the original's own language drops out."""
        original = self.cleaned_data["original_language"]
        prefix = f"{self.field_name}_"
        return {
            name.removeprefix(prefix): value
            for name, value in self.cleaned_data.items()
            if name.startswith(prefix) and name.removeprefix(prefix) != original
        }


class ItemTranslationForm(forms.Form):
    """One item of a list (an agenda item, a question, an action) in one language: a blank
    text removes that translation."""

    def __init__(self, *args, items, label, max_length: int, describe=str, **kw):
        super().__init__(*args, **kw)
        self.fields["item"] = forms.TypedChoiceField(
            label=_("Which"),
            choices=[(item.pk, describe(item)[:120]) for item in items],
            coerce=int,
        )
        self.fields["language"] = forms.ChoiceField(
            label=_("Language"), choices=[(code, language_name(code)) for code in languages()]
        )
        self.fields["text"] = forms.CharField(
            label=label,
            max_length=max_length,
            required=False,
            help_text=_("Blank removes the translation into that language."),
            widget=forms.Textarea(attrs={"rows": 2}),
        )
