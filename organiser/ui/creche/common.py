"""Small pieces the Creche pages share: a status message, a heading, a line of buttons."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow, QPushButton, QSplitter, QWidget

from organiser.ui.widgets.flow import FlowLayout


def tell(widget: QWidget, text: str) -> None:
    """Say what happened in the window's status bar."""
    window = widget.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, 10000)


def set_role(label: QLabel, role: str) -> None:
    """Show a label as a warning, an error or a subheading (its words say so too)."""
    if label.property("role") != role:
        label.setProperty("role", role)
        label.style().unpolish(label)
        label.style().polish(label)


def wrapped(parent: QWidget, name: str, *, role: str = "") -> QLabel:
    """A label that wraps its words and can be read by a screen reader."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    if role:
        label.setProperty("role", role)
    return label


def button(parent: QWidget, text: str, name: str, tip: str = "") -> QPushButton:
    """A push button with a name tests and screen readers can find."""
    made = QPushButton(text, parent)
    made.setObjectName(name)
    if tip:
        made.setToolTip(tip)
    return made


def row_of(*widgets: QWidget) -> FlowLayout:
    """Widgets side by side, pushed to the left, wrapping onto another line when narrow."""
    layout = FlowLayout()
    for widget in widgets:
        layout.addWidget(widget)
    return layout


def safe_name(text: str) -> str:
    """A file name from a person's or event's name."""
    return "".join(c for c in text if c not in '<>:"/\\|?*').strip()[:80] or "data"


def widen_list(section: QWidget, table: int, editor: int) -> None:
    """Give a list beside its editor more of the width (the lists have many columns)."""
    splitter = section.findChild(QSplitter)
    if splitter is not None:
        splitter.setSizes([table, editor])
