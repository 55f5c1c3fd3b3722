from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from plenary.core.models import Role
from plenary.core.page_cache import BROAD, roles_under_convention, shared_when_signed_in
from plenary.core.permissions import current_grants
from plenary.documents import selectors, services
from plenary.documents.forms import (
    DocumentFilterForm,
    IssueDocumentForm,
    LanguageVersionForm,
    SearchForm,
    StatusForm,
    VersionTitleForm,
)
from plenary.meetings.forms import show_refusal

DOCUMENTS_PER_PAGE = 50


def _list_scopes(request, convention, code: str, **kwargs) -> list[str]:
    """A meeting's list reads its documents and their versions, and BROAD."""
    return [BROAD, f"documents-of:{selectors.meeting_id_for(code, convention=convention)}"]


def _document_scopes(request, convention, symbol: str) -> list[str]:
    """A document's page reads the document, its versions and the documents that change it
    (each names it: core/page_cache.py's WRITE_SCOPES), and BROAD."""
    return [BROAD, f"document:{_document_key(request, convention, symbol).pk}"]


def _document_key(request, convention, symbol: str) -> selectors.DocumentKey:
    """The page's document key, read once per request (its scopes and its audience both
    need it)."""
    kept = getattr(request, "plenary_document_key", None)
    if kept is None or kept[0] != (convention.pk, symbol):
        kept = ((convention.pk, symbol), selectors.document_key(symbol, convention=convention))
        request.plenary_document_key = kept
    return kept[1]


# Who may issue a document (the Secretariat) is the one thing the list shows by role.
@shared_when_signed_in(vary=roles_under_convention, scopes=_list_scopes)
def meeting_documents(request, convention, code: str, issue_form=None, status=200):
    meeting = selectors.meeting_for(code, convention=convention)
    form = DocumentFilterForm(request.GET or None)
    cleaned = form.cleaned_data if form.is_bound and form.is_valid() else {}
    series = cleaned.get("series", "any")
    try:
        documents = selectors.documents_of(
            meeting=meeting,
            series=None if series in ("any", None) else series,
            agenda_item=cleaned.get("agenda_item") or None,
            language=cleaned.get("language") or None,
            search=cleaned.get("q", ""),
            listed=False,
        )
    except ValueError as error:
        form.add_error("agenda_item", str(error))
        documents = []
    if issue_form is None and request.user.has_perm("documents.issue_document", meeting):
        issue_form = _issue_form(meeting, None)
    # A long list is shown a page at a time (a decade-scale meeting has hundreds of
    # documents, each with six language links); the filters carry over to every page.
    page = Paginator(documents, DOCUMENTS_PER_PAGE).get_page(request.GET.get("page"))
    kept = request.GET.copy()
    kept.pop("page", None)
    return render(
        request,
        "documents/meeting_documents.html",
        {
            "meeting": meeting,
            "form": form,
            "documents": page.object_list,
            "count": page.paginator.count,
            "page": page,
            "filters": kept.urlencode(),
            "issue_form": issue_form,
        },
        status=status,
    )


def _issue_form(meeting, data):
    # Prefixed: the filter form on the same page has a "series" too.
    return IssueDocumentForm(
        data,
        prefix="issue",
        documents=selectors.documents_of(meeting=meeting),
        agenda=list(meeting.agenda_items.order_by("number", "letter")),
    )


def issue_document(request, convention, code: str):
    meeting = selectors.meeting_for(code, convention=convention)
    if not request.user.has_perm("documents.issue_document", meeting):
        raise PermissionDenied(services.MAY_NOT_ISSUE)
    if request.method != "POST":
        return redirect("documents:meeting_documents", convention=convention, code=meeting.code)
    form = _issue_form(meeting, request.POST)
    if form.is_valid():
        data = form.cleaned_data
        changes = None
        if data["changes"]:
            changes = selectors.document_with_symbol(data["changes"], convention=convention)
        try:
            document = services.issue_document(
                meeting=meeting,
                title=data["title"],
                series=data["series"],
                changes=changes,
                change=data["change"] or "Rev",
                submitted_by=data["submitted_by"],
                agenda_items=list(meeting.agenda_items.filter(pk__in=data["agenda_items"])),
                status=data["status"],
                issued_on=timezone.localdate(),
                by=request.user,
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("%(symbol)s is issued.") % {"symbol": document.symbol})
            return redirect(
                "documents:document_detail", convention=convention, symbol=document.symbol
            )
    return meeting_documents(request, convention, code, issue_form=form, status=422)


def mark_document(request, convention, symbol: str):
    document = selectors.document_with_symbol(symbol, convention=convention)
    if not request.user.has_perm("documents.issue_document", document):
        raise PermissionDenied(services.MAY_NOT_ISSUE)
    if request.method != "POST":
        return redirect("documents:document_detail", convention=convention, symbol=document.symbol)
    form = StatusForm(request.POST)
    if form.is_valid():
        try:
            document = services.mark_document(
                document=document, status=form.cleaned_data["status"], by=request.user
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(
                request,
                _("%(symbol)s is marked %(status)s.")
                % {"symbol": document.symbol, "status": document.get_status_display()},
            )
            return redirect(
                "documents:document_detail", convention=convention, symbol=document.symbol
            )
    return _detail(request, document, None, status=422, status_form=form)


def search(request, convention):
    form = SearchForm(request.GET or None)
    q = form.cleaned_data.get("q", "") if form.is_bound and form.is_valid() else ""
    documents = selectors.search_documents(convention=convention, search=q)
    return render(request, "documents/search.html", {"form": form, "q": q, "documents": documents})


def _detail(request, document, upload_form, status=200, status_form=None, title_form=None):
    can_upload = request.user.has_perm("documents.add_language_version", document)
    if can_upload and title_form is None:
        title_form = VersionTitleForm(document=document)
    can_mark = request.user.has_perm("documents.issue_document", document)
    return render(
        request,
        "documents/document_detail.html",
        {
            "document": document,
            "upload_form": (upload_form or LanguageVersionForm()) if can_upload else None,
            "title_form": title_form
            if can_upload and title_form.fields["language"].choices
            else None,
            "status_form": (status_form or StatusForm(initial={"status": document.status}))
            if can_mark
            else None,
        },
        status=status,
    )


def _document_audience(request) -> tuple:
    """A document's page shows the upload forms to the Secretariat (a role) and to the
    Delegations of the States that submitted it: it depends on the reader's roles and on
    whether they act for one of those States, not on which State they act for."""
    convention = getattr(request, "convention", None)
    states = {
        g.state_id
        for g in current_grants(request.user, convention)
        if g.role == Role.DELEGATION and g.state_id is not None
    }
    symbol = request.resolver_match.kwargs.get("symbol", "")
    return (
        roles_under_convention(request),
        bool(states)
        and convention is not None
        and bool(_document_key(request, convention, symbol).submitters & states),
    )


@shared_when_signed_in(vary=_document_audience, scopes=_document_scopes)
def document_detail(request, convention, symbol: str):
    return _detail(request, selectors.document_with_symbol(symbol, convention=convention), None)


def add_language_version(request, convention, symbol: str):
    document = selectors.document_with_symbol(symbol, convention=convention)
    if not request.user.has_perm("documents.add_language_version", document):
        raise PermissionDenied(services.MAY_NOT_UPLOAD)
    if request.method != "POST":
        return redirect("documents:document_detail", convention=convention, symbol=document.symbol)
    form = LanguageVersionForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            version = services.add_language_version(
                document=document,
                language=form.cleaned_data["language"],
                upload=form.cleaned_data["file"],
                is_original=form.cleaned_data["is_original"],
                title=form.cleaned_data["title"] or None,
                by=request.user,
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(
                request,
                _("The %(language)s version is stored.")
                % {"language": version.get_language_display()},
            )
            return redirect(
                "documents:document_detail", convention=convention, symbol=document.symbol
            )
    return _detail(request, document, form, status=422)


def version_title(request, convention, symbol: str):
    document = selectors.document_with_symbol(symbol, convention=convention)
    if not request.user.has_perm("documents.add_language_version", document):
        raise PermissionDenied(services.MAY_NOT_UPLOAD)
    if request.method != "POST":
        return redirect("documents:document_detail", convention=convention, symbol=document.symbol)
    form = VersionTitleForm(request.POST, document=document)
    if form.is_valid():
        try:
            version = services.set_version_title(
                version=selectors.language_version(
                    document=document, language=form.cleaned_data["language"]
                ),
                title=form.cleaned_data["title"],
                by=request.user,
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(
                request,
                _("The title of the %(language)s version is recorded.")
                % {"language": version.get_language_display()},
            )
            return redirect(
                "documents:document_detail", convention=convention, symbol=document.symbol
            )
    return _detail(request, document, None, status=422, title_form=form)


def download(request, convention, symbol: str, language: str):
    document = selectors.document_with_symbol(symbol, convention=convention)
    version = selectors.language_version(document=document, language=language)
    return FileResponse(
        version.file.open("rb"),
        as_attachment=True,
        filename=version.download_name,
        content_type=version.content_type,
    )
