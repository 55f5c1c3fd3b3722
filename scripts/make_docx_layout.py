"""Build the .docx layout drafted documents are written on (the UN's styles and page).

    .venv/bin/python scripts/make_docx_layout.py

writes `src/plenary/drafting/layout/un.docx`: python-docx's blank
document with A4 pages, Times New Roman, and the paragraph styles of UN documents (the
names of the UN's own Word template: "SingleTxt" for a body paragraph, "HCh" for a title,
"H1" for a chapter heading), every heading black. A Secretariat may replace the file with
its own (`DRAFTING_DOCX_TEMPLATE`): the renderer uses these style names where the file
has them and Word's defaults where it does not.
"""

from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor

OUT = Path(__file__).resolve().parent.parent / ("src/plenary/drafting/layout/un.docx")
FONT = "Times New Roman"


def _plain_font(style, *, size: float, bold: bool = False) -> None:
    """The font named outright: no theme font, no theme colour (Word's blue headings)."""
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is not None:
        for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attribute), None)
    style.font.name = FONT
    rpr.find(qn("w:rFonts")).set(qn("w:cs"), FONT)
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = False
    style.font.color.rgb = RGBColor(0, 0, 0)
    color = rpr.find(qn("w:color"))
    for attribute in ("w:themeColor", "w:themeShade", "w:themeTint"):
        color.attrib.pop(qn(attribute), None)


def _paragraph(style, *, left=0.0, right=0.0, before=0, after=0, line=12, keep=False):
    fmt = style.paragraph_format
    fmt.left_indent, fmt.right_indent = Cm(left), Cm(right)
    fmt.first_line_indent = Cm(0)
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(line)
    fmt.keep_with_next = keep
    fmt.widow_control = True


def _style(document, name: str, base: str = "Normal"):
    styles = document.styles
    if name in [s.name for s in styles]:
        return styles[name]
    style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles[base]
    style.quick_style = True
    return style


def build() -> None:
    document = Document()
    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(25)
        section.top_margin, section.bottom_margin = Mm(20), Mm(20)
        section.header_distance = section.footer_distance = Mm(10)
    normal = document.styles["Normal"]
    _plain_font(normal, size=10)
    _paragraph(normal)
    single = _style(document, "SingleTxt")
    _paragraph(single, left=1.25, right=1.25, after=6)
    single.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    item = _style(document, "SingleTxt Item", "SingleTxt")
    _paragraph(item, left=3.0, right=1.25, after=6)
    item.paragraph_format.first_line_indent = Cm(-1.0)
    item.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    title = _style(document, "HCh")
    _plain_font(title, size=14, bold=True)
    _paragraph(title, left=1.25, right=1.25, before=18, after=12, line=16, keep=True)
    heading = document.styles["Heading 1"]
    _plain_font(heading, size=12, bold=True)
    _paragraph(heading, left=1.25, right=1.25, before=12, after=6, line=14, keep=True)
    for name, size in (("Masthead", 10), ("Masthead Body", 10)):
        style = _style(document, name)
        _plain_font(style, size=size, bold=name == "Masthead Body")
        _paragraph(style)
    symbol = _style(document, "Masthead Symbol")
    _plain_font(symbol, size=16, bold=False)
    _paragraph(symbol, line=20)
    symbol.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for name in ("Header", "Footer"):
        style = document.styles[name]
        _plain_font(style, size=9, bold=name == "Header")
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    document.core_properties.title = ""
    document.core_properties.author = "plenary"
    OUT.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(OUT))


if __name__ == "__main__":
    build()
