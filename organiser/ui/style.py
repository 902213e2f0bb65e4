"""Look and text size: one stylesheet, and a zoom that scales every font in the window."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

ZOOM_STEPS = (0.8, 0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0)
BASE_POINT_SIZE = 11.0

# Error and warning colours reach at least 7:1 on white; focus is a 2 px outline.
STYLESHEET = """
QLabel[role="error"] { color: #a4161a; }
QLabel[role="warning"] { color: #8a3b00; }
QLabel[role="subheading"] { font-weight: bold; }
QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"] { border: 2px solid #a4161a; }
QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus, QListView:focus, QTableView:focus,
QListWidget:focus { border: 2px solid #1d4ed8; }
QPushButton:focus, QCheckBox:focus { outline: 2px solid #1d4ed8; }
"""


def apply_style(app: QApplication) -> None:
    """Fusion style (the same on every desktop) with our stylesheet."""
    app.setStyle("Fusion")
    app.setStyleSheet(STYLESHEET)


def apply_zoom(app: QApplication, factor: float) -> None:
    """Scale the application font; every widget without its own font follows."""
    font = QFont(app.font())
    font.setPointSizeF(BASE_POINT_SIZE * factor)
    app.setFont(font)
    if app.styleSheet():
        # The style-sheet style keeps the font each widget had when polished: polish again.
        app.setStyleSheet(app.styleSheet())


def next_zoom(current: float, step: int) -> float:
    """The next zoom level up (step 1) or down (step -1), staying within the steps."""
    nearest = min(range(len(ZOOM_STEPS)), key=lambda i: abs(ZOOM_STEPS[i] - current))
    return ZOOM_STEPS[max(0, min(len(ZOOM_STEPS) - 1, nearest + step))]
