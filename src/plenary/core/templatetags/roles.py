"""The roles a signed-in user holds today, for the page header and navigation."""

from django import template

from plenary.core import permissions
from plenary.core.permissions import grants_in_force

register = template.Library()


@register.simple_tag
def held_roles(user) -> list:
    """The user's grants in force today, under every convention."""
    return grants_in_force(user)


@register.simple_tag
def may_somewhere(user, perm: str) -> bool:
    """Whether `user` has `perm` under a convention they hold a role in today (for links;
    the page itself checks the permission on its own convention)."""
    return permissions.may_somewhere(user, perm)
