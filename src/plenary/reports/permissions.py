"""Who may draft, submit, read and receive Article 7 reports.

A report's draft is private to its State: its Delegation's drafters, approvers and focal
point write it; only an approver or the focal point submits it (one user may be both). A
submitted report is read by the public when the State chose so, and always by the
Secretariat, the ISU and every State Party's Delegation (the Secretary-General transmits
every report to the States Parties). Only the Secretariat records a report received by
e-mail or on paper, or marks a submission processed.

The object is the report, or `within(convention, state)` before the report exists.
"""

import rules
from django.utils import timezone

from plenary.core.models import DelegationFunction, Role
from plenary.core.permissions import (
    convention_of,
    current_grants,
    has_role,
    is_isu,
    is_secretariat,
    party_of,
)
from plenary.reports.models import Visibility
from plenary.treaties.models import Participation

WRITERS = {DelegationFunction.DRAFTER, DelegationFunction.APPROVER, DelegationFunction.FOCAL_POINT}
APPROVERS = {DelegationFunction.APPROVER, DelegationFunction.FOCAL_POINT}


def _of_state(functions=None):
    @rules.predicate
    def predicate(user, obj) -> bool:
        state = party_of(obj)
        return state is not None and has_role(
            user, Role.DELEGATION, convention_of(obj), state=state, functions=functions
        )

    return predicate


is_drafter_of_state = _of_state(WRITERS)
is_approver_of_state = _of_state(APPROVERS)
is_delegation_of_state = _of_state()


@rules.predicate
def is_delegation_of_a_state_party(user, obj) -> bool:
    """The user acts for a State for which the report's convention is in force."""
    convention = convention_of(obj)
    states = [g.state_id for g in current_grants(user, convention) if g.role == Role.DELEGATION]
    states = [s for s in states if s is not None]
    if not states:
        return False
    today = timezone.localdate()
    return (
        Participation.objects.filter(
            convention=convention, state_id__in=states, entry_into_force__lte=today
        )
        .exclude(withdrawal_effective_on__lte=today)
        .exists()
    )


@rules.predicate
def is_public(user, obj) -> bool:
    return getattr(obj, "visibility", None) == Visibility.PUBLIC


rules.add_perm("reports.draft_report", is_drafter_of_state)
rules.add_perm("reports.submit_report", is_approver_of_state)
rules.add_perm("reports.view_draft", is_delegation_of_state)
rules.add_perm(
    "reports.view_report",
    is_public | is_secretariat | is_isu | is_delegation_of_state | is_delegation_of_a_state_party,
)
rules.add_perm("reports.record_received", is_secretariat)
rules.add_perm("reports.process_report", is_secretariat)
