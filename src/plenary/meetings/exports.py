"""The register of a meeting as CSV or XLSX for the Secretariat, every cell formula-safe
(`core.exports.safe_cell`): a delegate's name or function typed as `=HYPERLINK(...)`
stays text."""

import io

from openpyxl import Workbook

from plenary.core.exports import SafeWriter, safe_cell

HEADER = [
    "category",
    "participant",
    "status",
    "parts",
    "credentials",
    "attendance_approved_on",
    "position",
    "role",
    "title",
    "name",
    "function",
    "email",
    "listed",
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
    writer.writerow(HEADER)
    writer.writerows(_rows(categories))
    return out.getvalue()


def registrations_xlsx(categories) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Registrations"
    sheet.append(HEADER)
    for row in _rows(categories):
        sheet.append([safe_cell(cell) for cell in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
