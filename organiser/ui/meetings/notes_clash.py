"""Saving meeting notes against the version they were loaded at, and settling a clash.

The notes are one field of the meeting: the editor sends them with the notes as it last
loaded or saved them and the meeting's version then. When someone else saved other notes in
between, `VersionedEdits` shows both (keeping both is the default) and saves the choice;
the notes are not on the window's undo list, their earlier versions are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from organiser.core.meetings import service as meetings
from organiser.core.versions import MERGE_MARKER
from organiser.ui.team.edits import VersionedEdits

if TYPE_CHECKING:
    from organiser.ui.meetings.notes import NotesEditor

NOTES = "notes"  # the one field a clash over the notes is about


def notes_edits(editor: NotesEditor) -> VersionedEdits:
    """How the notes editor saves: against a version, asking when someone else's notes differ."""
    runner = editor.runner
    return VersionedEdits(
        editor,
        runner,
        NotesForm(editor),
        noun="meeting’s notes",
        current=lambda: editor.meeting_id,
        read_version=lambda meeting_id: meetings.notes_state(runner.store, meeting_id)[1],
        update=lambda meeting_id, values, base, version: meetings.save_notes(
            runner.store,
            meeting_id=meeting_id,
            text=values[NOTES],
            base=base.get(NOTES),
            expected_version=version,
        ),
        inverse=None,
        merge=merged_notes,
    )


def merged_notes(mine: str | None, theirs: str | None) -> str:
    """Keep both: this person's notes, then the other person's under a marker paragraph (in
    Markdown a line of its own needs a blank line after it, or it runs into their text)."""
    return f"{(mine or '').rstrip()}\n\n{MERGE_MARKER}\n\n{(theirs or '').lstrip()}".strip()


class NotesForm:
    """The notes as the one field of a form, as VersionedEdits settles a clash on it."""

    behind: frozenset[str] = frozenset()  # the notes are never refreshed under the typing

    def __init__(self, editor: NotesEditor) -> None:
        self.editor = editor

    def changed(self, values: Mapping[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in values.items() if v != self.editor.saved_text}

    def base_of(self, keys: Iterable[str]) -> dict[str, Any]:
        return {key: self.editor.saved_text for key in keys}

    def put(self, values: Mapping[str, Any]) -> None:
        if NOTES in values:
            self.editor.show_stored(values[NOTES])

    def mark_saved(self, values: Mapping[str, Any]) -> None:
        if NOTES in values:
            self.editor.saved_text = values[NOTES]
            self.editor.waiting = False
            self.editor.failed = None
            self.editor.status.setText(f"Saved {dt.datetime.now():%H:%M:%S}")

    def show_errors(self, errors: Mapping[str, str]) -> None:
        status = self.editor.status
        if errors.get(NOTES):
            self.editor.failed = errors[NOTES].removeprefix("Not saved yet: ")
            status.setText(f"⚠ Not saved: {self.editor.failed}")
            self.editor.text.document().setModified(True)  # tried again on the next save
        elif status.text().startswith("⚠"):
            status.setText("")

    def keep_pending(self) -> None:
        """Decide later: the typing stays unsaved, and is offered again on leaving the notes."""
        self.editor.text.document().setModified(True)
        self.editor.waiting = True

    def load(self, values: Mapping[str, Any], *, force: bool = False) -> None:
        if NOTES in values:
            self.editor.show_stored(values[NOTES])
        if force:
            self.editor.drop_typing()

    def label_of(self, _key: str) -> str:
        return "Version of the notes"

    def describe(self, _key: str, value: Any) -> str:
        return value or ""

    def is_long_text(self, _key: str) -> bool:
        return True
