"""The speaker schedule: who speaks when and where, and how to reach them, on A4 landscape."""

from __future__ import annotations

from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer

from organiser.core.speakers.documents import ScheduleLine, ScheduleSheet
from organiser.reports.fonts import BOLD, REGULAR, markup
from organiser.reports.pages import (
    TEXT_LIMIT,
    SplittingTable,
    build_pdf,
    fit,
    frame_height,
    frame_width,
    para,
)
from organiser.reports.styles import BODY, CELL, CELL_BOLD, KICKER, NOTE, RUNNING_ORDER_TABLE, TITLE
from organiser.reports.text import Paragraph

_PAGE = landscape(A4)
_WIDTH, _HEIGHT = frame_width(_PAGE), frame_height(_PAGE)
# Time (with arrival), speaker (with organisation), talk, room, contact, status.
_COLUMNS = (0.125, 0.2, 0.21, 0.11, 0.2, 0.155)
_CONTACT_ROOM = _COLUMNS[4] * _WIDTH - 12
_MIN_ROW_PIECE = 40


def _email(address: str) -> str:
    """An address too wide for its column breaks after the @ rather than mid-word."""
    local, at, domain = address.partition("@")
    if at and stringWidth(address, REGULAR, CELL.fontSize) > _CONTACT_ROOM:
        return f"{local}@\n{domain}"
    return address


def _row(line: ScheduleLine) -> list[Any]:
    when: list[Flowable] = [para(line.when or "No slot yet", CELL)]
    if line.arrival:
        when.append(para(f"Arrives {line.arrival}", NOTE))
    who: list[Flowable] = [para(line.speaker, CELL_BOLD)]
    if line.organisation:
        who.append(para(line.organisation, NOTE))
    contact = [para(part, CELL) for part in (_email(line.email), line.phone) if part.strip()]
    return [
        when,
        who,
        para(line.talk or "Title to be agreed", CELL),
        para(line.room or "Not set", CELL),
        contact or para("No details", CELL),
        para(line.status, CELL),
    ]


def _story(sheet: ScheduleSheet) -> list[Flowable]:
    when = ", ".join(part for part in (sheet.date, sheet.times, sheet.venue) if part)
    story: list[Flowable] = [
        para("Speaker schedule", KICKER),
        para(sheet.event_title or "Untitled event", TITLE),
        para(when, BODY),
    ]
    if sheet.contact.strip():
        story.append(Paragraph(markup("Contact on the day: ", BOLD) + markup(sheet.contact), BODY))
    header = [
        para(text, CELL_BOLD) for text in ("Time", "Speaker", "Talk", "Room", "Contact", "Status")
    ]
    table = SplittingTable(
        [header, *(_row(line) for line in sheet.lines)],
        frame_height=_HEIGHT,
        colWidths=[share * _WIDTH for share in _COLUMNS],
        style=RUNNING_ORDER_TABLE,
        repeatRows=1,
        splitInRow=_MIN_ROW_PIECE,
        hAlign="LEFT",
    )
    return [*story, Spacer(0, 8), table]


def render_speaker_schedule(sheet: ScheduleSheet) -> bytes:
    """The speaker schedule as A4 landscape PDF bytes."""
    title = fit(f"Speaker schedule: {sheet.event_title}", TEXT_LIMIT)
    return build_pdf(_story(sheet), pagesize=_PAGE, title=title, subject="Speaker schedule")
