"""The notes' Markdown kept piece by piece, so a save writes again only what was typed in.

`QTextDocument.toMarkdown` of a 1 MB note takes about 100 ms: every save would stop the typing
that long. Instead the document is covered by pieces, each with the Markdown it reads back from
(at first the stored text itself, cut by `split_markdown`). A change marks the pieces it touches,
and their neighbours, as changed; a save writes only those again, each on its own, and joins all.

A piece starts with a plain heading or paragraph (no list, quote, code or indent, not starting
with a space) outside any table, and no list runs across its edges: then its Markdown, after a
blank line, reads the same as it does alone. Each piece remembers its length; should a piece
ever have grown or shrunk without being marked, the whole document is written out as before.
"""

from __future__ import annotations

import logging
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from PySide6.QtGui import (
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
    QTextFormat,
)

from organiser.ui.meetings.notes_chunks import CHUNK_CHARS

log = logging.getLogger(__name__)
_NOT_PLAIN = (
    QTextFormat.Property.BlockQuoteLevel,
    QTextFormat.Property.BlockCodeLanguage,
    QTextFormat.Property.BlockCodeFence,
    QTextFormat.Property.BlockTrailingHorizontalRulerWidth,
)


@dataclass
class Piece:
    """Where a piece starts (moving with the text), its Markdown (None once changed) and its
    length in the document (up to the next piece's start)."""

    anchor: QTextCursor
    markdown: str | None
    size: int


class MarkdownMirror:
    """A document's Markdown, written again piece by piece as the document changes."""

    def __init__(self, document: QTextDocument, pieces: Iterable[tuple[int, str, int]]) -> None:
        self.document = document
        self.pieces = [self._piece(start, text, size) for start, text, size in pieces]
        self.quiet = False  # set while the loader adds pieces it describes itself
        document.contentsChange.connect(self._changed)

    def _piece(self, start: int, markdown: str | None, size: int) -> Piece:
        anchor = QTextCursor(self.document)
        anchor.setPosition(start)
        anchor.setKeepPositionOnInsert(True)  # typing at a piece's start stays in that piece
        return Piece(anchor, markdown, size)

    def add(self, start: int, markdown: str, size: int) -> None:
        """A piece added at the end of the document, starting at `start`."""
        self.pieces.append(self._piece(start, markdown, size))

    def _starts(self) -> list[int]:
        return [piece.anchor.position() for piece in self.pieces]

    def _changed(self, position: int, _removed: int, added: int) -> None:
        if self.quiet:
            return
        starts = self._starts()
        # Pieces squeezed to nothing sit at `position`, and what was deleted may have ended the
        # piece before them: that one is marked too.
        first = max(bisect_left(starts, position) - 1, 0)
        last = max(bisect_right(starts, position + added) - 1, first)
        for piece in self.pieces[first : last + 1]:
            piece.markdown = None

    def markdown(self) -> str:
        """The whole document as Markdown."""
        self._write_changed()
        ends = [*self._starts()[1:], self.document.characterCount()]
        if any(
            p.size != end - p.anchor.position() for p, end in zip(self.pieces, ends, strict=True)
        ):
            log.warning("notes pieces out of step with the text: writing the whole notes")
            whole = self.document.toMarkdown()
            self.pieces = [self._piece(0, whole, self.document.characterCount())]
            return whole
        return "".join(piece.markdown or "" for piece in self.pieces)

    def _write_changed(self) -> None:
        index = len(self.pieces) - 1
        while index >= 0:
            if self.pieces[index].markdown is not None:
                index -= 1
                continue
            last = index
            while index > 0 and self.pieces[index - 1].markdown is None:
                index -= 1
            first, last = self._widen(index, last)
            self.pieces[first : last + 1] = list(self._write(first, last))
            index = first - 1

    def _start_of(self, index: int) -> int:
        return 0 if index == 0 else self.pieces[index].anchor.position()

    def _end_of(self, index: int) -> int:
        """Where the piece after `index` starts (the document's length after the last)."""
        if index + 1 < len(self.pieces):
            return self.pieces[index + 1].anchor.position()
        return self.document.characterCount()

    def _widen(self, first: int, last: int) -> tuple[int, int]:
        """Take in neighbours until both edges are safe places for a piece to start."""
        while True:
            start, end = self._start_of(first), self._end_of(last)
            if first > 0 and not self._may_start_at(start):
                first -= 1
            elif last + 1 < len(self.pieces) and not self._may_start_at(end):
                last += 1
            else:
                reach = self._list_reach(start, end)
                if reach[0] < start:
                    first -= 1
                elif reach[1] >= end:
                    last += 1
                else:
                    return first, last

    def _blocks(self, start: int, end: int) -> Iterator[QTextBlock]:
        block = self.document.findBlock(start)
        while block.isValid() and block.position() < end:
            yield block
            block = block.next()

    def _list_reach(self, start: int, end: int) -> tuple[int, int]:
        """The first and last item of the lists with items between `start` and `end`."""
        low, high = start, start
        for block in self._blocks(start, end):
            found = block.textList()
            if found is not None:
                low = min(low, found.item(0).position())
                high = max(high, found.item(found.count() - 1).position())
        return low, high

    def _in_table(self, position: int) -> bool:
        return any(
            frame.firstPosition() - 1 <= position <= frame.lastPosition() + 1
            for frame in self.document.rootFrame().childFrames()
        )

    def _may_start_at(self, position: int) -> bool:
        block = self.document.findBlock(position)
        return block.position() == position and self._plain_start(block)

    def _plain_start(self, block: QTextBlock) -> bool:
        text = block.text()
        look = block.blockFormat()
        return (
            bool(text)
            and not text[0].isspace()
            and block.textList() is None
            and look.indent() == 0
            and not look.nonBreakableLines()
            and not any(look.hasProperty(p) for p in _NOT_PLAIN)
            and not self._in_table(block.position())
        )

    def _write(self, first: int, last: int) -> Iterator[Piece]:
        """The pieces from `first` to `last` cut afresh, each written as Markdown."""
        start, end = self._start_of(first), self._end_of(last)
        starts, size, lists_until = [start], 0, -1
        for block in self._blocks(start, end):
            position = block.position()
            if (
                size >= CHUNK_CHARS
                and position > start
                and position > lists_until
                and self._plain_start(block)
            ):
                starts.append(position)
                size = 0
            size += block.length()
            found = block.textList()
            if found is not None:
                lists_until = max(lists_until, found.item(found.count() - 1).position())
        for begin, finish in zip(starts, [*starts[1:], end], strict=True):
            yield self._piece(begin, self._fragment(begin, finish), finish - begin)

    def _fragment(self, start: int, end: int) -> str:
        """The Markdown of the blocks from `start` up to the block starting at `end`."""
        # From the paragraph mark before the first block, so the block keeps its own format;
        # the empty paragraph this brings along writes nothing.
        cursor = QTextCursor(self.document)
        cursor.setPosition(max(start - 1, 0))
        cursor.setPosition(end - 1, QTextCursor.MoveMode.KeepAnchor)
        markdown = QTextDocumentFragment(cursor).toMarkdown()
        return markdown.rstrip("\n") + "\n\n" if markdown.strip() else ""
