"""`--convention` for the decisions commands: the site's default convention unless given."""

from django.conf import settings
from django.core.management.base import CommandError
from django.http import Http404

from plenary.treaties.models import Convention
from plenary.treaties.selectors import convention_named

NO_CONVENTION = "--convention: name the convention (e.g. CCM), or set PLENARY_DEFAULT_CONVENTION"


def add_convention_argument(parser) -> None:
    parser.add_argument(
        "--convention",
        default=settings.PLENARY_DEFAULT_CONVENTION,
        help="short name of the convention (default: PLENARY_DEFAULT_CONVENTION)",
    )


def convention_of(options) -> Convention:
    if not options["convention"]:
        raise CommandError(NO_CONVENTION)
    try:
        return convention_named(options["convention"])
    except Http404 as error:
        raise CommandError(f"--convention: {error}") from None
