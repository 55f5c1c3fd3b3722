"""Who may change meetings.

The Secretariat convenes meetings and keeps their plan, officers, agenda and
programme. The focal point of a State's or organisation's Delegation registers and
edits that whole delegation, and nobody else's; the other members of the Delegation
(drafters, approvers, delegates) see its registration read-only. The Secretariat
registers anyone. The deadline is enforced in `services`.
"""

import rules

from plenary.core.permissions import (
    is_delegation_of_organisation,
    is_delegation_of_state,
    is_focal_point_of_organisation,
    is_focal_point_of_state,
    is_secretariat,
    is_signed_in,
)

# The object is the meeting (or its convention, before it exists).
rules.add_perm("meetings.manage_meeting", is_secretariat)
# The object is `within(meeting.convention, participant)`: the State or organisation
# whose delegation it is.
rules.add_perm(
    "meetings.register_delegation",
    is_secretariat | is_focal_point_of_state | is_focal_point_of_organisation,
)
# The same object: the registration of one's own delegation, its note verbale or
# credentials, read by every Delegation user of that participant and the Secretariat.
rules.add_perm(
    "meetings.view_own_delegation",
    is_secretariat | is_delegation_of_state | is_delegation_of_organisation,
)
rules.add_perm("meetings.view_delegations", is_signed_in)
# Every registration with its contact details, accreditation and exports: the object is
# the meeting.
rules.add_perm("meetings.view_registrations", is_secretariat)
