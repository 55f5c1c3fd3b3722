"""The drafted .docx opens in LibreOffice; its first page shows the UN heading block."""

import shutil
import subprocess

import pytest

LIBREOFFICE = shutil.which("libreoffice")


@pytest.mark.skipif(LIBREOFFICE is None, reason="LibreOffice is not installed (make libreoffice)")
def test_report_docx_converts_to_pdf_in_libreoffice(interim_docx, tmp_path):
    profile = tmp_path / "profile"
    subprocess.run(  # noqa: S603 -- fixed arguments, our own file
        [
            LIBREOFFICE,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(interim_docx),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "report.pdf"
    assert pdf.read_bytes().startswith(b"%PDF-")
    first_page = subprocess.run(  # noqa: S603 -- fixed arguments, our own file
        [shutil.which("pdftotext"), "-f", "1", "-l", "1", "-layout", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    lines = [" ".join(line.split()) for line in first_page.splitlines() if line.strip()]
    # The heading block's table wraps the body's name beside the symbol (test_layout.py
    # checks the positions).
    assert lines[:9] == [
        "Review Conference of States Parties to the",
        "Convention on Cluster Munitions",
        "CCM/CONF/2020/L.1",
        "Distribution: Limited",
        "10 December 2020",
        "Original: English",
        "Second Review Conference",
        "Geneva, 25-27 November 2020 and 4-5 February 2021",
        "Agenda item 14",
    ]
    assert "Interim report of the Second Review Conference" in lines
    assert "I. Introduction" in lines
    # Word's own numbering is laid out by LibreOffice: the first paragraph is numbered 1.
    assert any(line.startswith("1. Article 12 of the Convention") for line in lines)
    image = subprocess.run(  # noqa: S603 -- fixed arguments, our own file
        [
            shutil.which("pdftoppm"),
            "-f",
            "1",
            "-l",
            "1",
            "-r",
            "40",
            "-png",
            str(pdf),
            str(tmp_path / "page"),
        ],
        check=True,
        capture_output=True,
    )
    assert image.returncode == 0
    page = next(tmp_path.glob("page*.png")).read_bytes()
    assert page.startswith(b"\x89PNG")
    # The rendered page is A4 (210 x 297 mm) at 40 dots per inch.
    width, height = int.from_bytes(page[16:20], "big"), int.from_bytes(page[20:24], "big")
    assert (width, height) == (331, 468)
