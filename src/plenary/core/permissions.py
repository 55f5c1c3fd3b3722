"""Who may do what: role predicates shared by every app's permissions module.

The `rules` library evaluates these for pages (`user.has_perm`) and for the
API alike, so a permission is checked on the server in exactly one place.
"""

import rules

from plenary.core.models import Role


def _has_role(role: Role):
    @rules.predicate(name=f"is_{role.value}")
    def predicate(user) -> bool:
        return bool(user and user.is_authenticated and user.is_active and user.role == role)

    return predicate


is_secretariat = _has_role(Role.SECRETARIAT)
is_presidency = _has_role(Role.PRESIDENCY)
is_isu = _has_role(Role.ISU)
is_coordinator = _has_role(Role.COORDINATOR)
is_delegation = _has_role(Role.DELEGATION)
is_observer = _has_role(Role.OBSERVER)
is_signed_in = rules.is_authenticated & rules.is_active


def _is(obj, label: str) -> bool:
    # By label, not class: core does not import the treaty registry.
    return obj is not None and getattr(getattr(obj, "_meta", None), "label", None) == label


@rules.predicate
def is_delegation_of_state(user, state) -> bool:
    """The user is a Delegation acting for this very State (`state` is a State)."""
    return bool(
        _is(state, "treaties.State")
        and is_delegation(user)
        and user.state_id is not None
        and user.state_id == state.pk
    )


@rules.predicate
def is_delegation_of_organisation(user, organisation) -> bool:
    """The user is a Delegation acting for this very organisation."""
    return bool(
        _is(organisation, "treaties.Organisation")
        and is_delegation(user)
        and user.organisation_id is not None
        and user.organisation_id == organisation.pk
    )


rules.add_perm("core.view_history", is_signed_in)
