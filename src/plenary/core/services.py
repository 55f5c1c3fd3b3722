"""Writes of the core app: failed sign-ins, people and their roles, API tokens."""

import secrets
from datetime import date, datetime

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext_lazy as _

from plenary.core.audit import attribute
from plenary.core.convention_texts import lazy_name
from plenary.core.models import (
    FOCAL_POINT_GRANTS,
    ApiToken,
    DelegationFunction,
    FailedLogin,
    Role,
    RoleGrant,
    User,
)
from plenary.core.notices import send_notice
from plenary.core.permissions import forget_grants, within
from plenary.core.two_factor import BACKUP_CODES
from plenary.core.validation import check_may, invalid

MAY_NOT_INVITE = _("Only the Secretariat or a Delegation's focal point invites people.")
MAY_NOT_GRANT = _(
    "Only the Secretariat of this convention grants this role; a Delegation's focal point "
    "grants drafters, approvers and delegates of its own State only."
)
MAY_NOT_END = _(
    "Only the Secretariat of this convention ends this role; a Delegation's focal point "
    "ends the drafters, approvers and delegates of its own State only."
)
MAY_NOT_TOUCH_TOKEN = _("You manage your own API tokens only.")
MAY_NOT_CHOOSE_LANGUAGE = _("You choose the language of your own account only.")
EMAIL_REQUIRED = _("Give the e-mail address of the person invited.")
EMAIL_TAKEN = _("Someone with this e-mail address has an account already: grant them a role.")
UNKNOWN_ROLE = _("Choose one of the roles.")
UNKNOWN_LANGUAGE = _("Choose one of the languages.")
PARTY_REQUIRED = _("A Delegation acts for a State or an organisation: choose one.")
ONE_PARTY = _("A Delegation acts for one State or one organisation, not both.")
NO_PARTY = _("Only a Delegation acts for a State or an organisation.")
FUNCTION_REQUIRED = _("Choose the Delegation's function within its delegation.")
NO_FUNCTION = _("Only a Delegation has a function within a delegation.")
ALREADY_HELD = _("This person already holds this role.")
ALREADY_ENDED = _("This role has already ended.")
END_BEFORE_START = _("A role cannot end before the day it started (%(starts_on)s).")
REASON_REQUIRED = _("Say why the role ends.")
TOKEN_NAME_REQUIRED = _("Name the token, e.g. after the program that uses it.")
TOKEN_ALREADY_REVOKED = _("This token is already revoked.")
UNKNOWN_USER = _("No user is named %(username)s.")
UNKNOWN_STATE = _("No State has the ISO 3166 code %(code)s.")
UNKNOWN_ORGANISATION = _("No organisation is abbreviated %(code)s.")


def record_failed_login(*, username: str, ip_address: str | None, at: datetime) -> None:
    """Keep one failed sign-in so that `login_refused` can count it."""
    FailedLogin.objects.create(username=username[:150], ip_address=ip_address, at=at)


def clear_failed_logins(*, username: str, ip_address: str | None = None) -> None:
    """After a successful sign-in from an address, the account's failures from it no longer
    count; after a password reset (no address), none of the account's do."""
    failures = FailedLogin.objects.filter(username__iexact=username)
    if ip_address:
        failures = failures.filter(ip_address=ip_address)
    failures.delete()


def _may_grant(by, *, convention, role: str, state, organisation, function: str) -> bool:
    """The Secretariat of the convention grants any role under it; a focal point grants
    drafters, approvers and delegates of its own State."""
    if by.has_perm("core.manage_people", convention):
        return True
    return (
        role == Role.DELEGATION
        and state is not None
        and organisation is None
        and function in FOCAL_POINT_GRANTS
        and by.has_perm("core.manage_delegation", within(convention, state))
    )


def _check_grant(*, role: str, state, organisation, function: str) -> None:
    if role not in Role.values:
        raise invalid("role", UNKNOWN_ROLE)
    if role == Role.DELEGATION:
        if state is None and organisation is None:
            raise invalid("state", PARTY_REQUIRED)
        if state is not None and organisation is not None:
            raise invalid("organisation", ONE_PARTY)
        if function not in DelegationFunction.values:
            raise invalid("function", FUNCTION_REQUIRED)
    else:
        if state is not None or organisation is not None:
            raise invalid("state", NO_PARTY)
        if function:
            raise invalid("function", NO_FUNCTION)


def _grant(*, user, convention, role, state, organisation, function, starts_on, reason, by):
    _check_grant(role=role, state=state, organisation=organisation, function=function)
    # Lock the person, so that two requests granting the same role queue here.
    User.objects.select_for_update().filter(pk=user.pk).first()
    held = RoleGrant.objects.current(starts_on).filter(
        user=user,
        convention=convention,
        role=role,
        state=state,
        organisation=organisation,
        function=function if role == Role.DELEGATION else "",
    )
    if held.exists():
        raise invalid("role", ALREADY_HELD)
    grant = RoleGrant(
        user=user,
        convention=convention,
        role=role,
        state=state,
        organisation=organisation,
        function=function if role == Role.DELEGATION else "",
        starts_on=starts_on,
        granted_by=by,
        reason=reason.strip(),
    )
    grant._change_reason = "Role granted"
    grant.save()
    forget_grants(user)
    return grant


@transaction.atomic
def grant_role(
    *,
    user: User,
    convention,
    role: str,
    by: User,
    state=None,
    organisation=None,
    function: str = "",
    starts_on: date | None = None,
    reason: str = "",
) -> RoleGrant:
    """Grant `user` a role under `convention`, from `starts_on` (today by default).

    Steps: check the person may grant it (the Secretariat of the convention any role; a
    focal point drafters, approvers and delegates of its own State); check a Delegation
    names one State or organisation and a function, other roles neither; lock the user;
    refuse a role already held; save (its history records who granted it).
    """
    if not _may_grant(
        by,
        convention=convention,
        role=role,
        state=state,
        organisation=organisation,
        function=function,
    ):
        raise PermissionDenied(MAY_NOT_GRANT)
    return _grant(
        user=user,
        convention=convention,
        role=role,
        state=state,
        organisation=organisation,
        function=function,
        starts_on=starts_on or timezone.localdate(),
        reason=reason,
        by=by,
    )


@transaction.atomic
def end_role(*, grant: RoleGrant, by: User, reason: str, ends_on: date | None = None) -> RoleGrant:
    """End a role from `ends_on` (today by default: it no longer holds today).

    Steps: lock the grant; check the person may end it (the Secretariat of its
    convention; a focal point the drafters, approvers and delegates of its own State);
    refuse a role already ended, an end before its start, and no reason; save. The
    grant stays, with its history: who granted and who ended it, when and why.
    """
    grant = RoleGrant.objects.select_for_update().select_related("convention").get(pk=grant.pk)
    if not _may_grant(
        by,
        convention=grant.convention,
        role=grant.role,
        state=grant.state,
        organisation=grant.organisation,
        function=grant.function,
    ):
        raise PermissionDenied(MAY_NOT_END)
    ends_on = ends_on or timezone.localdate()
    if grant.ends_on is not None and grant.ends_on <= timezone.localdate():
        raise invalid("ends_on", ALREADY_ENDED)
    if ends_on < grant.starts_on:
        raise invalid("ends_on", END_BEFORE_START % {"starts_on": grant.starts_on})
    if not reason.strip():
        raise invalid("reason", REASON_REQUIRED)
    grant.ends_on = ends_on
    grant.ended_by = by
    grant.end_reason = reason.strip()
    grant._change_reason = "Role ended"
    grant.save()
    forget_grants(grant.user)
    return grant


def _password_set_link(user: User) -> str:
    """The address where `user` chooses a password (Django's password-reset token: it
    works once, and no longer once the password or the last sign-in changes)."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse("password_reset_confirm", kwargs={"uidb64": uid, "token": token})
    return settings.SITE_URL + path


@transaction.atomic
def invite_user(
    *,
    convention,
    email: str,
    by: User,
    role: str,
    first_name: str = "",
    last_name: str = "",
    language: str = settings.LANGUAGE_CODE,
    state=None,
    organisation=None,
    function: str = "",
    reason: str = "",
) -> RoleGrant:
    """Invite a person by e-mail with a first role under `convention`.

    Steps: check the person inviting may grant that role (as `grant_role`); check the
    address (no account has it yet) and the language; create the account, with no
    usable password, named by its e-mail address; grant the role; once committed, send
    the invitation, in the invitee's language, with a link to choose a password.
    """
    check_may(by, "core.invite_user", MAY_NOT_INVITE, convention)
    if not _may_grant(
        by,
        convention=convention,
        role=role,
        state=state,
        organisation=organisation,
        function=function,
    ):
        raise PermissionDenied(MAY_NOT_GRANT)
    email = User.objects.normalize_email(email.strip())
    if not email:
        raise invalid("email", EMAIL_REQUIRED)
    if language not in dict(settings.LANGUAGES):
        raise invalid("language", UNKNOWN_LANGUAGE)
    _check_grant(role=role, state=state, organisation=organisation, function=function)
    if (
        User.objects.filter(email__iexact=email).exists()
        or User.objects.filter(username__iexact=email).exists()
    ):
        raise invalid("email", EMAIL_TAKEN)
    user = User(
        username=email,
        email=email,
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        language=language,
    )
    user.set_unusable_password()
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError:
        raise invalid("email", EMAIL_TAKEN) from None
    grant = _grant(
        user=user,
        convention=convention,
        role=role,
        state=state,
        organisation=organisation,
        function=function,
        starts_on=timezone.localdate(),
        reason=reason or "Invited",
        by=by,
    )
    context = {
        "convention": lazy_name(convention.rules),
        "invited_by": str(by),
        "invited_on": timezone.localdate(),
    }
    transaction.on_commit(
        lambda: send_notice(
            user,
            "core/notices/invitation_subject.txt",
            "core/notices/invitation_body.txt",
            {**context, "link": _password_set_link(user)},
        )
    )
    return grant


@transaction.atomic
def issue_api_token(*, user: User, name: str, by: User | None) -> str:
    """Create a token for `user` and return its key, which is shown only this once.

    Steps: check the person issues their own token (`by=None`: the `api_token` command,
    run by whoever runs the server); draw 32 random bytes, store their SHA-256 digest and
    a prefix, return the key.
    """
    check_may(by, "core.manage_own_tokens", MAY_NOT_TOUCH_TOKEN, user)
    if not name.strip():
        raise invalid("name", TOKEN_NAME_REQUIRED)
    key = secrets.token_urlsafe(32)
    ApiToken.objects.create(
        user=user, name=name.strip()[:100], digest=ApiToken.digest_of(key), prefix=key[:8]
    )
    return key


@transaction.atomic
def revoke_api_token(*, token: ApiToken, by: User | None) -> ApiToken:
    """Revoke a token: programs using it are refused from now on.

    Steps: lock the token; check it is the person's own; refuse one already revoked; save.
    """
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    check_may(by, "core.manage_own_tokens", MAY_NOT_TOUCH_TOKEN, token)
    if token.revoked_at is not None:
        raise invalid("token", TOKEN_ALREADY_REVOKED)
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    return token


@transaction.atomic
def choose_language(*, user: User, language: str, by: User) -> User:
    """Keep `language` on `user`'s profile: the language of every e-mail sent to them.

    Steps: check the person chooses for their own account; check the language is one of
    the site's; save it if it changed.
    """
    check_may(by, "core.choose_language", MAY_NOT_CHOOSE_LANGUAGE, user)
    if language not in dict(settings.LANGUAGES):
        raise invalid("language", UNKNOWN_LANGUAGE)
    if user.language != language:
        user.language = language
        user.save(update_fields=["language"])
    return user


DEMO_ACCOUNTS = [
    ("secretariat", Role.SECRETARIAT, None, ""),
    ("president", Role.PRESIDENCY, None, ""),
    ("isu", Role.ISU, None, ""),
    ("coordinator", Role.COORDINATOR, None, ""),
    ("peru", Role.DELEGATION, "PER", DelegationFunction.FOCAL_POINT),
    ("chile", Role.DELEGATION, "CHL", DelegationFunction.FOCAL_POINT),
    ("observer", Role.OBSERVER, None, ""),
]


BACK_OFFICE_GROUP = "Back office"


def _back_office_group():
    """The group that opens the back office (core.use_back_office) and shows every record
    (the view permissions only: workflow records are changed through their services)."""
    from django.contrib.auth.models import Group, Permission

    group, _created = Group.objects.get_or_create(name=BACK_OFFICE_GROUP)
    group.permissions.set(
        Permission.objects.filter(
            Q(codename="use_back_office", content_type__app_label="core")
            | Q(codename__startswith="view_")
        )
    )
    return group


@transaction.atomic
def ensure_demo_users(*, convention) -> list[User]:
    """Create (or reset) one demo account per role under `convention`, all with
    settings.DEMO_PASSWORD; the Delegations of Peru and Chile are their focal points.

    Steps: for each account, create or reset the user and its password; replace its
    grants under the convention by its demo role, from today.
    """
    from plenary.treaties.models import State

    today = timezone.localdate()
    users = []
    for username, role, iso3, function in DEMO_ACCOUNTS:
        state = State.objects.filter(iso3=iso3).first() if iso3 else None
        if iso3 and state is None:
            continue
        user = User.objects.filter(username=username).first() or User(username=username)
        user.email = f"{username}@example.org"
        # The back office is for the Secretariat, through its own permission (the group
        # below), never the superuser flag.
        user.is_staff = role == Role.SECRETARIAT
        user.is_superuser = False
        user.set_password(settings.DEMO_PASSWORD)
        user.save()
        user.groups.set([_back_office_group()] if user.is_staff else [])
        # Demo accounts are reset, not kept: their grants under the convention start again.
        RoleGrant.objects.filter(user=user, convention=convention).delete()
        RoleGrant.objects.create(
            user=user,
            convention=convention,
            role=role,
            state=state,
            function=function,
            starts_on=today,
            reason="Demo account",
        )
        forget_grants(user)
        users.append(user)
    return users


MAY_NOT_ERASE = _("Only the Secretariat erases a person's personal data.")
NOT_OF_CONVENTION = _("This person holds no role, and held none, under this convention.")
ERASURE_REASON_REQUIRED = _("Say why, e.g. the person's request and its date.")
ERASED_NAME = "[erased]"


@transaction.atomic
def erase_personal_data(*, person: User, convention, reason: str, by, delegates=()) -> User:
    """Erase `person`'s personal data on their request: names, e-mail and user name, in
    the account and in every history row of it, and the names and titles of the
    delegation members in `delegates` (chosen by the Secretariat), with their history.
    What their State did stays: the account's grants, the records it submitted and their
    history keep pointing at the (now anonymous, inactive) account. The erasure itself is
    recorded: a history row naming `by`, the time and the reason.

    Steps: check the Secretariat's permission under `convention` and that the person held
    a role there; blank the account and its history; revoke its tokens, its second
    factor and its failed sign-ins; blank the chosen delegation members and their history.
    """
    from django.apps import apps
    from django_otp.plugins.otp_static.models import StaticDevice
    from django_otp.plugins.otp_totp.models import TOTPDevice

    delegate_model = apps.get_model("meetings", "Delegate")
    check_may(by, "core.manage_people", MAY_NOT_ERASE, convention)
    if not RoleGrant.objects.filter(user=person, convention=convention).exists():
        raise invalid("person", NOT_OF_CONVENTION)
    reason = (reason or "").strip()
    if not reason:
        raise invalid("reason", ERASURE_REASON_REQUIRED)
    person = User.objects.select_for_update().get(pk=person.pk)
    old_username = person.username
    blank = {
        "first_name": "",
        "last_name": "",
        "email": "",
        "username": f"erased-{person.pk}",
    }
    person.history.model.objects.filter(id=person.pk).update(**blank)
    for field, value in blank.items():
        setattr(person, field, value)
    person.is_active = False
    person.is_staff = False
    person.set_unusable_password()
    attribute(person, by=by, reason=f"Personal data erased on request: {reason}")
    person.save()
    ApiToken.objects.filter(user=person, revoked_at__isnull=True).update(revoked_at=timezone.now())
    TOTPDevice.objects.filter(user=person).delete()
    StaticDevice.objects.filter(user=person).delete()
    FailedLogin.objects.filter(username=old_username).delete()
    for delegate in delegates:
        if delegate.delegation.meeting.convention_id != convention.pk:
            raise invalid("delegates", NOT_OF_CONVENTION)
        delegate_model.history.model.objects.filter(id=delegate.pk).update(
            name=ERASED_NAME, title="", email=""
        )
        # The member's e-mail address (asked of every member registered) goes too.
        delegate.name, delegate.title, delegate.email = ERASED_NAME, "", ""
        attribute(delegate, by=by, reason=f"Personal data erased on request: {reason}")
        delegate.save()
    return person


def delegates_named_like(*, person: User, convention):
    """The delegation members under `convention` whose name is the person's full name:
    the ones the Secretariat may choose to erase with the account."""
    from django.apps import apps

    delegate_model = apps.get_model("meetings", "Delegate")
    name = person.get_full_name().strip()
    if not name:
        return delegate_model.objects.none()
    return (
        delegate_model.objects.filter(name__iexact=name, delegation__meeting__convention=convention)
        .select_related("delegation__meeting", "delegation__state", "delegation__organisation")
        .order_by("delegation__meeting__code", "position")
    )


MAY_NOT_TOUCH_SECOND_FACTOR = _("You manage your own second factor only.")
MAY_NOT_RESET_SECOND_FACTOR = _("Only the Secretariat resets another person's second factor.")
NO_AUTHENTICATOR = _("Set up your authenticator app first: backup codes stand in for it.")
NO_SECOND_FACTOR = _("There is no second factor to remove.")
RESET_OWN = _(
    "You replace your own second factor on its page: sign in with a backup code and set up "
    "the new app there."
)
RESET_REASON_REQUIRED = _("Say why, e.g. the person lost their phone and asked on 3 March.")


def _devices_of(user):
    from django_otp.plugins.otp_static.models import StaticDevice
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return TOTPDevice.objects.filter(user=user), StaticDevice.objects.filter(user=user)


def _record_on_account(user: User, *, by, reason: str) -> None:
    """A row in the account's history (who, when, why): the devices keep none, and their
    secrets must not be copied into one."""
    person = User.objects.get(pk=user.pk)
    attribute(person, by=by, reason=reason)
    person.save()


@transaction.atomic
def make_backup_codes(*, by: User) -> list[str]:
    """Ten new backup codes for `by`, returned to be shown once; the earlier ones stop
    working.

    Steps: check it is the person's own second factor; lock the account (two requests
    make one set, not two); refuse without a confirmed authenticator; keep the backup
    device (a session verified by a backup code stays verified) and replace its codes;
    record it in the account's history.
    """
    from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

    check_may(by, "core.manage_own_second_factor", MAY_NOT_TOUCH_SECOND_FACTOR, by)
    User.objects.select_for_update().filter(pk=by.pk).first()
    authenticators, backups = _devices_of(by)
    if not authenticators.filter(confirmed=True).exists():
        raise invalid("codes", NO_AUTHENTICATOR)
    device = backups.order_by("pk").first()
    if device is None:
        device = StaticDevice.objects.create(user=by, name="backup codes", confirmed=True)
    backups.exclude(pk=device.pk).delete()
    StaticToken.objects.filter(device=device).delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=c) for c in codes])
    _record_on_account(by, by=by, reason="Backup codes made anew")
    return codes


@transaction.atomic
def remove_second_factor(*, by: User) -> None:
    """Remove `by`'s authenticator and backup codes; a role that asks for a second factor
    asks to set up a new one at the next page.

    Steps: check it is the person's own; lock the account; refuse when there is none;
    delete the devices; record it in the account's history.
    """
    check_may(by, "core.manage_own_second_factor", MAY_NOT_TOUCH_SECOND_FACTOR, by)
    User.objects.select_for_update().filter(pk=by.pk).first()
    authenticators, backups = _devices_of(by)
    if not authenticators.exists() and not backups.exists():
        raise invalid("second_factor", NO_SECOND_FACTOR)
    authenticators.delete()
    backups.delete()
    _record_on_account(by, by=by, reason="Second factor removed")


@transaction.atomic
def reset_second_factor(*, person: User, convention, reason: str, by: User) -> User:
    """The Secretariat removes another person's authenticator and backup codes (a lost
    phone, no backup code left): at their next sign-in, or their next page, a role that
    asks for a second factor sets up a new one. Recorded in the person's history with
    `by` and the reason.

    Steps: check the Secretariat's permission under `convention` and that the person
    holds or held a role there; refuse one's own (replaced on one's own page), a person
    with no second factor and no reason; lock the account; delete the devices (sessions
    they verified are no longer verified); record it.
    """
    check_may(by, "core.manage_people", MAY_NOT_RESET_SECOND_FACTOR, convention)
    if not RoleGrant.objects.filter(user=person, convention=convention).exists():
        raise invalid("person", NOT_OF_CONVENTION)
    if person.pk == by.pk:
        raise invalid("person", RESET_OWN)
    reason = (reason or "").strip()
    if not reason:
        raise invalid("reason", RESET_REASON_REQUIRED)
    User.objects.select_for_update().filter(pk=person.pk).first()
    authenticators, backups = _devices_of(person)
    if not authenticators.exists() and not backups.exists():
        raise invalid("person", NO_SECOND_FACTOR)
    authenticators.delete()
    backups.delete()
    _record_on_account(person, by=by, reason=f"Second factor reset: {reason}")
    return person
