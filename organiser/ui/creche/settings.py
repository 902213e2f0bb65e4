"""The Creche tab's Settings and checks page: the creche's hours, places, oldest age, rule set
and retention date; the staff:child ratio per age band; and what needs attention, each a link to
the page that fixes it."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from organiser.core.changes import Changes, Touched
from organiser.core.creche import checks
from organiser.core.creche import service as creche
from organiser.core.creche.checks import CrecheReview
from organiser.core.creche.ratios import RULE_SETS, RatioCheck
from organiser.core.creche.rows import CrecheSettings
from organiser.core.parsing import format_date, format_time, local_date
from organiser.ui.creche.common import set_role, wrapped
from organiser.ui.creche.undo import settings_inverse
from organiser.ui.ops import OpRunner
from organiser.ui.table_model import Column, RowTableModel
from organiser.ui.widgets.fields import Field, Kind
from organiser.ui.widgets.fit import ReflowSplitter
from organiser.ui.widgets.form import SavedForm
from organiser.ui.widgets.versioned_edits import versioned_edits

FIELDS = (
    Field("start", "Creche starts", Kind.TIME, hint="Blank: from the programme"),
    Field("end", "Creche ends", Kind.TIME, hint="Blank: from the programme"),
    Field("places", "Creche places", Kind.NUMBER, hint="Blank: no limit", minimum=0),
    Field("max_age_years", "Oldest age (years)", Kind.NUMBER, hint="5 if left blank", blank=5),
    Field(
        "rule_set",
        "Ratio rules",
        Kind.CHOICE_ID,
        tuple((rules.name, key) for key, rules in RULE_SETS.items()),
    ),
    Field(
        "retention_date",
        "Keep personal data until",
        Kind.DATE,
        hint="Blank: 30 days after",
    ),
)


@dataclass(frozen=True)
class BandLine:
    """One age band's row of the ratio table."""

    id: int
    label: str
    children: int
    ratio: int
    share: float


RATIO_COLUMNS = (
    Column("Age band", lambda r: r.label),
    Column("Children", lambda r: str(r.children), align_right=True),
    Column("Ratio", lambda r: f"1:{r.ratio}", align_right=True),
    Column("Share of an adult", lambda r: f"{r.share:.2f}", align_right=True),
)


def hours_words(settings: CrecheSettings, *, planned: bool = True) -> str:
    """Which hours apply, and where they come from (planned: the event has a creche at all)."""
    start, end = settings.session_start, settings.session_end
    if (start is None or end is None) and not planned:
        return (
            "No creche is planned for this event. To run one, set its hours here or add a "
            "Creche item to the programme."
        )
    if start is None or end is None:
        return "The creche has no hours yet: set them here or add a Creche item to the programme."
    where = {
        "set here": "set here",
        "from the programme": "from the programme's Creche item",
    }.get(settings.session_source, settings.session_source)
    return f"The creche runs {format_time(start)}–{format_time(end)} ({where})."


def retention_words(settings: CrecheSettings) -> str:
    """The retention date that applies, and why."""
    if settings.purged_at is not None:
        return f"Personal data was removed on {format_date(local_date(settings.purged_at))}."
    if settings.retention is None:
        return "Personal data is kept until 30 days after the event (the event has no date yet)."
    why = "set here" if settings.retention_date else "30 days after the event"
    return f"Personal data is kept until {format_date(settings.retention)} ({why})."


def totals_words(ratios: RatioCheck) -> str:
    """Staff needed against staff on, and whether the level 6 ratio applies."""
    text = f"Staff needed: {ratios.needed} · staff on throughout: {ratios.rostered}"
    if ratios.level6:
        text += " · a level 6 practitioner is on, so children of 3 and over are 1:13"
    return text


def warnings_html(review: CrecheReview) -> str:
    """Each warning as a link to the page that deals with it."""
    if not review.warnings:
        return "<p>✓ Nothing needs attention in the creche.</p>"
    items = "".join(
        f'<li>⚠ <a href="{w.page}">{html.escape(w.text)}</a></li>' for w in review.warnings
    )
    return f"<ul>{items}</ul>"


class CrechePage(QWidget):
    """Settings on the left; ratios and what needs attention on the right."""

    SEES = Touched.CRECHE | Touched.BOOKINGS | Touched.PROGRAMME | Touched.DETAILS

    go_to = Signal(str)

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.event_id: int | None = None
        self.review: CrecheReview | None = None
        self.form = SavedForm(FIELDS, self)
        self.form.save_requested.connect(self.save)
        self.edits = versioned_edits(
            self,
            runner,
            self.form,
            noun="creche’s settings",
            action="Edit creche settings",
            current=lambda: self.event_id,
            version_of=creche.creche_version,
            update=creche.update_creche,
            key="event_id",
            inverse=settings_inverse,
        )
        self.hours = wrapped(self, "creche_hours")
        self.retention = wrapped(self, "creche_retention")
        self.summary = wrapped(self, "ratio_summary", role="subheading")
        self.model = RowTableModel(RATIO_COLUMNS, self)
        self.table = QTableView(self)
        self.table.setObjectName("ratio_table")
        self.table.setAccessibleName("Staff needed per age band")
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.totals = wrapped(self, "ratio_totals")
        self.warnings = wrapped(self, "creche_warnings")
        self.warnings.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.warnings.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.warnings.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.warnings.linkActivated.connect(self.go_to)
        self._build()

    def _build(self) -> None:
        settings = QWidget(self)
        left = QVBoxLayout(settings)
        heading = QLabel("Creche settings", settings)
        heading.setProperty("role", "subheading")
        left.addWidget(heading)
        left.addWidget(self.form)
        left.addWidget(self.hours)
        left.addWidget(self.retention)
        left.addStretch()
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(settings)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setMinimumWidth(420)
        ratio_heading = QLabel("Staff:child ratio", self)
        ratio_heading.setProperty("role", "subheading")
        attention = QLabel("Needs attention (each links to the page that fixes it)", self)
        attention.setProperty("role", "subheading")
        attention.setWordWrap(True)
        ratio = QWidget(self)
        right = QVBoxLayout(ratio)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(ratio_heading)
        right.addWidget(self.summary)
        right.addWidget(self.table, 0, Qt.AlignmentFlag.AlignLeft)
        right.addWidget(self.totals)
        right.addWidget(attention)
        right.addWidget(self.warnings, 1)
        split = ReflowSplitter(self)  # the ratio under the settings when narrow
        split.addWidget(scroll)
        split.addWidget(ratio)
        layout = QVBoxLayout(self)
        layout.addWidget(split)

    def set_event(self, event_id: int | None) -> None:
        """Show another event's creche."""
        self.form.save_now()
        self.event_id = event_id
        self._load(force=True)

    def refresh(self, changes: Changes) -> None:
        """Anything the creche depends on may change the checks."""
        if changes.touched & (
            Touched.CRECHE | Touched.BOOKINGS | Touched.PROGRAMME | Touched.DETAILS
        ):
            self._load(force=False)

    def flush(self) -> None:
        """Save what is typed now."""
        self.form.save_now()

    def _load(self, *, force: bool) -> None:
        self.setEnabled(self.event_id is not None)
        if self.event_id is None:
            self.review = None
            self.edits.clear()
            self.model.set_rows([])
            for label in (self.hours, self.retention, self.summary, self.totals, self.warnings):
                label.setText("")
            return
        # Read before the settings: what the form then shows is at least as new as this version.
        version = self.edits.version_now(self.event_id)
        self.review = checks.review(self.runner.store, self.event_id, today=dt.date.today())
        settings = self.review.settings
        self.form.load({f.key: getattr(settings, f.key) for f in FIELDS}, force=force)
        self.edits.refreshed(version)
        self.hours.setText(hours_words(settings, planned=self.review.planned))
        self.retention.setText(retention_words(settings))
        ratios = self.review.ratios
        self.summary.setText(f"⚠ {ratios.summary()}" if ratios.short else ratios.summary())
        set_role(self.summary, "warning" if ratios.short else "subheading")
        self.model.set_rows(
            [
                BandLine(n, b.label, b.children, b.ratio, b.adults)
                for n, b in enumerate(ratios.bands)
            ]
        )
        self._fit_table()
        self.totals.setText(totals_words(ratios))
        self.warnings.setText(warnings_html(self.review))
        self.warnings.setAccessibleDescription("\n".join(w.text for w in self.review.warnings))

    def _fit_table(self) -> None:
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()
        frame = 2 * self.table.frameWidth()
        self.table.setFixedSize(  # the whole table in view, no scrolling, no empty space
            self.table.horizontalHeader().length() + frame,
            self.table.horizontalHeader().sizeHint().height()
            + sum(self.table.rowHeight(n) for n in range(self.model.rowCount()))
            + frame,
        )

    def changeEvent(self, event: QEvent) -> None:
        """Keep the whole ratio table in view when the text is zoomed."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            QTimer.singleShot(0, self, self._fit_table)  # once the table has its new font too

    def warning_texts(self) -> list[str]:
        """What the page says needs attention, in words."""
        return [w.text for w in self.review.warnings] if self.review else []

    def save(self) -> None:
        """Save the settings the person changed since they were shown (so a setting someone
        else saved meanwhile is kept, and the same one changed by both asks which to keep);
        a refused value keeps its text and a message."""
        if self.event_id is None:
            return
        values, errors = self.form.read()
        self.edits.save(self.event_id, values, errors)
