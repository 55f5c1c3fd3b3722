"""Load a convention's documents, data/<slug>/documents.csv (lists annexed to reports).

Each row goes through `services.create_document`, so a symbol that is malformed or not
of its meeting is refused as it would be from a person. A row whose meeting is not
loaded is skipped and reported; a document already on record is left as it is, so a
second load adds nothing.
"""

import csv
from collections import Counter
from datetime import date
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext, ngettext, npgettext

from plenary.documents import services
from plenary.documents.models import Document
from plenary.meetings.models import Meeting
from plenary.treaties.models import Convention
from plenary.treaties.reference import ReferenceDataError


@transaction.atomic
def load_documents(*, convention: Convention, directory: Path) -> str | None:
    """Load the documents of `convention` from its directory; return one summary line
    (added, already there, skipped), or None when it has no documents.csv."""
    path = Path(directory) / "documents.csv"
    if not path.exists():
        return None
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    meetings = {
        m.symbol_root: m
        for m in Meeting.objects.filter(convention=convention).exclude(symbol_root="")
    }
    known = set(Document.objects.values_list("symbol", flat=True))
    added = kept = 0
    missing: Counter[str] = Counter()
    for line, row in enumerate(rows, start=2):
        row = {key: (value or "").strip() for key, value in row.items()}
        meeting = meetings.get(row["meeting_root"])
        if meeting is None:
            missing[row["meeting_root"]] += 1
            continue
        if row["symbol"] in known:
            kept += 1
            continue
        part = meeting.parts.filter(number=int(row["part"])).first() if row["part"] else None
        try:
            services.create_document(
                meeting=meeting,
                symbol=row["symbol"],
                title=row["title"],
                issued_on=date.fromisoformat(row["issued_on"]) if row["issued_on"] else None,
                part=part,
                source=row["source"],
            )
        except (ValidationError, ValueError) as error:
            where = f"{path.name} line {line} ({row['symbol']})"
            raise ReferenceDataError(f"{where}: {error}") from error
        known.add(row["symbol"])
        added += 1
    counts = {
        "added": npgettext("documents", "%(count)s added", "%(count)s added", added)
        % {"count": added},
        "kept": npgettext(
            "documents", "%(count)s already on record", "%(count)s already on record", kept
        )
        % {"count": kept},
    }
    if not missing:
        return gettext("Documents: %(added)s, %(kept)s.") % counts
    skipped = ", ".join(
        ngettext(
            "%(count)s of %(root)s (meeting not loaded)",
            "%(count)s of %(root)s (meeting not loaded)",
            count,
        )
        % {"count": count, "root": root}
        for root, count in sorted(missing.items())
    )
    return gettext("Documents: %(added)s, %(kept)s; skipped %(skipped)s.") % {
        **counts,
        "skipped": skipped,
    }
