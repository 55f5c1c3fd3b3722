"""Write drafted content as .docx (python-docx), HTML or plain text: layout only.

The .docx is written on a layout file (`layout_path`: the UN's, or a Secretariat's own)
that holds the page and the styles: the UN heading block (the body's name, the symbol at
the top right, the distribution, date and original language), the symbol in the running
header and the page number at the foot, paragraphs in the UN's "SingleTxt" numbered by
Word's own numbering (one list, so the numbers run on through the sections), chapter
headings in a black "Heading 1", lettered items indented under their paragraph, and the
annex as a Word table whose header row repeats on every page.
"""

import io
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt

from plenary.drafting.content import (
    MASTHEAD_BODY,
    MASTHEAD_SIDE,
    MASTHEAD_SYMBOL,
    Block,
    Drafted,
)

# The UN layout (styles, A4 page), built by scripts/make_docx_layout.py.
LAYOUT = Path(__file__).parent / "layout" / "un.docx"
MASTHEAD_PLACES = (MASTHEAD_BODY, MASTHEAD_SYMBOL, MASTHEAD_SIDE)

NUMBERING_ID = 90
_ABSTRACT = (
    f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{NUMBERING_ID}">'
    '<w:multiLevelType w:val="singleLevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>'
    '<w:pPr><w:tabs><w:tab w:val="num" w:pos="1701"/></w:tabs>'
    '<w:ind w:left="1134" w:firstLine="0"/></w:pPr></w:lvl>'
    "</w:abstractNum>"
)
_NUM = (
    f'<w:num {nsdecls("w")} w:numId="{NUMBERING_ID}">'
    f'<w:abstractNumId w:val="{NUMBERING_ID}"/></w:num>'
)
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _numbering(document) -> None:
    numbering = document.part.numbering_part.element
    abstract = parse_xml(_ABSTRACT)
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(_NUM))


def _number(paragraph) -> None:
    properties = paragraph._p.get_or_add_pPr()
    properties.append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/>'
            f'<w:numId w:val="{NUMBERING_ID}"/></w:numPr>'
        )
    )


def layout_path() -> Path:
    """The .docx drafted documents are written on: `settings.DRAFTING_DOCX_TEMPLATE` (a
    Secretariat's own), else the UN layout shipped with plenary."""
    return Path(getattr(settings, "DRAFTING_DOCX_TEMPLATE", "") or LAYOUT)


def _styled(document, name: str, fallback: str = "Normal") -> str:
    """A style of the layout, or Word's `fallback` when a replaced layout lacks it."""
    names = {style.name for style in document.styles}
    return name if name in names else fallback


def _field(paragraph, instruction: str) -> None:
    """A Word field (PAGE) that Word and LibreOffice compute when laying out the page."""
    run = paragraph.add_run()
    for xml in (
        f'<w:fldChar {nsdecls("w")} w:fldCharType="begin"/>',
        f'<w:instrText {nsdecls("w")} xml:space="preserve"> {instruction} </w:instrText>',
        f'<w:fldChar {nsdecls("w")} w:fldCharType="separate"/>',
        f"<w:t {nsdecls('w')}>1</w:t>",
        f'<w:fldChar {nsdecls("w")} w:fldCharType="end"/>',
    ):
        run._r.append(parse_xml(xml))


def _header_and_footer(document, symbol: str) -> None:
    """The symbol in the running header of every page but the first (whose heading block
    shows it), the page number at the foot of every page."""
    for section in document.sections:
        section.different_first_page_header_footer = bool(symbol)
        if symbol:
            header = section.header.paragraphs[0]
            header.text = symbol
            header.style = _styled(document, "Header")
        footers = [section.footer]
        if symbol:
            footers.append(section.first_page_footer)
        for footer in footers:
            paragraph = footer.paragraphs[0]
            paragraph.style = _styled(document, "Footer")
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _field(paragraph, "PAGE")


def _no_borders(table, *, below_first_row: bool) -> None:
    borders = "".join(
        f'<w:{edge} w:val="nil"/>' for edge in ("top", "left", "bottom", "right", "insideV")
    )
    inside = '<w:insideH w:val="nil"/>'
    table._tbl.tblPr.append(
        parse_xml(f"<w:tblBorders {nsdecls('w')}>{borders}{inside}</w:tblBorders>")
    )
    if below_first_row:
        for cell in table.rows[0].cells:
            cell._tc.get_or_add_tcPr().append(
                parse_xml(
                    f"<w:tcBorders {nsdecls('w')}>"
                    '<w:bottom w:val="single" w:sz="12" w:space="0" w:color="000000"/>'
                    "</w:tcBorders>"
                )
            )


def _masthead(document, blocks: list[Block]) -> None:
    """The UN heading block: the body's name at the left, the symbol at the top right,
    a rule under them, then under the symbol the distribution, the date and the original
    language."""
    body = next((b.text for b in blocks if b.style == MASTHEAD_BODY), "")
    symbol = next((b.text for b in blocks if b.style == MASTHEAD_SYMBOL), "")
    side = [b.text for b in blocks if b.style == MASTHEAD_SIDE]
    table = document.add_table(rows=2, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    _no_borders(table, below_first_row=True)
    widths = (Mm(100), Mm(60))
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    left, right = table.rows[0].cells
    left.paragraphs[0].text = body
    left.paragraphs[0].style = _styled(document, "Masthead Body")
    right.paragraphs[0].text = symbol
    right.paragraphs[0].style = _styled(document, "Masthead Symbol")
    right.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    under = table.rows[1].cells[1]
    for index, text in enumerate(side):
        paragraph = under.paragraphs[0] if index == 0 else under.add_paragraph()
        paragraph.text = text
        paragraph.style = _styled(document, "Masthead")
        # A blank line before the original language, as on UN documents.
        paragraph.paragraph_format.space_before = Pt(12 if index == len(side) - 1 and index else 0)
    document.add_paragraph(style=_styled(document, "Masthead"))


def _empty(document) -> None:
    """The layout's body emptied (its section properties, the page, are kept)."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def to_docx(drafted: Drafted) -> bytes:
    """The drafted document as the bytes of a .docx file, written on the layout."""
    document = Document(str(layout_path()))
    _empty(document)
    _numbering(document)
    _header_and_footer(document, drafted.symbol)
    document.core_properties.title = drafted.title
    document.core_properties.language = drafted.language
    paragraph_style = _styled(document, "SingleTxt")
    item_style = _styled(document, "SingleTxt Item", paragraph_style)
    heading_block = [b for b in drafted.blocks if b.style in MASTHEAD_PLACES]
    if heading_block:
        _masthead(document, heading_block)
    for block in drafted.blocks:
        if block.style in MASTHEAD_PLACES:
            continue
        if block.kind == "masthead":
            paragraph = document.add_paragraph(block.text, style=_styled(document, "Masthead"))
            paragraph.paragraph_format.space_after = Pt(2)
        elif block.kind == "title":
            paragraph = document.add_paragraph(block.text, style=_styled(document, "HCh"))
            if block.style == "annex":
                paragraph.runs[0].font.size = Pt(12)
        elif block.kind == "heading":
            document.add_paragraph(block.text, style=_styled(document, "Heading 1"))
        elif block.kind == "paragraph":
            paragraph = document.add_paragraph(block.text, style=paragraph_style)
            if block.number is not None:
                _number(paragraph)
            for letter, text in block.items:
                document.add_paragraph(f"({letter})\t{text}", style=item_style)
        elif block.kind in ("text", "missing"):
            paragraph = document.add_paragraph(style=paragraph_style)
            run = paragraph.add_run(block.text)
            run.italic = block.kind == "missing" or block.style == "sub_item"
            run.bold = block.style == "slot"
            if block.style == "sub_item":
                paragraph.paragraph_format.left_indent = Mm(22.5)
        elif block.kind == "page_break":
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif block.kind == "table":
            _table(document, block.rows)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _table(document, rows: list[list[str]]) -> None:
    """The annex table; its header row repeats at the top of every page it runs onto."""
    table = document.add_table(rows=0, cols=len(rows[0]))
    table.style = _styled(document, "Table Grid", None)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for index, values in enumerate(rows):
        row = table.add_row()
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
            if index == 0:
                for run in cell.paragraphs[0].runs:
                    run.italic = True
        if index == 0:
            row._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
    for row in table.rows:
        row.cells[0].width = Mm(55)
        row.cells[1].width = Mm(105)


def to_html(drafted: Drafted, *, standalone: bool = False) -> str:
    """The drafted document as HTML: a fragment for a page, or a whole file to download."""
    return render_to_string(
        "drafting/document_page.html" if standalone else "drafting/document.html",
        {"drafted": drafted},
    )


def to_text(drafted: Drafted) -> str:
    out: list[str] = []
    for block in drafted.blocks:
        if block.kind == "paragraph":
            prefix = f"{block.number}. " if block.number is not None else ""
            out += [prefix + block.text, ""]
            out += [f"    ({letter}) {text}" for letter, text in block.items]
            if block.items:
                out.append("")
        elif block.kind == "table":
            out += ["\t".join(row) for row in block.rows]
            out.append("")
        elif block.kind == "page_break":
            out.append("")
        elif block.kind == "masthead":
            out.append(block.text)
        elif block.kind == "text":
            out.append(("    " if block.style == "sub_item" else "") + block.text)
        else:
            out += ["", block.text, ""]
    return "\n".join(out).rstrip() + "\n"
