"""The register of a meeting as CSV or XLSX for the Secretariat, every cell formula-safe
(`core.exports.safe_cell`): a delegate's name or function typed as `=HYPERLINK(...)`
stays text."""

import io

from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from openpyxl import Workbook

from plenary.core.exports import SafeWriter, safe_cell

# Column names, kept as keys in English (a program reads them), translatable for a reader.
HEADER = [
    pgettext_lazy("column", "category"),
    pgettext_lazy("column", "participant"),
    pgettext_lazy("column", "status"),
    pgettext_lazy("column", "parts"),
    pgettext_lazy("column", "credentials"),
    pgettext_lazy("column", "attendance_approved_on"),
    pgettext_lazy("column", "position"),
    pgettext_lazy("column", "role"),
    pgettext_lazy("column", "title"),
    pgettext_lazy("column", "name"),
    pgettext_lazy("column", "function"),
    pgettext_lazy("column", "email"),
    pgettext_lazy("column", "listed"),
]


def _rows(categories):
    for category in categories:
        for participant in category.participants:
            delegation = participant.delegation
            head = [
                str(category.name),
                participant.name,
                delegation.status,
                " ".join(str(part.number) for part in delegation.parts.all()),
                delegation.credentials_kind if delegation.credentials else "",
                delegation.attendance_approved_on.isoformat()
                if delegation.attendance_approved_on
                else "",
            ]
            if not participant.members:
                yield [*head, "", "", "", "", "", "", ""]
            for member in participant.members:
                yield [
                    *head,
                    str(member.position),
                    member.role,
                    member.title,
                    member.name,
                    member.function,
                    member.email,
                    "yes" if member.publish else "no",
                ]


def registrations_csv(categories) -> str:
    out = io.StringIO()
    writer = SafeWriter(out, lineterminator="\n")
    writer.writerow([str(name) for name in HEADER])
    writer.writerows(_rows(categories))
    return out.getvalue()


def registrations_xlsx(categories) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = _("Registrations")
    sheet.append([str(name) for name in HEADER])
    for row in _rows(categories):
        sheet.append([safe_cell(cell) for cell in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
