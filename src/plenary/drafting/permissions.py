"""Who may draft: the Secretariat downloads drafts, adds texts by hand to a report and
sends notes verbales; the Presidency writes its letters (and sets its letterhead).

The HTML report on a meeting page is public, like the records it is drafted from.
"""

import rules

from plenary.core.permissions import is_presidency, is_secretariat

rules.add_perm("drafting.download_draft", is_secretariat)
rules.add_perm("drafting.add_report_text", is_secretariat)
rules.add_perm("drafting.write_letter", is_presidency)
rules.add_perm("drafting.send_note_verbale", is_secretariat)
rules.add_perm("drafting.issue_report", is_secretariat)
