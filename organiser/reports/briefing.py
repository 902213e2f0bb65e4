"""The speaker briefing: one A4 page per speaker with the day's facts, their slot and contact."""

from __future__ import annotations

from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.platypus import Flowable, HRFlowable, PageBreak, Spacer, Table

from organiser.core.speakers.documents import BriefingPage, BriefingSheet, RunningLine
from organiser.reports.fonts import BOLD, markup
from organiser.reports.pages import (
    TEXT_LIMIT,
    build_pdf,
    fit,
    frame_height,
    frame_width,
    para,
)
from organiser.reports.styles import (
    BODY,
    CELL,
    CELL_BOLD,
    FACTS_TABLE,
    INK,
    KICKER,
    LABEL,
    NOTE,
    RUNNING_ORDER_TABLE,
    SECTION,
    TITLE,
)
from organiser.reports.text import Paragraph

_WIDTH, _HEIGHT = frame_width(A4), frame_height(A4)
# "Contact on the day" in bold at 14 pt, with room to spare.
_LABEL_WIDTH = 150
# Time fits "10:30–11:00" on one line; the item gets the most room.
_COLUMNS = (0.22, 0.40, 0.22, 0.16)
# Each page must hold one speaker: long fields are cut (saying so) rather than spill over,
# more tightly each time until the page fits.
_FIELD_LIMITS = (300, 160, 100, 60)
_NAME_LIMIT = 80


def _cell(text: str, fallback: str, limit: int) -> Paragraph:
    return para(text.strip() or fallback, CELL, limit)


def _labelled(label: str, value: Any) -> list[Any]:
    return [para(label, LABEL), value]


def _facts(sheet: BriefingSheet, page: BriefingPage, limit: int) -> Table:
    def cell(text: str, fallback: str = "") -> Paragraph:
        return _cell(text, fallback, limit)

    talk = page.talk or "Title to be agreed"
    if page.length:
        talk = f"{fit(talk, limit)} ({page.length})"
    slot = page.slot or "Still to be agreed: we will let you know"
    if page.slot and page.room:
        slot = f"{slot}, in {page.room}"
    when = ", ".join(part for part in (sheet.date, sheet.times) if part)
    where = [cell(sheet.venue, "Venue to be confirmed")]
    if sheet.venue_address.strip():
        where.append(cell(sheet.venue_address))
    arrival = f"by {page.arrival}" if page.arrival else ""
    rows: list[list[Any]] = [
        _labelled("Your talk", cell(talk)),
        _labelled("Your slot", cell(slot)),
        _labelled("Please arrive", cell(arrival, "To be agreed")),
        _labelled("When", cell(when, "Date to be set")),
        _labelled("Where", where),
        _labelled("Access", cell(", ".join(sheet.access), "None recorded: ask the contact below")),
        _labelled("You bring", cell(page.brings, "Nothing listed")),
        _labelled("Provided", cell(page.provided, "Nothing asked for yet: tell us what you need")),
    ]
    if page.access_needs.strip():
        rows.append(_labelled("Your access needs", cell(page.access_needs)))
    rows.append(_labelled("Contact on the day", cell(sheet.contact, "Ask the organisers")))
    return Table(
        rows,
        colWidths=(_LABEL_WIDTH, _WIDTH - _LABEL_WIDTH),
        style=FACTS_TABLE,
        hAlign="LEFT",
    )


def _running_row(line: RunningLine, limit: int) -> list[Paragraph]:
    # Their own slot is said in words and set in bold, never shown by shading alone.
    style = CELL_BOLD if line.theirs else CELL
    title = f"{fit(line.title, limit)} (your slot)" if line.theirs else line.title
    return [
        para(line.time, style),
        para(title, style, limit),
        para(line.lead, style, limit),
        para(line.room, style, limit),
    ]


def _running_order(lines: tuple[RunningLine, ...], limit: int) -> list[Flowable]:
    story: list[Flowable] = [
        para("Running order around your slot", SECTION),
        HRFlowable(width="100%", thickness=1.5, color=INK, spaceBefore=-4, spaceAfter=8),
    ]
    if not lines:
        return [*story, para("Your slot is not in the running order yet.", BODY)]
    header = [para(text, CELL_BOLD) for text in ("Time", "Item", "Lead", "Room")]
    table = Table(
        [header, *(_running_row(line, limit) for line in lines)],
        colWidths=[share * _WIDTH for share in _COLUMNS],
        style=RUNNING_ORDER_TABLE,
        hAlign="LEFT",
    )
    return [*story, table]


def _page(sheet: BriefingSheet, page: BriefingPage, limit: int) -> list[Flowable]:
    story: list[Flowable] = [
        para(f"Speaker briefing: {sheet.event_title or 'Untitled event'}", KICKER),
        para(page.speaker or "Speaker", TITLE, _NAME_LIMIT),
    ]
    if page.organisation:
        story.append(para(page.organisation, BODY, _NAME_LIMIT))
    if not sheet.confirmed:
        story.append(
            Paragraph(
                markup(f"{page.status}. ", BOLD)
                + markup("Nobody has confirmed yet, so this briefing is for invited speakers."),
                NOTE,
            )
        )
    story += [Spacer(0, 8), _facts(sheet, page, limit), *_running_order(page.running_order, limit)]
    return story


def _height(story: list[Flowable]) -> float:
    return float(
        sum(f.wrap(_WIDTH, _HEIGHT)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in story)
    )


def _fitted_page(sheet: BriefingSheet, page: BriefingPage) -> list[Flowable]:
    """The speaker's page with fields cut only as far as it takes to fit on one sheet."""
    for limit in _FIELD_LIMITS:
        story = _page(sheet, page, limit)
        if _height(story) <= _HEIGHT:
            return story
    return story


def _story(sheet: BriefingSheet) -> list[Flowable]:
    story: list[Flowable] = []
    for number, page in enumerate(sheet.pages):
        if number:
            story.append(PageBreak())
        story += _fitted_page(sheet, page)
    return story


def render_briefing(sheet: BriefingSheet) -> bytes:
    """The speaker briefing as A4 PDF bytes: one page per speaker."""
    title = fit(f"Speaker briefing: {sheet.event_title}", TEXT_LIMIT)
    note = "" if sheet.confirmed else "Invited speakers: not yet confirmed"
    return build_pdf(_story(sheet), pagesize=A4, title=title, subject="Speaker briefing", note=note)
