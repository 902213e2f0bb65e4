"""Word documents in clear print with python-docx: A4, a plain sans-serif at 12 pt and up, no
italics, near-black headings, tables whose header repeats, page numbers; Markdown turned into
paragraphs, headings and lists a person can go on editing."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from io import BytesIO
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph
from markdown_it import MarkdownIt
from markdown_it.token import Token

FONT = "Arial"
INK = RGBColor(0x1A, 0x1A, 0x1A)
# Sizes in points: body 12 (the clear-print minimum), headings well above it.
_SIZES = {
    "Normal": 12,
    "Title": 26,
    "Heading 1": 18,
    "Heading 2": 15,
    "Heading 3": 13,
    "Quote": 14,
    "List Bullet": 12,
    "List Bullet 2": 12,
    "List Number": 12,
    "List Number 2": 12,
    "Footer": 12,
}
_PARSER = MarkdownIt("commonmark", {"html": False, "maxNesting": 200}).enable(
    ["table", "strikethrough"]
)
# Word's own character limit per paragraph is far higher; this keeps a pasted wall of text
# from making a single unwieldy paragraph.
TEXT_LIMIT = 20_000


def new_document(*, title: str, subject: str) -> DocxDocument:
    """An empty A4 document with clear-print styles and a page number in the footer."""
    document = Document()
    properties = document.core_properties
    properties.title, properties.subject, properties.author = title[:250], subject, ""
    properties.language = "en-GB"
    for name, size in _SIZES.items():
        style = document.styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.italic = False
        style.font.color.rgb = INK
        # East Asian and complex scripts fall back to the same face in Word.
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for attribute in ("w:eastAsia", "w:cs"):
            fonts.set(qn(attribute), FONT)
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
        document.styles[name].font.bold = True
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(20))
    _page_numbers(section.footer.paragraphs[0])
    return document


def _page_numbers(paragraph: Paragraph) -> None:
    paragraph.add_run("Page ")
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def to_bytes(document: DocxDocument) -> bytes:
    """The document as .docx bytes."""
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def paragraph(document: DocxDocument, text: str, *, bold: bool = False) -> Paragraph:
    """A plain paragraph."""
    added = document.add_paragraph()
    added.add_run(text[:TEXT_LIMIT]).bold = bold or None
    return added


def bullets(document: DocxDocument, lines: Sequence[str]) -> None:
    """A bulleted list of plain sentences."""
    for line in lines:
        document.add_paragraph(line[:TEXT_LIMIT], style="List Bullet")


def _repeat_header(table: Table) -> None:
    row = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row.append(header)


def table(
    document: DocxDocument,
    header: Sequence[str] | None,
    rows: Sequence[Sequence[str]],
    *,
    right: Sequence[int] = (),
    total: Sequence[str] | None = None,
) -> Table:
    """A ruled table (header in bold, repeated on each page); `right` columns right-aligned."""
    body = [list(r) for r in rows]
    every = ([list(header)] if header else []) + body + ([list(total)] if total else [])
    columns = max(len(r) for r in every)
    made: Table = document.add_table(rows=len(every), cols=columns)
    made.style = document.styles["Table Grid"]
    made.alignment = WD_TABLE_ALIGNMENT.LEFT
    last = len(every) - 1
    for number, values in enumerate(every):
        bold = (header is not None and number == 0) or (total is not None and number == last)
        for column, value in enumerate(values):
            cell = made.cell(number, column).paragraphs[0]
            cell.add_run(value[:TEXT_LIMIT]).bold = bold or None
            if column in right:
                cell.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if header:
        _repeat_header(made)
    document.add_paragraph()
    return made


def facts(document: DocxDocument, rows: Sequence[tuple[str, str]]) -> Table:
    """Label and figure, one per row, the label in bold."""
    made: Table = document.add_table(rows=len(rows), cols=2)
    made.style = document.styles["Table Grid"]
    for number, (label, text) in enumerate(rows):
        made.cell(number, 0).paragraphs[0].add_run(label).bold = True
        made.cell(number, 1).paragraphs[0].add_run(text[:TEXT_LIMIT])
    document.add_paragraph()
    return made


def _runs(target: Paragraph, children: Sequence[Token]) -> None:
    bold = 0
    for token in children:
        if token.type in ("text", "code_inline"):
            target.add_run(token.content).bold = bool(bold) or None
        elif token.type == "strong_open":
            bold += 1
        elif token.type == "strong_close":
            bold -= 1
        elif token.type in ("softbreak", "hardbreak"):
            target.add_run(" ")
        elif token.type == "image":
            target.add_run(f"[picture: {token.content}]" if token.content else "[picture]")


def markdown(document: DocxDocument, text: str) -> None:
    """Markdown as Word paragraphs: headings, bold, bullet and numbered lists, quotes, tables;
    italics stay upright (clear print)."""
    lists: list[str] = []
    heading = ""
    quote = 0
    rows: list[list[str]] | None = None
    for token in _PARSER.parse(text[:TEXT_LIMIT]):
        kind = token.type
        if kind == "heading_open":
            heading = "Heading 3"
        elif kind == "heading_close":
            heading = ""
        elif kind in ("bullet_list_open", "ordered_list_open"):
            lists.append("List Bullet" if kind == "bullet_list_open" else "List Number")
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind in ("blockquote_open", "blockquote_close"):
            quote += 1 if kind == "blockquote_open" else -1
        elif kind == "table_open":
            rows = []
        elif kind == "tr_open" and rows is not None:
            rows.append([])
        elif kind == "table_close" and rows:
            table(document, rows[0], rows[1:])
            rows = None
        elif kind == "inline" and rows is not None and rows:
            rows[-1].append(token.content)
        elif kind == "inline":
            style = heading or (
                lists[-1] + (" 2" if len(lists) > 1 else "")
                if lists
                else ("Quote" if quote else None)
            )
            _runs(document.add_paragraph(style=style), token.children or [])
        elif kind in ("fence", "code_block"):
            document.add_paragraph(token.content.rstrip("\n"))


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\ufffe\uffff]")


def xml_safe(value: Any) -> Any:
    """The same data with every string fit for Word's XML: Word's own line and page breaks
    (vertical tab, form feed) become new lines, other control characters are dropped."""
    if isinstance(value, str):
        return _CONTROL.sub("", value.replace("\x0b", "\n").replace("\x0c", "\n"))
    if isinstance(value, tuple):
        return tuple(xml_safe(v) for v in value)
    if isinstance(value, list):
        return [xml_safe(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(
            value,
            **{
                f.name: xml_safe(getattr(value, f.name))
                for f in dataclasses.fields(value)
                if f.init
            },
        )
    return value
