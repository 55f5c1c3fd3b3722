"""Who may change the treaty registry.

The Secretariat keeps the depositary's record, obligations and extensions. A
Delegation submits its own State's Article 7 reports and nobody else's.
"""

import rules

from plenary.core.permissions import is_delegation_of_state, is_secretariat, is_signed_in

# The object is the record, or its convention.
rules.add_perm("treaties.record_participation", is_secretariat)
rules.add_perm("treaties.record_obligation", is_secretariat)
rules.add_perm("treaties.grant_extension", is_secretariat)
# The object is the report, or `within(convention, state)`.
rules.add_perm("treaties.submit_transparency_report", is_secretariat | is_delegation_of_state)
rules.add_perm("treaties.view_history", is_signed_in)
