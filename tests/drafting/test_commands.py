from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.drafting.conftest import read_docx
from tests.drafting.seed_003 import ANNEX, TITLE


def test_report_command_writes_the_docx(ccm, tmp_path):
    path = tmp_path / "report.docx"
    call_command(
        "report", "CCM/CONF/2020", "--part", "1", "--kind", "interim", "--format", "docx",
        "--date", "2020-12-10", "-o", str(path),
    )  # fmt: skip
    document = read_docx(path)
    assert TITLE in [p.text for p in document.paragraphs]
    assert len(document.tables[-1].rows) == len(ANNEX) + 1


def test_report_command_prints_text_and_html(ccm):
    text, html = StringIO(), StringIO()
    call_command("report", "2RC", "--format", "text", "--date", "2020-12-10", stdout=text)
    call_command("report", "2RC", "--format", "html", "--date", "2020-12-10", stdout=html)
    assert "18. The Conference held nine formal plenary meetings in virtual format." in (
        text.getvalue()
    )
    assert html.getvalue().startswith("<!DOCTYPE html>")
    assert "<td>CCM/CONF/2020/CRP.8</td><td>Draft Interim report of the Second Review" in (
        html.getvalue()
    )


def test_report_command_docx_without_output_is_refused(ccm):
    with pytest.raises(CommandError, match=r"a \.docx is written to a file: give -o FILE"):
        call_command("report", "2RC", "--format", "docx")


def test_report_command_unknown_meeting_is_refused(ccm):
    with pytest.raises(CommandError, match="No meeting with the code or symbol root 'XYZ'"):
        call_command("report", "XYZ")


def test_programme_command_writes_the_docx_in_the_layout_of_seed_000(ccm, tmp_path):
    path = tmp_path / "programme.docx"
    call_command("programme", "CCM/CONF/2020", "--part", "1", "--format", "docx", "-o", str(path))
    texts = [p.text for p in read_docx(path).paragraphs if p.text]
    assert texts[:6] == [
        "Second Review Conference",
        "1st Part: virtual meeting, 25-27 November 2020",
        "Provisional Programme of work",
        "Wednesday 25 November",
        "10:00 \u2013 12:00",
        "1. Opening of the Review Conference",
    ]
    assert "6. Organization of work (continued)" in texts
    assert "Thursday 26 November" in texts
    assert "(a) Universalization (CCM/CONF/2020/12)" in texts
