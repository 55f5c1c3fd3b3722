"""Who may act on decisions.

The Presidency or the Secretariat circulates a silence procedure; only the Delegation
of a State Party it was circulated to may break the silence (the deadline and the
one-break-per-State rule are enforced in `services`). A Delegation submits its own
State's extension requests; the ISU and coordinators record the analysis; the
Presidency or the Secretariat the draft decision; the Secretariat records what the
plenary recommended and decided.
"""

import rules

from plenary.core.models import Role
from plenary.core.permissions import (
    current_grants,
    is_coordinator,
    is_delegation_of_state,
    is_isu,
    is_presidency,
    is_secretariat,
    is_signed_in,
)


@rules.predicate
def is_delegation_of_an_addressee(user, procedure) -> bool:
    """The user is a Delegation, under the procedure's convention, of a State the
    procedure was circulated to."""
    if procedure is None:
        return False
    states = {
        grant.state_id
        for grant in current_grants(user, procedure.convention)
        if grant.role == Role.DELEGATION and grant.state_id is not None
    }
    return bool(states) and procedure.addressees.filter(state_id__in=states).exists()


# Every object below is the record acted on (or its convention, before it exists).
rules.add_perm("decisions.circulate_silence_procedure", is_presidency | is_secretariat)
rules.add_perm("decisions.conclude_silence_procedure", is_secretariat)
# Extend or withdraw an open procedure; the object is the procedure.
rules.add_perm("decisions.change_silence_procedure", is_presidency | is_secretariat)
# The object is the silence procedure.
rules.add_perm("decisions.break_silence", is_delegation_of_an_addressee)
rules.add_perm("decisions.view_silence_breaks", is_signed_in)
rules.add_perm("decisions.record_decision", is_secretariat)
# The object is the obligation, or `within(convention, state)`.
rules.add_perm("decisions.submit_extension_request", is_secretariat | is_delegation_of_state)
rules.add_perm("decisions.record_analysis", is_secretariat | is_isu | is_coordinator)
rules.add_perm("decisions.record_draft_decision", is_secretariat | is_presidency)
rules.add_perm("decisions.submit_draft_decision", is_secretariat | is_presidency)
rules.add_perm("decisions.recommend_extension", is_secretariat)
rules.add_perm("decisions.decide_extension_request", is_secretariat)
