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


def _skip_the_feature_scan() -> None:
    """Stop PySide6 reading the source of every module imported after it.

    PySide6's import hook reads each newly imported module's whole source looking for the word
    "PySide6", so that a module can opt into `from __feature__ import snake_case`; at start
    that is 600 modules and about 0.15 s. Organiser uses no `__feature__`, and a module left
    out of the scan keeps Qt's ordinary names, so every module is left out.
    """
    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        feature._mod_uses_pyside = lambda module: False  # type: ignore[attr-defined]


_skip_the_feature_scan()
