"""One way round the window from the keyboard, the same on every tab: Ctrl+PgDown and Ctrl+PgUp
between the main tabs, Ctrl+Tab and Ctrl+Shift+Tab between a tab's own pages, F6 and Shift+F6
between the event list, the page list and the page; Help ▸ Keyboard shortcuts lists them with
every menu's own."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMenuBar,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from organiser.ui.widgets.lazy_tab import LazyTab

# (menu words, keys, what moves, which way)
MOVES = (
    ("Ne&xt tab", "Ctrl+PgDown", "tab", 1),
    ("Pre&vious tab", "Ctrl+PgUp", "tab", -1),
    ("Next pa&ge of this tab", "Ctrl+Tab", "page", 1),
    ("Previous page of t&his tab", "Ctrl+Shift+Tab", "page", -1),
    ("Next &part of the window", "F6", "pane", 1),
    ("Previous pa&rt of the window", "Shift+F6", "pane", -1),
)


def move(kind: str, step: int, *, tabs: QTabWidget, events: QWidget) -> None:
    """To the next (1) or previous (-1) main tab ("tab"), page of the tab on show ("page"), or
    part of the window ("pane": the event list, the tab's page list, the page)."""
    tab = tabs.currentWidget()
    if kind == "tab":
        visible = [n for n in range(tabs.count()) if tabs.isTabVisible(n)]
        now = visible.index(tabs.currentIndex()) if tabs.currentIndex() in visible else 0
        tabs.setCurrentIndex(visible[(now + step) % len(visible)])
        if (shown := tabs.currentWidget()) is not None:
            _focus_into(shown)
    elif kind == "page" and isinstance(tab, LazyTab):
        tab.step_page(step)
        if (page := tab.stack.currentWidget()) is not None:
            _focus_into(page)
    elif kind == "pane" and isinstance(tab, LazyTab):
        panes = [events, tab.bar, tab.stack]
        focus = QApplication.focusWidget()
        now = next(
            (
                n
                for n, pane in enumerate(panes)
                if focus is not None and (focus is pane or pane.isAncestorOf(focus))
            ),
            -1,
        )
        if now == -1 and step < 0:
            now = 0
        _focus_into(panes[(now + step) % len(panes)])


def _focus_into(area: QWidget) -> None:
    """Put the focus on the first control of an area that Tab would reach."""
    if area.focusPolicy() & Qt.FocusPolicy.TabFocus and area.isVisible() and area.isEnabled():
        area.setFocus(Qt.FocusReason.TabFocusReason)
        return
    start = candidate = area.nextInFocusChain()
    while candidate is not None:
        if (
            area.isAncestorOf(candidate)
            and candidate.isVisible()
            and candidate.isEnabled()
            and candidate.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            candidate.setFocus(Qt.FocusReason.TabFocusReason)
            return
        candidate = candidate.nextInFocusChain()
        if candidate is start:
            return


def shortcut_rows(menus: QMenuBar) -> list[tuple[str, str]]:
    """Every menu command that has keys, as (what it does, its keys), menu by menu."""
    rows = []
    for top in menus.actions():
        menu = top.menu()
        if menu is None:
            continue
        for action in menu.actions():  # type: ignore[attr-defined]
            keys = action.shortcut().toString(
                action.shortcut().SequenceFormat.NativeText  # as the menu shows them
            )
            if keys:
                what = f"{top.text()} ▸ {action.text()}".replace("&", "").rstrip("…")
                rows.append((what, keys))
    return rows


class ShortcutsDialog(QDialog):
    """Help ▸ Keyboard shortcuts: every key that does something, in one list."""

    def __init__(self, menus: QMenuBar, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle("Keyboard shortcuts")
        rows = shortcut_rows(menus)
        rows += [
            ("Alt and an underlined letter", "goes to that field or button"),
            ("Tab, Shift+Tab", "next or previous field"),
        ]
        table = "".join(
            f"<tr><td style='padding-right:16px'>{what}</td><td><b>{keys}</b></td></tr>"
            for what, keys in rows
        )
        self.text = QLabel(f"<table>{table}</table>", self)
        self.text.setObjectName("shortcuts_text")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.text)
        # A Tab stop, so the arrow keys and Page Down scroll a long list: named for that.
        scroll.setAccessibleName("Keyboard shortcuts list")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(560, 600)
