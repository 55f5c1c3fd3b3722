"""Who may act on action plans, coordinators and written consultations.

The Secretariat, the ISU and the Presidency keep the plans and the coordinators; the ISU
and the coordinators (and the Secretariat) enter indicator values. The Presidency (or
the Secretariat) issues a consultation and moves its deadline. A Delegation contributes
for its own State or organisation when the consultation is addressed to its kind. The
President's team sees every contribution; others what the consultation's visibility
allows, and each author their own.
"""

import rules

from plenary.core.models import Role
from plenary.core.permissions import (
    current_grants,
    is_coordinator,
    is_isu,
    is_presidency,
    is_secretariat,
    is_signed_in,
)


@rules.predicate
def is_addressed_delegation(user, consultation) -> bool:
    """A Delegation, under the consultation's convention, of a kind (State or
    organisation) the consultation is addressed to."""
    if consultation is None:
        return False
    return any(
        (grant.state_id is not None and consultation.addresses_states)
        or (grant.organisation_id is not None and consultation.addresses_organisations)
        for grant in current_grants(user, consultation.convention)
        if grant.role == Role.DELEGATION
    )


@rules.predicate
def contributions_visible(user, consultation) -> bool:
    """Everyone sees a public consultation's contributions; signed-in users a signed_in one."""
    if consultation is None:
        return False
    if consultation.visibility == "public":
        return True
    return consultation.visibility == "signed_in" and is_signed_in(user)


# The object is the plan, indicator, coordination or consultation (or its convention).
rules.add_perm("action_plan.manage_plan", is_secretariat | is_isu | is_presidency)
rules.add_perm("action_plan.enter_indicator_value", is_secretariat | is_isu | is_coordinator)
rules.add_perm("action_plan.record_coordination", is_secretariat | is_isu | is_presidency)
rules.add_perm("action_plan.issue_consultation", is_presidency | is_secretariat)
# The object is the consultation.
rules.add_perm("action_plan.contribute", is_addressed_delegation)
rules.add_perm("action_plan.view_all_contributions", is_presidency | contributions_visible)
