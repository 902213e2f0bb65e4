"""Alt+letter mnemonics that never clash: labels and buttons built by shared code (a form's
field labels, a list's New, Add and Delete) get their letter when first shown, one that nothing
else uses among what can be on screen with them: the menu bar, the event list, the tab bars,
the page (its hidden parts too), and only the open page of each tab widget (pages never on
screen together may reuse each other's letters).

Letters written by hand ("Ea&rlier versions…") stay as written and are avoided; a test checks
that those never clash (tests/ui/test_mnemonics.py).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMenuBar,
    QStackedWidget,
    QTabBar,
    QTabWidget,
    QWidget,
)

RANK = "mnemonic_rank"  # on a widget waiting for its letter: lower ranks choose first
SCOPE = "mnemonic_scope"  # on a page shown in place of others

FIRST = 0  # New and Add buttons: "&New …" wherever it is free
LABEL = 1  # a field's label
LAST = 2  # Delete buttons and tick boxes: a letter if any is left


def letter_of(text: str) -> str | None:
    """The letter after a single "&" ("&&" is a plain ampersand), lower case; None if none."""
    position = 0
    while (position := text.find("&", position)) != -1 and position + 1 < len(text):
        if text[position + 1] != "&":
            return text[position + 1].lower()
        position += 2
    return None


def wants_letter(widget: QLabel | QAbstractButton, rank: int = LABEL) -> None:
    """Give this label or button (its text without "&") a free letter when it is first shown."""
    widget.setProperty(RANK, rank)


def mark_scope(page: QWidget) -> None:
    """Mark a page shown in place of others (a tab's pages, a dialog's steps): while it is
    hidden, its letters do not count against what is on screen."""
    page.setProperty(SCOPE, True)


def _elsewhere(parent: QWidget, child: QWidget, window: QWidget) -> bool:
    """A page never on screen with what is shown now: another tab of a tab widget, or a
    hidden page marked as shown in place of others. (A stack that only swaps a part of a
    page, such as "no meeting chosen" and the meeting, counts whole: both parts meet what
    is around them.)"""
    if isinstance(parent, QStackedWidget) and isinstance(parent.parentWidget(), QTabWidget):
        return parent.currentWidget() is not child
    return bool(child.property(SCOPE)) and not child.isVisibleTo(window)


def _on_screen_together(window: QWidget) -> list[QWidget]:
    """The window's widgets that can be on screen with what is shown now (those hidden for
    now as well), leaving out the pages shown in place of the pages on screen."""
    found: list[QWidget] = []
    waiting = [window]
    while waiting:
        widget = waiting.pop()
        found.append(widget)
        children = widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
        waiting.extend(
            child
            for child in reversed(children)
            if not child.isWindow() and not _elsewhere(widget, child, window)
        )
    return found


def _letters(widget: QWidget) -> Iterator[str]:
    texts: list[str] = []
    if isinstance(widget, QAbstractButton) or (
        isinstance(widget, QLabel) and widget.buddy() is not None
    ):
        texts.append(widget.text())
    elif isinstance(widget, QGroupBox):
        texts.append(widget.title())
    elif isinstance(widget, QTabBar):
        texts += [widget.tabText(n) for n in range(widget.count()) if widget.isTabVisible(n)]
    elif isinstance(widget, QMenuBar):
        texts += [action.text() for action in widget.actions() if action.isVisible()]
    for text in texts:
        if found := letter_of(text):
            yield found


def candidates(text: str) -> list[int]:
    """Where a letter could go, best first: each word's first letter, consonants, vowels."""
    letters = [n for n, char in enumerate(text) if char.isascii() and char.isalpha()]
    starts = [n for n in letters if n == 0 or not text[n - 1].isalnum()]
    consonants = [n for n in letters if n not in starts and text[n].lower() not in "aeiou"]
    vowels = [n for n in letters if n not in starts and n not in consonants]
    return starts + consonants + vowels


def choose(texts: Sequence[str], taken: set[str]) -> list[str]:
    """The texts with an "&" before a free letter each: as many as can have one (a short label
    is not left without a letter because a long one took the only letter it has), each at
    its best place where the others allow; a text with no letter left stays as it was."""
    options = [
        list(
            dict.fromkeys(text[n].lower() for n in candidates(text) if text[n].lower() not in taken)
        )
        for text in texts
    ]
    holder: dict[str, int] = {}  # letter -> the text holding it

    def place(number: int, tried: set[str]) -> bool:
        for letter in options[number]:
            if letter not in tried:
                tried.add(letter)
                if letter not in holder or place(holder[letter], tried):
                    holder[letter] = number
                    return True
        return False

    for number in range(len(texts)):
        place(number, set())
    given = {number: letter for letter, number in holder.items()}
    chosen = []
    for number, text in enumerate(texts):
        letter = given.get(number)
        position = next((n for n in candidates(text) if text[n].lower() == letter), None)
        chosen.append(text if position is None else f"{text[:position]}&{text[position:]}")
    return chosen


def assign_letters(widget: QWidget) -> None:
    """Give every label and button waiting among what is on screen with this widget its
    letter: New and Add buttons first, then field labels, then Delete buttons and tick boxes."""
    waiting: list[QLabel | QAbstractButton] = []
    taken: set[str] = set()
    for found in _on_screen_together(widget.window()):
        if found.property(RANK) is None:
            taken.update(_letters(found))
        elif isinstance(found, (QLabel, QAbstractButton)) and not letter_of(found.text()):
            waiting.append(found)
        else:  # given a letter by hand meanwhile: it keeps it, and nobody else has it
            found.setProperty(RANK, None)
            taken.update(_letters(found))
    for rank in (FIRST, LABEL, LAST):
        group = [w for w in waiting if w.property(RANK) == rank]
        for waiter, text in zip(group, choose([w.text() for w in group], taken), strict=True):
            waiter.setProperty(RANK, None)
            waiter.setText(text)
            if letter := letter_of(text):
                taken.add(letter)
