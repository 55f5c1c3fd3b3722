"""The financial status as CSV or XLSX (openpyxl), from the rows a selector gives."""

import io

from openpyxl import Workbook

from plenary.core.exports import SafeWriter, safe_cell

HEADER = ["iso3", "state", "year", "assessed", "paid", "balance", "arrears"]


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
    writer.writerow(HEADER)
    for account in accounts:
        writer.writerow([str(cell) for cell in _cells(account)])
    return out.getvalue()


def status_xlsx(accounts) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Financial status"
    sheet.append(HEADER)
    for account in accounts:
        sheet.append([safe_cell(cell) for cell in _cells(account)])
    for row in sheet.iter_rows(min_row=2, min_col=4, max_col=7):
        for cell in row:
            cell.number_format = "#,##0.00"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
