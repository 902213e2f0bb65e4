"""Run the real app on a database on a small disk, type meeting notes, fill the disk, then
close the window choosing "Save them to a file…" (folder in $NOTES_APP_FOLDER).

Prints "status <the line under the notes>" after the failed save, then "closed <True|False>".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from filled import when_filled
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from organiser.app import main
from organiser.ui.meetings import unsaved

TYPED = "Zoë brings the mats; Łucja books the hall for the tenth."
_exec = QApplication.exec


def _exec_and_fill(app: QApplication) -> int:
    def act(window: Any) -> None:
        window.planning.show_section("meetings")
        page = window.planning.meetings
        page.show_meeting(int(os.environ["NOTES_APP_MEETING"]))
        disk = Path(window.store.path).parent
        free = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize
        (disk / "filler").write_bytes(b"\0" * free)  # the disk is full now, for real
        page.notes.text.setFocus()
        page.notes.text.insertPlainText(TYPED * 40)
        page.notes.save_now()
        print(f"status {page.notes.status.text()}", flush=True)
        unsaved.choose = lambda *_args, **_how: unsaved.TO_FILE
        folder = os.environ["NOTES_APP_FOLDER"]
        QFileDialog.getExistingDirectory = lambda *_args: folder  # type: ignore[method-assign]
        QMessageBox.information = lambda *_args: None  # type: ignore[method-assign]
        print(f"closed {window.close()}", flush=True)
        app.quit()

    when_filled(app, act)
    return _exec()


QApplication.exec = _exec_and_fill  # type: ignore[method-assign]
raise SystemExit(main(sys.argv[1:]))
