"""PySide6 6.12 on Python 3.11 drops a reference to None on each call of a Qt method that
returns nothing (and to True on each signal emit): the UI package pins both, so a long session
and the interpreter's exit survive."""

from __future__ import annotations

import os
import subprocess
import sys

SESSION = """
import organiser.ui
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel

class Ping(QObject):
    ping = Signal()

app = QApplication([])
label, probe = QLabel(), Ping()
for _ in range(200_000):
    label.setText("Zoë")
    label.setEnabled(True)
for _ in range(20_000):
    probe.ping.emit()
print("survived", flush=True)
"""


def test_a_long_session_of_qt_calls_ends_cleanly() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SESSION],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "survived" in done.stdout
    assert "Fatal Python error" not in done.stderr
