"""Every write of drafting: the texts the Secretariat adds by hand to a part's report, the
Presidency's letterhead, and the letters and notes verbales recorded as sent."""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from plenary.core.audit import attribute
from plenary.core.validation import check_may, invalid
from plenary.documents import services as documents
from plenary.documents.models import Document, Series
from plenary.drafting.models import (
    Closing,
    Dispatch,
    DispatchForm,
    Letterhead,
    LetterKind,
    NoteKind,
    Placement,
    ReportDocument,
    ReportKind,
    ReportText,
    Section,
    Statement,
)
from plenary.meetings.models import Meeting, MeetingPart

BODY_REQUIRED = _("write the text to add")
UNKNOWN_SECTION = _("the section is one of {choices}, not {value!r}")
UNKNOWN_PLACEMENT = _("the placement is one of {choices}, not {value!r}")
NEEDS_ANCHOR = _("words that open or end a paragraph name that paragraph (after)")
UNKNOWN_KIND = _("the report is one of {choices} (or blank for every report), not {value!r}")
PLACE_TAKEN = _("a text is already at position {position} after {after!r} in this section")
DAY_OUTSIDE_PART = _("{day} is not a day of part {number} ({starts} to {ends})")
NOT_THE_SECRETARIAT = _("only the Secretariat adds texts to a report")
UNKNOWN_STATEMENT = _("the statement is one of {choices}, not {value!r}")
STATEMENT_HAS_NO_BODY = _("a statement is drafted from the records: leave the text empty")
STATEMENT_IS_A_PARAGRAPH = _("a statement is a paragraph of its own")


def _check(
    *, part, section, report_kind, body, on, after, position, exclude=None, statement=""
) -> None:
    if section not in Section.values:
        raise invalid(
            "section", UNKNOWN_SECTION.format(choices=", ".join(Section.values), value=section)
        )
    if report_kind and report_kind not in ReportKind.values:
        raise invalid(
            "report_kind",
            UNKNOWN_KIND.format(choices=", ".join(ReportKind.values), value=report_kind),
        )
    if not body.strip() and not statement:
        raise invalid("body", BODY_REQUIRED)
    if on is not None and not part.starts_on <= on <= part.ends_on:
        raise invalid(
            "on",
            DAY_OUTSIDE_PART.format(
                day=on, number=part.number, starts=part.starts_on, ends=part.ends_on
            ),
        )
    taken = ReportText.objects.filter(
        part=part, report_kind=report_kind, section=section, after=after, position=position
    )
    if exclude is not None:
        taken = taken.exclude(pk=exclude.pk)
    if taken.exists():
        raise invalid("position", PLACE_TAKEN.format(position=position, after=after))


def _check_author(by, part) -> None:
    check_may(by, "drafting.add_report_text", NOT_THE_SECRETARIAT, part)


@transaction.atomic
def add_report_text(
    *,
    part: MeetingPart,
    section: str,
    body: str = "",
    after: str = "",
    position: int = 1,
    placement: str = "paragraph",
    on: date | None = None,
    report_kind: str = "",
    source: str = "",
    statement: str = "",
    reason: str = "",
    by=None,
) -> ReportText:
    """Add a hand-written text to the report of a part, or place there a statement the
    report drafts from the records (`statement`, one of `Statement`, with no body).

    Steps: check the author is the Secretariat (None: a command or the reference
    loader), the section and report kind are known, the body is not empty (a statement:
    empty, and a paragraph of its own), the day is a day of the part and the place is
    free; then save it, attributed (`reason`, the history's change reason).
    """
    _check_author(by, part)
    after = after.strip()
    if statement:
        if statement not in Statement.values:
            raise invalid(
                "statement",
                UNKNOWN_STATEMENT.format(choices=", ".join(Statement.values), value=statement),
            )
        if body.strip():
            raise invalid("body", STATEMENT_HAS_NO_BODY)
        if placement != Placement.PARAGRAPH:
            raise invalid("placement", STATEMENT_IS_A_PARAGRAPH)
    if placement not in Placement.values:
        raise invalid(
            "placement",
            UNKNOWN_PLACEMENT.format(choices=", ".join(Placement.values), value=placement),
        )
    if placement != Placement.PARAGRAPH and not after:
        raise invalid("after", NEEDS_ANCHOR)
    _check(
        part=part,
        section=section,
        report_kind=report_kind,
        body=body,
        on=on,
        after=after,
        position=position,
        statement=statement,
    )
    text = ReportText(
        part=part,
        report_kind=report_kind,
        section=section,
        after=after,
        position=position,
        placement=placement,
        on=on,
        body=body.strip(),
        statement=statement,
        source=source,
        added_by=by if getattr(by, "is_authenticated", False) else None,
    )
    attribute(text, by=by, reason=reason.strip() or "Text added to the report")
    text.save()
    return text


@transaction.atomic
def change_report_text(*, text: ReportText, body: str, reason: str = "", by=None) -> ReportText:
    """Change the wording of a hand-written text (its history keeps the earlier wording).

    Steps: check the author and that the body is not empty; save, attributed.
    """
    _check_author(by, text.part)
    if text.statement:
        raise invalid("body", STATEMENT_HAS_NO_BODY)
    if not body.strip():
        raise invalid("body", BODY_REQUIRED)
    text.body = body.strip()
    attribute(text, by=by, reason=reason.strip() or "Text of the report changed")
    text.save(update_fields=["body"])
    return text


# Letters of the Presidency and notes verbales of the Secretariat: the Presidency's
# letterhead for a meeting, and each letter or note recorded once sent.

NOT_THE_PRESIDENCY = _("only the Presidency of the convention writes its letters")
NOT_THE_SECRETARIAT_NOTE = _("only the Secretariat sends notes verbales")
UNKNOWN_LETTER_KIND = _("the kind of letter is one of {choices}, not {value!r}")
UNKNOWN_NOTE_KIND = _("the kind of note verbale is one of {choices}, not {value!r}")
UNKNOWN_CLOSING = _("the closing is one of {choices}, not {value!r}")
ADDRESSEES_REQUIRED = _("name at least one addressee")
NOT_AN_ANNEX = _("{symbol} is not a document of this meeting")
NOT_OF_THE_MEETING = _("this {what} is not about this meeting")
REFERENCE_REQUIRED = _("a note verbale is sent with its reference (e.g. ODA-2020-00130-CCM)")


def _lines(text: str) -> str:
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


@transaction.atomic
def set_letterhead(
    *,
    meeting: Meeting,
    lines: str = "",
    reference: str = "",
    reference_label: str = "",
    place: str = "",
    signature: str = "",
    by,
) -> Letterhead:
    """Set the Presidency's settings for its letters about a meeting.

    Steps: check the author is the Presidency of the meeting's convention; create or
    update the meeting's letterhead, attributed (its history keeps the earlier one).
    """
    check_may(by, "drafting.write_letter", NOT_THE_PRESIDENCY, meeting)
    head = Letterhead.objects.select_for_update().filter(meeting=meeting).first()
    head = head or Letterhead(meeting=meeting)
    head.lines, head.signature = _lines(lines), _lines(signature)
    head.reference, head.reference_label = reference.strip(), reference_label.strip()
    head.place = place.strip()
    attribute(head, by=by, reason="Letterhead of the Presidency set")
    head.save()
    return head


def _check_dispatch(*, meeting, body, addressees, annexes, procedure, consultation) -> list[str]:
    if not body.strip():
        raise invalid("body", BODY_REQUIRED)
    if not _lines(addressees):
        raise invalid("addressees", ADDRESSEES_REQUIRED)
    known = set(Document.objects.filter(meeting=meeting).values_list("symbol", flat=True))
    annexes = [symbol.strip() for symbol in annexes if symbol.strip()]
    for symbol in annexes:
        if symbol not in known:
            raise invalid("annexes", NOT_AN_ANNEX.format(symbol=symbol))
    if procedure is not None and meeting.pk not in (
        procedure.meeting_id,
        getattr(procedure.meeting, "prepares_id", None),
    ):
        raise invalid("silence_procedure", NOT_OF_THE_MEETING.format(what="silence procedure"))
    if consultation is not None and consultation.meeting_id != meeting.pk:
        raise invalid("consultation", NOT_OF_THE_MEETING.format(what="consultation"))
    return annexes


@transaction.atomic
def record_letter_sent(
    *,
    meeting: Meeting,
    kind: str,
    sent_on: date,
    addressees: str,
    body: str,
    closing: str = Closing.HIGHEST_CONSIDERATION,
    annexes: list[str] = (),
    silence_procedure=None,
    consultation=None,
    by,
) -> Dispatch:
    """Record a letter of the Presidency as sent: its date, addressees, body (as edited),
    closing and annexes.

    Steps: check the author is the Presidency; the kind and closing are known, the body
    and addressees not empty, each annex a document of the meeting and the procedure or
    consultation about it; save the letter with the letterhead's reference, attributed.
    """
    check_may(by, "drafting.write_letter", NOT_THE_PRESIDENCY, meeting)
    if kind not in LetterKind.values:
        raise invalid(
            "kind", UNKNOWN_LETTER_KIND.format(choices=", ".join(LetterKind.values), value=kind)
        )
    if closing not in Closing.values:
        raise invalid(
            "closing", UNKNOWN_CLOSING.format(choices=", ".join(Closing.values), value=closing)
        )
    annexes = _check_dispatch(
        meeting=meeting,
        body=body,
        addressees=addressees,
        annexes=annexes,
        procedure=silence_procedure,
        consultation=consultation,
    )
    head = Letterhead.objects.filter(meeting=meeting).first()
    letter = Dispatch(
        meeting=meeting,
        form=DispatchForm.LETTER,
        kind=kind,
        reference=head.reference if head else "",
        sent_on=sent_on,
        addressees=_lines(addressees),
        body=body.strip(),
        closing=closing,
        annexes=annexes,
        silence_procedure=silence_procedure,
        consultation=consultation,
        recorded_by=by if getattr(by, "is_authenticated", False) else None,
    )
    attribute(letter, by=by, reason="Letter of the Presidency recorded as sent")
    letter.save()
    return letter


@transaction.atomic
def record_note_verbale_sent(
    *,
    meeting: Meeting,
    kind: str,
    reference: str,
    sent_on: date,
    addressees: str,
    body: str,
    by,
) -> Dispatch:
    """Record a note verbale of the Secretariat as sent, with its reference.

    Steps: check the author is the Secretariat; the kind is known, the reference, body and
    addressees are not empty; save the note, attributed.
    """
    check_may(by, "drafting.send_note_verbale", NOT_THE_SECRETARIAT_NOTE, meeting)
    if kind not in NoteKind.values:
        raise invalid(
            "kind", UNKNOWN_NOTE_KIND.format(choices=", ".join(NoteKind.values), value=kind)
        )
    if not reference.strip():
        raise invalid("reference", REFERENCE_REQUIRED)
    _check_dispatch(
        meeting=meeting,
        body=body,
        addressees=addressees,
        annexes=[],
        procedure=None,
        consultation=None,
    )
    note = Dispatch(
        meeting=meeting,
        form=DispatchForm.NOTE_VERBALE,
        kind=kind,
        reference=reference.strip(),
        sent_on=sent_on,
        addressees=_lines(addressees),
        body=body.strip(),
        recorded_by=by if getattr(by, "is_authenticated", False) else None,
    )
    attribute(note, by=by, reason="Note verbale recorded as sent")
    note.save()
    return note


# The report as a document: its symbol (issued by the documents app), its revisions and
# its adoption.

NOT_THE_SECRETARIAT_REPORT = _("only the Secretariat issues the report and records its adoption")
REPORT_ALREADY_ISSUED = _("the {kind} of part {number} is already issued as {symbol}")
UNKNOWN_REPORT_SERIES = _("a report is issued in the {choices} series, not {value!r}")
REPORT_ADOPTED = _("{symbol} was adopted on {day}: its text is final")
ADOPTED_BEFORE_PART = _("{day} is before part {number} began ({starts})")
ADOPTED_BEFORE_ISSUE = _("{day} is before {symbol} was issued ({issued})")
DECISION_OF_ANOTHER_PART = _("this decision was not taken in plenary at part {number}")
REPORT_SERIES = (Series.L, Series.CRP)
NOT_THE_PARTS_REPORT = _("{symbol} is not an L. or CRP. document of this part")


def _report_title(*, part: MeetingPart, kind: str, language: str = "en") -> str:
    """The report's title as drafted (`report/title`): "Interim report of the ..."."""
    from plenary.drafting import wording

    meeting = part.meeting
    return wording.sentence(
        meeting.convention.short_name, language, "report/title", {"meeting": meeting, "kind": kind}
    )


@transaction.atomic
def issue_report_document(
    *,
    part: MeetingPart,
    kind: str,
    series: str = Series.L,
    issued_on: date | None = None,
    document: Document | None = None,
    by,
) -> ReportDocument:
    """Issue the drafted report of a part as a document of its meeting (or link the
    document of the part already issued as its report, `document`: the reference loader).

    Steps: check the author is the Secretariat; the kind is interim or final and the
    series L. or CRP.; refuse a second report of the same kind for the part; issue a
    document under the series' next symbol (`documents.services.issue_document`, which
    checks the Secretariat again and locks the meeting), titled as the report; link it.
    """
    check_may(by, "drafting.issue_report", NOT_THE_SECRETARIAT_REPORT, part)
    if kind not in ReportKind.values:
        raise invalid("kind", UNKNOWN_KIND.format(choices=", ".join(ReportKind.values), value=kind))
    if series not in REPORT_SERIES:
        raise invalid(
            "series",
            UNKNOWN_REPORT_SERIES.format(choices=", ".join(REPORT_SERIES), value=series),
        )
    taken = (
        ReportDocument.objects.select_related("document")
        .filter(part=part, report_kind=kind)
        .first()
    )
    if taken is not None:
        raise invalid(
            "kind",
            REPORT_ALREADY_ISSUED.format(
                kind=ReportKind(kind).label, number=part.number, symbol=taken.document.symbol
            ),
        )
    if document is None:
        document = documents.issue_document(
            meeting=part.meeting,
            title=_report_title(part=part, kind=kind),
            series=series,
            issued_on=issued_on,
            part=part,
            by=by,
        )
    elif document.part_id != part.pk or document.series not in REPORT_SERIES:
        raise invalid("document", NOT_THE_PARTS_REPORT.format(symbol=document.symbol))
    report = ReportDocument(part=part, report_kind=kind, original=document, document=document)
    attribute(report, by=by, reason=f"Report issued as {document.symbol}")
    report.save()
    return report


def _check_not_adopted(report: ReportDocument) -> None:
    if report.adopted:
        raise invalid(
            "report",
            REPORT_ADOPTED.format(symbol=report.document.symbol, day=report.adopted_on),
        )


@transaction.atomic
def revise_report_document(
    *, report: ReportDocument, issued_on: date | None = None, by
) -> ReportDocument:
    """Issue the next revision of the report (L.1/Rev.1, then Rev.2 of it ...).

    Steps: check the author is the Secretariat; lock the report and refuse a report
    already adopted; issue the revision of its current document (the documents app marks
    that one superseded); the revision becomes the report's current text.
    """
    check_may(by, "drafting.issue_report", NOT_THE_SECRETARIAT_REPORT, report.part)
    report = (
        ReportDocument.objects.select_for_update()
        .select_related("part__meeting", "document")
        .get(pk=report.pk)
    )
    _check_not_adopted(report)
    revision = documents.issue_document(
        meeting=report.part.meeting,
        title=report.document.title,
        changes=report.document,
        change="Rev",
        issued_on=issued_on,
        part=report.part,
        by=by,
    )
    report.document = revision
    attribute(report, by=by, reason=f"Revised as {revision.symbol}")
    report.save(update_fields=["document"])
    return report


@transaction.atomic
def record_report_adoption(
    *,
    report: ReportDocument,
    adopted_on: date,
    as_orally_amended: bool = False,
    decision=None,
    by,
) -> ReportDocument:
    """Record that the meeting adopted its report (its current text), "as orally
    amended" or not, and by which decision in plenary when one is recorded.

    Steps: check the author is the Secretariat; lock the report and refuse one already
    adopted; the day is not before the part began nor before the current text was issued;
    the decision, if any, was taken in plenary at the report's part; save, attributed.
    """
    check_may(by, "drafting.issue_report", NOT_THE_SECRETARIAT_REPORT, report.part)
    report = (
        ReportDocument.objects.select_for_update()
        .select_related("part", "document")
        .get(pk=report.pk)
    )
    _check_not_adopted(report)
    part = report.part
    if adopted_on < part.starts_on:
        raise invalid(
            "adopted_on",
            ADOPTED_BEFORE_PART.format(day=adopted_on, number=part.number, starts=part.starts_on),
        )
    issued = report.document.issued_on
    if issued is not None and adopted_on < issued:
        raise invalid(
            "adopted_on",
            ADOPTED_BEFORE_ISSUE.format(
                day=adopted_on, symbol=report.document.symbol, issued=issued
            ),
        )
    if decision is not None and decision.part_id != part.pk:
        raise invalid("decision", DECISION_OF_ANOTHER_PART.format(number=part.number))
    report.adopted_on = adopted_on
    report.as_orally_amended = bool(as_orally_amended)
    report.decision = decision
    report.adoption_recorded_by = by if getattr(by, "is_authenticated", False) else None
    attribute(report, by=by, reason="Adoption of the report recorded")
    report.save()
    return report
