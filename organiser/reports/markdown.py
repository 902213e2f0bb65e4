"""Markdown (meeting notes, agendas) as clear-print flowables: headings, bold, lists, tables."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, HRFlowable

from organiser.reports.fonts import BOLD, REGULAR, markup
from organiser.reports.pages import SplittingTable, fit
from organiser.reports.styles import (
    BODY,
    CELL,
    CELL_BOLD,
    LIST_INDENT,
    LIST_ITEM,
    NOTES_HEADING_1,
    NOTES_HEADING_2,
    NOTES_HEADING_3,
    RULE,
    RUNNING_ORDER_TABLE,
)
from organiser.reports.text import Paragraph

# Raw HTML prints as the text it is; tables and strikethrough as the Qt editor writes them.
# markdown-it drops whatever is nested deeper than maxNesting (20 by default): allow far more.
_PARSER = MarkdownIt("commonmark", {"html": False, "maxNesting": 200}).enable(
    ["table", "strikethrough"]
)
# ReportLab re-wraps the rest of a paragraph at every page break, so a pasted wall of text
# costs the square of its length; paragraphs this long are set as several, split between words.
CHUNK = 2000
_HEADINGS = {"h1": NOTES_HEADING_1, "h2": NOTES_HEADING_2}
_HEADING_LIMIT = 300
_CELL_LIMIT = 3000
_MAX_INDENT = 6 * LIST_INDENT
# A table row may split across pages, in pieces no shorter than about two lines.
_MIN_ROW_PIECE = 40


@cache
def _style(indent: int, tight: bool, bullet: bool, quote: bool) -> ParagraphStyle:
    base = LIST_ITEM if bullet else BODY
    style = ParagraphStyle(
        f"Markdown-{indent}-{tight}-{bullet}-{quote}",
        parent=base,
        leftIndent=indent,
        bulletIndent=max(indent - LIST_INDENT, 0) + 2,
        spaceAfter=3 if tight else BODY.spaceAfter,
    )
    if quote:
        # A quotation sits in a ruled box: set apart without italics or colour.
        style.borderWidth, style.borderColor, style.borderPadding = 1, RULE, 6
        style.spaceBefore, style.spaceAfter = 8, 14
    return style


def _words(text: str, size: int) -> list[str]:
    """Pieces of at most about `size` characters, cut after a space where there is one."""
    pieces, start = [], 0
    while len(text) - start > size:
        cut = text.rfind(" ", start, start + size) + 1 or start + size
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


@dataclass
class _Inline:
    """Paragraph markup built from inline tokens, flushed into chunks of about CHUNK characters."""

    bold: int = 0
    strike: bool = False
    chunks: list[str] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)
    size: int = 0
    link: list[str] = field(default_factory=list)

    def text(self, text: str) -> None:
        for piece in _words(text, CHUNK):
            self.parts.append(markup(piece, BOLD if self.bold else REGULAR))
            self.size += len(piece)
            if self.link:
                self.link[-1] += piece
            if self.size >= CHUNK:
                self.flush()

    def tag(self, tag: str) -> None:
        self.parts.append(tag)

    def flush(self) -> None:
        if self.strike:
            self.parts.append("</strike>")
        if self.parts:
            self.chunks.append("".join(self.parts))
        self.parts, self.size = (["<strike>"] if self.strike else []), 0


def inline_markup(children: Sequence[Token], *, bold: bool = False) -> list[str]:
    """Paragraph markup for inline Markdown; italics print upright (clear print)."""
    state = _Inline(bold=int(bold))
    hrefs: list[str] = []
    for token in children:
        kind = token.type
        if kind in ("text", "code_inline"):
            state.text(token.content)
        elif kind == "strong_open":
            state.bold += 1
        elif kind == "strong_close":
            state.bold -= 1
        elif kind == "s_open":
            state.strike = True
            state.tag("<strike>")
        elif kind == "s_close":
            state.strike = False
            state.tag("</strike>")
        elif kind == "softbreak":
            state.text(" ")
        elif kind == "hardbreak":
            state.tag("<br/>")
        elif kind == "link_open":
            hrefs.append(str(token.attrGet("href") or ""))
            state.link.append("")
        elif kind == "link_close":
            href, shown = hrefs.pop(), state.link.pop()
            # On paper a link is only useful with its address written out.
            if href and href.removeprefix("mailto:") != shown.strip():
                state.text(f" ({href})")
        elif kind == "image":
            state.text(f"[picture: {token.content}]" if token.content else "[picture]")
    state.flush()
    return state.chunks or [""]


@dataclass
class _Blocks:
    """Walks block tokens, keeping track of lists, quotes and tables."""

    width: float
    height: float
    out: list[Flowable] = field(default_factory=list)
    lists: list[list[Any]] = field(default_factory=list)  # [ordered, next number]
    bullet: str | None = None
    quote: int = 0
    tight: bool = False
    heading: ParagraphStyle | None = None
    rows: list[list[list[Flowable]]] | None = None
    header_cell: bool = False

    @property
    def indent(self) -> int:
        # Deeply nested lists stop moving right while there is still room for the text.
        return min(LIST_INDENT * len(self.lists) + 8 * self.quote, _MAX_INDENT)

    def paragraphs(self, chunks: list[str]) -> None:
        for chunk in chunks:
            bullet, self.bullet = self.bullet, None
            style = _style(self.indent, self.tight, bullet is not None, self.quote > 0)
            self.out.append(Paragraph(chunk or "&#160;", style, bulletText=bullet))

    def inline(self, token: Token) -> None:
        children = token.children or []
        if self.rows is not None:
            style = CELL_BOLD if self.header_cell else CELL
            font = BOLD if self.header_cell else REGULAR
            # Splitting one table row over many pages is slow: a huge cell prints shortened.
            chunks = (
                inline_markup(children, bold=self.header_cell)
                if len(token.content) <= _CELL_LIMIT
                else [markup(fit(token.content, _CELL_LIMIT), font)]
            )
            self.rows[-1].append([Paragraph(c, style) for c in chunks])
        elif self.heading is not None and len(token.content) <= _HEADING_LIMIT:
            self.out.append(Paragraph("".join(inline_markup(children, bold=True)), self.heading))
        elif self.heading is not None:
            # Too long to be a heading (and to keep with what follows): bold paragraphs instead.
            self.paragraphs(inline_markup(children, bold=True))
        else:
            self.paragraphs(inline_markup(children))

    def block(self, token: Token) -> None:
        kind = token.type
        if kind == "inline":
            self.inline(token)
        elif kind == "paragraph_open":
            self.tight = token.hidden
        elif kind == "heading_open":
            self.heading = _HEADINGS.get(token.tag, NOTES_HEADING_3)
        elif kind == "heading_close":
            self.heading = None
        elif kind in ("bullet_list_open", "ordered_list_open"):
            start = int(str(token.attrGet("start") or 1))
            self.lists.append([kind == "ordered_list_open", start])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            self.lists.pop()
        elif kind == "list_item_open":
            ordered, number = self.lists[-1]
            self.bullet = f"{number}." if ordered else "•"
            self.lists[-1][1] += 1
        elif kind == "list_item_close" and self.bullet is not None:
            self.paragraphs([""])
        elif kind in ("blockquote_open", "blockquote_close"):
            self.quote += 1 if kind == "blockquote_open" else -1
        elif kind in ("fence", "code_block"):
            text = token.content.rstrip("\n")
            self.paragraphs([markup(piece) for piece in _words(text, CHUNK)])
        elif kind == "hr":
            self.out.append(
                HRFlowable(width="100%", thickness=1, color=RULE, spaceBefore=8, spaceAfter=8)
            )
        else:
            self.table(token)

    def table(self, token: Token) -> None:
        kind = token.type
        if kind == "table_open":
            self.rows = []
        elif kind == "tr_open" and self.rows is not None:
            self.rows.append([])
        elif kind in ("th_open", "td_open"):
            self.header_cell = kind == "th_open"
        elif kind == "table_close" and self.rows is not None:
            rows, self.rows = self.rows, None
            columns = max(len(r) for r in rows)
            padded = [r + [[]] * (columns - len(r)) for r in rows]
            widths = [(self.width - self.indent) / columns] * columns
            self.out.append(
                SplittingTable(
                    padded,
                    colWidths=widths,
                    style=RUNNING_ORDER_TABLE,
                    repeatRows=1,
                    splitInRow=_MIN_ROW_PIECE,
                    frame_height=self.height,
                )
            )


def markdown_flowables(text: str, *, width: float, height: float) -> list[Flowable]:
    """Flowables for Markdown text set in a frame `width` × `height` points."""
    blocks = _Blocks(width, height)
    for token in _PARSER.parse(text):
        blocks.block(token)
    return blocks.out
