"""The report .docx laid out by LibreOffice as a UN document: the text positions of the
PDF it prints show the heading block, the symbol at the top right of page 1, the running
header and a page number at the foot."""

import re
import shutil
import subprocess
from html import unescape

import pytest
from docx.oxml.ns import qn

from plenary.drafting import render
from tests.drafting.conftest import drafted_report, read_docx

LIBREOFFICE = shutil.which("libreoffice") or shutil.which("soffice")
PDFTOTEXT = shutil.which("pdftotext")
_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)
_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)


def _pdf(docx_path, tmp_path):
    subprocess.run(  # noqa: S603 -- fixed arguments, our own file
        [
            LIBREOFFICE,
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(docx_path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return tmp_path / f"{docx_path.stem}.pdf"


def _pages(pdf) -> list[dict]:
    """Each page's size and words with their boxes, from `pdftotext -bbox`."""
    out = subprocess.run(  # noqa: S603 -- fixed arguments, our own file
        [PDFTOTEXT, "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return [
        {
            "width": float(width),
            "height": float(height),
            "words": [
                (float(x0), float(y0), float(x1), float(y1), unescape(text))
                for x0, y0, x1, y1, text in _WORD.findall(body)
            ],
        }
        for width, height, body in _PAGE.findall(out)
    ]


def _line_of(page, first: str, *, count: int) -> list:
    """The words of the line that starts with `first`, `count` of them."""
    words = page["words"]
    for word in words:
        if word[4] == first:
            line = [w for w in words if abs(w[1] - word[1]) < 2][: count + 20]
            line.sort(key=lambda w: w[0])
            start = line.index(word)
            return line[start : start + count]
    raise AssertionError(f"{first!r} is not on the page")


def _text(words) -> str:
    return " ".join(word[4] for word in words)


@pytest.fixture
def laid_out(ccm, tmp_path):
    path = tmp_path / "report.docx"
    path.write_bytes(render.to_docx(drafted_report()))
    return path, _pages(_pdf(path, tmp_path))


@pytest.mark.skipif(
    LIBREOFFICE is None or PDFTOTEXT is None,
    reason="LibreOffice or pdftotext is not installed (make libreoffice)",
)
def test_report_pdf_shows_the_un_heading_block_and_page_numbers(laid_out):
    _, pages = laid_out
    first = pages[0]
    width, height = first["width"], first["height"]
    # A4 in points.
    assert (round(width), round(height)) == (595, 842)
    (symbol,) = [w for w in first["words"] if w[4] == "CCM/CONF/2020/L.1"]
    assert symbol[0] > width / 2, "the symbol is at the right"
    assert symbol[1] < height / 8, "the symbol is at the top"
    body = _line_of(first, "Review", count=3)
    assert _text(body) == "Review Conference of"
    assert body[0][0] < width / 4 and abs(body[0][1] - symbol[1]) < 20
    distribution = _line_of(first, "Distribution:", count=2)
    assert _text(distribution) == "Distribution: Limited"
    date = _line_of(first, "10", count=3)
    original = _line_of(first, "Original:", count=2)
    assert _text(date) == "10 December 2020"
    assert _text(original) == "Original: English"
    # Under the symbol, in this order, in the right half of the page.
    assert symbol[1] < distribution[0][1] < date[0][1] < original[0][1]
    assert all(line[0][0] > width / 2 for line in (distribution, date, original))
    title = _line_of(first, "Interim", count=3)
    assert _text(title) == "Interim report of"
    assert title[0][1] > original[0][1]
    # The page number at the foot of every page, the symbol at the head of every page but
    # the first.
    assert len(pages) > 1
    for number, page in enumerate(pages, start=1):
        foot = [w for w in page["words"] if w[1] > page["height"] * 0.94]
        assert [w[4] for w in foot] == [str(number)], number
        head = [w[4] for w in page["words"] if w[3] < page["height"] * 0.07]
        assert head == ([] if number == 1 else ["CCM/CONF/2020/L.1"]), number


def test_report_docx_uses_the_un_styles_and_repeats_the_annex_header(ccm, tmp_path):
    path = tmp_path / "report.docx"
    path.write_bytes(render.to_docx(drafted_report()))
    document = read_docx(path)
    headings = [p for p in document.paragraphs if p.style.name == "Heading 1"]
    assert [p.text for p in headings][:2] == [
        "I. Introduction",
        "II. Organization of the Second Review Conference",
    ]
    heading_style = document.styles["Heading 1"]
    assert heading_style.font.color.rgb == (0, 0, 0)
    assert heading_style.font.color.theme_color is None
    assert heading_style.font.name == "Times New Roman"
    numbered = [p for p in document.paragraphs if p.text.startswith("Article 12 of the")]
    assert numbered[0].style.name == "SingleTxt"
    header_row = document.tables[-1].rows[0]._tr
    assert header_row.trPr.find(qn("w:tblHeader")) is not None
    section = document.sections[0]
    assert section.different_first_page_header_footer
    assert section.header.paragraphs[0].text == "CCM/CONF/2020/L.1"


def test_a_secretariat_layout_replaces_the_shipped_one(ccm, tmp_path, settings):
    """A layout without the UN's style names still draws the document, in Word's own."""
    from docx import Document

    own = tmp_path / "own.docx"
    Document().save(str(own))
    settings.DRAFTING_DOCX_TEMPLATE = str(own)
    assert render.layout_path() == own
    path = tmp_path / "report.docx"
    path.write_bytes(render.to_docx(drafted_report()))
    document = read_docx(path)
    assert any(p.text.startswith("Article 12 of the") for p in document.paragraphs)
