"""Long meeting notes: a 1 MB note shows its beginning at once and all of it moments later,
reads back exactly as stored, and every save writes again only the pieces that changed, so
what is saved always reads back as what is on screen: typing in the middle, deleting across
pieces, undo, paste, lists and headings."""

from __future__ import annotations

import datetime as dt
import logging
import random
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QKeySequence, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication

from organiser.core.crud import add_row
from organiser.core.db import Store
from organiser.core.meetings import service as meetings
from organiser.core.row_kinds import RowKind
from organiser.ui.main_window import MainWindow
from organiser.ui.meetings.formatting import BULLETS
from organiser.ui.meetings.meetings import MeetingsPage
from organiser.ui.meetings.notes import NotesEditor
from organiser.ui.meetings.notes_chunks import split_markdown
from organiser.ui.meetings.notes_loading import HEAD_CHARS

LINE = "- Zoë asked about **step-free** rooms and the creche 👶; Dev will ring the hall\n"


def section(number: int) -> str:
    return (
        f"## Item {number}\n\nAmira went through the budget and the **bank** wants a letter, "
        f"which Łucja writes — مرحبا.\n\n{LINE * 6}\n1. first\n2. second\n\n"
    )


def long_note(size: int) -> str:
    parts, number = ["# Working group\n\n"], 0
    while sum(map(len, parts)) < size:
        parts.append(section(number))
        number += 1
    return "".join(parts)


BIG = long_note(1_000_000)
JOBS = (
    "# Jobs\n\n"
    + "".join(
        f"{n}. Job {n} for the group, with a **bold** word and more words\n" for n in range(1, 201)
    )
    + "\nAfter the list\n"
)


def read_back(markdown: str, like: QTextDocument) -> str:
    """`markdown` read into a document and written out again, as the next opening shows it."""
    document = QTextDocument()
    document.setDefaultFont(like.defaultFont())
    document.setMarkdown(markdown)
    return document.toMarkdown()


@pytest.fixture
def meeting_ids(store: Store, create_event: Callable[..., int]) -> dict[str, int]:
    event_id = create_event("Coffee and conversation")
    ids = {}
    for days, (title, notes) in enumerate(
        {"Big": BIG, "Medium": long_note(60_000), "Jobs": JOBS, "Short": "Just a line\n"}.items()
    ):
        created = add_row(
            store,
            kind=RowKind.MEETINGS,
            parent_id=event_id,
            values={"title": title, "date": dt.date.today() + dt.timedelta(days=days)},
        ).created_id
        assert created is not None
        meetings.save_notes(store, meeting_id=created, text=notes)
        ids[title] = created
    ids["event"] = event_id
    return ids


@pytest.fixture
def page(window: MainWindow, meeting_ids: dict[str, int], qtbot: Any) -> MeetingsPage:
    shown = MeetingsPage(window.runner)
    window.tabs.addTab(shown, "Meetings")
    window.tabs.setCurrentWidget(shown)
    shown.set_event(meeting_ids["event"])
    qtbot.waitUntil(shown.isVisible)
    return shown


@pytest.fixture
def whole_only(caplog: pytest.LogCaptureFixture) -> Any:
    """Fails a test in which the pieces ever fell back to writing the whole notes."""
    caplog.set_level(logging.WARNING, logger="organiser.ui.meetings.notes_markdown")
    yield
    assert not caplog.records, "the changed pieces were missed: the whole notes were written"


def open_meeting(page: MeetingsPage, meeting_id: int, qtbot: Any) -> NotesEditor:
    page.show_meeting(meeting_id)
    qtbot.waitUntil(lambda: not page.notes.loader.loading, timeout=10_000)
    return page.notes


def stored(store: Store, meeting_id: int) -> str:
    return meetings.get_meeting(store, meeting_id).notes


def assert_saved_is_shown(notes: NotesEditor, what: str = "") -> None:
    """What is saved reads back as the document on screen does when written out whole (Qt's
    own round trip, which is all the notes ever had: two numbered lists in a row read back
    as one, for instance)."""
    document = notes.text.document()
    whole = read_back(document.toMarkdown(), document)
    assert read_back(notes.markdown(), document) == whole, what


def keys(qtbot: Any, widget: Any, sequence: str) -> None:
    combination = QKeySequence(sequence)[0]
    qtbot.keyClick(widget, combination.key(), combination.keyboardModifiers())


def put_cursor(notes: NotesEditor, position: int, end: int | None = None) -> None:
    cursor = QTextCursor(notes.text.document())
    cursor.setPosition(position)
    if end is not None:
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    notes.text.setTextCursor(cursor)


def test_split_markdown_joins_back_and_never_cuts_where_a_block_reaches_on() -> None:
    pieces = split_markdown(BIG)
    assert "".join(pieces) == BIG and len(pieces) > 100
    assert all(p.startswith(("## ", "Amira", "# ")) for p in pieces)
    fenced = long_note(20_000) + "```\ncode\n\n## not a heading\n```\n" + long_note(20_000)
    pieces = split_markdown(fenced)
    assert "".join(pieces) == fenced
    assert "## not a heading" in pieces[-1] and pieces[-1].index("```") < 4_000 + len(section(0))
    labelled = long_note(20_000) + "[home]: https://example.org\n"
    assert split_markdown(labelled) == [labelled]


def test_a_1mb_note_shows_its_beginning_at_once_then_all_of_it_as_stored(
    page: MeetingsPage, meeting_ids: dict[str, int], store: Store, qtbot: Any
) -> None:
    page.show_meeting(meeting_ids["Big"])
    notes = page.notes
    assert notes.loader.loading, "a 1 MB note is not parsed all at once"
    assert notes.text.document().toPlainText().startswith("Working group\nItem 0\nAmira")
    assert notes.text.document().characterCount() < HEAD_CHARS * 2
    qtbot.waitUntil(lambda: not notes.loader.loading, timeout=10_000)

    shown = notes.text.document()
    whole = QTextDocument()
    whole.setDefaultFont(shown.defaultFont())
    whole.setMarkdown(BIG)
    assert shown.toHtml() == whole.toHtml(), "pieces parsed alone make the same document"
    assert notes.markdown() == BIG == stored(store, meeting_ids["Big"])
    assert not shown.isModified() and not shown.isUndoAvailable()


def test_typing_into_a_1mb_note_saves_what_is_shown(
    page: MeetingsPage,
    meeting_ids: dict[str, int],
    store: Store,
    person: Any,
    qtbot: Any,
    whole_only: Any,
) -> None:
    notes = open_meeting(page, meeting_ids["Big"], qtbot)
    editor = notes.text
    person.focus(editor)
    keys(qtbot, editor, "Ctrl+End")
    person.type(editor, " Zoë ends the meeting", replace=False)
    put_cursor(notes, len(BIG) // 2)
    person.type(editor, "Dev: café at noon ", replace=False)
    page.flush()

    saved = stored(store, meeting_ids["Big"])
    assert saved.rstrip().endswith("Zoë ends the meeting")
    assert "Dev: café at noon" in saved[len(saved) // 3 : 2 * len(saved) // 3]
    assert read_back(saved, editor.document()) == editor.document().toMarkdown()
    assert_saved_is_shown(notes)
    assert len(saved) < len(BIG) + 100, "only the typing was added"


def test_typing_at_once_finishes_the_loading_first_and_nothing_is_lost(
    page: MeetingsPage,
    meeting_ids: dict[str, int],
    store: Store,
    person: Any,
    qtbot: Any,
    whole_only: Any,
) -> None:
    page.show_meeting(meeting_ids["Big"])
    assert page.notes.loader.loading
    person.type(page.notes.text, "Łucja first. ", replace=False)
    assert not page.notes.loader.loading
    for _ in range(20):  # all of the typing is undone, as it was typed into the whole note
        if page.notes.text.document().isUndoAvailable():
            keys(qtbot, page.notes.text, "Ctrl+Z")
    assert page.notes.text.document().toPlainText().startswith("Working group")
    keys(qtbot, page.notes.text, "Ctrl+Shift+Z")
    page.flush()
    saved = stored(store, meeting_ids["Big"])
    assert saved.startswith("# Łucja first. Working group")
    assert saved.endswith(BIG[-200:])


def test_an_edit_by_code_while_loading_keeps_both_the_edit_and_the_rest(
    page: MeetingsPage, meeting_ids: dict[str, int], qtbot: Any, whole_only: Any
) -> None:
    page.show_meeting(meeting_ids["Big"])
    notes = page.notes
    assert notes.loader.loading
    QTextCursor(notes.text.document()).insertText("Arlo 👶 ")  # past every guard
    assert not notes.loader.loading
    assert notes.text.document().toPlainText().startswith("Arlo 👶 Working group")
    assert notes.text.document().toPlainText().endswith("second")
    assert_saved_is_shown(notes)


def test_a_long_numbered_list_keeps_its_numbers_when_written_back(
    page: MeetingsPage, meeting_ids: dict[str, int], person: Any, qtbot: Any, whole_only: Any
) -> None:
    notes = open_meeting(page, meeting_ids["Jobs"], qtbot)
    editor, document = notes.text, notes.text.document()
    person.focus(editor)
    put_cursor(notes, document.find("Job 100 ").selectionEnd())
    person.type(editor, "soon ", replace=False)
    assert_saved_is_shown(notes, "typing in a long list")
    assert "100. Job 100 soon for the group" in notes.markdown()
    put_cursor(notes, document.find("Job 150 ").selectionEnd())
    keys(qtbot, editor, "Ctrl+Shift+7")  # one item taken out of the list
    assert_saved_is_shown(notes, "an item taken out of a long list")
    assert "\n150. Job 151 " in notes.markdown(), "the list numbers on past the paragraph"


def test_a_change_the_pieces_missed_is_still_saved_whole(
    page: MeetingsPage, meeting_ids: dict[str, int], caplog: pytest.LogCaptureFixture, qtbot: Any
) -> None:
    notes = open_meeting(page, meeting_ids["Medium"], qtbot)
    notes.loader.mirror.quiet = True  # as if Qt had changed the text without saying where
    put_cursor(notes, notes.text.document().characterCount() // 2)
    notes.text.insertPlainText("Zoë slipped through ")
    notes.loader.mirror.quiet = False
    with caplog.at_level(logging.WARNING):
        assert "Zoë slipped through" in notes.markdown()
    assert "writing the whole notes" in caplog.text
    assert_saved_is_shown(notes)


def test_leaving_a_note_still_loading_saves_nothing(
    page: MeetingsPage, meeting_ids: dict[str, int], store: Store, qtbot: Any
) -> None:
    before = meetings.get_meeting(store, meeting_ids["Big"])
    page.show_meeting(meeting_ids["Big"])
    page.show_meeting(meeting_ids["Short"])
    assert not page.notes.loader.loading
    assert page.notes.text.toPlainText() == "Just a line"
    after = meetings.get_meeting(store, meeting_ids["Big"])
    assert (after.notes, after.notes_saved_at) == (before.notes, before.notes_saved_at)


def test_each_kind_of_edit_is_written_back_piece_by_piece(
    page: MeetingsPage, meeting_ids: dict[str, int], person: Any, qtbot: Any, whole_only: Any
) -> None:
    notes = open_meeting(page, meeting_ids["Medium"], qtbot)
    editor, document = notes.text, notes.text.document()
    assert len(notes.loader.mirror.pieces) > 10
    person.focus(editor)

    def check(what: str) -> None:
        mirror = notes.loader.mirror
        changed = sum(piece.markdown is None for piece in mirror.pieces)
        assert changed < len(mirror.pieces) // 2, f"{what}: only the pieces near it are redone"
        assert_saved_is_shown(notes, what)

    middle = document.characterCount() // 2
    put_cursor(notes, middle)
    person.type(editor, "typed in the middle ", replace=False)
    check("typing in the middle")
    put_cursor(notes, middle - 3_000, middle + 3_000)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    check("a deletion across pieces")
    keys(qtbot, editor, "Ctrl+Z")
    check("undoing it")
    keys(qtbot, editor, "Ctrl+Shift+Z")
    check("redoing it")
    pasted = QMimeData()
    pasted.setData("text/markdown", b"## Pasted\n\n- one\n- two\n\nAfter the list\n")
    QApplication.clipboard().setMimeData(pasted)
    put_cursor(notes, document.characterCount() // 3)
    keys(qtbot, editor, "Ctrl+V")
    check("pasting Markdown")
    block = document.findBlockByNumber(document.blockCount() // 4)
    while block.textList() is None or block.textList().format().style() != BULLETS:
        block = block.next()
    put_cursor(notes, block.position())
    keys(qtbot, editor, "Ctrl+Shift+7")
    check("a bullet list made a numbered one")
    heading = document.find("Item 20")
    put_cursor(notes, heading.selectionStart())
    keys(qtbot, editor, "Ctrl+Alt+0")
    check("a heading made normal text")
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    check("a paragraph joined to the list item before it")
    keys(qtbot, editor, "Ctrl+Shift+8")
    check("a bullet list taken off")


def test_many_random_edits_always_save_what_is_shown(
    page: MeetingsPage, meeting_ids: dict[str, int], person: Any, qtbot: Any, whole_only: Any
) -> None:
    notes = open_meeting(page, meeting_ids["Medium"], qtbot)
    editor, document = notes.text, notes.text.document()
    person.focus(editor)
    chance = random.Random(19)
    moves = ("Ctrl+1", "Ctrl+2", "Ctrl+Alt+0", "Ctrl+B", "Ctrl+Shift+8", "Ctrl+Shift+7", "Ctrl+Z")
    for step in range(60):
        start = chance.randrange(document.characterCount() - 1)
        kind = chance.randrange(5)
        if kind == 0:
            put_cursor(notes, start)
            person.type(editor, chance.choice(["Zoë ", "x", "café 👶 "]), replace=False)
        elif kind == 1:
            end = min(start + chance.randrange(1, 9_000), document.characterCount() - 1)
            put_cursor(notes, start, end)
            qtbot.keyClick(editor, Qt.Key.Key_Delete)
        elif kind == 2:
            put_cursor(notes, start)
            qtbot.keyClick(editor, Qt.Key.Key_Return)
        elif kind == 3:
            put_cursor(notes, start)
            qtbot.keyClick(editor, Qt.Key.Key_Backspace)
        else:
            put_cursor(notes, start, min(start + 40, document.characterCount() - 1))
            keys(qtbot, editor, chance.choice(moves))
        if step % 3 == 0:
            assert_saved_is_shown(notes, f"step {step}")
    assert_saved_is_shown(notes)
