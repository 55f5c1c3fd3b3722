"""/api/v1/{convention}/meetings/{code}/report-texts: texts the Secretariat adds by hand
to a part's report (placed after a drafted paragraph's key, or opening or ending it).

The same services as the report page; a refusal is 422 keyed by field, 403 for anyone but
the Secretariat of the meeting's convention.
"""

from datetime import date

from django.http import Http404
from ninja import Field, Router, Schema, Status

from plenary.api.auth import SIGNED_IN
from plenary.api.errors import ErrorOut
from plenary.api.params import ConventionSlug
from plenary.drafting import services
from plenary.drafting.models import ReportText
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


class ReportTextIn(Schema):
    part: int = Field(1, description="The part's number")
    report_kind: str = Field("", description="interim, final, or blank for every report")
    section: str = Field(description="introduction, organization, work or decisions")
    after: str = ""
    position: int = Field(1, ge=1, le=999)
    placement: str = "paragraph"
    on: date | None = None
    body: str
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
        raise Http404(f"no text {text_id} in the report of {meeting.code}")
    text = services.change_report_text(
        text=text, body=payload.body, reason=payload.reason, by=request.auth
    )
    return Status(200, _out(text))
