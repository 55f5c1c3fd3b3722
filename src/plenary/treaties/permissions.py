"""Who may change the treaty registry.

The Secretariat keeps the depositary's record, obligations and extensions, and alone
records the date an Article 7 report was received (a Delegation drafts and submits its
report in plenary.reports, which sets that date itself).
"""

import rules

from plenary.core.permissions import is_secretariat, is_signed_in

# The object is the record, or its convention.
rules.add_perm("treaties.record_participation", is_secretariat)
rules.add_perm("treaties.record_obligation", is_secretariat)
rules.add_perm("treaties.grant_extension", is_secretariat)
# The object is the report, or `within(convention, state)`.
rules.add_perm("treaties.submit_transparency_report", is_secretariat)
rules.add_perm("treaties.view_history", is_signed_in)
# Telling a Delegation that the Convention entered into force for its State is the rules'
# doing on the day: no role holds it, the system actor does (core.models.SYSTEM_PERMISSIONS).
rules.add_perm("treaties.notify_entry_into_force", rules.always_deny)
