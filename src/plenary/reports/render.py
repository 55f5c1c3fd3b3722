"""A report as files: .docx and PDF in the layout of the convention's reporting template
(a cover page listing each form as changed, unchanged since a year, or not applicable;
then the forms, one by one, in the template's order), and the register as CSV.

The PDF is drawn by fpdf2 (pure Python, in the lock files): a page request never starts
a program the machine may lack (docs/architecture.md). Its built-in fonts hold Latin-1
only; another character is shown as "?" in the PDF (the .docx keeps every character).
"""

import io
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from plenary.core import l10n
from plenary.core.exports import SafeDictWriter
from plenary.reports.models import FormStatus, ReportKind


@dataclass(frozen=True)
class Section:
    code: str
    name: str
    status: str  # the words of the cover page
    text: str  # the form's content, or the template's statement


def _title(report) -> str:
    if report.kind == ReportKind.INITIAL:
        return _("Initial report of %(state)s") % {"state": report.state.local_name}
    return _("Annual report of %(state)s covering %(year)s") % {
        "state": report.state.local_name,
        "year": report.year_covered,
    }


def _sections(view, version) -> list[Section]:
    entries = {e.form: e for e in version.entries.all()}
    sections = []
    for form in view.forms:
        entry = entries.get(form.code)
        if entry is None or entry.status == FormStatus.CHANGED:
            status, text = _("changed"), entry.content if entry else ""
        elif entry.status == FormStatus.UNCHANGED:
            status = _("unchanged (last reporting: %(year)s)") % {"year": entry.unchanged_since}
            text = entry.content
        else:
            status, text = _("not applicable"), entry.content
        sections.append(Section(form.code, form.name, status, text))
    return sections


def _facts(view, version) -> list[tuple[str, str]]:
    report = view.report
    convention = report.convention
    facts = [
        (_("State Party"), report.state.name),
        (
            _("Reporting period"),
            _("calendar year %(year)s") % {"year": report.year_covered}
            if report.kind == ReportKind.ANNUAL
            else _("initial report"),
        ),
        (_("Version"), str(version.number)),
    ]
    if version.submitted_on:
        facts.append((_("Submitted on"), l10n.day(version.submitted_on)))
    if report.receipt_id:
        facts.append((_("Received on"), l10n.day(report.receipt.received_on)))
    facts.append((_("Readers"), str(report.get_visibility_display())))
    facts.append((_("Convention"), convention.local_name))
    return facts


def version_of(view):
    """The version a download shows: the current submitted one, else the reader's draft."""
    return view.current or view.draft


def report_docx(view) -> bytes:
    from docx import Document
    from docx.enum.text import WD_BREAK

    version = version_of(view)
    document = Document()
    document.add_heading(_title(view.report), level=0)
    facts = document.add_table(rows=0, cols=2)
    for label, value in _facts(view, version):
        cells = facts.add_row().cells
        cells[0].text, cells[1].text = label, value
    sections = _sections(view, version)
    document.add_heading(_("Forms"), level=1)
    cover = document.add_table(rows=1, cols=3)
    cover.style = "Table Grid"
    head = cover.rows[0].cells
    head[0].text, head[1].text, head[2].text = _("Form"), _("Title"), _("Status")
    for section in sections:
        cells = cover.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = section.code, section.name, section.status
    for section in sections:
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        document.add_heading(
            _("Form %(code)s: %(name)s") % {"code": section.code, "name": section.name}, level=1
        )
        document.add_paragraph(section.status)
        for paragraph in section.text.splitlines() or [""]:
            document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _latin1(text: str) -> str:
    return text.encode("latin-1", "replace").decode("latin-1")


def report_pdf(view) -> bytes:
    from fpdf import FPDF

    version = version_of(view)
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.multi_cell(0, 9, _latin1(_title(view.report)), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("Helvetica", "", 11)
    for label, value in _facts(view, version):
        pdf.multi_cell(0, 6, _latin1(f"{label}: {value}"), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    sections = _sections(view, version)
    pdf.set_font("Helvetica", "B", 11)
    with pdf.table(col_widths=(15, 105, 60)) as table:
        row = table.row()
        for cell in (_("Form"), _("Title"), _("Status")):
            row.cell(_latin1(cell))
        for section in sections:
            row = table.row()
            for cell in (section.code, section.name, section.status):
                row.cell(_latin1(cell))
    for section in sections:
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 13)
        heading = _("Form %(code)s: %(name)s") % {"code": section.code, "name": section.name}
        pdf.multi_cell(0, 8, _latin1(heading), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "I", 11)
        pdf.multi_cell(0, 6, _latin1(section.status), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 11)
        pdf.multi_cell(0, 6, _latin1(section.text), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


REGISTER_KEYS = ["state", "iso3", "kind", "year_covered", "received_on", "version", "readers"]
# The header row: the keys in English (a program reads them), translatable for a reader.
REGISTER_HEADER = {
    "state": pgettext_lazy("column", "state"),
    "iso3": pgettext_lazy("column", "iso3"),
    "kind": pgettext_lazy("column", "kind"),
    "year_covered": pgettext_lazy("column", "year_covered"),
    "received_on": pgettext_lazy("column", "received_on"),
    "version": pgettext_lazy("column", "version"),
    "readers": pgettext_lazy("column", "readers"),
}


def register_csv(rows) -> str:
    """The register as the reader sees it, one row per report (cells formula-escaped)."""
    out = io.StringIO()
    writer = SafeDictWriter(out, fieldnames=REGISTER_KEYS, lineterminator="\n")
    writer.writerow({key: str(name) for key, name in REGISTER_HEADER.items()})
    for view in rows:
        report = view.report
        writer.writerow(
            {
                "state": report.state.name,
                "iso3": report.state.iso3,
                "kind": report.kind,
                "year_covered": report.year_covered or "",
                "received_on": report.receipt.received_on.isoformat() if report.receipt_id else "",
                "version": view.current.number if view.current else "",
                "readers": report.visibility,
            }
        )
    return out.getvalue()
