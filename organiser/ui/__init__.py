"""The Qt user interface: the only package that imports PySide6."""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal


class _Probe(QObject):
    ping = Signal()


def _pin_true_if_emit_drops_it() -> None:
    """Keep True alive although PySide6 6.12 drops a reference to it on every Signal.emit().

    Harmless where True is immortal (Python 3.12+); on 3.11 a few thousand emits (a morning of
    editing, or the test suite) end the process with "Fatal Python error: deallocating True".
    """
    if sys.version_info >= (3, 12):
        return
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(3):
        probe.ping.emit()
    if sys.getrefcount(True) < before:
        ctypes.c_ssize_t.from_address(id(True)).value += 1 << 40


_pin_true_if_emit_drops_it()


def _pin_none_if_void_calls_drop_it() -> None:
    """Keep None alive although PySide6 6.12 drops a reference to it on every call of a Qt
    method that returns nothing (setText, setEnabled, …) on Python 3.11.

    A long session, or the interpreter's own clean-up at exit, would otherwise end with
    "Fatal Python error: none_dealloc".
    """
    if sys.version_info >= (3, 12):
        return
    probe = _Probe()
    before = sys.getrefcount(None)
    for _ in range(3):
        probe.setObjectName("probe")
    if sys.getrefcount(None) < before:
        ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40


_pin_none_if_void_calls_drop_it()
