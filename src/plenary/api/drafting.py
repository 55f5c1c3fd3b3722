"""/api/v1/{convention}/meetings/{code}/report-texts: texts the Secretariat adds by hand
to a part's report (placed after a drafted paragraph's key, or opening or ending it).

The same services as the report page; a refusal is 422 keyed by field, 403 for anyone but
the Secretariat of the meeting's convention.
"""

from datetime import date

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from plenary.api.auth import SIGNED_IN
from plenary.api.errors import ErrorOut
from plenary.api.pagination import paged
from plenary.api.params import ConventionSlug
from plenary.drafting import content, letters, selectors, services
from plenary.drafting.models import LetterKind, NoteKind, ReportText
from plenary.meetings import selectors as meetings
from plenary.treaties.selectors import convention_named

router = Router(tags=["drafting"])

ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


class ReportTextOut(Schema):
    id: int
    part: int
    report_kind: str = Field(description="interim, final, or blank for every report")
    section: str
    after: str = Field(description="Key of the drafted paragraph; blank: end of the section")
    position: int
    placement: str = Field(description="paragraph, start or end")
    on: date | None
    body: str
    statement: str = Field("", description="A statement drafted from the records, or blank")


class ReportTextIn(Schema):
    part: int = Field(1, description="The part's number")
    report_kind: str = Field("", description="interim, final, or blank for every report")
    section: str = Field(description="introduction, organization, work or decisions")
    after: str = ""
    position: int = Field(1, ge=1, le=999)
    placement: str = "paragraph"
    on: date | None = None
    body: str = ""
    statement: str = Field(
        "",
        description="A statement drafted from the records: status, transparency,"
        " financial_status, stockpile_destruction or obligations",
    )
    reason: str = Field("", max_length=100, description="For the history")


class ReportTextChangeIn(Schema):
    body: str
    reason: str = Field("", max_length=100, description="For the history")


def _out(text: ReportText) -> dict:
    return {
        "id": text.pk,
        "part": text.part.number,
        "report_kind": text.report_kind,
        "section": text.section,
        "after": text.after,
        "position": text.position,
        "placement": text.placement,
        "on": text.on,
        "body": text.body,
        "statement": text.statement,
    }


@router.post(
    "/meetings/{code}/report-texts", response={201: ReportTextOut, **ERRORS}, auth=SIGNED_IN
)
def add_report_text(request, convention: ConventionSlug, code: str, payload: ReportTextIn):
    """The Secretariat adds a text by hand to the report of a part."""
    part = meetings.part_by_reference(code, payload.part, convention=convention_named(convention))
    text = services.add_report_text(
        part=part,
        section=payload.section,
        body=payload.body,
        after=payload.after,
        position=payload.position,
        placement=payload.placement,
        on=payload.on,
        report_kind=payload.report_kind,
        statement=payload.statement,
        reason=payload.reason,
        by=request.auth,
    )
    return Status(201, _out(text))


@router.put(
    "/meetings/{code}/report-texts/{text_id}",
    response={200: ReportTextOut, **ERRORS},
    auth=SIGNED_IN,
)
def change_report_text(
    request, convention: ConventionSlug, code: str, text_id: int, payload: ReportTextChangeIn
):
    """The Secretariat changes the wording of a text added by hand (history keeps the old)."""
    meeting = meetings.meeting_by_reference(code, convention=convention_named(convention))
    text = (
        ReportText.objects.select_related("part").filter(pk=text_id, part__meeting=meeting).first()
    )
    if text is None:
        raise Http404(
            _("no text %(text_id)s in the report of %(code)s")
            % {"text_id": text_id, "code": meeting.code}
        )
    text = services.change_report_text(
        text=text, body=payload.body, reason=payload.reason, by=request.auth
    )
    return Status(200, _out(text))


# Letters of the Presidency and notes verbales of the Secretariat: drafted from the
# records (GET .../letters/draft, .../notes-verbales/draft), recorded once sent (POST), and
# listed (GET .../dispatches). Refusals: 403 for the wrong role, 422 keyed by field.


class DispatchOut(Schema):
    id: int
    form: str = Field(description="letter or note_verbale")
    kind: str
    reference: str
    sent_on: date
    addressees: list[str]
    body: str
    closing: str
    annexes: list[str]


class DraftOut(Schema):
    kind: str
    body: str = Field(description="Drafted from the records; paragraphs parted by a blank line")
    missing: list[str]


class LetterIn(Schema):
    kind: str = Field(description="convening, postponement, silence_result, next_steps, ...")
    sent_on: date
    addressees: list[str]
    body: str
    closing: str = "highest_consideration"
    annexes: list[str] = Field(default_factory=list, description="Document symbols")
    silence_procedure: int | None = None
    consultation: int | None = None


class LetterheadIn(Schema):
    lines: str = ""
    reference: str = ""
    reference_label: str = ""
    place: str = ""
    signature: str = ""


class NoteVerbaleIn(Schema):
    kind: str = Field(description="convening, registration or transparency")
    reference: str
    sent_on: date
    addressees: list[str]
    body: str


def _dispatch(dispatch) -> dict:
    return {
        "id": dispatch.pk,
        "form": dispatch.form,
        "kind": dispatch.kind,
        "reference": dispatch.reference,
        "sent_on": dispatch.sent_on,
        "addressees": dispatch.addressees.splitlines(),
        "body": dispatch.body,
        "closing": dispatch.closing,
        "annexes": dispatch.annexes,
    }


def _meeting(convention, code):
    return meetings.meeting_by_reference(code, convention=convention_named(convention))


@router.get("/meetings/{code}/dispatches", response={200: list[DispatchOut], **ERRORS})
@paged
def list_dispatches(request, convention: ConventionSlug, code: str):
    """The letters and notes verbales recorded as sent about a meeting, oldest first."""
    return [_dispatch(d) for d in selectors.dispatches_of(meeting=_meeting(convention, code))]


@router.get("/meetings/{code}/letters/draft", response={200: DraftOut, **ERRORS}, auth=SIGNED_IN)
def draft_letter(
    request,
    convention: ConventionSlug,
    code: str,
    kind: str = "free",
    on: date | None = None,
    silence_procedure: int | None = None,
    consultation: int | None = None,
):
    """The body of a letter of `kind` drafted from the records (the Presidency)."""
    meeting = _meeting(convention, code)
    if not request.auth.has_perm("drafting.write_letter", meeting):
        raise PermissionDenied(services.NOT_THE_PRESIDENCY)
    if kind not in LetterKind.values:
        raise ValidationError(
            {
                "kind": services.UNKNOWN_LETTER_KIND.format(
                    choices=", ".join(LetterKind.values), value=kind
                )
            }
        )
    records = selectors.letter_records(
        meeting=meeting,
        on=on or timezone.localdate(),
        procedure_id=silence_procedure,
        consultation_id=consultation,
    )
    body = letters.letter_body(records, kind=kind)
    drafted = letters.letter(records, kind=kind, body=body)
    return {"kind": kind, "body": body, "missing": drafted.missing}


@router.put("/meetings/{code}/letterhead", response={200: LetterheadIn, **ERRORS}, auth=SIGNED_IN)
def set_letterhead(request, convention: ConventionSlug, code: str, payload: LetterheadIn):
    """The Presidency sets its letterhead, reference, place and signature for a meeting."""
    head = services.set_letterhead(
        meeting=_meeting(convention, code), by=request.auth, **payload.dict()
    )
    return {
        "lines": head.lines,
        "reference": head.reference,
        "reference_label": head.reference_label,
        "place": head.place,
        "signature": head.signature,
    }


@router.post("/meetings/{code}/letters", response={201: DispatchOut, **ERRORS}, auth=SIGNED_IN)
def record_letter(request, convention: ConventionSlug, code: str, payload: LetterIn):
    """The Presidency records a letter as sent (its body as edited)."""
    meeting = _meeting(convention, code)
    procedure = next(
        (
            p
            for p in selectors.meeting_procedures(meeting=meeting)
            if p.pk == payload.silence_procedure
        ),
        None,
    )
    consultation = next(
        (
            c
            for c in selectors.meeting_consultations(meeting=meeting)
            if c.pk == payload.consultation
        ),
        None,
    )
    if payload.silence_procedure is not None and procedure is None:
        raise Http404(
            _("no silence procedure %(silence_procedure)s about %(code)s")
            % {"silence_procedure": payload.silence_procedure, "code": meeting.code}
        )
    if payload.consultation is not None and consultation is None:
        raise Http404(
            _("no consultation %(consultation)s about %(code)s")
            % {"consultation": payload.consultation, "code": meeting.code}
        )
    letter = services.record_letter_sent(
        meeting=meeting,
        kind=payload.kind,
        sent_on=payload.sent_on,
        addressees="\n".join(payload.addressees),
        body=payload.body,
        closing=payload.closing,
        annexes=payload.annexes,
        silence_procedure=procedure,
        consultation=consultation,
        by=request.auth,
    )
    return Status(201, _dispatch(letter))


@router.get(
    "/meetings/{code}/notes-verbales/draft", response={200: DraftOut, **ERRORS}, auth=SIGNED_IN
)
def draft_note_verbale(
    request,
    convention: ConventionSlug,
    code: str,
    kind: str = "convening",
    on: date | None = None,
    reference: str = "",
    language: str = "en",
):
    """The paragraphs of a note verbale of `kind` drafted from the records (the Secretariat),
    in `language` (en, fr or es)."""
    meeting = _meeting(convention, code)
    if not request.auth.has_perm("drafting.send_note_verbale", meeting):
        raise PermissionDenied(services.NOT_THE_SECRETARIAT_NOTE)
    if kind not in NoteKind.values:
        raise ValidationError(
            {
                "kind": services.UNKNOWN_NOTE_KIND.format(
                    choices=", ".join(NoteKind.values), value=kind
                )
            }
        )
    records = selectors.convening_records(meeting=meeting, on=on or timezone.localdate())
    if language not in dict(settings.LANGUAGES):
        raise ValidationError(
            {
                "language": _("%(language)r is not one of %(choices)s")
                % {"language": language, "choices": list(dict(settings.LANGUAGES))}
            }
        )
    drafted = content.convening_note(records, reference=reference, kind=kind, language=language)
    return {"kind": kind, "body": letters.note_body(drafted), "missing": drafted.missing}


@router.post(
    "/meetings/{code}/notes-verbales", response={201: DispatchOut, **ERRORS}, auth=SIGNED_IN
)
def record_note_verbale(request, convention: ConventionSlug, code: str, payload: NoteVerbaleIn):
    """The Secretariat records a note verbale as sent, with its reference."""
    note = services.record_note_verbale_sent(
        meeting=_meeting(convention, code),
        kind=payload.kind,
        reference=payload.reference,
        sent_on=payload.sent_on,
        addressees="\n".join(payload.addressees),
        body=payload.body,
        by=request.auth,
    )
    return Status(201, _dispatch(note))


# The report as a document: GET .../reports lists the reports of a meeting's parts issued
# as documents; the Secretariat issues one (POST), revises it (POST .../revisions) and
# records its adoption (PUT .../adoption). Refusals: 403 for the wrong role, 422 by field.


class ReportDocumentOut(Schema):
    id: int
    part: int
    report_kind: str
    symbol: str = Field(description="The current text: the original or its latest revision")
    texts: list[str] = Field(description="Every text's symbol, the first to the current")
    adopted_on: date | None
    as_orally_amended: bool
    decision: int | None = Field(description="The decision in plenary that adopted it")


class ReportDocumentIn(Schema):
    part: int = Field(1, description="The part's number")
    report_kind: str = Field("interim", description="interim or final")
    series: str = Field("L", description="L or CRP")
    issued_on: date | None = None


class ReportRevisionIn(Schema):
    issued_on: date | None = None


class ReportAdoptionIn(Schema):
    adopted_on: date
    as_orally_amended: bool = False
    decision: int | None = Field(None, description="A decision taken in plenary at the part")


def _report_out(found) -> dict:
    report = found.report
    return {
        "id": report.pk,
        "part": report.part.number,
        "report_kind": report.report_kind,
        "symbol": report.document.symbol,
        "texts": [document.symbol for document in found.revisions],
        "adopted_on": report.adopted_on,
        "as_orally_amended": report.as_orally_amended,
        "decision": report.decision_id,
    }


def _report_of(meeting, report_id: int):
    found = next(
        (r for r in selectors.reports_of(meeting=meeting) if r.report.pk == report_id), None
    )
    if found is None:
        raise Http404(
            _("no report %(report_id)s of %(code)s")
            % {"report_id": report_id, "code": meeting.code}
        )
    return found


@router.get("/meetings/{code}/reports", response={200: list[ReportDocumentOut], **ERRORS})
@paged
def list_reports(request, convention: ConventionSlug, code: str):
    """The reports of a meeting's parts issued as documents: symbol, texts, adoption."""
    return [_report_out(r) for r in selectors.reports_of(meeting=_meeting(convention, code))]


@router.post(
    "/meetings/{code}/reports", response={201: ReportDocumentOut, **ERRORS}, auth=SIGNED_IN
)
def issue_report(request, convention: ConventionSlug, code: str, payload: ReportDocumentIn):
    """The Secretariat issues the report of a part under the next symbol of the series."""
    part = meetings.part_by_reference(code, payload.part, convention=convention_named(convention))
    report = services.issue_report_document(
        part=part,
        kind=payload.report_kind,
        series=payload.series,
        issued_on=payload.issued_on,
        by=request.auth,
    )
    return Status(201, _report_out(_report_of(part.meeting, report.pk)))


@router.post(
    "/meetings/{code}/reports/{report_id}/revisions",
    response={201: ReportDocumentOut, **ERRORS},
    auth=SIGNED_IN,
)
def revise_report(
    request, convention: ConventionSlug, code: str, report_id: int, payload: ReportRevisionIn
):
    """The Secretariat issues the next revision of the report (L.1/Rev.1)."""
    meeting = _meeting(convention, code)
    found = _report_of(meeting, report_id)
    services.revise_report_document(
        report=found.report, issued_on=payload.issued_on, by=request.auth
    )
    return Status(201, _report_out(_report_of(meeting, report_id)))


@router.put(
    "/meetings/{code}/reports/{report_id}/adoption",
    response={200: ReportDocumentOut, **ERRORS},
    auth=SIGNED_IN,
)
def adopt_report(
    request, convention: ConventionSlug, code: str, report_id: int, payload: ReportAdoptionIn
):
    """The Secretariat records the adoption of the report, as orally amended or not."""
    meeting = _meeting(convention, code)
    found = _report_of(meeting, report_id)
    decision = None
    if payload.decision is not None:
        decision = next(
            (d for d in selectors.decisions_of(part=found.report.part) if d.pk == payload.decision),
            None,
        )
        if decision is None:
            raise ValidationError(
                {
                    "decision": services.DECISION_OF_ANOTHER_PART.format(
                        number=found.report.part.number
                    )
                }
            )
    services.record_report_adoption(
        report=found.report,
        adopted_on=payload.adopted_on,
        as_orally_amended=payload.as_orally_amended,
        decision=decision,
        by=request.auth,
    )
    return Status(200, _report_out(_report_of(meeting, report_id)))
