"""The interim report of CCM/CONF/2020 part 1, drafted from the reference records and read
back from its .docx, states the facts of seed 003 and its annex."""

from docx.oxml.ns import qn

from plenary.drafting.render import NUMBERING_ID
from tests.drafting.conftest import read_docx
from tests.drafting.seed_003 import ANNEX, CONDITIONS, FACTS, HEADING_BLOCK, TITLE, VERBATIM


def _texts(document) -> list[str]:
    return [paragraph.text for paragraph in document.paragraphs]


def _is_numbered(paragraph) -> bool:
    properties = paragraph._p.pPr
    numbering = properties.find(qn("w:numPr")) if properties is not None else None
    return numbering is not None and numbering.find(qn("w:numId")).get(qn("w:val")) == str(
        NUMBERING_ID
    )


def test_report_heading_block_and_title_open_the_document(interim_docx):
    document = read_docx(interim_docx)
    # The heading block is a table: the body's name and the symbol, then under the symbol
    # the distribution, the date and the original language.
    block = document.tables[0]
    texts = [block.cell(0, 0).text, block.cell(0, 1).text]
    texts += [p.text for p in block.cell(1, 1).paragraphs]
    texts = [text for text in texts + _texts(document) if text]
    assert texts[: len(HEADING_BLOCK) + 1] == [*HEADING_BLOCK, TITLE]


def test_report_states_every_fact_of_the_drafted_paragraphs(interim_docx):
    texts = _texts(read_docx(interim_docx))
    missing = [
        (number, fact)
        for number, facts in FACTS.items()
        for fact in facts
        if not any(fact in text for text in texts)
    ]
    assert missing == []


def test_report_keeps_every_text_added_by_hand_word_for_word(interim_docx):
    texts = _texts(read_docx(interim_docx))
    assert [number for number, text in VERBATIM.items() if text not in texts] == []


def test_report_paragraphs_are_numbered_by_word(interim_docx):
    document = read_docx(interim_docx)
    numbered = [p.text for p in document.paragraphs if _is_numbered(p)]
    assert any(text.startswith("The first part of the Second Review") for text in numbered)
    assert all(text in numbered for text in VERBATIM.values())
    assert not any(text.startswith("(a)") for text in numbered)


def test_report_conditions_are_lettered_items_after_their_paragraph(interim_docx):
    texts = _texts(read_docx(interim_docx))
    for number, items in CONDITIONS.items():
        lead = FACTS[number][0]
        start = next(index for index, text in enumerate(texts) if lead in text)
        found = texts[start + 1 : start + 1 + len(items)]
        assert found == [f"({letter})\t{text}" for letter, text in items], number


def test_report_sections_are_word_headings(interim_docx):
    document = read_docx(interim_docx)
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == [
        "I. Introduction",
        "II. Organization of the Second Review Conference",
        "III. Work of the Second Review Conference",
        "IV. Decisions and recommendations",
        "Annex",
    ]


def test_report_annex_table_equals_the_seed_annex(interim_docx):
    document = read_docx(interim_docx)
    # The first table is the heading block, the last the annex.
    assert len(document.tables) == 2
    rows = [tuple(cell.text for cell in row.cells) for row in document.tables[-1].rows]
    assert rows == [("Symbol", "Title"), *ANNEX]
    texts = _texts(document)
    assert (
        "List of documents submitted to the first part of the Second Review Conference of the"
        " States Parties of the Convention on Cluster Munitions"
    ) in texts


def test_report_page_is_a4(interim_docx):
    section = read_docx(interim_docx).sections[0]
    # Word stores the page in twentieths of a point: A4 is 11906 x 16838.
    assert (section.page_width.twips, section.page_height.twips) == (11906, 16838)
