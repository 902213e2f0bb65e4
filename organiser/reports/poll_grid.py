"""The availability poll on paper: options down the side, members across, boxes to write in."""

from __future__ import annotations

from typing import Any

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, PageBreak, Spacer, Table

from organiser.core.polls.documents import PollOptionLine, PollSheet
from organiser.reports.fonts import BOLD, markup
from organiser.reports.pages import (
    TEXT_LIMIT,
    SplittingTable,
    build_pdf,
    fit,
    frame_height,
    frame_width,
    para,
    section,
)
from organiser.reports.styles import (
    BODY,
    CELL,
    CELL_BOLD,
    KICKER,
    NOTE,
    POLL_GRID_TABLE,
    TITLE,
)
from organiser.reports.text import Paragraph

_PAGE = landscape(A4)
_WIDTH = frame_width(_PAGE)
_OPTION_WIDTH = 230
# A box wide and tall enough to write a letter in with a thick pen (about 28 × 15 mm at least),
# and no wider than 34 mm when there are only a few members. At 80 pt a column also fits a
# name such as "Wiśniewski" on one line at 12 pt, the clear-print minimum.
_MIN_BOX, _MAX_BOX, _BOX_HEIGHT = 80, 96, 42
PER_PAGE = int((_WIDTH - _OPTION_WIDTH) // _MIN_BOX)
# With nobody in the working group yet, the paper still has columns to write names in.
_BLANK_COLUMNS = 6
KEY = "Y = yes     I = if need be     N = no"
# Limits that keep the tallest possible row and the names above it within one page.
_WHEN_LIMIT, _PLACE_LIMIT, _FEATURES_LIMIT, _NAME_LIMIT = 60, 120, 160, 40
_MIN_ROW_PIECE = 60

_NAME = ParagraphStyle("MemberName", parent=CELL_BOLD, fontSize=12, leading=15)
_LETTER = ParagraphStyle(
    "AnswerLetter", parent=CELL_BOLD, fontSize=22, leading=26, alignment=TA_CENTER
)


def _option_cell(option: PollOptionLine) -> list[Flowable]:
    cell: list[Flowable] = []
    if option.chosen:
        # Said in words, so it survives photocopying and needs no colour.
        cell.append(para("Chosen option", CELL_BOLD))
    cell.append(para(option.date, CELL_BOLD, _WHEN_LIMIT))
    cell.append(para(option.times, CELL, _WHEN_LIMIT))
    if option.place:
        cell.append(para(option.place, CELL, _PLACE_LIMIT))
    if option.features:
        features = ", ".join(option.features)
        cell.append(para(features[:1].upper() + features[1:], NOTE, _FEATURES_LIMIT))
    return cell


def _answer_cell(letter: str) -> Flowable:
    # An empty box is a fixed-height spacer, so every row leaves room to write.
    if not letter:
        return Spacer(0, _BOX_HEIGHT)
    return Paragraph(markup(letter, BOLD), _LETTER)


def _grid(sheet: PollSheet, columns: range, names: tuple[str, ...]) -> Table:
    header: list[Any] = [para("Date, time and place", CELL_BOLD)]
    # A blank heading leaves room to write a name in.
    header += [para(names[c], _NAME, _NAME_LIMIT) if names[c] else Spacer(0, 40) for c in columns]
    rows: list[list[Any]] = [header]
    for option in sheet.options:
        answers = option.answers
        rows.append(
            [_option_cell(option)]
            + [_answer_cell(answers[c] if c < len(answers) else "") for c in columns]
        )
    box = min(_MAX_BOX, (_WIDTH - _OPTION_WIDTH) / len(columns))
    return SplittingTable(
        rows,
        frame_height=frame_height(_PAGE),
        colWidths=[_OPTION_WIDTH] + [box] * len(columns),
        style=POLL_GRID_TABLE,
        # Names head every page. The limits above keep a row whole on its page; splitting is
        # only a safety net, so that no text can make the grid fail to print.
        repeatRows=1,
        splitInRow=_MIN_ROW_PIECE,
        hAlign="LEFT",
    )


def _introduction(sheet: PollSheet) -> list[Flowable]:
    story: list[Flowable] = [
        para(f"Availability poll: {sheet.event_title}", KICKER),
        para(sheet.title or "Availability poll", TITLE),
        para(sheet.purpose, BODY),
        Paragraph(
            markup("How to fill it in: ", BOLD)
            + markup("in your column, write a letter in the box of each option. ")
            + markup(KEY.replace("     ", ",  "), BOLD),
            BODY,
        ),
    ]
    if sheet.closed:
        closed = "This poll is closed; reopen it in Organiser to record new answers."
        story.append(para(closed, BODY))
    return story


def _places(sheet: PollSheet) -> list[Flowable]:
    # Each place's address once, rather than in every row: the grid stays compact.
    seen: dict[str, PollOptionLine] = {}
    for option in sheet.options:
        if option.place.strip() and option.address.strip():
            seen.setdefault(option.place.strip(), option)
    if not seen:
        return []
    story = section("Where the places are", room=120)
    for place, option in seen.items():
        story.append(
            Paragraph(
                markup(fit(place, _PLACE_LIMIT), BOLD)
                + markup(f": {fit(option.address, _PLACE_LIMIT)}"),
                BODY,
            )
        )
    return story


def _parts(sheet: PollSheet) -> list[Flowable]:
    names = sheet.people or ("",) * _BLANK_COLUMNS
    total = len(names)
    # Members shared out evenly between the parts: 12 members make two parts of 6, not 7 and 5.
    parts = -(-total // PER_PAGE)
    size = -(-total // parts)
    story: list[Flowable] = []
    for first in range(0, total, size):
        columns = range(first, min(first + size, total))
        if parts > 1:
            if first:
                story.append(PageBreak())
            heading = f"Members {first + 1} to {columns[-1] + 1} of {total}"
            story += section(heading, room=0)
        story.append(_grid(sheet, columns, names))
    return story


def _story(sheet: PollSheet) -> list[Flowable]:
    story = _introduction(sheet)
    story.append(Spacer(0, 6))
    if not sheet.options:
        return [*story, para("This poll has no options yet.", BODY)]
    if not sheet.people:
        story.append(para("Nobody is in the working group yet: write names at the top.", BODY))
    return story + _parts(sheet) + _places(sheet)


def render_poll_grid(sheet: PollSheet) -> bytes:
    """The poll as a grid to fill in by hand, A4 landscape PDF bytes."""
    title = fit(f"Availability poll: {sheet.title}", TEXT_LIMIT)
    return build_pdf(
        _story(sheet), pagesize=_PAGE, title=title, subject=sheet.event_title, note=KEY
    )
