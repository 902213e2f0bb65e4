"""A long session: many signals must not end the process (PySide6 6.12 on Python 3.11)."""

from __future__ import annotations

import subprocess
import sys

import pytest

EMITS = """
{setup}
from PySide6.QtCore import QObject, Signal

class Source(QObject):
    changed = Signal(object)
    saved = Signal()

source = Source()
source.changed.connect(lambda _changes: None)
for _ in range(100_000):
    source.changed.emit(None)
    source.saved.emit()
print("still running")
"""


def run(setup: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", EMITS.format(setup=setup)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_two_hundred_thousand_signals_do_not_abort_python() -> None:
    result = run("import organiser.ui")
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "still running"
    assert "Fatal Python error" not in result.stderr


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="True is immortal from Python 3.12")
def test_the_same_signals_without_the_ui_package_show_why_it_pins_true() -> None:
    result = run("")
    if result.returncode == 0:
        pytest.skip("this PySide6 no longer drops references to True on emit")
    assert "deallocating True" in result.stderr
