"""CSV cells a spreadsheet will not run (issue 24).

A cell that begins with = + - @ (or a tab or carriage return) is read as a formula by
Excel, LibreOffice and Google Sheets: `=HYPERLINK(...)` in a title becomes a link that
leaks or runs something. Every CSV export writes its cells through `safe_cell`, which
prefixes such a text with an apostrophe (OWASP's advice); a plain number such as -12.50
is left alone, since it is no formula.
"""

import csv
import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")


def safe_cell(value):
    """`value`, with a leading apostrophe when it is text a spreadsheet would run."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not NUMBER.match(value):
        return "'" + value
    return value


class SafeWriter:
    """csv.writer whose every cell goes through `safe_cell`."""

    def __init__(self, out, **kwargs):
        self._writer = csv.writer(out, **kwargs)

    def writerow(self, row):
        return self._writer.writerow([safe_cell(cell) for cell in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


class SafeDictWriter(csv.DictWriter):
    """csv.DictWriter whose every cell goes through `safe_cell`."""

    def writerow(self, rowdict):
        return super().writerow({key: safe_cell(value) for key, value in rowdict.items()})

    def writerows(self, rowdicts):
        for row in rowdicts:
            self.writerow(row)
