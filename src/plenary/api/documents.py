"""/api/v1/{convention}/documents and a meeting's next symbol: documents and their files."""

from datetime import date, datetime
from typing import Annotated, Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from ninja import Field, File, Form, Router, Schema, Status
from ninja.files import UploadedFile
from ninja.params import functions

from plenary.api.auth import SIGNED_IN
from plenary.api.errors import ErrorOut
from plenary.api.pagination import Rows, paged
from plenary.api.params import ConventionSlug
from plenary.core.translations import translations_of
from plenary.documents import selectors, services
from plenary.documents.models import Document, LanguageVersion
from plenary.meetings import selectors as meetings
from plenary.treaties.models import State
from plenary.treaties.selectors import convention_named

router = Router(tags=["documents"])

ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}
SeriesName = Literal["main", "L", "WP", "CRP", "INF", "MISC"]
NEED_MEETING_OR_SEARCH = _("give a meeting, or a search with q")
SERIES = "The series: main (numbered documents), L, WP, CRP, INF or MISC."


class VersionOut(Schema):
    language: str
    is_original: bool
    title: str = Field(description="The title this version prints; blank: the document's")
    size: int
    content_type: str
    sha256: str
    uploaded_at: datetime
    download_url: str


class DocumentOut(Schema):
    symbol: str
    title: str = Field(description="As in the original version, `original_language`")
    original_language: str
    title_translations: dict[str, str] = Field(
        description='The titles its versions in other languages print: {"fr": "..."}'
    )
    meeting: str
    series: str
    number: int
    suffixes: list[str]
    part: int | None
    issued_on: date | None
    status: str
    submitted_by: str
    submitting_states: list[str]
    agenda_items: list[str]
    revises: str | None
    languages: list[VersionOut]


class AllocateIn(Schema):
    title: str


class IssueIn(Schema):
    title: str
    symbol: str | None = Field(
        None, description="A symbol of the meeting's own; blank: the next free one"
    )
    series: SeriesName = Field("main", description=SERIES)
    changes: str | None = Field(
        None, description="The symbol of the document revised, corrected or added to"
    )
    change: Literal["Rev", "Corr", "Add"] = "Rev"
    submitted_by: str = "secretariat"
    submitting_states: list[str] = Field([], description="ISO 3166 alpha-3 codes")
    agenda_items: list[str] = Field([], description="Items of the meeting's agenda: 7 or 7b")
    issued_on: date | None = None
    status: Literal["advance", "issued"] = "issued"


class StatusIn(Schema):
    status: Literal["advance", "issued", "superseded", "withdrawn"]


def _series(series: str | None) -> str | None:
    return "" if series == "main" else series


def _version_out(request, convention, document: Document, version: LanguageVersion) -> dict:
    return {
        "language": version.language,
        "is_original": version.is_original,
        "title": version.title,
        "size": version.size,
        "content_type": version.content_type,
        "sha256": version.sha256,
        "uploaded_at": version.uploaded_at,
        "download_url": request.build_absolute_uri(
            reverse(
                "documents:download",
                args=[convention, document.symbol, version.language],
            )
        ),
    }


def _document_out(request, convention, document: Document) -> dict:
    return {
        "symbol": document.symbol,
        "title": document.title,
        "original_language": document.original_language,
        "title_translations": translations_of(document, "title"),
        "meeting": document.meeting.code,
        "series": document.series,
        "number": document.number,
        "suffixes": document.suffixes.split("/") if document.suffixes else [],
        "part": document.part.number if document.part_id else None,
        "issued_on": document.issued_on,
        "status": document.status,
        "submitted_by": document.submitted_by,
        "submitting_states": [state.iso3 for state in document.submitting_states.all()],
        "agenda_items": [f"{item.number}{item.letter}" for item in document.agenda_items.all()],
        "revises": document.revises.symbol if document.revises_id else None,
        "languages": [
            _version_out(request, convention, document, v) for v in document.versions.all()
        ],
    }


@router.get("/documents", response={200: list[DocumentOut], **ERRORS})
@paged
def list_documents(
    request,
    convention: ConventionSlug,
    meeting: Annotated[
        str | None,
        functions.Query(None, description="A meeting's code or its symbol root"),
    ] = None,
    series: Annotated[
        SeriesName | None, functions.Query(None, description="Only this series")
    ] = None,
    agenda_item: Annotated[
        str | None, functions.Query(None, description="Only on this agenda item, e.g. 7 or 7b")
    ] = None,
    language: Annotated[
        Literal["ar", "zh", "en", "fr", "ru", "es"] | None,
        functions.Query(None, description="Only documents available in this language"),
    ] = None,
    q: Annotated[
        str, functions.Query("", description="The symbol, or words that are all in the title")
    ] = "",
):
    """A meeting's documents (by its code, 2RC, or symbol root, CCM/CONF/2020) in the order
    of a list-of-documents annex; without a meeting, the documents matching `q`."""
    convention = convention_named(convention)
    if meeting is None:
        if not q.strip():
            raise ValidationError({"meeting": [NEED_MEETING_OR_SEARCH]})
        found = selectors.search_documents(convention=convention, search=q)
        return Rows(found, lambda d: _document_out(request, convention, d))
    try:
        documents = selectors.documents_of(
            meeting=selectors.meeting_for(meeting, convention=convention),
            series=_series(series),
            agenda_item=agenda_item,
            language=language,
            search=q,
            listed=False,
        )
    except ValueError as error:
        raise ValidationError({"agenda_item": [str(error)]}) from None
    return Rows(documents, lambda d: _document_out(request, convention, d))


# Declared before GET /documents/{symbol}: the symbol's path would otherwise swallow it.
@router.post(
    "/documents/{path:symbol}/versions",
    response={201: VersionOut, **ERRORS},
    auth=SIGNED_IN,
)
def add_language_version(
    request,
    convention: ConventionSlug,
    symbol: str,
    language: Form[str],
    file: File[UploadedFile],
    is_original: Form[bool] = False,
    title: Form[str | None] = None,
):
    """Upload the file (PDF or .docx) of a document in one language, or replace it. The
    Secretariat uploads for any document; a Delegation for its own State's documents."""
    convention = convention_named(convention)
    document = selectors.document_with_symbol(symbol, convention=convention)
    if not request.auth.has_perm("documents.add_language_version", document):
        raise PermissionDenied(services.MAY_NOT_UPLOAD)
    version = services.add_language_version(
        document=document,
        language=language,
        upload=file,
        is_original=is_original,
        title=title,
        by=request.auth,
    )
    return Status(201, _version_out(request, convention, document, version))


@router.post(
    "/documents/{path:symbol}/status", response={200: DocumentOut, **ERRORS}, auth=SIGNED_IN
)
def mark_document(request, convention: ConventionSlug, symbol: str, payload: StatusIn):
    """Mark a document advance, issued, superseded or withdrawn (the Secretariat)."""
    convention = convention_named(convention)
    document = selectors.document_with_symbol(symbol, convention=convention)
    services.mark_document(document=document, status=payload.status, by=request.auth)
    document = selectors.document_with_symbol(symbol, convention=convention)
    return _document_out(request, convention, document)


class VersionTitleIn(Schema):
    language: str = Field(description="The language version's code: ar, zh, en, fr, ru, es")
    title: str = Field(max_length=1000, description="As it prints it; blank removes it")


# Before the document's own address: its path would take ".../title" as part of the symbol.
@router.put("/documents/{path:symbol}/title", response={200: VersionOut, **ERRORS}, auth=SIGNED_IN)
def set_version_title(request, convention: ConventionSlug, symbol: str, payload: VersionTitleIn):
    """Give the title a language version prints (whoever may upload its versions)."""
    convention = convention_named(convention)
    document = selectors.document_with_symbol(symbol, convention=convention)
    version = selectors.language_version(document=document, language=payload.language)
    version = services.set_version_title(version=version, title=payload.title, by=request.auth)
    return _version_out(request, convention, document, version)


@router.get("/documents/{path:symbol}", response={200: DocumentOut, **ERRORS})
def get_document(request, convention: ConventionSlug, symbol: str):
    convention = convention_named(convention)
    document = selectors.document_with_symbol(symbol, convention=convention)
    return _document_out(request, convention, document)


@router.post(
    "/meetings/{code}/documents/next-symbol",
    response={201: DocumentOut, **ERRORS},
    auth=SIGNED_IN,
)
def allocate_next_symbol(
    request, convention: ConventionSlug, code: str, payload: AllocateIn, series: SeriesName = "main"
):
    """Reserve the next free symbol of a series for a new document (the Secretariat)."""
    convention = convention_named(convention)
    meeting = selectors.meeting_for(code, convention=convention)
    if not request.auth.has_perm("documents.issue_document", meeting):
        raise PermissionDenied(services.MAY_NOT_ISSUE)
    document = services.allocate_next_symbol(
        meeting=meeting,
        series=_series(series),
        title=payload.title,
        by=request.auth,
    )
    document = selectors.document_with_symbol(document.symbol, convention=convention)
    return Status(201, _document_out(request, convention, document))


@router.post("/meetings/{code}/documents", response={201: DocumentOut, **ERRORS}, auth=SIGNED_IN)
def issue_document(request, convention: ConventionSlug, code: str, payload: IssueIn):
    """Issue a document of the meeting (the Secretariat): under the next free symbol of a
    series, as the next Rev./Corr./Add. of a document (`changes`), or under a symbol given,
    which must be the meeting's own and free."""
    convention = convention_named(convention)
    meeting = selectors.meeting_for(code, convention=convention)
    states = list(State.objects.filter(iso3__in=[c.upper() for c in payload.submitting_states]))
    if len(states) != len(set(payload.submitting_states)):
        raise ValidationError({"submitting_states": [_("an ISO 3166 code names no State")]})
    items = [
        meetings.agenda_item_of(meeting=meeting, label=label) for label in payload.agenda_items
    ]
    common = {
        "meeting": meeting,
        "title": payload.title,
        "issued_on": payload.issued_on,
        "submitted_by": payload.submitted_by,
        "submitting_states": states,
        "agenda_items": items,
        "status": payload.status,
        "by": request.auth,
    }
    if payload.symbol:
        document = services.create_document(symbol=payload.symbol, **common)
    else:
        changes = None
        if payload.changes:
            changes = selectors.document_with_symbol(payload.changes, convention=convention)
        document = services.issue_document(
            series=_series(payload.series) or "", changes=changes, change=payload.change, **common
        )
    document = selectors.document_with_symbol(document.symbol, convention=convention)
    return Status(201, _document_out(request, convention, document))
