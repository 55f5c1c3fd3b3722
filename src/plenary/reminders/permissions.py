"""Who may see what is due and manage private feeds.

Every signed-in user sees what is due for them; the Secretariat sees every State's
deadlines and the failed sends. A State's private feed is issued and revoked by the
Secretariat or by that State's own Delegation.
"""

import rules

from plenary.core.permissions import is_delegation_of_state, is_secretariat, is_signed_in

rules.add_perm("reminders.view_own_deadlines", is_signed_in)
rules.add_perm("reminders.view_all_deadlines", is_secretariat)
rules.add_perm("reminders.view_failed_reminders", is_secretariat)
rules.add_perm("reminders.set_preferences", is_signed_in)
# The object is the convention, or `within(convention, state)` for a State's feed.
rules.add_perm("reminders.manage_feed", is_secretariat | is_delegation_of_state)
