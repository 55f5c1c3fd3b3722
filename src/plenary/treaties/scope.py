"""Every page and endpoint of a convention lives under its slug: /ccm/meetings/2RC/.

- `ConventionConverter` (`<convention:convention>` in a path) resolves the slug once per
  request with `selectors.convention_named`; an unknown slug matches no address (404).
  A view receives the `Convention`; `reverse()` and `{% url %}` take a Convention or its slug.
- `ConventionMiddleware` puts the request's convention (or None) on `request.convention`,
  so that the base template names it and scopes its navigation.
- `legacy_redirect` answers today's unscoped addresses (/meetings/2RC/) with a permanent
  redirect to the site's default convention (settings.PLENARY_DEFAULT_CONVENTION), for
  GET and HEAD only: a write must use the new address.
- `add_convention_argument` and `convention_from` give every command `--convention`.
"""

from django.conf import settings
from django.core.management.base import CommandError
from django.http import Http404, HttpResponsePermanentRedirect
from django.utils.translation import gettext as _

from plenary.treaties import selectors
from plenary.treaties.models import Convention

NO_DEFAULT_CONVENTION = (
    "Give --convention (e.g. --convention CCM): PLENARY_DEFAULT_CONVENTION is not set."
)


class ConventionConverter:
    regex = "[A-Za-z][A-Za-z0-9-]*"

    def to_python(self, value: str) -> Convention:
        try:
            return selectors.convention_named(value)
        except Http404 as missing:
            # A ValueError makes the address match nothing: the answer is a 404.
            raise ValueError(str(missing)) from None

    def to_url(self, value: Convention | str) -> str:
        return value.slug if isinstance(value, Convention) else str(value).lower()


class ConventionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.convention = None
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        convention = view_kwargs.get("convention")
        request.convention = convention if isinstance(convention, Convention) else None


def default_slug() -> str:
    """The default convention's slug, or raise Http404 when the site has none."""
    if not settings.PLENARY_DEFAULT_CONVENTION:
        raise Http404(_("This address has moved under a convention, e.g. /ccm/."))
    return selectors.convention_named(settings.PLENARY_DEFAULT_CONVENTION).slug


def moved_to(request, prefix: str, rest: str) -> str:
    """The new address of `prefix + rest` under the default convention, with the query."""
    location = f"{prefix}{default_slug()}/{rest}"
    query = request.META.get("QUERY_STRING", "")
    return f"{location}?{query}" if query else location


def legacy_redirect(request, rest: str):
    """301 from an address of before conventions (/meetings/2RC/) to /<default>/meetings/2RC/."""
    if request.method not in ("GET", "HEAD"):
        raise Http404(_("This address has moved under a convention, e.g. /ccm/."))
    return HttpResponsePermanentRedirect(moved_to(request, "/", rest))


def add_convention_argument(parser) -> None:
    parser.add_argument(
        "--convention",
        default=None,
        help="The convention's short name (e.g. CCM); PLENARY_DEFAULT_CONVENTION by default.",
    )


def convention_from(options: dict) -> Convention:
    """The convention a command acts on: --convention, else the site's default.

    Every command asks this first, so it also refuses a NUL byte in any of the command's
    text values (PostgreSQL cannot hold or compare one): a one-line error naming it."""
    for key, value in options.items():
        if isinstance(value, str) and "\x00" in value:
            raise CommandError(f"{key}: a value cannot contain a NUL byte")
    name = options.get("convention") or settings.PLENARY_DEFAULT_CONVENTION
    if not name:
        raise CommandError(NO_DEFAULT_CONVENTION)
    try:
        return selectors.convention_named(name)
    except Http404 as missing:
        raise CommandError(str(missing)) from None
