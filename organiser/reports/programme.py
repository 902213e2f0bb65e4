"""The printed programme: an event's running order on A4, in clear print."""

from __future__ import annotations

from io import BytesIO
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
)

from organiser.core.planning.documents import ProgrammeLine, ProgrammeSheet
from organiser.reports.fonts import BOLD, REGULAR, markup, register_fonts
from organiser.reports.styles import (
    BODY,
    CELL,
    CELL_BOLD,
    FACTS_TABLE,
    FOOTER_SIZE,
    HEADING,
    INK,
    KICKER,
    LABEL,
    NOTE,
    PAGE_MARGIN,
    RUNNING_ORDER_TABLE,
    SECTION,
    TITLE,
)

_WIDTH = A4[0] - 2 * PAGE_MARGIN
# Time fits "09:45–10:00" at 14 pt on one line; the item title gets the most room.
_COLUMNS = (0.19, 0.39, 0.24, 0.18)
_LABEL_WIDTH = 0.17 * _WIDTH
_TEXT_LIMIT = 300
_NOTES_LIMIT = 1000
# A row splits across pages only into pieces at least this tall (about two lines), so no
# page ends on a sliver of a row.
_MIN_ROW_PIECE = 40
# A heading, the table header and about three rows.
_ORPHAN_ROOM = 200
# Leaves room under the frame for the footer line.
_BOTTOM_MARGIN = PAGE_MARGIN + 8


class _NumberedCanvas(Canvas):
    """Holds every page back until the end, so each footer can say 'Page 1 of N'."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self.setFont(REGULAR, FOOTER_SIZE)
            self.setFillColor(INK)
            self.drawString(PAGE_MARGIN, PAGE_MARGIN - FOOTER_SIZE, f"Page {number} of {total}")
            super().showPage()
        super().save()


def _fit(text: str, limit: int) -> str:
    # Fields may hold up to a million characters; ReportLab's time to split one paragraph
    # across pages grows with the square of its length, and a handout needs no more than this.
    if len(text) <= limit:
        return text
    head = text[:limit]
    words = head.rsplit(maxsplit=1)
    cut = words[0] if len(words) == 2 else head
    return f"{cut}… (shortened for print)"


def _para(text: str, style: Any, limit: int = _TEXT_LIMIT) -> Paragraph:
    font = BOLD if style.fontName == BOLD else REGULAR
    return Paragraph(markup(_fit(text, limit), font), style)


def _facts(sheet: ProgrammeSheet) -> Table:
    when = ", ".join(part for part in (sheet.date, sheet.times) if part)
    where: list[Flowable] = [_para(sheet.venue or "Venue to be confirmed", CELL)]
    if sheet.venue_address:
        where.append(_para(sheet.venue_address, CELL))
    rows: list[list[Any]] = [
        [_para("When", LABEL), _para(when, CELL)],
        [_para("Where", LABEL), where],
    ]
    if sheet.access:
        rows.append([_para("Access", LABEL), [_para(feature, CELL) for feature in sheet.access]])
    return Table(
        rows,
        colWidths=(_LABEL_WIDTH, _WIDTH - _LABEL_WIDTH),
        style=FACTS_TABLE,
        hAlign="LEFT",
    )


def _time_text(line: ProgrammeLine) -> str:
    if line.start and line.end:
        return f"{line.start}–{line.end}"
    return line.start or line.end


def _item_cell(line: ProgrammeLine) -> list[Flowable]:
    # Said in words, not shown by shading, so it survives photocopying and screen readers.
    title = f"{line.title} (runs alongside)" if line.alongside else line.title
    cell: list[Flowable] = [_para(title, CELL)]
    if line.notes.strip():
        cell.append(_para(line.notes.strip(), NOTE, _NOTES_LIMIT))
    return cell


def _running_order(lines: tuple[ProgrammeLine, ...]) -> Table:
    header = [_para(text, CELL_BOLD) for text in ("Time", "Item", "Lead", "Room")]
    rows: list[list[Any]] = [header]
    for line in lines:
        rows.append(
            [
                _para(_time_text(line), CELL),
                _item_cell(line),
                _para(line.lead, CELL),
                _para(line.room, CELL),
            ]
        )
    return Table(
        rows,
        colWidths=[share * _WIDTH for share in _COLUMNS],
        style=RUNNING_ORDER_TABLE,
        # The header repeats on every page; a row with long notes may split across pages
        # rather than leave a gap or fail to fit.
        repeatRows=1,
        splitInRow=_MIN_ROW_PIECE,
        hAlign="LEFT",
    )


def _story(sheet: ProgrammeSheet) -> list[Flowable]:
    story: list[Flowable] = [
        _para("Programme", KICKER),
        _para(sheet.title or "Untitled event", TITLE),
        Spacer(0, 8),
        _facts(sheet),
        # Not keepWithNext: that would push a whole short table to the next page. Instead the
        # heading starts a new page only when too little room is left for it and a few rows.
        CondPageBreak(_ORPHAN_ROOM),
        _para("Running order", SECTION),
    ]
    if sheet.lines:
        story.append(_running_order(sheet.lines))
    else:
        story.append(_para("No programme items yet.", BODY))
    if sheet.total:
        story.append(Spacer(0, 10))
        story.append(Paragraph(f"{markup('Total length:', BOLD)} {markup(sheet.total)}", BODY))
    if sheet.booking_contact:
        story.append(_para("Booking and questions", HEADING))
        story.append(_para(sheet.booking_contact, BODY))
    return story


def render_programme(sheet: ProgrammeSheet) -> bytes:
    """The programme (running order) as A4 PDF bytes."""
    register_fonts()
    buffer = BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=PAGE_MARGIN,
        rightMargin=PAGE_MARGIN,
        topMargin=PAGE_MARGIN,
        bottomMargin=_BOTTOM_MARGIN,
        title=f"Programme: {_fit(sheet.title, _TEXT_LIMIT)}" if sheet.title else "Programme",
        subject="Running order",
        author="",  # ReportLab would otherwise write "(anonymous)"
        creator="Organiser",
        lang="en-GB",
        displayDocTitle=True,
        # Otherwise every page names an unembedded Helvetica that it never uses.
        initialFontName=REGULAR,
    )
    document.build(_story(sheet), canvasmaker=_NumberedCanvas)
    return buffer.getvalue()
