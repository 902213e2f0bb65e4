"""The printed minutes, parsed back with pypdf; and the sheet the database gives them."""

from __future__ import annotations

import datetime as dt
import io
import time
from collections.abc import Callable
from typing import Any

import pytest
from pypdf import PdfReader

from organiser.core.crud import add_row
from organiser.core.db import Store
from organiser.core.meetings.documents import ActionLine, MinutesSheet
from organiser.core.meetings.printing import minutes_sheet
from organiser.core.meetings.service import save_notes, set_attendees
from organiser.core.row_kinds import RowKind
from organiser.reports.minutes import NOTES_LIMIT, render_minutes, shorten_notes

A4_POINTS = (595.27, 841.89)
NAMES = "Zoë Łucja Siobhán Nguyễn"
TODAY = dt.date(2027, 2, 1)
NOTES = """# Welcome and introductions

Everyone said hello. **Dev** brought *fresh* pastries.

## Venue

- Harbourside Family Centre
- St Anne's church hall
  - no parking

### Budget

1. Hall hire
2. Creche staff
"""


def action(text: str = "Book the hall", **changes: Any) -> ActionLine:
    values: dict[str, Any] = {
        "text": text,
        "owner": "Dev Okafor",
        "due": "29/01/2027",
        "standing": "Overdue by 3 days",
        "overdue": True,
        "done": False,
        "raised_at": "Planning meeting (12/01/2027)",
        **changes,
    }
    return ActionLine(**values)


def sheet(**changes: Any) -> MinutesSheet:
    values: dict[str, Any] = {
        "event_title": "Pilates and wellbeing morning",
        "title": "Planning meeting",
        "date": "Tuesday 12 January 2027",
        "times": "10:00 to 11:30",
        "place": "Harbourside Family Centre, room 2",
        "attendees": (NAMES, "Dev Okafor"),
        "agenda": "1. Welcome\n2. Venue",
        "notes": NOTES,
        "decisions": ("Hold the morning at Harbourside.", "Keep the creche under two hours."),
        "actions": (action(),),
        "as_of": "Monday 1 February 2027",
        "notes_saved": "12/01/2027 at 11:42",
        **changes,
    }
    return MinutesSheet(**values)


def read(document: MinutesSheet) -> PdfReader:
    return PdfReader(io.BytesIO(render_minutes(document)))


def all_text(reader: PdfReader) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def runs(reader: PdfReader) -> list[tuple[str, str, float]]:
    """(text, font name, size in points) of every piece of text on every page."""
    found: list[tuple[str, str, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if text.strip() and font is not None:
            found.append((text.strip(), str(font["/BaseFont"]), abs(size * tm[3] * cm[3])))

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    return found


def test_every_page_is_a4_portrait() -> None:
    reader = read(sheet(notes="\n\n".join(f"Paragraph {n} of the notes." for n in range(200))))
    assert len(reader.pages) > 1
    for page in reader.pages:
        size = (float(page.mediabox.width), float(page.mediabox.height))
        assert size == pytest.approx(A4_POINTS, abs=1)


def test_shows_the_meeting_who_came_and_what_was_decided() -> None:
    reader = read(sheet())
    text = all_text(reader)
    for expected in (
        "Minutes: Pilates and wellbeing morning",
        "Planning meeting",
        "When Tuesday 12 January 2027, 10:00 to 11:30",
        "Where Harbourside Family Centre, room 2",
        f"Present {NAMES}, Dev Okafor",
        "Agenda 1. Welcome 2. Venue",
        "Decisions 1. Hold the morning at Harbourside. 2. Keep the creche under two hours.",
        "Where they stand on Monday 1 February 2027.",
        "Action Owner Due Where it stands",
        "Book the hall Dev Okafor 29/01/2027 Overdue by 3 days",
        "Notes last saved 12/01/2027 at 11:42.",
        "Page 1 of 2",
    ):
        assert expected in text
    assert reader.metadata is not None
    assert reader.metadata.title == "Minutes: Planning meeting, Tuesday 12 January 2027"


def test_markdown_prints_as_headings_bold_and_lists_not_symbols() -> None:
    reader = read(sheet())
    text = all_text(reader)
    assert "Welcome and introductions Everyone said hello. Dev brought fresh pastries." in text
    assert "• Harbourside Family Centre • St Anne's church hall • no parking" in text
    assert "Budget 1. Hall hire 2. Creche staff" in text
    assert "#" not in text
    assert "*" not in text
    pieces = runs(reader)
    # Headings print bold, from # (largest) down to ### (body size); **Dev** is bold too.
    bold = {t: s for t, f, s in pieces if f.endswith("-Bold")}
    assert bold["Welcome and introductions"] > bold["Venue"] > bold["Budget"] == 14
    assert bold["Dev"] == 14
    # Clear print has no italics: *fresh* prints in the upright regular face.
    assert not any("Italic" in f for _t, f, _s in pieces)
    assert ("brought fresh pastries.", "Regular") in {(t, f[-7:]) for t, f, _s in pieces}


def test_an_agenda_typed_one_item_a_line_prints_one_item_a_line() -> None:
    agenda = "Why this event\nWho it is for\n\nOpen actions from earlier meetings:\n- Book the hall"
    page = read(sheet(agenda=agenda)).pages[0]
    lines = [line.strip() for line in page.extract_text().split("\n")]
    assert "Why this event" in lines
    assert "Who it is for" in lines
    assert "Open actions from earlier meetings:" in lines
    assert "• Book the hall" in lines


def test_all_text_is_clear_print_size() -> None:
    sizes = [s for _t, _f, s in runs(read(sheet()))]
    assert min(sizes) >= 12
    assert 14 in sizes


def test_links_tables_quotes_and_raw_html_print_as_text() -> None:
    notes = (
        "See [the booking page](https://example.org/book) and <b>not bold</b>.\n\n"
        "> It has to feel welcoming.\n\n"
        "| Venue | Cost |\n|---|---|\n| Harbourside | £120 |\n\n"
        "~~Library~~ closed on Saturdays.\n\n---\n\n```\nline one\nline two\n```\n"
    )
    text = all_text(read(sheet(notes=notes)))
    assert "the booking page (https://example.org/book) and <b>not bold</b>." in text
    assert "It has to feel welcoming." in text
    assert "Venue Cost Harbourside £120" in text
    assert "Library closed on Saturdays." in text
    assert "line one line two" in text
    assert "~" not in text and "```" not in text and "|" not in text


def test_accented_names_and_any_script_print() -> None:
    notes = f"{NAMES} said: مرحبا 👋 Привет Ωμέγα שלום"
    text = all_text(read(sheet(notes=notes, title=f"Coffee with {NAMES}")))
    assert f"Coffee with {NAMES}" in text
    assert f"{NAMES} said:" in text
    assert "Привет Ωμέγα" in text


def test_long_notes_flow_over_pages_in_full() -> None:
    notes = "\n\n".join(f"Paragraph number {n} of a long meeting." for n in range(1, 301))
    reader = read(sheet(notes=notes))
    pages = len(reader.pages)
    assert pages > 3
    text = all_text(reader)
    for n in range(1, 301):
        assert f"Paragraph number {n} of a long meeting." in text
    assert "The notes continue" not in text
    assert f"Page {pages} of {pages}" in text


def test_a_megabyte_of_notes_renders_quickly_and_says_where_the_rest_is() -> None:
    notes = "- a point somebody made in the meeting\n" * 27_000
    assert len(notes) > 1_000_000
    started = time.perf_counter()
    reader = read(sheet(notes=notes))
    # Generous for a slow, shared machine; on a laptop this takes about two seconds.
    assert time.perf_counter() - started < 60
    text = all_text(reader)
    assert "The notes continue. This copy prints the first" in text
    assert f"of {len(notes):,} characters; open the meeting in Organiser" in text
    assert text.count("• a point somebody made in the meeting") > 2000
    # The parts after the notes are still printed.
    assert "Decisions 1. Hold the morning at Harbourside." in text


def test_one_huge_paragraph_is_split_and_still_prints() -> None:
    reader = read(sheet(notes="word " * 200_000))
    text = all_text(reader)
    assert "The notes continue." in text
    assert 20 < len(reader.pages) < 80


def test_shorten_notes_cuts_between_blocks() -> None:
    notes = "First paragraph.\n\n" + "x" * 50 + "\n\nThird paragraph."
    assert shorten_notes(notes, limit=len(notes)) == (notes, False)
    assert shorten_notes(notes, limit=len(notes) - 5) == (notes[: notes.rindex("\n\n")], True)
    head, cut = shorten_notes("y" * (NOTES_LIMIT + 10))
    assert cut and len(head) == NOTES_LIMIT


def test_an_empty_meeting_says_what_is_missing() -> None:
    blank = sheet(
        attendees=(), agenda="", notes="", decisions=(), actions=(), place="", notes_saved=""
    )
    text = all_text(read(blank))
    assert "Present Not recorded" in text
    assert "Where Not recorded" in text
    assert "No notes were taken." in text
    assert "No decisions were recorded." in text
    assert "No actions were raised at this meeting." in text
    assert "Agenda" not in text


def test_minutes_sheet_from_the_database(
    store: Store, create_event: Callable[..., int], add_member: Callable[..., int]
) -> None:
    event_id = create_event()
    zoe = add_member(event_id, name=NAMES)
    dev = add_member(event_id, name="Dev Okafor")
    add_member(event_id, name="Priya Shah")
    values = {"title": "Planning meeting", "date": dt.date(2027, 7, 6), "place": "Library"}
    values |= {"start": dt.time(10), "end": dt.time(11, 30), "agenda": "1. Welcome"}
    meeting = add_row(store, kind=RowKind.MEETINGS, parent_id=event_id, values=values)
    meeting_id = meeting.created_id
    other = add_row(store, kind=RowKind.MEETINGS, parent_id=event_id, values={"title": "Next"})
    assert meeting_id is not None and other.created_id is not None
    set_attendees(store, meeting_id=meeting_id, member_ids=[dev, zoe])
    # Saved at 09:05 UTC in July: 10:05 on a London clock.
    save_notes(store, meeting_id=meeting_id, text=NOTES, now=dt.datetime(2027, 7, 6, 9, 5))
    for text in ("Hold it at Harbourside.", "Keep it under two hours."):
        add_row(store, kind=RowKind.DECISIONS, parent_id=meeting_id, values={"text": text})
    here = {"text": "Book the hall", "owner_id": zoe, "due": TODAY - dt.timedelta(days=3)}
    add_row(
        store, kind=RowKind.ACTIONS, parent_id=event_id, values=here | {"meeting_id": meeting_id}
    )
    elsewhere = {"text": "Ask the speakers", "meeting_id": other.created_id}
    add_row(store, kind=RowKind.ACTIONS, parent_id=event_id, values=elsewhere)

    printed = minutes_sheet(store, meeting_id, today=TODAY)
    assert printed.event_title == "Pilates and wellbeing morning"
    assert (printed.title, printed.date) == ("Planning meeting", "Tuesday 6 July 2027")
    assert (printed.times, printed.place) == ("10:00 to 11:30", "Library")
    assert printed.attendees == (NAMES, "Dev Okafor")
    assert printed.decisions == ("Hold it at Harbourside.", "Keep it under two hours.")
    assert [a.text for a in printed.actions] == ["Book the hall"]
    assert printed.actions[0].owner == NAMES
    assert printed.actions[0].standing == "Overdue by 3 days"
    assert printed.as_of == "Monday 1 February 2027"
    assert printed.notes_saved == "06/07/2027 at 10:05"
    text = all_text(PdfReader(io.BytesIO(render_minutes(printed))))
    assert f"Book the hall {NAMES} 29/01/2027 Overdue by 3 days" in text
    assert "Ask the speakers" not in text


def test_every_field_at_its_largest_still_prints() -> None:
    huge = "word " * 200_000
    unbroken = "x" * 1_000_000
    notes = "- " * 40 + f"deep\n\n| a | b |\n|---|---|\n| {huge[:90_000]} | x |\n\n# {huge}"
    giant = action(huge, owner=unbroken, standing=huge, raised_at=huge)
    reader = read(
        sheet(
            title=huge,
            place=unbroken,
            attendees=tuple(f"Member {n}" for n in range(300)),
            agenda=huge,
            notes=notes,
            decisions=(huge, unbroken),
            actions=(giant,),
        )
    )
    text = all_text(reader)
    assert "Member 299" in text
    assert "(shortened for print)" in text
    assert "deep" in text


def test_a_table_row_taller_than_a_page_prints_wherever_it_starts() -> None:
    # ReportLab alone gives up when the piece left for the next page would be under its
    # minimum; a row taller than the page then never fits anywhere.
    cell = "word " * 590
    for lines in range(0, 60, 2):
        notes = "line\n\n" * lines + f"| a | b |\n|---|---|\n| {cell} | x |\n"
        text = all_text(read(sheet(notes=notes, actions=(), decisions=())))
        assert text.count("word") == 590
