"""Load the texts added by hand to reports (data/<slug>/report_texts.json), idempotently.

A text already at its place (part, report, section, paragraph, position) is left as
it is, so a second load adds nothing and a text the Secretariat has since reworded
keeps its new wording.
"""

import json
from datetime import date
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import ngettext

from plenary.documents.models import Document
from plenary.drafting import services
from plenary.drafting.models import Letterhead, ReportDocument, ReportText
from plenary.meetings.models import Meeting, MeetingPart
from plenary.treaties.models import Convention
from plenary.treaties.reference import ReferenceDataError


@transaction.atomic
def load_report_texts(*, convention: Convention, directory: Path) -> str | None:
    """Load the convention's report_texts.json; one summary line, or None without one."""
    path = directory / "report_texts.json"
    if not path.exists():
        return None
    records = json.loads(path.read_text(encoding="utf-8"))["texts"]
    added = 0
    for number, record in enumerate(records, start=1):
        where = f"{path.name} text {number}"
        if not record.get("source"):
            raise ReferenceDataError(f"{where}: no source")
        part = MeetingPart.objects.filter(
            meeting__convention=convention, meeting__code=record["meeting"], number=record["part"]
        ).first()
        if part is None:
            raise ReferenceDataError(f"{where}: no part {record['part']} of {record['meeting']}")
        place = {
            "part": part,
            "report_kind": record.get("report_kind", ""),
            "section": record["section"],
            "after": record.get("after", ""),
            "position": record.get("position", 1),
        }
        if ReportText.objects.filter(**place).exists():
            continue
        try:
            services.add_report_text(
                **place,
                body=record["body"],
                placement=record.get("placement", "paragraph"),
                on=date.fromisoformat(record["on"]) if record.get("on") else None,
                source=record["source"],
            )
        except ValidationError as error:
            raise ReferenceDataError(f"{where}: {error.messages}") from error
        added += 1
    return ngettext(
        "Drafting: %(count)s text added by hand to reports.",
        "Drafting: %(count)s texts added by hand to reports.",
        added,
    ) % {"count": added}


@transaction.atomic
def load_letterheads(*, convention: Convention, directory: Path) -> str | None:
    """Load the Presidency's letterheads (data/<slug>/letterheads.json); a meeting that
    has one already keeps it (the Presidency may have changed it since)."""
    path = directory / "letterheads.json"
    if not path.exists():
        return None
    added = 0
    for number, record in enumerate(
        json.loads(path.read_text(encoding="utf-8"))["letterheads"], start=1
    ):
        where = f"{path.name} letterhead {number}"
        if not record.get("source"):
            raise ReferenceDataError(f"{where}: no source")
        meeting = Meeting.objects.filter(convention=convention, code=record["meeting"]).first()
        if meeting is None:
            raise ReferenceDataError(f"{where}: no meeting {record['meeting']}")
        if Letterhead.objects.filter(meeting=meeting).exists():
            continue
        services.set_letterhead(
            meeting=meeting,
            lines=record.get("lines", ""),
            reference=record.get("reference", ""),
            reference_label=record.get("reference_label", ""),
            place=record.get("place", ""),
            signature=record.get("signature", ""),
            by=None,
        )
        added += 1
    return ngettext(
        "Drafting: %(count)s letterhead of the Presidency.",
        "Drafting: %(count)s letterheads of the Presidency.",
        added,
    ) % {"count": added}


@transaction.atomic
def load_reports(*, convention: Convention, directory: Path) -> str | None:
    """Load reports.json: the documents issued as the reports of parts (the symbol, the
    kind of report), linked through the service; one summary line, or None without one."""
    path = directory / "reports.json"
    if not path.exists():
        return None
    records = json.loads(path.read_text(encoding="utf-8"))["reports"]
    linked = 0
    for number, record in enumerate(records, start=1):
        where = f"{path.name} report {number}"
        if not record.get("source"):
            raise ReferenceDataError(f"{where}: no source")
        part = MeetingPart.objects.filter(
            meeting__convention=convention, meeting__code=record["meeting"], number=record["part"]
        ).first()
        document = Document.objects.filter(symbol=record["symbol"]).first()
        if part is None or document is None:
            raise ReferenceDataError(f"{where}: no part {record['part']} or {record['symbol']}")
        if ReportDocument.objects.filter(part=part, report_kind=record["kind"]).exists():
            continue
        try:
            services.issue_report_document(
                part=part, kind=record["kind"], series=document.series, document=document, by=None
            )
        except ValidationError as error:
            raise ReferenceDataError(f"{where}: {error.messages}") from error
        linked += 1
    return ngettext(
        "Drafting: %(count)s report linked to its document.",
        "Drafting: %(count)s reports linked to their documents.",
        linked,
    ) % {"count": linked}
