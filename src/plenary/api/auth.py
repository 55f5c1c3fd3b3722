"""How the API knows who is calling: a bearer token (programs) or the session (browser)."""

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone
from ninja.security import HttpBearer, SessionAuth
from ninja.throttling import AnonRateThrottle

from plenary.core.models import ApiToken


class TokenAuth(HttpBearer):
    """`Authorization: Bearer <key>`; the key's digest must match an unrevoked token."""

    def authenticate(self, request, token):
        found = (
            ApiToken.objects.select_related("user")
            .filter(digest=ApiToken.digest_of(token), revoked_at__isnull=True)
            .first()
        )
        if found is None or not found.user.is_active:
            return None
        ApiToken.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
        request.user = found.user
        return found.user


class SignedInSession(SessionAuth):
    """The browser's session, its CSRF token checked only once it is signed in: a caller
    with no session (or a bad token) is told to authenticate (401), not "CSRF check
    failed" (403), and no anonymous request reaches the CSRF check."""

    def __call__(self, request):
        if not request.user.is_authenticated:
            return None
        return super().__call__(request)


def anonymous(request):
    """Reads are public: an unauthenticated caller reads as the anonymous public."""
    return AnonymousUser()


token_auth = TokenAuth()
session_auth = SignedInSession(csrf=True)
# Writes need a signed-in caller; reads also accept the anonymous public.
SIGNED_IN = [token_auth, session_auth]
ANYONE = [token_auth, session_auth, anonymous]


class AnonymousRateThrottle(AnonRateThrottle):
    """The anonymous public's rate per client address (REMOTE_ADDR, which core/proxy.py
    sets from a trusted proxy; NINJA_NUM_PROXIES = 0 so X-Forwarded-For is never read),
    counted in the shared cache; 429 past it. The anonymous caller is an AnonymousUser
    here (`anonymous`), not None, so ninja's own test of `request.auth` does not do."""

    def get_cache_key(self, request):
        if getattr(getattr(request, "auth", None), "is_authenticated", False):
            return None
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}
