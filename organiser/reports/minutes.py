"""The printed minutes of a meeting: who came, the agenda, the notes, decisions and actions."""

from __future__ import annotations

from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.platypus import Flowable, Spacer, Table

from organiser.core.meetings.documents import ActionLine, MinutesSheet
from organiser.reports.fonts import BOLD, markup
from organiser.reports.markdown import markdown_flowables
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
    FACTS_TABLE,
    KICKER,
    LABEL,
    LIST_ITEM,
    NOTE,
    RUNNING_ORDER_TABLE,
    TITLE,
)
from organiser.reports.text import Paragraph

_WIDTH, _HEIGHT = frame_width(A4), frame_height(A4)
_LABEL_WIDTH = 0.17 * _WIDTH
# A due date must never wrap mid-number: "14/03/2027" is 83 pt wide at 14 pt, plus 12 of padding.
DUE_WIDTH = 96
# Action, owner, due date, where it stands.
_ACTION_COLUMNS = (0.29, 0.21, DUE_WIDTH / _WIDTH, 0.50 - DUE_WIDTH / _WIDTH)
# About forty pages of notes: everything a real meeting writes, printed in full. Past it the
# minutes say where the rest is, and a million characters still print in a few seconds.
NOTES_LIMIT = 100_000
_LONG_TEXT = 5000
_AGENDA_LIMIT = 10_000
_MIN_ROW_PIECE = 40
# A part's heading with the rule under it, and the space above it.
_HEADING_ROOM = 56


def shorten_notes(notes: str, limit: int = NOTES_LIMIT) -> tuple[str, bool]:
    """The notes cut to about `limit` characters at a paragraph or line end; and if they were."""
    if len(notes) <= limit:
        return notes, False
    head = notes[:limit]
    # A cut between blocks keeps lists and headings whole; else at a line, else at a word.
    for mark in ("\n\n", "\n", " "):
        cut = head.rfind(mark)
        if cut > limit * 0.8:
            return head[:cut].rstrip(), True
    return head, True


def agenda_markdown(agenda: str) -> str:
    """The agenda is typed one item a line: keep each line on its own line in print
    (Markdown would join lines that are not a list into one paragraph)."""
    return "\n".join(f"{line.rstrip()}  " if line.strip() else "" for line in agenda.splitlines())


def _facts(sheet: MinutesSheet) -> Table:
    when = ", ".join(part for part in (sheet.date, sheet.times) if part)
    present = ", ".join(sheet.attendees) if sheet.attendees else "Not recorded"
    rows: list[list[Any]] = [
        [para("When", LABEL), para(when, CELL)],
        [para("Where", LABEL), para(sheet.place or "Not recorded", CELL)],
        [para("Present", LABEL), para(present, CELL, _LONG_TEXT)],
    ]
    return SplittingTable(
        rows,
        frame_height=_HEIGHT,
        colWidths=(_LABEL_WIDTH, _WIDTH - _LABEL_WIDTH),
        style=FACTS_TABLE,
        # A long list of who came may run onto the next page.
        splitInRow=_MIN_ROW_PIECE,
        hAlign="LEFT",
    )


def _action_rows(actions: tuple[ActionLine, ...], columns: int) -> list[list[Any]]:
    headings = ["Action", "Owner", "Due", "Where it stands", "Raised at"][:columns]
    rows: list[list[Any]] = [[para(text, CELL_BOLD) for text in headings]]
    for action in actions:
        # Overdue is said in words and set in bold, never shown by colour alone.
        standing = para(action.standing, CELL_BOLD if action.overdue else CELL)
        row = [
            para(action.text, CELL, _LONG_TEXT),
            para(action.owner or "No owner yet", CELL),
            para(action.due or "Not set", CELL),
            standing,
            para(action.raised_at or "Not at a meeting", CELL),
        ]
        rows.append(row[:columns])
    return rows


def action_section(
    title: str,
    actions: tuple[ActionLine, ...],
    columns: tuple[float, ...],
    size: tuple[float, float],
    intro: str = "",
) -> list[Flowable]:
    """A heading and a table of actions: action, owner, due, where it stands (and raised at)."""
    rows = _action_rows(actions, len(columns))
    width, height = size
    widths = [share * width for share in columns]
    table = SplittingTable(
        rows,
        frame_height=height,
        colWidths=widths,
        style=RUNNING_ORDER_TABLE,
        repeatRows=1,
        splitInRow=_MIN_ROW_PIECE,
        hAlign="LEFT",
    )
    lead: list[Flowable] = [para(intro, BODY)] if intro else []
    # The heading starts a new page unless the table's header and first row fit under it.
    opening = Table(rows[:2], colWidths=widths, style=RUNNING_ORDER_TABLE).wrap(width, 1e6)[1]
    room = _HEADING_ROOM + opening + sum(f.wrap(width, 1e6)[1] + BODY.spaceAfter for f in lead)
    return [*section(title, room=room), *lead, table]


def _notes(sheet: MinutesSheet) -> list[Flowable]:
    story = section("Notes")
    if not sheet.notes.strip():
        return [*story, para("No notes were taken.", BODY)]
    notes, shortened = shorten_notes(sheet.notes)
    story.extend(markdown_flowables(notes, width=_WIDTH, height=_HEIGHT))
    if shortened:
        story.append(
            Paragraph(
                markup("The notes continue. ", BOLD)
                + markup(
                    f"This copy prints the first {len(notes):,} of {len(sheet.notes):,} "
                    "characters; open the meeting in Organiser to read them all."
                ),
                BODY,
            )
        )
    if sheet.notes_saved:
        story.append(para(f"Notes last saved {sheet.notes_saved}.", NOTE))
    return story


def _story(sheet: MinutesSheet) -> list[Flowable]:
    kicker = f"Minutes: {sheet.event_title}" if sheet.event_title else "Minutes"
    story: list[Flowable] = [
        para(kicker, KICKER),
        para(sheet.title or "Meeting", TITLE),
        Spacer(0, 8),
        _facts(sheet),
    ]
    if sheet.agenda.strip():
        story += section("Agenda")
        agenda = agenda_markdown(fit(sheet.agenda, _AGENDA_LIMIT))
        story += markdown_flowables(agenda, width=_WIDTH, height=_HEIGHT)
    story += _notes(sheet)
    story += section("Decisions")
    if sheet.decisions:
        story += [
            Paragraph(markup(fit(text, _LONG_TEXT)), LIST_ITEM, bulletText=f"{number}.")
            for number, text in enumerate(sheet.decisions, start=1)
        ]
    else:
        story.append(para("No decisions were recorded.", BODY))
    title = "Actions raised at this meeting"
    if sheet.actions:
        intro = f"Where they stand on {sheet.as_of}."
        story += action_section(title, sheet.actions, _ACTION_COLUMNS, (_WIDTH, _HEIGHT), intro)
    else:
        story += [*section(title), para("No actions were raised at this meeting.", BODY)]
    return story


def render_minutes(sheet: MinutesSheet) -> bytes:
    """The minutes of one meeting as A4 PDF bytes."""
    title = fit(f"Minutes: {sheet.title}, {sheet.date}", TEXT_LIMIT)
    return build_pdf(_story(sheet), pagesize=A4, title=title, subject=sheet.event_title)
