"""Pieces the summary and series reports share: facts and data tables, lists, quotes, Markdown,
subheadings, all in clear print on A4."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Table, TableStyle

from organiser.core.coproduction.documents import Fact
from organiser.core.feedback.documents import QuoteLine
from organiser.reports.fonts import BOLD, markup
from organiser.reports.markdown import markdown_flowables
from organiser.reports.pages import SplittingTable, fit, frame_height, frame_width, para
from organiser.reports.styles import (
    BODY,
    CELL,
    CELL_BOLD,
    FACTS_TABLE,
    HEADING,
    INK,
    LABEL,
    LIST_ITEM,
    RUNNING_ORDER_TABLE,
)
from organiser.reports.text import Paragraph

PAGE = A4
WIDTH = frame_width(PAGE)
HEIGHT = frame_height(PAGE)
NARRATIVE_LIMIT = 20_000
_QUOTE_LIMIT = 1200
_MIN_ROW_PIECE = 40
# Below the sections' own 18 pt headings, above the 14 pt body.
SUBHEADING = ParagraphStyle(
    "Subheading", parent=HEADING, fontSize=15.5, leading=20, spaceBefore=12, spaceAfter=6
)
# A quote stands out by a rule at its side and its size, never by italics.
QUOTE = ParagraphStyle("SummaryQuote", parent=BODY, fontSize=16, leading=22, spaceAfter=2)
ATTRIBUTION = ParagraphStyle("SummaryAttribution", parent=BODY, spaceAfter=0)
_QUOTE_TABLE = TableStyle(
    [
        ("LINEBEFORE", (0, 0), (0, -1), 3, INK),
        ("LEFTPADDING", (0, 0), (-1, -1), 12),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
)
# The last row of a money table is its total: ruled above and set in bold.
TOTAL_ROW = [("LINEABOVE", (0, -1), (-1, -1), 1.5, INK)]


def subheading(text: str) -> list[Flowable]:
    """A heading inside a section, kept with what follows it."""
    return [CondPageBreak(90), para(text, SUBHEADING)]


def facts_table(
    facts: Sequence[Fact], *, label_share: float = 0.32, width: float = WIDTH
) -> Flowable:
    """Label and figure, one per line, no grid: easy to read aloud and down the page; a few
    lines read together, so kept on one page."""
    label_width = label_share * width
    rows: list[list[Any]] = [[para(f.label, LABEL), para(f.text, CELL)] for f in facts]
    table = Table(
        rows, colWidths=(label_width, width - label_width), style=FACTS_TABLE, hAlign="LEFT"
    )
    return KeepTogether([table])


def data_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    shares: Sequence[float],
    *,
    total: Sequence[str] | None = None,
    right: Sequence[int] = (),
    width: float = WIDTH,
    height: float = HEIGHT,
) -> Table:
    """A ruled table with a shaded header that repeats on each page; `right` columns (money)
    are right-aligned, and `total` is a bold last row."""
    aligned = [ParagraphStyle(f"{s.name}-right", parent=s, alignment=2) for s in (CELL, CELL_BOLD)]

    def cells(values: Sequence[str], bold: bool) -> list[Paragraph]:
        out = []
        for column, value in enumerate(values):
            style = (aligned[1] if bold else aligned[0]) if column in right else None
            out.append(para(value, style or (CELL_BOLD if bold else CELL), 1000))
        return out

    body: list[list[Any]] = [cells(header, True), *(cells(r, False) for r in rows)]
    commands = list(RUNNING_ORDER_TABLE.getCommands())
    if total is not None:
        body.append(cells(total, True))
        commands += TOTAL_ROW
    return SplittingTable(
        body,
        colWidths=[share * width for share in shares],
        style=TableStyle(commands),
        repeatRows=1,
        splitInRow=_MIN_ROW_PIECE,
        frame_height=height,
        hAlign="LEFT",
    )


def bullets(lines: Sequence[str], *, limit: int = 2000) -> list[Flowable]:
    """A bulleted list of plain sentences."""
    return [Paragraph(markup(fit(line, limit)), LIST_ITEM, bulletText="•") for line in lines]


def narrative(text: str) -> list[Flowable]:
    """A narrative section's Markdown as clear-print paragraphs, lists and headings."""
    if not text.strip():
        return []
    return markdown_flowables(fit(text, NARRATIVE_LIMIT), width=WIDTH, height=HEIGHT)


def quote(line: QuoteLine) -> Flowable:
    """A quote with its attribution, set off by a rule at its side."""
    said = Paragraph(markup(f"“{fit(line.text, _QUOTE_LIMIT)}”"), QUOTE)
    who = Paragraph(markup(line.attribution, BOLD), ATTRIBUTION)
    table = Table([[[said, who]]], colWidths=[WIDTH], style=_QUOTE_TABLE, hAlign="LEFT")
    return KeepTogether([table])


def plain(text: str) -> Paragraph:
    """A body paragraph (such as a "Not recorded" line)."""
    return para(text, BODY, 2000)
