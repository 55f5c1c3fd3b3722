"""The system's own account: the actor named on changes no person made (the scheduler).

Services take the acting user and check its permission; the scheduler acts as this
account rather than as `by=None`, so the audit trail names it. It cannot sign in (no
usable password, no staff access) and holds only `core.models.SYSTEM_PERMISSIONS`: what it
does (conclude a procedure whose deadline has passed) is the rules' doing, not a role's.
"""

from plenary.core.models import SYSTEM_USERNAME, User


def system_actor() -> User:
    """The system account, created on first use."""
    user = User.objects.filter(username=SYSTEM_USERNAME).first()
    if user is None:
        user = User(username=SYSTEM_USERNAME, first_name="plenary", last_name="(system)")
        user.set_unusable_password()
        user.save()
    return user
