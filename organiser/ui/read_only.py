"""A database that can only be read (a read-only file or medium, a full disk): a banner that
says why and what to do, every editing control locked, printing and exporting still working.

What stays usable: a control marked with `keeps_working`, and a button or menu item whose
words start with what only shows, prints or exports ("Print…", "Save … as PDF…", "Export",
"Zoom", "Show …"). The guard watches the whole window, so pages built later, and buttons a
page enables again on a selection, are locked too. The store refuses any change that slips
through, in words.
"""

from __future__ import annotations

import contextlib
import re

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

KEEPS_WORKING = "organiserKeepsWorking"
# Words that start a control which only shows, prints, exports or moves around.
_SAFE_WORDS = re.compile(
    r"^(print|save .* as |save image|export|zoom|fit |whole page|actual size|copy|open in|"
    r"summary report|compare|show|find|about|quit|back up now|connect to|use this computer|"
    r"open example|preview|add to calendar|next|previous|keyboard shortcuts)",
    re.IGNORECASE,
)
_WATCHED = (QEvent.Type.Polish, QEvent.Type.EnabledChange, QEvent.Type.Show)


def keeps_working(*objects: QObject) -> None:
    """Mark controls that only read (a search box, a chooser of what to show)."""
    for item in objects:
        item.setProperty(KEEPS_WORKING, True)


def _safe(item: QObject) -> bool:
    if item.property(KEEPS_WORKING):
        return True
    text = item.text() if isinstance(item, QAbstractButton | QAction) else ""
    return bool(_SAFE_WORDS.match(text.replace("&", "").strip()))


class ReadOnlyGuard(QObject):
    """Locks the editing controls of one window for as long as it lives."""

    def __init__(
        self,
        window: QMainWindow,
        reason: str,
        *,
        banner: str | None = None,
        keeps: tuple[QWidget, ...] = (),
    ) -> None:
        """`banner` replaces the words for a read-only file; controls inside `keeps` (what a
        team role may change) stay as they are."""
        super().__init__(window)
        self.window = window
        self.keeps = keeps
        # What this guard locked, and the state the window wants each in (a page enabling a
        # button on a selection is remembered), to give back on remove.
        self._read_only: list[QLineEdit | QAbstractSpinBox | QTextEdit | QPlainTextEdit] = []
        self._wanted: dict[QAction | QWidget, bool] = {}
        self._locking = False
        self.banner = QLabel(
            banner
            or f"⚠ Read only: {reason}. You can look, print and export, but not change "
            "anything. To work on these events, copy the database to a folder on your computer "
            "(or free some space) and open it again.",
            window,
        )
        self.banner.setObjectName("read_only_banner")
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName("Read only")
        self.banner.setStyleSheet(
            "QLabel { background: #fff4ce; color: #1f1f1f; border: 1px solid #8a6d00;"
            " padding: 6px; }"
        )
        tabs = window.takeCentralWidget()
        assert tabs is not None
        self.tabs = tabs
        self.holder = QWidget(window)
        self.holder.setObjectName("read_only_holder")
        layout = QVBoxLayout(self.holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(tabs, 1)
        window.setCentralWidget(self.holder)
        window.statusBar().showMessage(f"Read only: {reason}" if banner is None else reason)
        for widget in window.findChildren(QWidget):
            if self._belongs(widget):  # not the buttons of a dialog already open
                self._lock(widget)
        for action in window.findChildren(QAction):
            self._lock_action(action)
        for shortcut in window.findChildren(QShortcut):
            shortcut.setEnabled(self._shortcut_works(shortcut))
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Lock what appears or is enabled again later."""
        if event.type() in _WATCHED and isinstance(watched, QWidget):
            if isinstance(watched, QMenu) and self._belongs(watched.parentWidget()):
                for action in watched.actions():
                    self._lock_action(action)
            elif self._belongs(watched):
                page_said = event.type() == QEvent.Type.EnabledChange and not self._locking
                if page_said and watched in self._wanted:
                    self._wanted[watched] = watched.isEnabled()
                self._lock(watched)
                if event.type() == QEvent.Type.Polish:
                    for shortcut in watched.findChildren(QShortcut):
                        shortcut.setEnabled(self._shortcut_works(shortcut))
        return False

    def _belongs(self, widget: QWidget | None) -> bool:
        return widget is not None and widget.window() is self.window

    def _kept(self, widget: QWidget | None) -> bool:
        return widget is not None and any(k is widget or k.isAncestorOf(widget) for k in self.keeps)

    def _shortcut_works(self, shortcut: QShortcut) -> bool:
        parent = shortcut.parent()
        kept = isinstance(parent, QWidget) and self._kept(parent)
        return kept or shortcut.property(KEEPS_WORKING) is True

    def _lock(self, widget: QWidget) -> None:
        if widget is self.banner or _safe(widget) or self._kept(widget):
            return
        if isinstance(widget, QLineEdit | QAbstractSpinBox | QTextEdit | QPlainTextEdit):
            if not widget.isReadOnly():
                widget.setReadOnly(True)  # still selectable, copyable and reachable by Tab
                self._read_only.append(widget)
        elif isinstance(widget, QAbstractButton | QComboBox) and widget.isEnabled():
            self._wanted.setdefault(widget, True)
            self._disable(widget)

    def _disable(self, item: QWidget | QAction) -> None:
        self._locking = True
        try:
            item.setEnabled(False)
        finally:
            self._locking = False

    def _lock_action(self, action: QAction) -> None:
        if _safe(action) or action.menu() is not None or action.isSeparator():
            return
        if action not in self._wanted:
            self._wanted[action] = action.isEnabled()
            action.changed.connect(self._keep_locked)
        if action.isEnabled():
            self._disable(action)

    def _keep_locked(self) -> None:
        action = self.sender()
        if isinstance(action, QAction) and not self._locking:
            self._wanted[action] = action.isEnabled()
            if action.isEnabled():
                self._disable(action)

    def remove(self) -> None:
        """Stop locking and give back what was locked (the window now shows a database that
        can be written; its pages set their own buttons again as they refresh)."""
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        for item, wanted in self._wanted.items():
            with contextlib.suppress(RuntimeError):  # gone with its page or menu
                if isinstance(item, QAction):
                    item.changed.disconnect(self._keep_locked)
                item.setEnabled(wanted)
        for widget in self._read_only:
            with contextlib.suppress(RuntimeError):
                widget.setReadOnly(False)
        self.window.takeCentralWidget()
        self.window.setCentralWidget(self.tabs)
        self.holder.deleteLater()
        self.deleteLater()
