"""Pages of drafting: a part's report as HTML for everyone; the drafts as downloads for
the Secretariat only (checked here, on the server); the Presidency's letters and the
Secretariat's notes verbales, drafted, edited and recorded as sent."""

from datetime import date
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from plenary.drafting import content, letters, selectors, services
from plenary.drafting import render as drafts
from plenary.drafting.forms import (
    AddTextForm,
    AdoptReportForm,
    ChangeTextForm,
    ChooseLetterForm,
    ChooseNoteForm,
    IssueReportForm,
    LetterForm,
    LetterheadForm,
    NoteVerbaleForm,
    ReviseReportForm,
)
from plenary.drafting.models import Closing, LetterKind, NoteKind, ReportKind, ReportText
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
        raise Http404(
            gettext("Choose a part by its number and a kind of report (interim or final).")
        )
    part = selectors.part_with_meeting(convention=convention, reference=code, number=int(number))
    return part, kind


def _language(request) -> str:
    """The language to draft in (`?language=fr`): one of the site's languages, else
    English."""
    asked = request.GET.get("language", "")
    return asked if asked in dict(settings.LANGUAGES) else "en"


def _report(request, convention, code: str):
    part, kind = _part_and_kind(request, convention, code)
    try:
        on = date.fromisoformat(request.GET["date"]) if request.GET.get("date") else None
    except ValueError:
        raise Http404(gettext("Give the report's date as YYYY-MM-DD.")) from None
    on = on or timezone.localdate()
    records = selectors.report_records(part=part, kind=kind, on=on)
    drafted = content.report(records, kind=kind, on=on, language=_language(request))
    return part, kind, drafted, records


def _report_page(request, convention, code: str, bound: dict | None = None, status: int = 200):
    part, kind, drafted, records = _report(request, convention, code)
    may_add = request.user.has_perm("drafting.add_report_text", part)
    may_issue = request.user.has_perm("drafting.issue_report", part)
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
            "report": records.report_document,
            "revisions": records.revisions,
            "may_issue": may_issue,
            "issue_form": (bound or {}).get("issue") or IssueReportForm(prefix="issue"),
            "revise_form": (bound or {}).get("revise") or ReviseReportForm(prefix="revise"),
            "adopt_form": (bound or {}).get("adopt")
            or AdoptReportForm(prefix="adopt", decisions=_decisions(part) if may_issue else ()),
        },
        status=status,
    )


def report_page(request, convention, code: str):
    return _report_page(request, convention, code)


# The Secretariat's texts added by hand: each form posts to its own action, which calls
# the service; a refusal comes back on the form's field with 422.


def _keys(drafted) -> list[tuple[str, str]]:
    """The drafted paragraphs a text can be placed at: (key, "key: first words"), then the
    places that draft nothing (an agenda item's in section IV)."""
    keys = [
        (block.key, f"{block.key}: {block.text[:60]}")
        for block in drafted.paragraphs
        if block.key and not block.key.startswith("text-")
    ]
    return keys + [
        (key, gettext("{key}: the start of the agenda item").format(key=key))
        for key, _section in drafted.places
    ]


def _sections(drafted) -> dict[str, str]:
    sections = {block.key: block.section for block in drafted.paragraphs if block.key}
    return {**dict(drafted.places), **sections}


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
                statement=data["statement"],
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


# The report as a document: the Secretariat issues it under its symbol, revises it and
# records its adoption; each form posts to its own action, which calls one service.


def _decisions(part):
    return selectors.decisions_of(part=part)


def _report_action(request, convention, code: str, prefix: str, form_class, act):
    part, kind = _part_and_kind(request, convention, code)
    if not request.user.has_perm("drafting.issue_report", part):
        raise PermissionDenied(services.NOT_THE_SECRETARIAT_REPORT)
    if request.method != "POST":
        return _back(convention, code, part, kind)
    extra = {"decisions": _decisions(part)} if form_class is AdoptReportForm else {}
    form = form_class(request.POST, prefix=prefix, **extra)
    if form.is_valid():
        try:
            message = act(part, kind, form.cleaned_data)
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, message)
            return _back(convention, code, part, kind)
    return _report_page(request, convention, code, {prefix: form}, status=422)


def _issued_report(part, kind):
    report = selectors.report_document_of(part=part, kind=kind)
    if report is None:
        raise ValidationError({"report": gettext("The report is not issued as a document yet.")})
    return report


def issue_report(request, convention, code: str):
    def act(part, kind, data):
        report = services.issue_report_document(
            part=part,
            kind=kind,
            series=data["series"],
            issued_on=data["issued_on"],
            by=request.user,
        )
        return gettext("The report is issued as %(symbol)s.") % {"symbol": report.document.symbol}

    return _report_action(request, convention, code, "issue", IssueReportForm, act)


def revise_report(request, convention, code: str):
    def act(part, kind, data):
        report = services.revise_report_document(
            report=_issued_report(part, kind), issued_on=data["issued_on"], by=request.user
        )
        return gettext("The revision is issued as %(symbol)s.") % {"symbol": report.document.symbol}

    return _report_action(request, convention, code, "revise", ReviseReportForm, act)


def adopt_report(request, convention, code: str):
    def act(part, kind, data):
        decision = next((d for d in _decisions(part) if d.pk == data["decision"]), None)
        services.record_report_adoption(
            report=_issued_report(part, kind),
            adopted_on=data["adopted_on"],
            as_orally_amended=data["as_orally_amended"],
            decision=decision,
            by=request.user,
        )
        return gettext("The adoption of the report is recorded.")

    return _report_action(request, convention, code, "adopt", AdoptReportForm, act)


def _download(body: bytes | str, fmt: str, stem: str) -> HttpResponse:
    response = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{stem}.{fmt}"'
    return response


def _only_the_secretariat(request, convention, code: str) -> None:
    meeting = meeting_by_reference(code, convention=convention)
    if not request.user.has_perm("drafting.download_draft", meeting):
        raise PermissionDenied(gettext("Only the Secretariat downloads drafts."))


def report_download(request, convention, code: str, fmt: str):
    _only_the_secretariat(request, convention, code)
    if fmt not in CONTENT_TYPES:
        raise Http404(gettext("A report downloads as docx, html or txt."))
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


# Letters of the Presidency and notes verbales of the Secretariat: a page drafts one from
# the records (GET: its kind, date and the record it reports), the author edits it and
# records it as sent (POST, one service), or downloads the edited text as .docx.


def _letter_choice(request, meeting):
    choose = ChooseLetterForm(
        request.GET or None,
        procedures=selectors.meeting_procedures(meeting=meeting),
        consultations=selectors.meeting_consultations(meeting=meeting),
        initial={"kind": LetterKind.FREE},
    )
    data = choose.cleaned_data if choose.is_valid() else {}
    kind = data.get("kind") or LetterKind.FREE
    on = data.get("date") or timezone.localdate()
    records = selectors.letter_records(
        meeting=meeting,
        on=on,
        procedure_id=data.get("procedure"),
        consultation_id=data.get("consultation"),
    )
    return choose, kind, on, records


def _drafted_letter(records, kind, data, meeting):
    part = meeting.parts.order_by("number").first() if kind == LetterKind.NEXT_STEPS else None
    return letters.letter(
        records,
        kind=kind,
        body=data["body"],
        closing=data["closing"],
        addressees=[line for line in data["addressees"].splitlines() if line.strip()],
        annexes=data.get("annexes") or [],
        programme_part=part,
        days=selectors.programme_records(part=part) if part else None,
    )


def letter_page(request, convention, code: str):
    meeting = meeting_by_reference(code, convention=convention)
    if not request.user.has_perm("drafting.write_letter", meeting):
        raise PermissionDenied(services.NOT_THE_PRESIDENCY)
    choose, kind, on, records = _letter_choice(request, meeting)
    status = 200
    if request.method == "POST":
        form = LetterForm(request.POST, documents=records.documents)
        if form.is_valid():
            data = form.cleaned_data
            if request.POST.get("action") == "docx":
                drafted = _drafted_letter(records, kind, data, meeting)
                return _download(drafts.to_docx(drafted), "docx", drafted.file_stem)
            try:
                services.record_letter_sent(
                    meeting=meeting,
                    kind=kind,
                    sent_on=data["sent_on"],
                    addressees=data["addressees"],
                    body=data["body"],
                    closing=data["closing"],
                    annexes=data["annexes"],
                    silence_procedure=records.procedure,
                    consultation=records.consultation,
                    by=request.user,
                )
            except ValidationError as error:
                show_refusal(form, error)
            else:
                messages.success(request, gettext("The letter is recorded as sent."))
                url = reverse(
                    "meetings:meeting_detail", kwargs={"convention": convention, "code": code}
                )
                return redirect(f"{url}#correspondence")
        status = 422
    else:
        form = LetterForm(
            documents=records.documents,
            initial={
                "sent_on": on,
                "addressees": "\n".join(
                    block.text
                    for block in letters.letter(records, kind=kind, body="").blocks
                    if block.style == "addressee"
                ),
                "body": letters.letter_body(records, kind=kind),
                "closing": Closing.HIGHEST_CONSIDERATION,
            },
        )
    head = records.letterhead
    preview = None
    if form.is_valid() or not form.is_bound:
        data = form.cleaned_data if form.is_bound else {**form.initial, "annexes": []}
        preview = _drafted_letter(records, kind, data, meeting)
    return render(
        request,
        "drafting/letter_page.html",
        {
            "meeting": meeting,
            "choose": choose,
            "form": form,
            "preview": preview,
            "letterhead_form": LetterheadForm(
                initial={
                    "lines": head.lines,
                    "reference": head.reference,
                    "reference_label": head.reference_label,
                    "place": head.place,
                    "signature": head.signature,
                }
                if head
                else None
            ),
        },
        status=status,
    )


def letterhead_page(request, convention, code: str):
    meeting = meeting_by_reference(code, convention=convention)
    if not request.user.has_perm("drafting.write_letter", meeting):
        raise PermissionDenied(services.NOT_THE_PRESIDENCY)
    url = reverse("drafting:letter", kwargs={"convention": convention, "code": code})
    if request.method == "POST":
        form = LetterheadForm(request.POST)
        if form.is_valid():
            services.set_letterhead(meeting=meeting, by=request.user, **form.cleaned_data)
            messages.success(request, gettext("The letterhead is saved."))
    return redirect(url)


def note_verbale_page(request, convention, code: str):
    meeting = meeting_by_reference(code, convention=convention)
    if not request.user.has_perm("drafting.send_note_verbale", meeting):
        raise PermissionDenied(services.NOT_THE_SECRETARIAT_NOTE)
    choose = ChooseNoteForm(request.GET or None, initial={"kind": NoteKind.CONVENING})
    data = choose.cleaned_data if choose.is_valid() else {}
    kind = data.get("kind") or NoteKind.CONVENING
    on = data.get("date") or timezone.localdate()
    records = selectors.convening_records(meeting=meeting, on=on)
    status = 200
    if request.method == "POST":
        form = NoteVerbaleForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            if request.POST.get("action") == "docx":
                drafted = content.convening_note(
                    records,
                    reference=data["reference"],
                    kind=kind,
                    body=data["body"],
                    language=_language(request),
                )
                return _download(drafts.to_docx(drafted), "docx", drafted.file_stem)
            try:
                services.record_note_verbale_sent(
                    meeting=meeting,
                    kind=kind,
                    reference=data["reference"],
                    sent_on=data["sent_on"],
                    addressees=data["addressees"],
                    body=data["body"],
                    by=request.user,
                )
            except ValidationError as error:
                show_refusal(form, error)
            else:
                messages.success(request, gettext("The note verbale is recorded as sent."))
                url = reverse(
                    "meetings:meeting_detail", kwargs={"convention": convention, "code": code}
                )
                return redirect(f"{url}#correspondence")
        status = 422
        reference = request.POST.get("reference", "")
    else:
        reference = request.GET.get("reference", "")
        drafted = content.convening_note(
            records, reference=reference, kind=kind, language=_language(request)
        )
        form = NoteVerbaleForm(
            initial={
                "reference": reference,
                "sent_on": on,
                "addressees": gettext(
                    "The Permanent Representatives of Member and Observer States to the"
                    " United Nations"
                ),
                "body": letters.note_body(drafted),
            }
        )
    body = form.data.get("body") if form.is_bound else form.initial["body"]
    preview = content.convening_note(
        records, reference=reference, kind=kind, body=body, language=_language(request)
    )
    return render(
        request,
        "drafting/note_verbale_page.html",
        {"meeting": meeting, "choose": choose, "form": form, "preview": preview},
        status=status,
    )
