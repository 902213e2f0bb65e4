"""Clear-print styles (RNIB): 14 pt body, bigger bold headings, no italics, left-aligned."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import TableStyle

from organiser.reports.fonts import BOLD, REGULAR

# Near-black on white: over 18:1 contrast, softer on the eye than pure black ink.
INK = colors.HexColor("#1A1A1A")
PAPER = colors.white
RULE = colors.HexColor("#6B6B6B")
# Light enough that black text on it stays far above WCAG AA (about 17:1).
SHADE = colors.HexColor("#EDEDED")

PAGE_MARGIN = 20 * mm
FOOTER_SIZE = 12

BODY = ParagraphStyle(
    "Body",
    fontName=REGULAR,
    fontSize=14,
    leading=19,
    textColor=INK,
    alignment=TA_LEFT,
    spaceAfter=6,
)
TITLE = ParagraphStyle(
    "Title",
    parent=BODY,
    fontName=BOLD,
    fontSize=26,
    leading=32,
    spaceAfter=4,
)
KICKER = ParagraphStyle("Kicker", parent=BODY, fontSize=16, leading=21, spaceAfter=4)
HEADING = ParagraphStyle(
    "Heading",
    parent=BODY,
    fontName=BOLD,
    fontSize=18,
    leading=23,
    spaceBefore=16,
    spaceAfter=8,
    keepWithNext=True,
)
# For a heading followed by something long that may split across pages.
SECTION = ParagraphStyle("Section", parent=HEADING, keepWithNext=False)
LABEL = ParagraphStyle("Label", parent=BODY, fontName=BOLD, spaceAfter=0)
CELL = ParagraphStyle("Cell", parent=BODY, spaceAfter=0)
CELL_BOLD = ParagraphStyle("CellBold", parent=CELL, fontName=BOLD)
# Notes are secondary, so smaller than the body, but never under the 12 pt minimum.
NOTE = ParagraphStyle("Note", parent=CELL, fontSize=12, leading=16, spaceBefore=3)

# ReportLab tables default to Helvetica (no Ł, no ś); name the print font even though every
# cell holds a Paragraph, so Helvetica never appears in the PDF.
_CELL_FONT = [("FONT", (0, 0), (-1, -1), REGULAR, 14), ("TEXTCOLOR", (0, 0), (-1, -1), INK)]

FACTS_TABLE = TableStyle(
    [
        *_CELL_FONT,
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 10),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]
)

RUNNING_ORDER_TABLE = TableStyle(
    [
        *_CELL_FONT,
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("LINEBELOW", (0, 0), (-1, 0), 1.5, INK),
        ("LINEBELOW", (0, 1), (-1, -1), 0.5, RULE),
    ]
)

# Headings inside meeting notes sit below the document's own section headings (18 pt).
NOTES_HEADING_1 = ParagraphStyle(
    "NotesHeading1", parent=HEADING, fontSize=17, leading=22, spaceBefore=12, spaceAfter=6
)
NOTES_HEADING_2 = ParagraphStyle(
    "NotesHeading2", parent=HEADING, fontSize=15.5, leading=20, spaceBefore=10, spaceAfter=4
)
NOTES_HEADING_3 = ParagraphStyle(
    "NotesHeading3", parent=HEADING, fontSize=14, leading=19, spaceBefore=8, spaceAfter=3
)
# Lists in notes and the numbered decisions: the bullet or number hangs left of the text.
LIST_INDENT = 24
LIST_ITEM = ParagraphStyle(
    "ListItem",
    parent=BODY,
    leftIndent=LIST_INDENT,
    bulletIndent=2,
    bulletFontName=REGULAR,
    bulletFontSize=14,
    spaceAfter=3,
)

# A paper grid to write in: every box ruled, dark enough to survive a photocopier.
POLL_GRID_TABLE = TableStyle(
    [
        *_CELL_FONT,
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ("VALIGN", (0, 1), (0, -1), "TOP"),
        ("VALIGN", (1, 1), (-1, -1), "MIDDLE"),
        ("ALIGN", (1, 1), (-1, -1), "CENTER"),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("GRID", (0, 0), (-1, -1), 1, INK),
        ("LINEBELOW", (0, 0), (-1, 0), 2, INK),
    ]
)
