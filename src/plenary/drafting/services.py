"""Every write of drafting: the texts the Secretariat adds by hand to a part's report, the
Presidency's letterhead, and the letters and notes verbales recorded as sent."""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from plenary.core.audit import attribute
from plenary.core.validation import check_may, invalid
from plenary.documents.models import Document
from plenary.drafting.models import (
    Closing,
    Dispatch,
    DispatchForm,
    Letterhead,
    LetterKind,
    NoteKind,
    Placement,
    ReportKind,
    ReportText,
    Section,
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


def _check(*, part, section, report_kind, body, on, after, position, exclude=None) -> None:
    if section not in Section.values:
        raise invalid(
            "section", UNKNOWN_SECTION.format(choices=", ".join(Section.values), value=section)
        )
    if report_kind and report_kind not in ReportKind.values:
        raise invalid(
            "report_kind",
            UNKNOWN_KIND.format(choices=", ".join(ReportKind.values), value=report_kind),
        )
    if not body.strip():
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
    body: str,
    after: str = "",
    position: int = 1,
    placement: str = "paragraph",
    on: date | None = None,
    report_kind: str = "",
    source: str = "",
    reason: str = "",
    by=None,
) -> ReportText:
    """Add a hand-written text to the report of a part.

    Steps: check the author is the Secretariat (None: a command or the reference
    loader), the section and report kind are known, the body is not empty, the day is a
    day of the part and the place is free; then save it, attributed (`reason`, the
    history's change reason).
    """
    _check_author(by, part)
    after = after.strip()
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
