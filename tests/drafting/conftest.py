from datetime import date

import pytest
from docx import Document

from plenary.drafting import content, render, selectors
from tests.conftest import the_ccm

REPORT_DAY = date(2020, 12, 10)


def drafted_report(reference="CCM/CONF/2020", number=1, kind="interim"):
    part = selectors.part_with_meeting(convention=the_ccm(), reference=reference, number=number)
    return content.report(selectors.report_records(part=part, kind=kind), kind=kind, on=REPORT_DAY)


@pytest.fixture
def interim_docx(ccm, tmp_path):
    """The interim report of CCM/CONF/2020 part 1 as a .docx file on disk."""
    path = tmp_path / "report.docx"
    path.write_bytes(render.to_docx(drafted_report()))
    return path


def read_docx(path):
    return Document(str(path))
