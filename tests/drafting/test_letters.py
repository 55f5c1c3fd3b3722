from datetime import date
from io import StringIO

from django.core.management import call_command

from plenary.drafting import content, render, selectors
from plenary.meetings import selectors as meetings
from tests.drafting.conftest import read_docx


def test_convening_note_verbale_from_the_meeting_records(ccm, tmp_path):
    out = StringIO()
    call_command("note-verbale", "convening", "CCM/CONF/2020", stdout=out)
    text = out.getvalue()
    assert "REFERENCE: ODA-2020-00130-CCM" in text
    assert (
        "By operative paragraph 8 of resolution 74/62, the General Assembly requested the"
        " Secretary-General to convene the Second Review Conference" in text
    )
    assert (
        "the First Preparatory Meeting of the Second Review Conference on 8 June 2020 at the"
        " Palais des Nations in Geneva, the Second Preparatory Meeting of the Second Review"
        " Conference on 4 September 2020 at the Palais des Nations in Geneva, as well as the"
        " Second Review Conference from 23 to 27 November 2020 at the SwissTech Convention"
        " Center in Lausanne" in text
    )
    assert "Article 14, paragraph 1" in text
    assert (
        "should be submitted by Monday 25 May 2020, Friday 21 August 2020 and Friday 9 October"
        " 2020, respectively," in text
    )
    assert "no later than 30 April 2020." in text
    # The secretariat's address comes from the convention file (see the test below); a
    # file without one adds a note after the date instead of another convention's address.
    assert text.split("\n[Missing: ")[0].rstrip().endswith("4 March 2020")
    path = tmp_path / "note.docx"
    call_command("note-verbale", "convening", "CCM/CONF/2020", "--format", "docx", "-o", str(path))
    assert read_docx(path).paragraphs[0].text == "UN OFFICE FOR DISARMAMENT AFFAIRS"


def test_president_letter_has_the_chosen_body_and_the_programme_as_annex(ccm, tmp_path):
    body = tmp_path / "body.txt"
    body.write_text("It is my pleasure to write to you.\n\nI look forward to the meeting.\n")
    path = tmp_path / "letter.docx"
    call_command(
        "letter", "2RC", "--part", "1", "--body", str(body), "--date", "2020-11-12",
        "--format", "docx", "-o", str(path),
    )  # fmt: skip
    texts = [p.text for p in read_docx(path).paragraphs if p.text]
    assert texts[2:6] == [
        "Geneva, 12 November 2020",
        "Excellencies, dear colleagues,",
        "It is my pleasure to write to you.",
        "I look forward to the meeting.",
    ]
    assert "Mr. Félix Baumann" in texts
    assert "Provisional Programme of work" in texts
    assert "6. Organization of work (continued)" in texts


def test_convening_note_verbale_gives_the_secretariat_of_the_convention_file(ccm):
    records = selectors.convening_records(
        meeting=meetings.meeting_by_reference("2RC", convention=ccm), on=date(2020, 3, 4)
    )

    drafted = content.convening_note(records, reference="ODA-2020-00130-CCM")

    assert (
        "Office for Disarmament Affairs, Geneva Branch, United Nations Office at Geneva, Palais"
        " des Nations, room C.119, CH-1211 Geneva 10, Switzerland. E-mail: ccm@un.org"
    ) in [block.text for block in drafted.blocks]
    assert content.NO_SECRETARIAT.format(convention=records.ruleset.name) not in drafted.missing
    assert render.to_text(drafted).rstrip().endswith("4 March 2020")
