"""Tooltips from the glossary on whatever shows a specialist word: labels, buttons, group
boxes, tabs, list and combo entries (column headings get theirs from the table model).

A watched widget is walked each time it is shown, so words in text set after it was built are
explained too; a label whose text changes while on screen has its tooltip brought up to date
as it is asked for, and one that gained a word meanwhile is explained by its page.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QListWidget,
    QTabBar,
    QToolTip,
    QWidget,
)

from organiser.ui.help.glossary import tip_for

TAGGED = "glossary_tip"  # a widget whose tooltip the glossary set (and may change again)
WATCHED = "glossary_watched"  # its tooltip is brought up to date as it is asked for
_TAG = re.compile(r"<[^>]+>")
_TIP_ROLE = Qt.ItemDataRole.ToolTipRole
_GLOSSARY_ROLE = Qt.ItemDataRole.UserRole + 77  # an entry's tooltip came from the glossary
_WORDED = (QLabel, QAbstractButton, QGroupBox)  # widgets that show words of their own


def shown_text(widget: QWidget) -> str:
    """The words a widget shows (markup and mnemonic marks taken out)."""
    if isinstance(widget, QLabel):
        return _TAG.sub(" ", widget.text())
    if isinstance(widget, QAbstractButton):
        return widget.text()
    if isinstance(widget, QGroupBox):
        return widget.title()
    return ""


def _own_tip(widget: QWidget) -> bool:
    """Whether the widget has a tooltip of its own, which the glossary leaves alone."""
    return bool(widget.toolTip()) and widget.property(TAGGED) is not True


def explain(widget: QWidget) -> None:
    """Give a widget (not its children) the glossary's tooltip for the words it shows now."""
    if isinstance(widget, QTabBar):
        for n in range(widget.count()):
            tip = tip_for(widget.tabText(n))
            if tip and not widget.tabToolTip(n):
                widget.setTabToolTip(n, tip)
        return
    if isinstance(widget, QListWidget):
        for n in range(widget.count()):
            item = widget.item(n)
            if not item.toolTip() and (tip := tip_for(item.text())):
                item.setToolTip(tip)
        return
    if isinstance(widget, QComboBox):
        for n in range(widget.count()):
            if widget.itemData(n, _GLOSSARY_ROLE) is True or widget.itemData(n, _TIP_ROLE):
                continue  # explained already (entries keep their words), or its own tooltip
            if tip := tip_for(widget.itemText(n)):
                widget.setItemData(n, tip, _TIP_ROLE)
                widget.setItemData(n, True, _GLOSSARY_ROLE)
        return
    if not isinstance(widget, _WORDED) or _own_tip(widget):
        return
    tip = tip_for(shown_text(widget))
    if tip == widget.toolTip():
        return
    if tip:
        widget.setToolTip(tip)
        widget.setProperty(TAGGED, True)
    elif widget.property(TAGGED) is True:
        widget.setToolTip("")
        widget.setProperty(TAGGED, False)


def explain_all(root: QWidget) -> None:
    """Explain the words shown by a widget and everything inside it."""
    explain(root)
    for child in root.findChildren(QWidget):
        explain(child)


class GlossaryTips(QObject):
    """Keeps one area's glossary tooltips true to what it shows (see the module's docstring)."""

    def __init__(self, root: QWidget) -> None:
        super().__init__(root)
        self.root = root
        root.installEventFilter(self)
        QTimer.singleShot(0, self, self._walk)  # it may be on screen already

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Walk the area once it is on screen; explain a word asked about with no tooltip."""
        kind = event.type()
        if kind == QEvent.Type.Show and watched is self.root:
            # After the page has caught up with what it missed (its own Show handling).
            QTimer.singleShot(0, self, self._walk)
        elif kind == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            if watched is self.root:
                return self._asked(event)
            if isinstance(watched, QWidget):
                explain(watched)  # a word of ours: its text may have changed since
        return False

    def _walk(self) -> None:
        if not self.root.isVisible():
            return
        explain_all(self.root)
        for child in self.root.findChildren(QWidget):
            if child.property(TAGGED) is True and child.property(WATCHED) is not True:
                child.setProperty(WATCHED, True)
                child.installEventFilter(self)

    def _asked(self, event: QHelpEvent) -> bool:
        """A tooltip asked of the area: a child with none passed it up (or one we set is old)."""
        widget = self.root.childAt(event.pos()) or self.root
        while widget is not self.root and not shown_text(widget):
            parent = widget.parentWidget()
            if parent is None:
                break
            widget = parent
        if _own_tip(widget):
            return False
        explain(widget)
        if not widget.toolTip():
            return False
        QToolTip.showText(event.globalPos(), widget.toolTip(), widget)
        return True


def watch(root: QWidget) -> GlossaryTips:
    """Keep the glossary tooltips of an area (a page, a tab bar) up to date."""
    return GlossaryTips(root)
