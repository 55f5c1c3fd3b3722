from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from plenary.documents import selectors, services
from plenary.documents.forms import DocumentFilterForm, LanguageVersionForm, SearchForm


def meeting_documents(request, convention, code: str):
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
        )
    except ValueError as error:
        form.add_error("agenda_item", str(error))
        documents = []
    return render(
        request,
        "documents/meeting_documents.html",
        {"meeting": meeting, "form": form, "documents": documents},
    )


def search(request, convention):
    form = SearchForm(request.GET or None)
    q = form.cleaned_data.get("q", "") if form.is_bound and form.is_valid() else ""
    documents = selectors.search_documents(convention=convention, search=q)
    return render(request, "documents/search.html", {"form": form, "q": q, "documents": documents})


def _detail(request, document, upload_form, status=200):
    can_upload = request.user.has_perm("documents.add_language_version", document)
    return render(
        request,
        "documents/document_detail.html",
        {
            "document": document,
            "upload_form": (upload_form or LanguageVersionForm()) if can_upload else None,
        },
        status=status,
    )


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
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
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


def download(request, convention, symbol: str, language: str):
    document = selectors.document_with_symbol(symbol, convention=convention)
    version = selectors.language_version(document=document, language=language)
    return FileResponse(
        version.file.open("rb"),
        as_attachment=True,
        filename=version.download_name,
        content_type=version.content_type,
    )
