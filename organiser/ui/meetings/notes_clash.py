"""Saving meeting notes against the version they were loaded at, and settling a clash.

The notes are one field of the meeting: the editor sends them with the notes as it last
loaded or saved them and the meeting's version then. When someone else saved other notes in
between, `VersionedEdits` shows both (keeping both is the default) and saves the choice;
the notes are not on the window's undo list, their earlier versions are.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from organiser.core.meetings import service as meetings
from organiser.core.versions import MERGE_MARKER
from organiser.ui.ops import OpRunner
from organiser.ui.widgets.versioned_edits import Form, VersionedEdits

NOTES = "notes"  # the one field a clash over the notes is about


def notes_edits(
    editor: QWidget, form: Form, runner: OpRunner, current: Callable[[], int | None]
) -> VersionedEdits:
    """How the notes editor saves: against a version, asking when someone else's notes differ."""
    return VersionedEdits(
        editor,
        runner,
        form,
        noun="meeting’s notes",
        current=current,
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
