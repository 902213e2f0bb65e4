"""The printed programme: an event's running order on A4, in clear print."""

from __future__ import annotations

from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Spacer,
    Table,
)

from organiser.core.planning.documents import ProgrammeLine, ProgrammeSheet
from organiser.reports.fonts import BOLD, markup
from organiser.reports.pages import TEXT_LIMIT, build_pdf, fit, para
from organiser.reports.styles import (
    BODY,
    CELL,
    CELL_BOLD,
    FACTS_TABLE,
    HEADING,
    KICKER,
    LABEL,
    NOTE,
    PAGE_MARGIN,
    RUNNING_ORDER_TABLE,
    SECTION,
    TITLE,
)
from organiser.reports.text import Paragraph

_WIDTH = A4[0] - 2 * PAGE_MARGIN
# Time fits "09:45–10:00" at 14 pt on one line; the item title gets the most room.
_COLUMNS = (0.19, 0.39, 0.24, 0.18)
_LABEL_WIDTH = 0.17 * _WIDTH
_NOTES_LIMIT = 1000
# A row splits across pages only into pieces at least this tall (about two lines), so no
# page ends on a sliver of a row.
_MIN_ROW_PIECE = 40
# A heading, the table header and about three rows.
_ORPHAN_ROOM = 200


def _facts(sheet: ProgrammeSheet) -> Table:
    when = ", ".join(part for part in (sheet.date, sheet.times) if part)
    where: list[Flowable] = [para(sheet.venue or "Venue to be confirmed", CELL)]
    if sheet.venue_address:
        where.append(para(sheet.venue_address, CELL))
    rows: list[list[Any]] = [
        [para("When", LABEL), para(when, CELL)],
        [para("Where", LABEL), where],
    ]
    if sheet.access:
        rows.append([para("Access", LABEL), [para(feature, CELL) for feature in sheet.access]])
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
    cell: list[Flowable] = [para(title, CELL)]
    if line.notes.strip():
        cell.append(para(line.notes.strip(), NOTE, _NOTES_LIMIT))
    return cell


def _running_order(lines: tuple[ProgrammeLine, ...]) -> Table:
    header = [para(text, CELL_BOLD) for text in ("Time", "Item", "Lead", "Room")]
    rows: list[list[Any]] = [header]
    for line in lines:
        rows.append(
            [
                para(_time_text(line), CELL),
                _item_cell(line),
                para(line.lead, CELL),
                para(line.room, CELL),
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
        para("Programme", KICKER),
        para(sheet.title or "Untitled event", TITLE),
        Spacer(0, 8),
        _facts(sheet),
        # Not keepWithNext: that would push a whole short table to the next page. Instead the
        # heading starts a new page only when too little room is left for it and a few rows.
        CondPageBreak(_ORPHAN_ROOM),
        para("Running order", SECTION),
    ]
    if sheet.lines:
        story.append(_running_order(sheet.lines))
    else:
        story.append(para("No programme items yet.", BODY))
    if sheet.total:
        story.append(Spacer(0, 10))
        story.append(Paragraph(f"{markup('Total length:', BOLD)} {markup(sheet.total)}", BODY))
    if sheet.booking_contact:
        story.append(para("Booking and questions", HEADING))
        story.append(para(sheet.booking_contact, BODY))
    return story


def render_programme(sheet: ProgrammeSheet) -> bytes:
    """The programme (running order) as A4 PDF bytes."""
    return build_pdf(
        _story(sheet),
        pagesize=A4,
        title=f"Programme: {fit(sheet.title, TEXT_LIMIT)}" if sheet.title else "Programme",
        subject="Running order",
    )
