"""Who may issue documents and upload their language versions.

The Secretariat issues symbols and uploads any language version. A Delegation uploads
versions of its own State's submissions only: documents whose submitting States include
its State. Everyone, signed in or not, reads documents and downloads their files.
"""

import rules

from plenary.core.permissions import is_delegation, is_secretariat


@rules.predicate
def is_delegation_of_a_submitting_state(user, document) -> bool:
    if document is None or not is_delegation(user) or user.state_id is None:
        return False
    # Reads the prefetched States when the selector prefetched them.
    return any(state.pk == user.state_id for state in document.submitting_states.all())


rules.add_perm("documents.issue_document", is_secretariat)
rules.add_perm(
    "documents.add_language_version", is_secretariat | is_delegation_of_a_submitting_state
)
rules.add_perm("documents.view_document", rules.always_allow)
