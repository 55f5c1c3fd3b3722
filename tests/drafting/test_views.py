import pytest

from tests.conftest import client_for
from tests.drafting.conftest import read_docx
from tests.drafting.seed_003 import ANNEX, TITLE

REPORT = "/ccm/meetings/2RC/report/?part=1&kind=interim&date=2020-12-10"


def test_report_page_shows_the_html_report_to_everyone(ccm):
    response = client_for(None).get(REPORT)
    assert response.status_code == 200
    page = response.content.decode()
    assert "The Conference held nine formal plenary meetings in virtual format." in page
    assert "<td>CCM/CONF/2020/MISC.1</td><td>Provisional list of participants</td>" in page
    assert "report.docx" not in page


def test_meeting_page_links_to_the_report(ccm):
    page = client_for(None).get("/ccm/meetings/2RC/?part=1").content.decode()
    assert 'href="/ccm/meetings/2RC/report/?part=1"' in page


def test_report_page_offers_downloads_to_the_secretariat(ccm, secretariat):
    page = client_for(secretariat).get(REPORT).content.decode()
    assert 'href="/ccm/meetings/2RC/report.docx?part=1&amp;kind=interim"' in page
    assert 'href="/ccm/meetings/2RC/programme.docx?part=1"' in page


def test_report_download_docx_for_the_secretariat(ccm, secretariat, tmp_path):
    response = client_for(secretariat).get("/ccm/meetings/2RC/report.docx?part=1&kind=interim")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="CCM_CONF_2020_L.1.docx"'
    path = tmp_path / "report.docx"
    path.write_bytes(response.content)
    document = read_docx(path)
    assert TITLE in [p.text for p in document.paragraphs]
    assert len(document.tables[-1].rows) == len(ANNEX) + 1


@pytest.mark.parametrize("fmt", ["docx", "html", "txt"])
def test_report_download_refused_to_a_delegation(ccm, peru_delegate, fmt):
    response = client_for(peru_delegate).get(f"/ccm/meetings/2RC/report.{fmt}?part=1")
    assert response.status_code == 403


def test_report_download_refused_to_the_public(ccm):
    assert client_for(None).get("/ccm/meetings/2RC/report.txt?part=1").status_code == 403
    assert client_for(None).get("/ccm/meetings/2RC/programme.docx?part=1").status_code == 403


def test_programme_download_for_the_secretariat(ccm, secretariat, tmp_path):
    response = client_for(secretariat).get("/ccm/meetings/2RC/programme.docx?part=1")
    assert response.status_code == 200
    path = tmp_path / "programme.docx"
    path.write_bytes(response.content)
    assert read_docx(path).paragraphs[2].text == "Provisional Programme of work"


def test_report_page_of_an_unknown_part_is_not_found(ccm):
    assert client_for(None).get("/ccm/meetings/2RC/report/?part=9").status_code == 404
    assert client_for(None).get("/ccm/meetings/2RC/report/?date=2020-13-45").status_code == 404


def test_report_page_runs_a_constant_number_of_queries(
    ccm, secretariat, django_assert_max_num_queries
):
    from tests.conftest import open_meeting

    small = open_meeting(ccm)
    for code in (small.code, "2RC"):
        # 51: the user's role grants, read once; the report's document, its texts, the
        # decisions it may be adopted by; the part's decisions and their agenda items.
        with django_assert_max_num_queries(51):
            client_for(secretariat).get(f"/ccm/meetings/{code}/report/?part=1")


def test_report_page_marks_the_texts_added_by_hand(ccm, tmp_path):
    """Seed 003's paragraph 19 (a video message) is a hand-added text, marked in words on
    the page; 26 comes from the decisions register, unmarked. The document itself (the
    HTML download) carries no mark in its text."""
    from plenary.drafting import render
    from tests.drafting.conftest import drafted_report

    page = client_for(None).get(REPORT).content.decode()
    assert (
        '<p id="para-19" class="hand-added">19.&nbsp;On 25 November 2020, Ms. Izumi Nakamitsu'
        " High Representative for Disarmament Affairs, delivered a video message to the"
        ' Conference. <span class="muted hand-mark">(added by hand)</span></p>'
    ) in page
    assert '<p id="para-26">26.&nbsp;The Conference welcomed the accession' in page
    assert page.count("(added by hand)") == 9
    assert "(added by hand)" not in render.to_html(drafted_report(), standalone=True)
