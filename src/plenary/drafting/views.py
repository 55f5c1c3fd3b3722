"""Pages of drafting: a part's report as HTML for everyone; the drafts as downloads for
the Secretariat only (checked here, on the server)."""

from datetime import date
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from plenary.drafting import content, selectors, services
from plenary.drafting import render as drafts
from plenary.drafting.forms import AddTextForm, ChangeTextForm
from plenary.drafting.models import ReportKind, ReportText
from plenary.meetings.forms import show_refusal
from plenary.meetings.selectors import meeting_by_reference

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
    drafted = content.report(records, kind=kind, on=on or timezone.localdate())
    return part, kind, drafted, records


def _report_page(request, convention, code: str, bound: dict | None = None, status: int = 200):
    part, kind, drafted, records = _report(request, convention, code)
    may_add = request.user.has_perm("drafting.add_report_text", part)
    texts = []
    if may_add:
        bound = bound or {}
        texts = [
            (
                text,
                bound.get(text.pk)
                or ChangeTextForm(prefix=f"text-{text.pk}", initial={"body": text.body}),
            )
            for text in records.texts
        ]
    return render(
        request,
        "drafting/report_page.html",
        {
            "meeting": part.meeting,
            "part": part,
            "kind": kind,
            "drafted": drafted,
            "may_download": request.user.has_perm("drafting.download_draft", part),
            "may_add": may_add,
            "texts": texts,
            "add_form": (bound or {}).get("add") or AddTextForm(prefix="add", keys=_keys(drafted)),
        },
        status=status,
    )


def report_page(request, convention, code: str):
    return _report_page(request, convention, code)


# The Secretariat's texts added by hand: each form posts to its own action, which calls
# the service; a refusal comes back on the form's field with 422.


def _keys(drafted) -> list[tuple[str, str]]:
    """The drafted paragraphs a text can be placed at: (key, "key: first words")."""
    return [
        (block.key, f"{block.key}: {block.text[:60]}")
        for block in drafted.paragraphs
        if block.key and not block.key.startswith("text-")
    ]


def _sections(drafted) -> dict[str, str]:
    return {block.key: block.section for block in drafted.paragraphs if block.key}


def _back(convention, code: str, part, kind: str):
    url = reverse("drafting:report", kwargs={"convention": convention, "code": code})
    return redirect(f"{url}?{urlencode({'part': part.number, 'kind': kind})}")


def add_text(request, convention, code: str):
    part, kind = _part_and_kind(request, convention, code)
    if not request.user.has_perm("drafting.add_report_text", part):
        raise PermissionDenied(services.NOT_THE_SECRETARIAT)
    if request.method != "POST":
        return _back(convention, code, part, kind)
    _, _, drafted, _ = _report(request, convention, code)
    form = AddTextForm(request.POST, prefix="add", keys=_keys(drafted))
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.add_report_text(
                part=part,
                section=_sections(drafted)[data["after"]],
                after=data["after"],
                placement=data["placement"],
                position=data["position"],
                body=data["body"],
                report_kind=kind,
                reason=data["reason"],
                by=request.user,
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, gettext("The text is added to the report."))
            return _back(convention, code, part, kind)
    return _report_page(request, convention, code, {"add": form}, status=422)


def change_text(request, convention, code: str, pk: int):
    meeting = meeting_by_reference(code, convention=convention)
    text = get_object_or_404(
        ReportText.objects.select_related("part"), pk=pk, part__meeting=meeting
    )
    if not request.user.has_perm("drafting.add_report_text", text.part):
        raise PermissionDenied(services.NOT_THE_SECRETARIAT)
    _, kind = _part_and_kind(request, convention, code)
    if request.method != "POST":
        return _back(convention, code, text.part, kind)
    form = ChangeTextForm(request.POST, prefix=f"text-{text.pk}")
    if form.is_valid():
        try:
            services.change_report_text(
                text=text,
                body=form.cleaned_data["body"],
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, gettext("The text is changed."))
            return _back(convention, code, text.part, kind)
    return _report_page(request, convention, code, {text.pk: form}, status=422)


def _download(body: bytes | str, fmt: str, stem: str) -> HttpResponse:
    response = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{stem}.{fmt}"'
    return response


def _only_the_secretariat(request, convention, code: str) -> None:
    meeting = meeting_by_reference(code, convention=convention)
    if not request.user.has_perm("drafting.download_draft", meeting):
        raise PermissionDenied("Only the Secretariat downloads drafts.")


def report_download(request, convention, code: str, fmt: str):
    _only_the_secretariat(request, convention, code)
    if fmt not in CONTENT_TYPES:
        raise Http404("A report downloads as docx, html or txt.")
    _, _, drafted, _ = _report(request, convention, code)
    if fmt == "docx":
        body = drafts.to_docx(drafted)
    elif fmt == "html":
        body = drafts.to_html(drafted, standalone=True)
    else:
        body = drafts.to_text(drafted)
    return _download(body, fmt, drafted.file_stem)


def programme_download(request, convention, code: str):
    _only_the_secretariat(request, convention, code)
    part, _ = _part_and_kind(request, convention, code)
    drafted = content.programme(part, selectors.programme_records(part=part))
    return _download(drafts.to_docx(drafted), "docx", drafted.file_stem)
