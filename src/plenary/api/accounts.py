"""/api/v1/me, /api/v1/me/tokens, /api/v1/{convention}/grants and
/api/v1/{convention}/people/{username}/second-factor/reset: who a caller is, their API
tokens, the roles held under a convention, and the Secretariat's reset of a person's
second factor."""

from datetime import date, datetime

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status

from plenary.api.auth import SIGNED_IN
from plenary.api.errors import ErrorOut
from plenary.api.pagination import paged
from plenary.api.params import ConventionSlug
from plenary.core import selectors, services
from plenary.core.models import ApiToken, RoleGrant, User
from plenary.core.permissions import grants_in_force
from plenary.core.validation import invalid
from plenary.treaties.models import Organisation, State
from plenary.treaties.selectors import convention_named

router = Router(tags=["accounts"])
ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


class GrantOut(Schema):
    id: int
    username: str
    email: str
    convention: str
    role: str
    state: str | None
    organisation: str | None
    function: str
    starts_on: date
    ends_on: date | None
    granted_by: str | None
    ended_by: str | None
    reason: str
    end_reason: str


def _grant_out(grant: RoleGrant) -> dict:
    return {
        "id": grant.pk,
        "username": grant.user.username,
        "email": grant.user.email,
        "convention": grant.convention.short_name,
        "role": grant.role,
        "state": grant.state.iso3 if grant.state_id else None,
        "organisation": grant.organisation.abbreviation if grant.organisation_id else None,
        "function": grant.function,
        "starts_on": grant.starts_on,
        "ends_on": grant.ends_on,
        "granted_by": grant.granted_by.username if grant.granted_by_id else None,
        "ended_by": grant.ended_by.username if grant.ended_by_id else None,
        "reason": grant.reason,
        "end_reason": grant.end_reason,
    }


class MeOut(Schema):
    username: str
    language: str
    grants: list[GrantOut]


@router.get("/me", response={200: MeOut, 401: ErrorOut}, auth=SIGNED_IN)
def me(request):
    """Who the caller is: the roles they hold today, under every convention."""
    user = request.auth
    return {
        "username": user.username,
        "language": user.language,
        "grants": [_grant_out(grant) for grant in grants_in_force(user)],
    }


class TokenOut(Schema):
    id: int
    name: str
    prefix: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


class TokenIn(Schema):
    name: str


class IssuedTokenOut(TokenOut):
    key: str


def _token_out(token: ApiToken) -> dict:
    return {
        "id": token.pk,
        "name": token.name,
        "prefix": token.prefix,
        "created_at": token.created_at,
        "last_used_at": token.last_used_at,
        "revoked_at": token.revoked_at,
    }


@router.get("/me/tokens", response={200: list[TokenOut], **ERRORS}, auth=SIGNED_IN)
@paged
def list_tokens(request):
    """The caller's API tokens, revoked ones too (never their keys)."""
    return [_token_out(t) for t in selectors.tokens_of(user=request.auth)]


@router.post("/me/tokens", response={201: IssuedTokenOut, **ERRORS}, auth=SIGNED_IN)
def issue_token(request, payload: TokenIn):
    """Issue a token for the caller; the key is in this answer only."""
    key = services.issue_api_token(user=request.auth, name=payload.name, by=request.auth)
    token = ApiToken.objects.get(digest=ApiToken.digest_of(key))
    return Status(201, {**_token_out(token), "key": key})


@router.post("/me/tokens/{token_id}/revoke", response={200: TokenOut, **ERRORS}, auth=SIGNED_IN)
def revoke_token(request, token_id: int):
    """Revoke one of the caller's tokens: it is refused from now on."""
    token = get_object_or_404(ApiToken, pk=token_id, user=request.auth)
    return _token_out(services.revoke_api_token(token=token, by=request.auth))


class GrantIn(Schema):
    username: str
    role: str
    state: str | None = None
    organisation: str | None = None
    function: str = ""
    starts_on: date | None = None
    reason: str = ""


class EndIn(Schema):
    reason: str
    ends_on: date | None = None


def _party(payload: GrantIn):
    state = organisation = None
    if payload.state:
        state = State.objects.filter(iso3=payload.state.upper()).first()
        if state is None:
            raise invalid("state", services.UNKNOWN_STATE % {"code": payload.state})
    if payload.organisation:
        organisation = Organisation.objects.filter(abbreviation=payload.organisation).first()
        if organisation is None:
            raise invalid(
                "organisation", services.UNKNOWN_ORGANISATION % {"code": payload.organisation}
            )
    return state, organisation


@router.get("/{convention}/grants", response={200: list[GrantOut], **ERRORS}, auth=SIGNED_IN)
@paged
def list_grants(request, convention: ConventionSlug, current: bool = False):
    """The roles held under a convention, ended ones too (`current=true`: today's only).
    The Secretariat sees every grant; a focal point its own State's."""
    found = convention_named(convention.upper())
    if not request.auth.has_perm("core.view_people", found):
        raise PermissionDenied(services.MAY_NOT_GRANT)
    rows = selectors.grants_visible_to(user=request.auth, convention=found, current=current)
    return [_grant_out(grant) for grant in rows]


@router.post("/{convention}/grants", response={201: GrantOut, **ERRORS}, auth=SIGNED_IN)
def grant_role(request, convention: ConventionSlug, payload: GrantIn):
    """Grant a user a role under the convention (the Secretariat; a focal point grants
    drafters, approvers and delegates of its own State)."""
    found = convention_named(convention.upper())
    user = User.objects.filter(username=payload.username).first()
    if user is None:
        raise invalid("username", services.UNKNOWN_USER % {"username": payload.username})
    state, organisation = _party(payload)
    grant = services.grant_role(
        user=user,
        convention=found,
        role=payload.role,
        state=state,
        organisation=organisation,
        function=payload.function,
        starts_on=payload.starts_on,
        reason=payload.reason,
        by=request.auth,
    )
    return Status(201, _grant_out(grant))


@router.post(
    "/{convention}/grants/{grant_id}/end", response={200: GrantOut, **ERRORS}, auth=SIGNED_IN
)
def end_role(request, convention: ConventionSlug, grant_id: int, payload: EndIn):
    """End a role (with a reason); the grant and its history stay."""
    found = convention_named(convention.upper())
    grant = get_object_or_404(RoleGrant, pk=grant_id, convention=found)
    ended = services.end_role(
        grant=grant, reason=payload.reason, ends_on=payload.ends_on, by=request.auth
    )
    return _grant_out(ended)


class ResetIn(Schema):
    reason: str


class SecondFactorOut(Schema):
    username: str
    has_authenticator: bool
    backup_codes_left: int


# No operation makes or shows one's own backup codes: a token acts without a second factor,
# and one that could mint backup codes would stand in for it. The reset below only removes.
@router.post(
    "/{convention}/people/{username}/second-factor/reset",
    response={200: SecondFactorOut, **ERRORS},
    auth=SIGNED_IN,
)
def reset_second_factor(request, convention: ConventionSlug, username: str, payload: ResetIn):
    """Reset a person's second factor (the Secretariat, with a reason): their authenticator
    app and backup codes stop working; their role asks them to set up a new one."""
    found = convention_named(convention.upper())
    if not request.auth.has_perm("core.manage_people", found):
        raise PermissionDenied(services.MAY_NOT_RESET_SECOND_FACTOR)
    person = User.objects.filter(username=username, is_active=True).first()
    if person is None:
        raise invalid("username", services.UNKNOWN_USER % {"username": username})
    services.reset_second_factor(
        person=person, convention=found, reason=payload.reason, by=request.auth
    )
    factor = selectors.second_factor_of(user=person)
    return {
        "username": person.username,
        "has_authenticator": factor.authenticator is not None,
        "backup_codes_left": factor.backup_codes_left,
    }
