"""Lay out progress and compiled contributions: SVG chart, CSV, XLSX and Word (.docx).

Selectors gather the records; the functions here turn them into a chart, rows or a
document at the edge. The chart is drawn on the server as SVG: it needs no script and no
network.
"""

import io
from decimal import Decimal
from html import escape

from django.utils.translation import get_language_bidi, pgettext, pgettext_lazy
from django.utils.translation import gettext as _
from docx import Document as WordDocument
from docx.shared import Pt
from openpyxl import Workbook

from plenary.core.exports import SafeDictWriter, safe_cell
from plenary.core.l10n import day as long_date

# The right pad holds half of the last year label, which is centred on its point.
WIDTH, HEIGHT, PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 420, 160, 40, 16, 12, 24


def _number(value: Decimal | None) -> str:
    if value is None:
        return ""
    return f"{value.normalize():f}" if value == value.to_integral_value() else f"{value:f}"


def chart_svg(row) -> str:
    """A line chart of an indicator's yearly values, with its baseline and target as lines.

    Right to left (Arabic) the chart is mirrored: the years run from the right and the
    values' axis stands on the right; under the chart's `direction="rtl"` a label's "end"
    is its left edge, so the anchors keep their meaning.
    """
    right_to_left = get_language_bidi()
    points = [(year, value) for year, value in row.series if value is not None]
    levels = [v for _, v in points]
    indicator = row.indicator
    for extra in (indicator.baseline_value, indicator.target_value):
        if extra is not None:
            levels.append(extra)
    top = max(levels, default=Decimal(1)) or Decimal(1)
    years = [year for year, _ in row.series] or [row.year]
    first, last = years[0], years[-1]
    span = max(last - first, 1)
    inner_w = WIDTH - PAD_LEFT - PAD_RIGHT
    inner_h = HEIGHT - PAD_TOP - PAD_BOTTOM

    def at(px: float) -> float:
        """A horizontal position, mirrored right to left."""
        return WIDTH - px if right_to_left else px

    def x(year: int) -> float:
        return at(PAD_LEFT + (year - first) * inner_w / span)

    def y(value: Decimal) -> float:
        return PAD_TOP + inner_h - float(value) * inner_h / float(top)

    title = escape(f"{indicator.code}: {indicator.text}")
    direction = ' direction="rtl"' if right_to_left else ""
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" aria-label="{title}"{direction}>',
        f"<title>{title}</title>",
        f'<line x1="{at(PAD_LEFT)}" y1="{PAD_TOP + inner_h}" x2="{at(WIDTH - PAD_RIGHT)}" '
        f'y2="{PAD_TOP + inner_h}" stroke="#444"/>',
        f'<text x="{at(PAD_LEFT - 4)}" y="{PAD_TOP + 8}" text-anchor="end" font-size="10">'
        f"{_number(top)}</text>",
        f'<text x="{at(PAD_LEFT - 4)}" y="{PAD_TOP + inner_h}" text-anchor="end" '
        f'font-size="10">0</text>',
    ]
    for year in years:
        parts.append(
            f'<text x="{x(year):.1f}" y="{HEIGHT - 8}" text-anchor="middle" font-size="10" '
            f'class="year">{year}</text>'
        )
    for label, value, colour in (
        (pgettext("chart", "baseline"), indicator.baseline_value, "#888"),
        (pgettext("chart", "target"), indicator.target_value, "#2a7"),
    ):
        if value is not None:
            parts.append(
                f'<line x1="{at(PAD_LEFT)}" y1="{y(value):.1f}" x2="{at(WIDTH - PAD_RIGHT)}" '
                f'y2="{y(value):.1f}" stroke="{colour}" stroke-dasharray="4 3">'
                f"<title>{escape(label)} {_number(value)}</title></line>"
            )
    if points:
        path = " ".join(f"{x(year):.1f},{y(value):.1f}" for year, value in points)
        parts.append(f'<polyline points="{path}" fill="none" stroke="#036" stroke-width="2"/>')
        for year, value in points:
            parts.append(
                f'<circle cx="{x(year):.1f}" cy="{y(value):.1f}" r="3" fill="#036">'
                f"<title>{year}: {_number(value)}</title></circle>"
            )
    parts.append("</svg>")
    return "".join(parts)


PROGRESS_KEYS = [
    "section",
    "action",
    "indicator",
    "text",
    "kind",
    "baseline_year",
    "baseline",
    "target",
    "year",
    "value",
    "change",
    "towards_target_percent",
    "computed",
    "states",
    "source",
]
# The header row: the keys in English (a program reads them), translatable for a reader.
PROGRESS_HEADER = {
    "section": pgettext_lazy("column", "section"),
    "action": pgettext_lazy("column", "action"),
    "indicator": pgettext_lazy("column", "indicator"),
    "text": pgettext_lazy("column", "text"),
    "kind": pgettext_lazy("column", "kind"),
    "baseline_year": pgettext_lazy("column", "baseline_year"),
    "baseline": pgettext_lazy("column", "baseline"),
    "target": pgettext_lazy("column", "target"),
    "year": pgettext_lazy("column", "year"),
    "value": pgettext_lazy("column", "value"),
    "change": pgettext_lazy("column", "change"),
    "towards_target_percent": pgettext_lazy("column", "towards_target_percent"),
    "computed": pgettext_lazy("column", "computed"),
    "states": pgettext_lazy("column", "states"),
    "source": pgettext_lazy("column", "source"),
}


def progress_rows(sections) -> list[dict]:
    """One flat row per indicator: what the CSV, JSON and the command line show."""
    rows = []
    for section in sections:
        for row in section.rows:
            indicator = row.indicator
            progress = row.progress
            rows.append(
                {
                    "section": section.section.title,
                    "action": indicator.action.number if indicator.action_id else "",
                    "indicator": indicator.code,
                    "text": indicator.text,
                    "kind": indicator.kind,
                    "baseline_year": indicator.baseline_year,
                    "baseline": _number(indicator.baseline_value),
                    "target": _number(indicator.target_value),
                    "year": row.year,
                    "value": _number(row.value),
                    "change": _number(progress.change) if progress else "",
                    "towards_target_percent": _number(progress.towards_target) if progress else "",
                    "computed": indicator.computation,
                    # The States a computed count counts, by name ("; " between them).
                    "states": "; ".join(row.counted or ()),
                    "source": row.source,
                }
            )
    return rows


def progress_csv(sections) -> str:
    out = io.StringIO()
    writer = SafeDictWriter(out, fieldnames=PROGRESS_KEYS, lineterminator="\n")
    writer.writerow({key: str(name) for key, name in PROGRESS_HEADER.items()})
    for row in progress_rows(sections):
        writer.writerow({k: "" if row[k] is None else row[k] for k in PROGRESS_KEYS})
    return out.getvalue()


NUMBER_KEYS = frozenset({"baseline", "target", "value", "change", "towards_target_percent"})


def progress_xlsx(*, plan, year: int, sections) -> bytes:
    """The CSV's rows as a workbook: numbers as numbers, every text through `safe_cell`."""
    book = Workbook()
    sheet = book.active
    sheet.title = f"{plan.code} {year}"[:31]
    sheet.append([str(PROGRESS_HEADER[key]) for key in PROGRESS_KEYS])
    for row in progress_rows(sections):
        cells = []
        for key in PROGRESS_KEYS:
            value = row[key]
            if key in NUMBER_KEYS:
                cells.append(Decimal(value) if value else None)
            else:
                cells.append(safe_cell("" if value is None else value))
        sheet.append(cells)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _save(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _new_document():
    document = WordDocument()
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(12)
    return document


def progress_docx(*, plan, year: int, sections) -> bytes:
    document = _new_document()
    document.add_heading(
        _("%(plan)s (%(period)s): progress in %(year)s")
        % {"plan": plan.name, "period": plan.period, "year": year},
        level=1,
    )
    for section in sections:
        document.add_heading(f"{section.section.number}. {section.section.title}", level=2)
        if not section.rows:
            document.add_paragraph(_("No indicator is on record for this section."))
            continue
        table = document.add_table(rows=1, cols=6)
        table.style = "Table Grid"
        for cell, text in zip(
            table.rows[0].cells,
            [_("Indicator"), _("Baseline"), _("Target"), str(year), _("Change"), _("Source")],
            strict=True,
        ):
            cell.text = text
        for row in section.rows:
            indicator = row.indicator
            baseline = (
                f"{_number(indicator.baseline_value)} ({indicator.baseline_year})"
                if indicator.baseline_value is not None
                else ""
            )
            cells = table.add_row().cells
            cells[0].text = f"{indicator.code}: {indicator.text}"
            cells[1].text = baseline
            cells[2].text = _number(indicator.target_value)
            cells[3].text = _number(row.value)
            cells[4].text = _number(row.progress.change) if row.progress else ""
            cells[5].text = row.source
    return _save(document)


def compiled_docx(*, consultation, questions, contributions) -> bytes:
    """The compiled contributions: per question, every answer with its State or organisation
    and author; then the list of contributors with their attachments."""
    document = _new_document()
    document.add_heading(consultation.title, level=1)
    document.add_paragraph(
        _("Written contributions received by %(deadline)s (%(issued_by)s, %(issued_on)s).")
        % {
            "deadline": long_date(consultation.deadline_date),
            "issued_by": consultation.issued_by,
            "issued_on": long_date(consultation.issued_on),
        }
    )
    section = None
    for row in questions:
        if row.section != section:
            section = row.section
            document.add_heading(f"{section.number}. {section.title}", level=2)
        document.add_heading(
            _("Question %(number)s. %(text)s")
            % {"number": row.question.number, "text": row.question.text},
            level=3,
        )
        if not row.answers:
            document.add_paragraph(_("No answer."))
        for answer in row.answers:
            paragraph = document.add_paragraph()
            paragraph.add_run(answer.contributor).bold = True
            if answer.author:
                paragraph.add_run(" " + _("(submitted by %(author)s)") % {"author": answer.author})
            paragraph.add_run(": ")
            paragraph.add_run(answer.text)
    document.add_heading(_("Contributions"), level=2)
    if not contributions:
        document.add_paragraph(_("No contribution is on record."))
    for contribution in contributions:
        line = _("%(contributor)s: submitted %(submitted)s") % {
            "contributor": contribution.contributor,
            "submitted": f"{contribution.submitted_at:%-d %B %Y}",
        }
        if contribution.attachment_name:
            line += _("; attachment %(name)s") % {"name": contribution.attachment_name}
        document.add_paragraph(line, style="List Bullet")
    return _save(document)
