"""Who may act on decisions.

The Presidency or the Secretariat circulates a silence procedure; only the Delegation
of a State Party it was circulated to may break the silence (the deadline and the
one-break-per-State rule are enforced in `services`). A Delegation submits its own
State's extension requests; the ISU and coordinators record the analysis; the
Presidency or the Secretariat the draft decision; the Secretariat records what the
plenary recommended and decided.
"""

import rules

from plenary.core.permissions import (
    is_coordinator,
    is_delegation,
    is_delegation_of_state,
    is_isu,
    is_presidency,
    is_secretariat,
    is_signed_in,
)


@rules.predicate
def is_delegation_of_an_addressee(user, procedure) -> bool:
    """The user is a Delegation of a State the procedure was circulated to."""
    return bool(
        procedure is not None
        and is_delegation(user)
        and user.state_id is not None
        and procedure.addressees.filter(state_id=user.state_id).exists()
    )


rules.add_perm("decisions.circulate_silence_procedure", is_presidency | is_secretariat)
rules.add_perm("decisions.conclude_silence_procedure", is_secretariat)
# The object is the silence procedure.
rules.add_perm("decisions.break_silence", is_delegation_of_an_addressee)
rules.add_perm("decisions.view_silence_breaks", is_signed_in)
rules.add_perm("decisions.record_decision", is_secretariat)
# The object is the State whose request it is.
rules.add_perm("decisions.submit_extension_request", is_secretariat | is_delegation_of_state)
rules.add_perm("decisions.record_analysis", is_secretariat | is_isu | is_coordinator)
rules.add_perm("decisions.record_draft_decision", is_secretariat | is_presidency)
rules.add_perm("decisions.recommend_extension", is_secretariat)
rules.add_perm("decisions.decide_extension_request", is_secretariat)
