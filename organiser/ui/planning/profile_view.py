"""The co-production profile: the chart the summary report prints (shown as SVG), and beside it
the same in words — each group of the ladder with its aspects, the gaps named, and what is not
decided yet."""

from __future__ import annotations

import html

from PySide6.QtCore import QByteArray, QEvent, Qt
from PySide6.QtGui import QFontDatabase, QFontInfo, QShowEvent
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from organiser.core.coproduction.kinds import RUNGS, Group, group_of
from organiser.core.coproduction.ledger import Profile
from organiser.reports import charts
from organiser.reports.profile_chart import profile_drawing

CHART_EMS = 34  # the chart's width in characters: room for the text beside it at 1366 pixels
_fonts_added = False


def _add_fonts() -> None:
    """Let Qt draw the chart in the fonts it prints in (once per run)."""
    global _fonts_added
    if not _fonts_added:
        for path in charts.SCREEN_FONTS:
            QFontDatabase.addApplicationFont(path)
        _fonts_added = True


# The rungs in each group, lowest first, so the words say what the group means.
RUNGS_IN = {
    group: ", ".join(r.value.lower() for r in RUNGS if group_of(r) is group) for group in Group
}


def profile_lines(shape: Profile) -> list[tuple[str, list[str]]]:
    """(heading, lines) for each part of the profile, as a person reads it."""
    rung_of = {row.aspect: row.rung for row in shape.rows}
    parts: list[tuple[str, list[str]]] = []
    for group in Group:
        aspects = shape.groups.get(group.value, ())
        lines = [f"{a} — {rung_of[a].lower()}" for a in aspects] or ["No aspect."]
        parts.append((f"{group.value} ({RUNGS_IN[group]})", lines))
    decided = len(shape.rows) - len(shape.undecided)
    if shape.gaps:
        parts.append(("Gaps: below co-design", list(shape.gaps)))
    elif decided:
        parts.append(
            ("Gaps: below co-design", ["None: every decided aspect was done with people."])
        )
    if shape.undecided:
        parts.append(("Not decided yet", list(shape.undecided)))
    return parts


def profile_html(shape: Profile) -> str:
    """The profile as headings and lists (gaps marked with a sign as well as words)."""
    out = []
    for heading, lines in profile_lines(shape):
        mark = "⚠ " if heading.startswith("Gaps") and shape.gaps else ""
        out.append(f"<h3>{html.escape(heading)}</h3><ul>")
        out += [f"<li>{mark}{html.escape(line)}</li>" for line in lines]
        out.append("</ul>")
    return "".join(out)


class ProfileView(QScrollArea):
    """The profile of the event's ledger, refreshed with every ledger change."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profile")
        self.setWidgetResizable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.shape: Profile | None = None
        self._drawn = False
        self.text = QLabel(self)
        self.text.setObjectName("profile_text")
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.text.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.text.setAccessibleName("Co-production profile")
        self.svg = b""
        self.chart = QSvgWidget(self)
        self.chart.setObjectName("profile_chart")
        self.chart.setAccessibleName("Co-production profile chart")
        body = QWidget(self)
        self.row = QHBoxLayout()
        self.row.addWidget(self.chart, 0, Qt.AlignmentFlag.AlignTop)
        self.row.addSpacing(12)
        self.row.addWidget(self.text, 1)
        layout = QVBoxLayout(body)
        layout.addLayout(self.row)
        layout.addStretch()
        self.setWidget(body)

    def show_profile(self, shape: Profile | None) -> None:
        """Show a profile (None: no event open)."""
        self.shape = shape
        if shape is None:
            self.text.setText("Choose or create an event to see its co-production profile.")
            self.text.setAccessibleDescription("")
            self.chart.hide()
            return
        self.text.setText(profile_html(shape))
        self.text.setAccessibleDescription(self.plain_text())
        self._drawn = False
        if self.isVisible():
            self._draw(shape)

    def showEvent(self, event: QShowEvent) -> None:
        """Draw the chart when it is first seen after a change (not on every ledger edit)."""
        super().showEvent(event)
        if self.shape is not None and not self._drawn:
            self._draw(self.shape)

    def changeEvent(self, event: QEvent) -> None:
        """Draw the chart again at the new text size when the window is zoomed."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and self.shape is not None:
            self._drawn = False
            if self.isVisible():
                self._draw(self.shape)

    def _draw(self, shape: Profile) -> None:
        self._drawn = True
        _add_fonts()
        pixels = QFontInfo(self.font()).pixelSize()
        drawing = profile_drawing(shape, width=pixels * CHART_EMS, font_size=pixels)
        self.svg = charts.to_svg(drawing)
        self.chart.load(QByteArray(self.svg))
        self.chart.setFixedSize(self.chart.renderer().defaultSize())
        self.chart.setAccessibleDescription(str(drawing.summary))
        self.chart.show()

    def plain_text(self) -> str:
        """The profile without markup, one line each."""
        if self.shape is None:
            return ""
        out = []
        for heading, lines in profile_lines(self.shape):
            out.append(heading)
            out += [f"- {line}" for line in lines]
        return "\n".join(out)
