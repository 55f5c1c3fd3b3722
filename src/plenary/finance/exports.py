"""The financial status as CSV or XLSX (openpyxl), from the rows a selector gives."""

import io

from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from openpyxl import Workbook

from plenary.core.exports import SafeWriter, safe_cell

# Column names, kept as keys in English (a program reads them), translatable for a reader.
HEADER = [
    pgettext_lazy("column", "iso3"),
    pgettext_lazy("column", "state"),
    pgettext_lazy("column", "year"),
    pgettext_lazy("column", "assessed"),
    pgettext_lazy("column", "paid"),
    pgettext_lazy("column", "balance"),
    pgettext_lazy("column", "arrears"),
]


def _cells(account) -> list:
    return [
        account.iso3,
        account.name,
        account.year,
        account.assessed,
        account.paid,
        account.balance,
        account.arrears,
    ]


def status_csv(accounts) -> str:
    out = io.StringIO()
    writer = SafeWriter(out, lineterminator="\n")
    writer.writerow([str(name) for name in HEADER])
    for account in accounts:
        writer.writerow([str(cell) for cell in _cells(account)])
    return out.getvalue()


def status_xlsx(accounts) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = _("Financial status")
    sheet.append([str(name) for name in HEADER])
    for account in accounts:
        sheet.append([safe_cell(cell) for cell in _cells(account)])
    for row in sheet.iter_rows(min_row=2, min_col=4, max_col=7):
        for cell in row:
            cell.number_format = "#,##0.00"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
