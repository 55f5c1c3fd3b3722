"""Pages of drafting: a part's report as HTML for everyone; the drafts as downloads for
the Secretariat only (checked here, on the server)."""

from datetime import date

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from plenary.drafting import content, selectors
from plenary.drafting import render as drafts
from plenary.drafting.models import ReportKind

CONTENT_TYPES = {
    "docx": drafts.DOCX_TYPE,
    "html": "text/html; charset=utf-8",
    "txt": "text/plain; charset=utf-8",
}


def _part_and_kind(request, convention, code: str):
    number = request.GET.get("part", "1")
    kind = request.GET.get("kind", ReportKind.INTERIM)
    if not number.isdigit() or kind not in ReportKind.values:
        raise Http404("Choose a part by its number and a kind of report (interim or final).")
    part = selectors.part_with_meeting(convention=convention, reference=code, number=int(number))
    return part, kind


def _report(request, convention, code: str):
    part, kind = _part_and_kind(request, convention, code)
    try:
        on = date.fromisoformat(request.GET["date"]) if request.GET.get("date") else None
    except ValueError:
        raise Http404("Give the report's date as YYYY-MM-DD.") from None
    records = selectors.report_records(part=part, kind=kind)
    return part, kind, content.report(records, kind=kind, on=on or timezone.localdate())


def report_page(request, convention, code: str):
    part, kind, drafted = _report(request, convention, code)
    return render(
        request,
        "drafting/report_page.html",
        {
            "meeting": part.meeting,
            "part": part,
            "kind": kind,
            "drafted": drafted,
            "may_download": request.user.has_perm("drafting.download_draft"),
        },
    )


def _download(body: bytes | str, fmt: str, stem: str) -> HttpResponse:
    response = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{stem}.{fmt}"'
    return response


def _only_the_secretariat(request) -> None:
    if not request.user.has_perm("drafting.download_draft"):
        raise PermissionDenied("Only the Secretariat downloads drafts.")


def report_download(request, convention, code: str, fmt: str):
    _only_the_secretariat(request)
    if fmt not in CONTENT_TYPES:
        raise Http404("A report downloads as docx, html or txt.")
    _, _, drafted = _report(request, convention, code)
    if fmt == "docx":
        body = drafts.to_docx(drafted)
    elif fmt == "html":
        body = drafts.to_html(drafted, standalone=True)
    else:
        body = drafts.to_text(drafted)
    return _download(body, fmt, drafted.file_stem)


def programme_download(request, convention, code: str):
    _only_the_secretariat(request)
    part, _ = _part_and_kind(request, convention, code)
    drafted = content.programme(part, selectors.programme_records(part=part))
    return _download(drafts.to_docx(drafted), "docx", drafted.file_stem)
