"""What every printed document shares: page numbers, a footer note, shortening, the build."""

from __future__ import annotations

from functools import partial
from io import BytesIO
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    SimpleDocTemplate,
    Table,
)

from organiser.reports.fonts import BOLD, REGULAR, markup, register_main_fonts
from organiser.reports.styles import FOOTER_SIZE, INK, PAGE_MARGIN, SECTION
from organiser.reports.text import Paragraph

# Leaves room under the frame for the footer line.
BOTTOM_MARGIN = PAGE_MARGIN + 8
TEXT_LIMIT = 300
# SimpleDocTemplate's frame keeps 6 pt of padding on each side inside the margins.
_FRAME_PADDING = 6


def frame_width(pagesize: tuple[float, float]) -> float:
    """The width text and tables have on a page of this size."""
    return float(pagesize[0] - 2 * PAGE_MARGIN - 2 * _FRAME_PADDING)


def frame_height(pagesize: tuple[float, float]) -> float:
    """The height text and tables have on a page of this size."""
    return float(pagesize[1] - PAGE_MARGIN - BOTTOM_MARGIN - 2 * _FRAME_PADDING)


class SplittingTable(Table):  # type: ignore[misc]
    """A table whose rows split across pages, in pieces of at least `splitInRow` where it can."""

    splitInRow: int  # ReportLab's: the least height of a piece, 0 for any

    def __init__(self, *args: Any, frame_height: float = 0, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.frame_height = frame_height

    def _split(self, availWidth: float, availHeight: float) -> list[Any]:
        parts: list[Any] = super().split(availWidth, availHeight)
        for part in parts:
            # ReportLab makes the pieces without our arguments; they need the page height too.
            if isinstance(part, SplittingTable):
                part.frame_height = self.frame_height
        return parts

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        parts = self._split(availWidth, availHeight)
        if parts or not self.splitInRow or availHeight < self.frame_height - 1:
            return parts
        # On an empty page ReportLab still refuses a split that leaves less than splitInRow
        # for the next page, and a row taller than the page would then never print: accept a
        # thin last piece instead.
        least: int = self.splitInRow
        self.splitInRow = 1
        try:
            return self._split(availWidth, availHeight)
        finally:
            self.splitInRow = least


class NumberedCanvas(Canvas):  # type: ignore[misc]
    """Holds every page back until the end, so each footer can say 'Page 1 of N'."""

    def __init__(
        self, *args: Any, note: str = "", numbers: str = "Page {number} of {total}", **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self._note = note
        self._numbers = numbers

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self.setFont(REGULAR, FOOTER_SIZE)
            self.setFillColor(INK)
            # Lined up with the text above, which sits inside the frame's padding.
            left = PAGE_MARGIN + _FRAME_PADDING
            right = self._pagesize[0] - left
            baseline = PAGE_MARGIN - FOOTER_SIZE
            self.drawString(left, baseline, self._numbers.format(number=number, total=total))
            if self._note:
                self.setFont(BOLD, FOOTER_SIZE)
                self.drawRightString(right, baseline, self._note)
            super().showPage()
        super().save()


def fit(text: str, limit: int) -> str:
    """Text cut at a word to about `limit` characters, saying so, for fields printed in full."""
    # Fields may hold up to a million characters; ReportLab's time to split one paragraph
    # across pages grows with the square of its length, and a handout needs no more than this.
    if len(text) <= limit:
        return text
    head = text[:limit]
    words = head.rsplit(maxsplit=1)
    cut = words[0] if len(words) == 2 else head
    return f"{cut}… (shortened for print)"


def para(text: str, style: Any, limit: int = TEXT_LIMIT) -> Paragraph:
    """A paragraph of plain text in the style's print font, shortened past `limit`."""
    font = BOLD if style.fontName == BOLD else REGULAR
    return Paragraph(markup(fit(text, limit), font), style)


def section(title: str, *, room: float = 160) -> list[Flowable]:
    """A part's heading with a rule under it; it starts a new page if less than `room` is left."""
    # The rule sets each part apart from headings inside it (such as those in meeting notes).
    return [
        CondPageBreak(room),
        para(title, SECTION),
        HRFlowable(width="100%", thickness=1.5, color=INK, spaceBefore=-4, spaceAfter=8),
    ]


def build_pdf(
    story: list[Flowable],
    *,
    pagesize: tuple[float, float],
    title: str,
    subject: str,
    note: str = "",
    lang: str = "en-GB",
) -> bytes:
    """Lay the story out on numbered pages (with `note` in every footer); the PDF's bytes.
    A document in another language (`lang`, such as "pl") numbers its pages "1 / 2"."""
    register_main_fonts()
    buffer = BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=PAGE_MARGIN,
        rightMargin=PAGE_MARGIN,
        topMargin=PAGE_MARGIN,
        bottomMargin=BOTTOM_MARGIN,
        title=title,
        subject=subject,
        author="",  # ReportLab would otherwise write "(anonymous)"
        creator="Organiser",
        lang=lang,
        displayDocTitle=True,
        # Otherwise every page names an unembedded Helvetica that it never uses.
        initialFontName=REGULAR,
    )
    numbers = "Page {number} of {total}" if lang.startswith("en") else "{number} / {total}"
    document.build(story, canvasmaker=partial(NumberedCanvas, note=note, numbers=numbers))
    return buffer.getvalue()
