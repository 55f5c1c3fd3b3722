"""Who may see and change the Convention's finances (checked by pages and the API alike).

The Secretariat manages the accounts. The financial status is for the Secretariat, the
Presidency, the ISU and the Delegations of States; a Delegation sees only its own State's
account, which `selectors.accounts_visible_to` enforces on the server.
"""

import rules

from plenary.core.models import Role
from plenary.core.permissions import (
    convention_of,
    current_grants,
    is_isu,
    is_presidency,
    is_secretariat,
)


@rules.predicate
def is_delegation_of_a_state(user, obj) -> bool:
    """A Delegation of some State under the record's convention."""
    return any(
        grant.role == Role.DELEGATION and grant.state_id is not None
        for grant in current_grants(user, convention_of(obj))
    )


can_manage = is_secretariat
can_view_status = is_secretariat | is_presidency | is_isu | is_delegation_of_a_state

# The object is the record (estimate, assessment, budget...) or the convention.
rules.add_perm("finance.manage", can_manage)
# Record the decision approving an estimate (the object is the estimate); the system
# holds it too, to carry out a silence procedure that approves one.
rules.add_perm("finance.approve_cost_estimate", can_manage)
rules.add_perm("finance.view_status", can_view_status)
