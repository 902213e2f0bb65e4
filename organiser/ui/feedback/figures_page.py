"""The Figures page: the headline figures in words, and one chart per rating or choice question.

The charts are the ones the feedback summary prints (reportlab.graphics), shown here as SVG;
each has its numbers beside it in words, so nothing is told by the picture alone.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QFontDatabase, QFontInfo
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from organiser.core.changes import Changes, Touched
from organiser.core.feedback.figures import Distribution, FeedbackFigures, figures
from organiser.reports import charts
from organiser.ui.creche.common import button, row_of, wrapped
from organiser.ui.ops import OpRunner

SEES = Touched.FEEDBACK | Touched.BOOKINGS | Touched.DETAILS | Touched.EVENTS
_fonts_added = False


def _add_fonts() -> None:
    """Let Qt draw the charts in the fonts they print in (once per run)."""
    global _fonts_added
    if not _fonts_added:
        for path in charts.SCREEN_FONTS:
            QFontDatabase.addApplicationFont(path)
        _fonts_added = True


def numbers_text(distribution: Distribution) -> str:
    """A chart's figures in words: how many answered, then each choice's count and share."""
    answered = distribution.answered
    shares = "; ".join(f"{c} {charts.figure_words(n, answered)}" for c, n in distribution.counts)
    people = "person" if answered == 1 else "people"
    return f"In numbers: {answered} {people} answered. {shares}."


class ChartCard(QFrame):
    """One question's chart with its numbers in words underneath."""

    def __init__(self, distribution: Distribution, pixels: int, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName(f"chart_{distribution.question_id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.distribution = distribution
        drawing = charts.bar_chart(
            distribution.question,
            distribution.counts,
            width=pixels * 30,
            answered=distribution.answered,
            font_size=pixels,
        )
        self.svg = charts.to_svg(drawing)
        self.chart = QSvgWidget(self)
        self.chart.load(QByteArray(self.svg))
        self.chart.setFixedSize(self.chart.renderer().defaultSize())
        self.chart.setAccessibleName(distribution.question)
        self.chart.setAccessibleDescription(str(drawing.summary))
        self.numbers = QLabel(numbers_text(distribution), self)
        self.numbers.setWordWrap(True)
        self.numbers.setMaximumWidth(self.chart.width())
        self.numbers.setObjectName(f"numbers_{distribution.question_id}")
        self.numbers.setAccessibleName(f"{distribution.question}: the numbers")
        # Tab reaches the numbers, so they can be read without seeing the chart.
        self.numbers.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.numbers.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout = QVBoxLayout(self)
        layout.addWidget(self.chart)
        layout.addWidget(self.numbers)
        layout.addStretch()


class FiguresPage(QWidget):
    """How it went, in numbers: refreshed as responses come in."""

    SEES = SEES

    print_requested = Signal(str)
    summary_requested = Signal()  # open the Summary report window

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _add_fonts()
        self.runner = runner
        self.event_id: int | None = None
        self.figures: FeedbackFigures | None = None
        self.cards: list[ChartCard] = []
        self.print_button = button(self, "&Print feedback summary…", "print_feedback_summary")
        self.print_button.clicked.connect(lambda: self.print_requested.emit("feedback-summary"))
        self.summary_button = button(
            self,
            "Summary &report…",
            "summary_report",
            "The event’s case-study report, with its words to edit before printing",
        )
        self.summary_button.clicked.connect(self.summary_requested)
        self.headline = wrapped(self, "headline", role="subheading")
        self.headline.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.headline.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.services = wrapped(self, "services_learned")
        self.grid_host = QWidget(self)
        outer = QVBoxLayout(self.grid_host)
        outer.setContentsMargins(0, 0, 0, 0)
        self.grid = QGridLayout()
        self.grid.setColumnStretch(2, 1)
        outer.addLayout(self.grid)
        outer.addStretch()
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        # Not a Tab stop of its own: Tab reaches each chart's numbers, scrolled into view.
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll_area.setWidget(self.grid_host)
        layout = QVBoxLayout(self)
        layout.addLayout(row_of(self.print_button, self.summary_button))
        layout.addWidget(self.headline)
        layout.addWidget(self.services)
        layout.addWidget(self.scroll_area, 1)

    def set_event(self, event_id: int | None) -> None:
        """Show another event's figures."""
        self.event_id = event_id
        self.print_button.setEnabled(event_id is not None)
        self.summary_button.setEnabled(event_id is not None)
        self.reload()

    def refresh(self, _changes: Changes) -> None:
        """Work the figures out again after responses, check-in or attendance changed."""
        self.reload()

    def flush(self) -> None:
        """Nothing is typed on this page."""

    def reload(self) -> None:
        """The figures and charts as the responses stand now."""
        for card in self.cards:
            self.grid.removeWidget(card)
            card.deleteLater()
        self.cards = []
        if self.event_id is None:
            self.figures = None
            self.headline.setText("Choose or create an event to see its feedback figures.")
            self.services.setText("")
            return
        self.figures = found = figures(self.runner.store, self.event_id)
        self.headline.setText("\n".join(found.lines()))
        if found.services:
            learned = ", ".join(f"{name} ({n})" for name, n in found.services)
            self.services.setText(f"Services people found out about: {learned}.")
        else:
            self.services.setText("No one has said yet which services they found out about.")
        pixels = QFontInfo(self.font()).pixelSize()
        for number, distribution in enumerate(found.distributions):
            card = ChartCard(distribution, pixels, self.grid_host)
            self.grid.addWidget(card, number // 2, number % 2, Qt.AlignmentFlag.AlignTop)
            self.cards.append(card)

    def card(self, question_id: int) -> ChartCard | None:
        """The chart of one question."""
        return next((c for c in self.cards if c.distribution.question_id == question_id), None)
