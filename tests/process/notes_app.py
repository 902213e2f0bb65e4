"""Run the real app (`organiser --database PATH`) and type into a meeting's notes, word by word.

The meeting is the one whose id is in $NOTES_APP_MEETING. Every word is printed, with the
moment it was typed (time.monotonic, the same clock as the test's), before it is typed:
"typed <monotonic seconds> <word>". The test kills the process while the typing goes on.
"""

from __future__ import annotations

import os
import signal
import sys
import time

from filled import when_filled
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from organiser.app import main
from organiser.ui.meetings.meetings import MeetingsPage

EVERY_MS = 40
WORDS = ("zoë", "café", "pier", "creche", "łucja", "naïve", "مرحبا", "👶")
_exec = QApplication.exec


def _meetings_page(window: QWidget) -> MeetingsPage:
    """The window's own Meetings page, on show."""
    planning = window.planning  # type: ignore[attr-defined]
    planning.show_section("meetings")
    print("page wired", flush=True)
    return planning.meetings


def _type_word(target: QWidget, word: str) -> None:
    for char in word:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(target, event)


def _exec_and_type(app: QApplication) -> int:
    when_filled(app, lambda window: _type_into(app, window))
    return _exec()


def _type_into(app: QApplication, window: QWidget) -> None:
    page = _meetings_page(window)
    page.show_meeting(int(os.environ["NOTES_APP_MEETING"]))
    editor = page.notes.text
    count = 0

    def type_next() -> None:
        nonlocal count
        if not window.isVisible():
            return  # closing: a person stops typing too
        word = f"{WORDS[count % len(WORDS)]}{count}"
        # SIGTERM waits until the word is both printed and typed, so the record is exact.
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
        try:
            print(f"typed {time.monotonic():.4f} {word}", flush=True)
            _type_word(editor, f"{word} ")
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
        count += 1

    def start() -> None:
        editor.setFocus()
        timer.start()
        print("ready", flush=True)

    timer = QTimer(app)
    timer.setInterval(EVERY_MS)
    timer.timeout.connect(type_next)
    start()


QApplication.exec = _exec_and_type  # type: ignore[method-assign]
raise SystemExit(main(sys.argv[1:]))
