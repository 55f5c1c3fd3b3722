"""Who may issue documents and upload their language versions.

The Secretariat issues symbols and uploads any language version. A Delegation uploads
versions of its own State's submissions only: documents whose submitting States include
its State. Everyone, signed in or not, reads documents and downloads their files.
"""

import rules

from plenary.core.models import Role
from plenary.core.permissions import convention_of, current_grants, is_secretariat


@rules.predicate
def is_delegation_of_a_submitting_state(user, document) -> bool:
    """A Delegation, under the document's convention, of one of its submitting States."""
    if document is None:
        return False
    states = {
        grant.state_id
        for grant in current_grants(user, convention_of(document))
        if grant.role == Role.DELEGATION and grant.state_id is not None
    }
    # Reads the prefetched States when the selector prefetched them.
    return bool(states) and any(state.pk in states for state in document.submitting_states.all())


# The object is the meeting (or a document of it).
rules.add_perm("documents.issue_document", is_secretariat)
rules.add_perm(
    "documents.add_language_version", is_secretariat | is_delegation_of_a_submitting_state
)
rules.add_perm("documents.view_document", rules.always_allow)
