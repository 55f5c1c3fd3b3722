"""What `backup` and `restore` say they wrote, in the active language."""

from django.utils.translation import ngettext

from plenary.core.backup import Summary


def rows_and_files(summary: Summary) -> dict[str, str]:
    """The counts of `summary`, each with its noun in the right plural."""
    return {
        "path": str(summary.path),
        "rows": ngettext("%(count)s row", "%(count)s rows", summary.rows) % {"count": summary.rows},
        "files": ngettext("%(count)s file", "%(count)s files", summary.files)
        % {"count": summary.files},
    }
