"""What Alt+letter reaches in a window at one moment, read from the widgets a person sees."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from PySide6.QtGui import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QMenu,
    QMenuBar,
    QScrollArea,
    QTabBar,
    QWidget,
)

from organiser.ui.widgets.mnemonics import letter_of


@dataclass(frozen=True)
class Mnemonic:
    """One Alt+letter: the letter, the words it sits in, and what kind of thing shows them."""

    letter: str
    text: str
    kind: str

    def __str__(self) -> str:
        return f"{self.kind} {self.text!r}"


def _seen(widget: QWidget, window: QWidget) -> bool:
    return widget.window() is window and widget.isVisibleTo(window)


def _menu_titles(window: QWidget) -> Iterator[Mnemonic]:
    for bar in window.findChildren(QMenuBar):
        if _seen(bar, window):
            for action in bar.actions():
                if action.isVisible() and (found := letter_of(action.text())):
                    yield Mnemonic(found, action.text(), "menu")


def _of_widget(widget: QWidget) -> Iterator[Mnemonic]:
    if isinstance(widget, QLabel) and widget.buddy() is not None:
        if found := letter_of(widget.text()):
            yield Mnemonic(found, widget.text(), "label")
    elif isinstance(widget, QAbstractButton):
        if found := letter_of(widget.text()):
            yield Mnemonic(found, widget.text(), "button")
    elif isinstance(widget, QGroupBox):
        if found := letter_of(widget.title()):
            yield Mnemonic(found, widget.title(), "group")
    elif isinstance(widget, QTabBar):
        for number in range(widget.count()):
            text = widget.tabText(number)
            if widget.isTabVisible(number) and (found := letter_of(text)):
                yield Mnemonic(found, text, "tab")


def reachable(window: QWidget) -> list[Mnemonic]:
    """Every mnemonic Alt reaches in this window now: menu titles and the visible widgets."""
    found = list(_menu_titles(window))
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, QMenu) and _seen(widget, window):
            found.extend(_of_widget(widget))
    return found


def clashes(mnemonics: Iterable[Mnemonic]) -> dict[str, list[Mnemonic]]:
    """The letters used by more than one thing, with what uses them."""
    by_letter: dict[str, list[Mnemonic]] = defaultdict(list)
    for mnemonic in mnemonics:
        by_letter[mnemonic.letter].append(mnemonic)
    return {letter: used for letter, used in sorted(by_letter.items()) if len(used) > 1}


def describe(where: str, found: dict[str, list[Mnemonic]]) -> list[str]:
    """One readable line per clash: the page, the letter and the clashing words."""
    return [
        f"{where}: Alt+{letter.upper()} — " + ", ".join(str(m) for m in used)
        for letter, used in found.items()
    ]


def _plain(label: QLabel) -> bool:
    """Whether the label shows plain text (a rich text "&" is an entity, not a mnemonic)."""
    if label.textFormat() is Qt.TextFormat.AutoText:
        return not Qt.mightBeRichText(label.text())
    return label.textFormat() is Qt.TextFormat.PlainText


def labels_without_buddy(window: QWidget) -> list[str]:
    """Visible labels with an "&" that does nothing (no buddy to move to)."""
    return [
        label.text()
        for label in window.findChildren(QLabel)
        if _seen(label, window)
        and label.buddy() is None
        and _plain(label)
        and letter_of(label.text())
    ]


def menu_clashes(menu: QMenu, where: str) -> list[str]:
    """Clashes among one menu's entries, and inside each of its sub-menus."""
    entries = [
        Mnemonic(found, action.text(), "entry")
        for action in menu.actions()
        if action.isVisible() and not action.isSeparator() and (found := letter_of(action.text()))
    ]
    lines = describe(where, clashes(entries))
    for action in menu.actions():
        if (sub := action.menu()) is not None:
            lines += menu_clashes(sub, f"{where} ▸ {action.text()}")
    return lines


def check(window: QWidget, where: str) -> list[str]:
    """What is wrong with the window's letters (and its scroll areas) as it is now."""
    QApplication.processEvents()
    problems = describe(where, clashes(reachable(window)))
    problems += [
        f"{where}: label {t!r} has an & but no field" for t in labels_without_buddy(window)
    ]
    problems += [
        f"{where}: a scroll area inside {type(area.parentWidget()).__name__} is a Tab stop "
        "with no name"
        for area in window.findChildren(QScrollArea)
        if area.isVisibleTo(window)
        and area.focusPolicy() & Qt.FocusPolicy.TabFocus
        and not area.accessibleName()
    ]
    return problems
