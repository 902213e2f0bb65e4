"""Closing the window while meeting notes could not be saved (a full disk, a lost server): the
person chooses to keep trying, to save the text to a Markdown file in a folder they pick, or to
discard it. Nothing typed is lost without a word."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from organiser.core.errors import OrganiserError
from organiser.core.files import atomic_write
from organiser.core.meetings import service as meetings
from organiser.ui.ops import OpRunner

KEEP, TO_FILE, DISCARD = "keep", "file", "discard"


class Notes(Protocol):
    """What asking about notes that cannot be saved needs of a notes editor."""

    meeting_id: int | None
    runner: OpRunner

    def markdown(self) -> str: ...
    def not_saved(self) -> str | None: ...
    def save_now(self) -> None: ...
    def drop_typing(self) -> None: ...


def choose(parent: QWidget, text: str, *, can_wait: bool = True) -> str:
    """Ask what to do with notes that could not be saved: KEEP (when `can_wait`), TO_FILE or
    DISCARD. Escape is the safe choice: keep trying, else save them to a file."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Notes not saved", text, parent=parent)
    keep = box.addButton("&Keep trying", QMessageBox.ButtonRole.RejectRole) if can_wait else None
    to_file = box.addButton("&Save them to a file…", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("&Discard them", QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(keep or to_file)
    box.setEscapeButton(keep or to_file)
    box.exec()
    clicked = box.clickedButton()
    if keep is not None and clicked is keep:
        return KEEP
    return TO_FILE if clicked is to_file else DISCARD


def _file_name(title: str, day: dt.date | None) -> str:
    safe = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", title).strip() or "meeting"
    return f"Notes of {safe[:80]}{f' {day:%Y-%m-%d}' if day else ''}.md"


def save_to_folder(editors: Sequence[Notes], folder: Path) -> list[Path]:
    """Each editor's text as a Markdown file in `folder` (an existing file is not replaced)."""
    written = []
    for editor in editors:
        assert editor.meeting_id is not None
        try:
            meeting = meetings.get_meeting(editor.runner.store, editor.meeting_id)
            title, day = meeting.title, meeting.date
        except OrganiserError:  # cannot even be read: the text still goes out
            title, day = "meeting", None
        path = folder / _file_name(title, day)
        number = 2
        while path.exists() or path in written:
            path = folder / f"{path.stem.rsplit(' (', 1)[0]} ({number}).md"
            number += 1
        heading = f"# Notes of {title}" + (f", {day:%d/%m/%Y}" if day else "")
        atomic_write(path, f"{heading}\n\n{editor.markdown()}".encode())
        written.append(path)
    return written


def may_close(parent: QWidget, editors: Sequence[Notes], *, can_wait: bool = True) -> bool:
    """Whether the window may close (or the notes show another meeting), having asked what
    to do with notes not saved. Without `can_wait` (the notes are being replaced on screen)
    they must go to a file or be discarded."""
    stuck = [editor for editor in editors if editor.not_saved() is not None]
    if not stuck:
        return True
    reason = stuck[0].not_saved()
    text = (
        f"Notes typed in {len(stuck)} meeting{'s' if len(stuck) != 1 else ''} are not saved. "
        f"{reason}\n\n"
        + (
            "Keep trying (free some space, then close again), save them to a file somewhere "
            "else, or discard them?"
            if can_wait
            else "Save them to a file somewhere else, or discard them?"
        )
    )
    while True:
        answer = choose(parent, text, can_wait=can_wait)
        if answer == KEEP:
            for editor in stuck:
                editor.save_now()
            return False
        if answer == DISCARD:
            for editor in stuck:
                editor.drop_typing()
            return True
        folder = QFileDialog.getExistingDirectory(parent, "Choose a folder for the notes")
        if not folder:
            continue
        try:
            written = save_to_folder(stuck, Path(folder))
        except OrganiserError as exc:
            QMessageBox.warning(parent, "Notes not saved", f"{exc} Choose another folder.")
            continue
        for editor in stuck:
            editor.drop_typing()
        names = ", ".join(path.name for path in written)
        QMessageBox.information(parent, "Notes saved to a file", f"Saved as {names} in {folder}.")
        return True
