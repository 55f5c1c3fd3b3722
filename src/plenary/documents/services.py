"""Every write to documents: issue a document, allocate the next symbol, add a language version.

Each service checks its rules and raises a ValidationError keyed by the field at fault
before anything is written, so a refused change leaves no record and no file. `by=None`
is the system (e.g. loading the reference data); a person's permission is checked here,
so the pages, the API and the command line share one check.
"""

import hashlib
import zipfile
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import PurePosixPath

from django.conf import settings
from django.core.files import File
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plenary.core.audit import attribute
from plenary.core.validation import check_may as _check_may
from plenary.core.validation import invalid as _invalid
from plenary.core.validation import is_whole_pdf
from plenary.documents import selectors
from plenary.documents.models import (
    DOCX_CONTENT_TYPE,
    PDF_CONTENT_TYPE,
    Document,
    DocumentStatus,
    Language,
    LanguageVersion,
    Submitter,
)
from plenary.meetings.models import AgendaItem, Meeting, MeetingPart
from plenary.rules import symbols
from plenary.rules.errors import RuleError
from plenary.treaties.models import State

NO_SYMBOL_ROOT = selectors.NO_SYMBOL_ROOT
SYMBOL_OF_ANOTHER_MEETING = _(
    "%(symbol)s is not a symbol of %(meeting)s: its documents' symbols begin with %(root)s/"
)
DUPLICATE_SYMBOL = _("%(symbol)s is already the symbol of a document: %(title)s")
REVISED_DOCUMENT_MISSING = _(
    "%(symbol)s changes %(revised)s, which is not on record: issue it first"
)
TITLE_REQUIRED = _("give the document a title")
UNKNOWN_SUBMITTER = _("the submitter is one of %(choices)s, not %(value)r")
STATES_REQUIRED = _("a document submitted by States names at least one State")
NO_STATES_FOR = _("a document submitted by %(submitter)s names no State")
UNKNOWN_STATUS = _("the status is one of %(choices)s, not %(value)r")
ITEM_OF_ANOTHER_MEETING = _("%(item)s is not an item of the agenda of %(meeting)s")
PART_OF_ANOTHER_MEETING = _("part %(number)s is not a part of %(meeting)s")
UNKNOWN_LANGUAGE = _("%(value)r is not a language of the United Nations: one of %(choices)s")
EMPTY_FILE = _("the file is empty")
FILE_TOO_LARGE = _("the file is %(size)s bytes; the limit is %(limit)s bytes")
NOT_PDF_OR_DOCX = _("%(name)s: only PDF (.pdf) and Word (.docx) files are accepted")
NOT_WHAT_ITS_NAME_SAYS = _("%(name)s: the file's name says %(said)s, but its content is %(found)s")
ANOTHER_ORIGINAL = _(
    "the %(language)s version is already the original: a document has one original"
)
MAY_NOT_ISSUE = _("Only the Secretariat issues documents and allocates symbols.")
CHANGE_OF_ANOTHER_MEETING = _("%(symbol)s is a document of another meeting")
UNKNOWN_CHANGE = _("a change is a revision (Rev), a corrigendum (Corr) or an addendum (Add)")
MAY_NOT_UPLOAD = _(
    "A Delegation uploads language versions only of documents its own State submitted."
)
ORIGINAL_TITLE = _(
    "the original version's title is the document's title: give a title to the versions in"
    " other languages"
)
TITLE_TOO_LONG = _("the title has %(length)s characters; at most %(limit)s are accepted")

_CHUNK = 64 * 1024


def _parse(symbol: str, scheme: symbols.SymbolScheme | None = None) -> symbols.Symbol:
    try:
        return symbols.parse(symbol, scheme=scheme)
    except RuleError as error:
        raise _invalid("symbol", error.message) from None


def _check_submitter(submitted_by: str, states: Sequence[State]) -> None:
    if submitted_by not in Submitter.values:
        raise _invalid(
            "submitted_by",
            UNKNOWN_SUBMITTER % {"choices": ", ".join(Submitter.values), "value": submitted_by},
        )
    if submitted_by == Submitter.STATES and not states:
        raise _invalid("submitting_states", STATES_REQUIRED)
    if submitted_by in (Submitter.ISU, Submitter.SECRETARIAT) and states:
        raise _invalid(
            "submitting_states", NO_STATES_FOR % {"submitter": Submitter(submitted_by).label}
        )


@transaction.atomic
def create_document(
    *,
    meeting: Meeting,
    symbol: str,
    title: str,
    issued_on: date | None = None,
    submitted_by: str = Submitter.SECRETARIAT,
    submitting_states: Sequence[State] = (),
    agenda_items: Sequence[AgendaItem] = (),
    part: MeetingPart | None = None,
    status: str = DocumentStatus.ISSUED,
    source: str = "",
    by=None,
) -> Document:
    """Issue a document of a meeting under its symbol.

    Steps: check the person may issue documents; parse the symbol by the convention's
    scheme and check it begins with the meeting's symbol root; refuse a symbol already
    taken; for a Rev., Corr. or Add., find the document it changes (the symbol without its
    last suffix); check the title, submitter, status, agenda items and part; save it; a
    revision (Rev.) marks the document it revises as superseded.
    """
    _check_may(by, "documents.issue_document", MAY_NOT_ISSUE, meeting)
    # The symbol must be of the meeting's convention's scheme (APLC/MSP.21/2023/WP.1, ...).
    parsed = _parse(symbol.strip(), meeting.convention.rules.symbols)
    if not meeting.symbol_root:
        raise _invalid("symbol", NO_SYMBOL_ROOT % {"meeting": meeting})
    if parsed.meeting_root != meeting.symbol_root:
        raise _invalid(
            "symbol",
            SYMBOL_OF_ANOTHER_MEETING
            % {"symbol": parsed, "meeting": meeting, "root": meeting.symbol_root},
        )
    text = str(parsed)
    taken = Document.objects.filter(symbol=text).first()
    if taken is not None:
        raise _invalid("symbol", DUPLICATE_SYMBOL % {"symbol": text, "title": taken.title})
    revises = None
    if parsed.suffixes:
        revised = str(replace(parsed, suffixes=parsed.suffixes[:-1]))
        revises = Document.objects.select_for_update().filter(symbol=revised).first()
        if revises is None:
            raise _invalid(
                "symbol", REVISED_DOCUMENT_MISSING % {"symbol": text, "revised": revised}
            )
    if not title.strip():
        raise _invalid("title", TITLE_REQUIRED)
    _check_submitter(submitted_by, submitting_states)
    if status not in DocumentStatus.values:
        raise _invalid(
            "status",
            UNKNOWN_STATUS % {"choices": ", ".join(DocumentStatus.values), "value": status},
        )
    for item in agenda_items:
        if item.meeting_id != meeting.pk:
            raise _invalid(
                "agenda_items", ITEM_OF_ANOTHER_MEETING % {"item": item, "meeting": meeting}
            )
    if part is not None and part.meeting_id != meeting.pk:
        raise _invalid(
            "part", PART_OF_ANOTHER_MEETING % {"number": part.number, "meeting": meeting}
        )

    document = Document(
        meeting=meeting,
        part=part,
        symbol=text,
        series=parsed.series,
        number=parsed.number,
        suffixes="/".join(f"{kind}.{number}" for kind, number in parsed.suffixes),
        title=title.strip(),
        issued_on=issued_on,
        submitted_by=submitted_by,
        status=status,
        revises=revises,
        source=source,
    )
    attribute(document, by=by, reason="Issued")
    try:
        with transaction.atomic():
            document.save()
    except IntegrityError:
        # Another request took the same symbol between the check and the save.
        raise _invalid("symbol", DUPLICATE_SYMBOL % {"symbol": text, "title": title}) from None
    document.submitting_states.set(submitting_states)
    document.agenda_items.set(agenda_items)
    if revises is not None and parsed.suffixes[-1][0] == "Rev":
        revises.status = DocumentStatus.SUPERSEDED
        attribute(revises, by=by, reason=f"Revised by {text}")
        revises.save(update_fields=["status"])
    return document


@transaction.atomic
def allocate_next_symbol(
    *,
    meeting: Meeting,
    series: str,
    title: str,
    submitted_by: str = Submitter.SECRETARIAT,
    submitting_states: Sequence[State] = (),
    by=None,
) -> Document:
    """Reserve the next free symbol of a series for a new document, as an advance version.

    Steps: check the person may issue documents; lock the meeting's row, so that requests
    allocating in the same meeting at once queue here and each sees the symbols the
    others took (on SQLite the IMMEDIATE transaction serialises them); compute the next
    free symbol; issue the document under it.
    """
    _check_may(by, "documents.issue_document", MAY_NOT_ISSUE, meeting)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    symbol = selectors.next_symbol(meeting=meeting, series=series)
    return create_document(
        meeting=meeting,
        symbol=str(symbol),
        title=title,
        submitted_by=submitted_by,
        submitting_states=submitting_states,
        status=DocumentStatus.ADVANCE,
        by=by,
    )


@transaction.atomic
def issue_document(
    *,
    meeting: Meeting,
    title: str,
    series: str = "",
    changes: Document | None = None,
    change: str = "Rev",
    issued_on: date | None = None,
    submitted_by: str = Submitter.SECRETARIAT,
    submitting_states: Sequence[State] = (),
    agenda_items: Sequence[AgendaItem] = (),
    status: str = DocumentStatus.ISSUED,
    part: MeetingPart | None = None,
    by=None,
) -> Document:
    """Issue a document under the next free symbol: of a series of the meeting, or the next
    revision (Rev.), corrigendum (Corr.) or addendum (Add.) of a document of it.

    Steps: check the person may issue documents; lock the meeting's row (requests issuing
    in the same meeting at once queue here); compute the next free symbol; issue the
    document under it (`create_document`, which marks a revised document superseded).
    """
    _check_may(by, "documents.issue_document", MAY_NOT_ISSUE, meeting)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if changes is None:
        symbol = str(selectors.next_symbol(meeting=meeting, series=series))
    else:
        if changes.meeting_id != meeting.pk:
            raise _invalid("changes", CHANGE_OF_ANOTHER_MEETING % {"symbol": changes.symbol})
        if change not in symbols.SUFFIX_KINDS:
            raise _invalid("change", UNKNOWN_CHANGE)
        parsed = _parse(changes.symbol, meeting.convention.rules.symbols)
        prefix = f"{changes.symbol}/{change}."
        taken = Document.objects.filter(symbol__startswith=prefix).values_list("symbol", flat=True)
        numbers = [int(rest) for rest in (t[len(prefix) :] for t in taken) if rest.isdigit()]
        symbol = str(
            replace(parsed, suffixes=(*parsed.suffixes, (change, max(numbers, default=0) + 1)))
        )
    return create_document(
        meeting=meeting,
        symbol=symbol,
        title=title,
        issued_on=issued_on,
        submitted_by=submitted_by,
        submitting_states=submitting_states,
        agenda_items=agenda_items,
        status=status,
        part=part,
        by=by,
    )


@transaction.atomic
def mark_document(*, document: Document, status: str, by=None) -> Document:
    """Mark a document advance, issued, superseded or withdrawn."""
    _check_may(by, "documents.issue_document", MAY_NOT_ISSUE, document)
    if status not in DocumentStatus.values:
        raise _invalid(
            "status",
            UNKNOWN_STATUS % {"choices": ", ".join(DocumentStatus.values), "value": status},
        )
    document = Document.objects.select_for_update().get(pk=document.pk)
    document.status = status
    attribute(document, by=by, reason=f"Marked {status}")
    document.save(update_fields=["status"])
    return document


def _content_kind(upload: File) -> str | None:
    """What the bytes are, whatever the name says: "pdf", "docx" or None."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(upload) as archive:
                names = archive.namelist()
        except zipfile.BadZipFile:
            return None
        finally:
            upload.seek(0)
        if "[Content_Types].xml" in names and any(n.startswith("word/") for n in names):
            return "docx"
    return None


def _sha256(upload: File) -> str:
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks(_CHUNK):
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


# What an upload may expand to, and how far any one of its parts may be compressed: a
# 2 MB "Word file" that expands to 2 GiB is a zip bomb (issue 24).
DOCX_MAX_EXPANDED_BYTES = 200 * 1024 * 1024
DOCX_MAX_RATIO = 200
DOCX_MAX_PARTS = 2000
ZIP_BOMB = _("%(name)s: the Word file expands to more than its contents can be (a zip bomb?)")
NOT_A_WHOLE_PDF = _(
    "%(name)s: the file starts as a PDF but is not one (it carries HTML, or is broken)"
)


def _check_docx_expansion(upload: File, name: str) -> None:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            parts = archive.infolist()
    finally:
        upload.seek(0)
    expanded = sum(part.file_size for part in parts)
    too_dense = any(part.file_size > DOCX_MAX_RATIO * max(part.compress_size, 1) for part in parts)
    if len(parts) > DOCX_MAX_PARTS or expanded > DOCX_MAX_EXPANDED_BYTES or too_dense:
        raise _invalid("file", ZIP_BOMB % {"name": name})


def _check_whole_pdf(upload: File, name: str) -> None:
    """A PDF and nothing else (core.validation.is_whole_pdf: no HTML, parsed by pypdf)."""
    upload.seek(0)
    content = upload.read()
    upload.seek(0)
    if not is_whole_pdf(content):
        raise _invalid("file", NOT_A_WHOLE_PDF % {"name": name})


def check_upload(upload: File) -> str:
    """Check a file is a PDF or a Word document within the size limit; return its kind.

    A Word file's expanded size, parts and compression ratio are bounded (no zip bomb);
    a PDF must carry no HTML (no polyglot) and parse (pypdf)."""
    name = PurePosixPath(upload.name or "").name
    limit = settings.DOCUMENT_MAX_UPLOAD_BYTES
    if not upload.size:
        raise _invalid("file", EMPTY_FILE)
    if upload.size > limit:
        raise _invalid("file", FILE_TOO_LARGE % {"size": upload.size, "limit": limit})
    said = {".pdf": "pdf", ".docx": "docx"}.get(PurePosixPath(name).suffix.lower())
    if said is None:
        raise _invalid("file", NOT_PDF_OR_DOCX % {"name": name})
    found = _content_kind(upload)
    if found != said:
        labels = {"pdf": "PDF", "docx": _("Word (.docx)"), None: _("neither PDF nor Word")}
        raise _invalid(
            "file",
            NOT_WHAT_ITS_NAME_SAYS % {"name": name, "said": labels[said], "found": labels[found]},
        )
    if said == "docx":
        _check_docx_expansion(upload, name)
    else:
        _check_whole_pdf(upload, name)
    return said


def add_language_version(
    *,
    document: Document,
    language: str,
    upload: File,
    is_original: bool = False,
    title: str | None = None,
    by=None,
) -> LanguageVersion:
    """Store a document's file in one language, or replace the file of that language.

    Steps: check the person may upload for this document; check the language, the title
    this version prints (`None` keeps the one on record; none for the original, whose
    title is the document's), then the file (not empty, within DOCUMENT_MAX_UPLOAD_BYTES,
    a PDF or a .docx by its content, and named as what it is); refuse a second original
    language; only then write the file to storage, and record it in one transaction. If
    recording fails, the file just written is deleted, so no file is left without its
    record. A replaced file stays in storage: the version's history still points at it.
    """
    _check_may(by, "documents.add_language_version", MAY_NOT_UPLOAD, document)
    if language not in Language.values:
        raise _invalid(
            "language",
            UNKNOWN_LANGUAGE % {"value": language, "choices": ", ".join(Language.values)},
        )
    if title is not None:
        title = _check_version_title(title, is_original=is_original)
    kind = check_upload(upload)
    if is_original:
        other = document.versions.filter(is_original=True).exclude(language=language).first()
        if other is not None:
            raise _invalid(
                "is_original", ANOTHER_ORIGINAL % {"language": other.get_language_display()}
            )
    sha256 = _sha256(upload)
    storage = LanguageVersion._meta.get_field("file").storage
    stored = storage.save(f"documents/{document.file_stem}_{language}.{kind}", upload)
    try:
        with transaction.atomic():
            version = (
                LanguageVersion.objects.select_for_update()
                .filter(document=document, language=language)
                .first()
            ) or LanguageVersion(document=document, language=language)
            replaced = version.pk is not None
            version.is_original = is_original
            if title is not None:
                version.title = title
            version.file.name = stored
            version.size = upload.size
            version.content_type = PDF_CONTENT_TYPE if kind == "pdf" else DOCX_CONTENT_TYPE
            version.sha256 = sha256
            version.uploaded_at = timezone.now()
            version.uploaded_by = by if getattr(by, "is_authenticated", False) else None
            attribute(version, by=by, reason="File replaced" if replaced else "File uploaded")
            version.save()
    except BaseException:
        storage.delete(stored)
        raise
    return version


def _check_version_title(title: str, *, is_original: bool) -> str:
    title = title.strip()
    if title and is_original:
        raise _invalid("title", ORIGINAL_TITLE)
    limit = LanguageVersion._meta.get_field("title").max_length
    if len(title) > limit:
        raise _invalid("title", TITLE_TOO_LONG % {"length": len(title), "limit": limit})
    return title


@transaction.atomic
def set_version_title(*, version: LanguageVersion, title: str, by) -> LanguageVersion:
    """Give the title a language version prints (a blank one removes it): readers in that
    language see it (core/translations.py), others the document's.

    Steps: check the person may upload versions of this document; refuse a title for the
    original version (its title is the document's) or one too long; save, recorded in
    the version's history.
    """
    _check_may(by, "documents.add_language_version", MAY_NOT_UPLOAD, version.document)
    version.title = _check_version_title(title, is_original=version.is_original)
    attribute(version, by=by, reason="Title of the version")
    version.save(update_fields=["title"])
    return version
