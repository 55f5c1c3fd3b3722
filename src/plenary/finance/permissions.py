"""Who may see and change the Convention's finances (checked by pages and the API alike).

The Secretariat manages the accounts. The financial status is for the Secretariat, the
Presidency, the ISU and the Delegations of States; a Delegation sees only its own State's
account, which `selectors.accounts_visible_to` enforces on the server.
"""

import rules

from plenary.core.permissions import is_delegation, is_isu, is_presidency, is_secretariat


@rules.predicate
def is_delegation_of_a_state(user) -> bool:
    return bool(is_delegation(user) and user.state_id is not None)


can_manage = is_secretariat
can_view_status = is_secretariat | is_presidency | is_isu | is_delegation_of_a_state

rules.add_perm("finance.manage", can_manage)
rules.add_perm("finance.view_status", can_view_status)
