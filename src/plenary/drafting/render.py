"""Write drafted content as .docx (python-docx), HTML or plain text: layout only.

The .docx is A4 with real Word headings (Heading 1), paragraphs numbered by Word's own
numbering (one list, so the numbers run on through the sections), lettered items
indented under their paragraph, and the annex as a Word table.
"""

import io

from django.template.loader import render_to_string
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt

from plenary.drafting.content import Drafted

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


def _page(document) -> None:
    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(25)
        section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(10)


def to_docx(drafted: Drafted) -> bytes:
    """The drafted document as the bytes of a .docx file."""
    document = Document()
    _page(document)
    _numbering(document)
    document.core_properties.title = drafted.title
    document.core_properties.language = drafted.language
    for block in drafted.blocks:
        if block.kind == "masthead":
            paragraph = document.add_paragraph(block.text)
            paragraph.paragraph_format.space_after = Pt(2)
        elif block.kind == "title":
            paragraph = document.add_paragraph()
            run = paragraph.add_run(block.text)
            run.bold = True
            run.font.size = Pt(14 if block.style != "annex" else 12)
        elif block.kind == "heading":
            document.add_heading(block.text, level=1)
        elif block.kind == "paragraph":
            paragraph = document.add_paragraph(block.text)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            if block.number is not None:
                _number(paragraph)
            for letter, text in block.items:
                item = document.add_paragraph(f"({letter})\t{text}")
                item.paragraph_format.left_indent = Mm(30)
                item.paragraph_format.first_line_indent = Mm(-10)
        elif block.kind in ("text", "missing"):
            paragraph = document.add_paragraph()
            run = paragraph.add_run(block.text)
            run.italic = block.kind == "missing" or block.style == "sub_item"
            run.bold = block.style == "slot"
            if block.style == "sub_item":
                paragraph.paragraph_format.left_indent = Mm(10)
        elif block.kind == "page_break":
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif block.kind == "table":
            _table(document, block.rows)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _table(document, rows: list[list[str]]) -> None:
    table = document.add_table(rows=0, cols=len(rows[0]))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for index, values in enumerate(rows):
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            cell.text = value
            if index == 0:
                for run in cell.paragraphs[0].runs:
                    run.italic = True
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
