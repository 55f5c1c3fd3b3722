"""Who may draft: the Secretariat downloads drafts and adds texts by hand to a report.

The HTML report on a meeting page is public, like the records it is drafted from.
"""

import rules

from plenary.core.permissions import is_secretariat

rules.add_perm("drafting.download_draft", is_secretariat)
rules.add_perm("drafting.add_report_text", is_secretariat)
