"""An APMBC meeting's report drafts in the APMBC's words: no CCM default in drafting."""

import io
from datetime import date, datetime

import pytest
from docx import Document as WordDocument

from plenary.core.models import Role
from plenary.documents import services as documents
from plenary.drafting import content, render, selectors
from plenary.meetings import services as meetings
from plenary.rules import conventions
from plenary.rules.times import zone
from plenary.treaties import services as treaties
from plenary.treaties.models import Convention, State
from tests.conftest import grant, make_user
from tests.drafting.conftest import REPORT_DAY


@pytest.fixture
def secretariat(ccm):
    """UNODA's Geneva Branch serves both conventions: one officer, a role under each."""
    user = make_user("secretariat", Role.SECRETARIAT)
    grant(user, Role.SECRETARIAT, convention="APMBC")
    return user


APMBC_NAME = conventions.get_ruleset("APMBC").name
CCM_WORDS = ("Cluster Munitions", "cluster munition", "CCM")


@pytest.fixture
def apmbc(ccm, secretariat) -> Convention:
    """The APMBC with Ukraine a State Party (signed 24 February 1999, ratified 27 December
    2005, as the depositary records it)."""
    convention, _ = Convention.objects.get_or_create(short_name="APMBC")
    treaties.record_participation(
        convention=convention,
        state=State.objects.get(iso3="UKR"),
        signed_on=date(1999, 2, 24),
        deposited_on=date(2005, 12, 27),
        instrument="ratification",
        signature_source="test",
        deposit_source="test",
        reason="test",
    )
    return convention


def convene(convention, secretariat, *, kind: str, code: str, symbol_root: str = ""):
    meeting = meetings.create_meeting(
        convention=convention,
        code=code,
        kind=kind,
        number=1,
        title="Test Review Conference"
        if kind == "review_conference"
        else "Test Meeting of the States Parties",
        symbol_root=symbol_root,
        parts=[meetings.PartPlan(1, date(2099, 11, 23), date(2099, 11, 27), "in_person")],
        by=secretariat,
    )
    part = meeting.parts.get()
    meetings.register_delegation(
        meeting=meeting,
        state=State.objects.get(iso3="UKR"),
        members=[
            meetings.DelegateIn(
                role="head", name="Test Head of Delegation", email="head@example.org"
            )
        ],
        parts=[part],
        now=datetime(2099, 11, 1, tzinfo=zone("Europe/Zurich")),
        source="test",
        by=secretariat,
    )
    return meeting


@pytest.fixture
def apmbc_conference(apmbc, secretariat):
    meeting = convene(
        apmbc,
        secretariat,
        kind="review_conference",
        code="T-APMBC-RC",
        symbol_root="APLC/CONF/2099",
    )
    part = meeting.parts.get()
    for symbol, title in (
        ("APLC/CONF/2099/1", "Provisional agenda"),
        ("APLC/CONF/2099/WP.1", "A working paper"),
    ):
        documents.create_document(
            meeting=meeting, symbol=symbol, title=title, part=part, source="test", by=secretariat
        )
    return meeting


def drafted(meeting, kind: str):
    part = selectors.part_with_meeting(
        convention=meeting.convention, reference=meeting.code, number=1
    )
    return content.report(selectors.report_records(part=part, kind=kind), kind=kind, on=REPORT_DAY)


def every_text(report) -> str:
    return "\n".join(
        [block.text for block in report.blocks]
        + [text for block in report.blocks for _, text in block.items]
        + [cell for block in report.blocks for row in block.rows for cell in row]
    )


@pytest.mark.parametrize("kind", ["interim", "final"])
def test_apmbc_report_renders_as_docx_and_html_in_its_own_words(apmbc_conference, kind):
    report = drafted(apmbc_conference, kind)

    docx = WordDocument(io.BytesIO(render.to_docx(report)))
    written = "\n".join(
        [paragraph.text for paragraph in docx.paragraphs]
        + [cell.text for table in docx.tables for row in table.rows for cell in row.cells]
    )
    html = render.to_html(report, standalone=True)
    assert f"Review Conference of States Parties to the {APMBC_NAME}" in written
    assert APMBC_NAME in html
    for words in CCM_WORDS:
        assert words not in written
        assert words not in html
        assert words not in every_text(report)
    assert [cell.text for cell in docx.tables[-1].column_cells(0)] == [
        "Symbol",
        "APLC/CONF/2099/1",
        "APLC/CONF/2099/WP.1",
    ]


def test_apmbc_report_lists_its_states_parties(apmbc_conference):
    texts = [block.text for block in drafted(apmbc_conference, "interim").paragraphs]

    assert (
        "The following States Parties to the Convention participated in the work of the"
        " Conference: Ukraine."
    ) in texts


def test_apmbc_meeting_of_states_parties_quotes_its_article_11(apmbc, secretariat):
    meeting = convene(apmbc, secretariat, kind="msp", code="T-APMBC-MSP")

    report = drafted(meeting, "interim")

    assert report.paragraphs[0].text == (
        f"Article 11, paragraph 1, of the {APMBC_NAME} provides that “the States Parties shall"
        " meet regularly in order to consider any matter with regard to the application or"
        " implementation of this Convention”."
    )
    # A title that names the States Parties is not followed by "of States Parties" again.
    assert (
        f"The Test Meeting of the States Parties to the {APMBC_NAME} was held from 23 to 27"
        " November 2099."
    ) in [block.text for block in report.paragraphs]
    assert render.to_docx(report).startswith(b"PK")
    for words in CCM_WORDS:
        assert words not in every_text(report)


def test_apmbc_programme_and_letter_name_no_other_convention(apmbc_conference, president):
    part = selectors.part_with_meeting(
        convention=apmbc_conference.convention, reference=apmbc_conference.code, number=1
    )
    days = selectors.programme_records(part=part)

    letter = content.president_letter(
        part, days, president=None, body="A body.", on=date(2099, 11, 1)
    )

    assert letter.blocks[0].text == (
        f"The Permanent Missions to the United Nations of the States Parties to the {APMBC_NAME}"
    )
    for words in CCM_WORDS:
        assert words not in every_text(letter)


def test_apmbc_convening_note_quotes_no_other_convention(apmbc_conference):
    records = selectors.convening_records(meeting=apmbc_conference, on=date(2099, 3, 1))

    note = content.convening_note(records, reference="TEST-REFERENCE")

    assert f"has the honour to refer to the 1997 {APMBC_NAME}" in every_text(note)
    assert not [block for block in note.blocks if "Article 14" in block.text]
    assert render.to_docx(note).startswith(b"PK")
    for words in CCM_WORDS:
        assert words not in every_text(note)


def test_an_apmbc_report_in_french_has_no_ccm_and_no_english_wording(apmbc_conference):
    part = selectors.part_with_meeting(
        convention=apmbc_conference.convention, reference=apmbc_conference.code, number=1
    )
    report = content.report(
        selectors.report_records(part=part, kind="interim"),
        kind="interim",
        on=REPORT_DAY,
        language="fr",
    )
    by_key = {block.key: block.text for block in report.paragraphs}
    assert by_key["introduction-convention"] == (
        "La Test Review Conference (en anglais) a été convoquée conformément à l'article 12 de"
        " la Convention sur l'interdiction de l'emploi, du stockage, de la production et du"
        " transfert des mines antipersonnel et sur leur destruction."
    )
    assert by_key["organization-states-parties"] == (
        "Les États parties à la Convention ci-après ont participé aux travaux de la Conférence :"
        " Ukraine."
    )
    assert not [word for word in CCM_WORDS if word in every_text(report)]
    # The notes of what the records lack are the site's messages, not the report's words.
    worded = " ".join(by_key.values())
    assert "The " not in worded and " was " not in worded and " of the " not in worded
