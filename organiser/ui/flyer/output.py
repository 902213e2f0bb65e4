"""Export, print or save as a picture: the draft or a saved version, asking first when it is
not signed off by everyone, misses an essential the checklist asks for, or does not fit."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from organiser.core.changes import Changes, Touched
from organiser.core.errors import OrganiserError
from organiser.core.events import service as events
from organiser.core.files import atomic_write
from organiser.core.flyer import service as flyers
from organiser.core.flyer import versions
from organiser.core.flyer.checklist import essentials_warning
from organiser.core.flyer.documents import FlyerSheet, RenderedFlyer
from organiser.ui.creche.common import safe_name, tell
from organiser.ui.flyer.preview import overflow_words, render
from organiser.ui.ops import OpRunner
from organiser.ui.paper import LoadedPdf, page_image, png_bytes, print_pdf
from organiser.ui.read_only import keeps_working
from organiser.ui.widgets.flow import FlowLayout

SOCIAL_WIDTH = 1080  # pixels: what social media sites show at full width
DRAFT = "Current draft"


class OutputBar(QWidget):
    """Which flyer to output (the draft or a version), and Export PDF, Print, Save image."""

    def __init__(
        self, runner: OpRunner, prepare: Callable[[], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self._prepare = prepare
        self.event_id: int | None = None
        self.which = QComboBox(self)
        keeps_working(self.which)
        self.which.setObjectName("output_which")
        self.which.setAccessibleName("Which flyer to print or save")
        self.which.currentIndexChanged.connect(lambda _i: self._show_status())
        label = QLabel("&Print or save:", self)
        label.setBuddy(self.which)
        self.export_button = QPushButton("E&xport PDF…", self)
        self.export_button.clicked.connect(self.export_pdf)
        self.print_button = QPushButton("P&rint…", self)
        self.print_button.clicked.connect(self.print_flyer)
        self.image_button = QPushButton("Save image for &social media…", self)
        self.image_button.clicked.connect(self.save_image)
        self.status = QLabel(self)
        self.status.setObjectName("output_status")
        self.status.setWordWrap(True)
        row = FlowLayout()  # wraps onto a second line when narrow
        for widget in (label, self.which, self.export_button, self.print_button, self.image_button):
            row.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.status)

    def set_event(self, event_id: int | None) -> None:
        """Offer the draft and this event's versions."""
        self.event_id = event_id
        self.setEnabled(event_id is not None)
        self._fill()

    def refresh(self, changes: Changes) -> None:
        """A version saved or signed off, or the working group changed."""
        if changes.touched & (Touched.FLYER | Touched.MEMBERS):
            self._fill()

    def _fill(self) -> None:
        chosen = self.which.currentData()
        self.which.blockSignals(True)
        self.which.clear()
        self.which.addItem(DRAFT, None)
        if self.event_id is not None:
            for row in versions.list_versions(self.runner.store, self.event_id):
                self.which.addItem(f"Version {row.number}", row.number)
        found = self.which.findData(chosen) if chosen is not None else 0
        self.which.setCurrentIndex(max(found, 0))
        self.which.blockSignals(False)
        self._show_status()

    def choose(self, number: int | None) -> None:
        """Pick the draft (None) or a version by its number."""
        self.which.setCurrentIndex(max(self.which.findData(number) if number else 0, 0))

    def _show_status(self) -> None:
        if self.event_id is None:
            self.status.setText("")
            return
        reason = self.sign_off_reason()
        self.status.setText(
            f"⚠ {reason}" if reason else "✓ Approved by everyone in the working group."
        )

    def sign_off_reason(self) -> str:
        """Why the chosen flyer is not ready to print ('' if everyone has approved it)."""
        assert self.event_id is not None
        store, event_id, number = self.runner.store, self.event_id, self.which.currentData()
        if number is None:
            latest = flyers.latest_version(store, event_id)
            if latest is None:
                return (
                    "The current draft has not been saved as a version, so nobody has signed "
                    "it off."
                )
            latest_id = versions.version_id_of(store, event_id, latest)
            draft = flyers.get_flyer(store, event_id).values
            if versions.version_content(store, latest_id) != draft:
                return (
                    f"The current draft has changes since version {latest}: nobody has signed "
                    "them off."
                )
            number, what = latest, f"The current draft is version {latest}"
        else:
            what = f"Version {number}"
        status = versions.sign_off_status(store, versions.version_id_of(store, event_id, number))
        if status.everyone:
            return ""
        words = status.words()
        return f"{what}: {words[:1].upper()}{words[1:]}."

    def _ready(self, verb: str, *, two_up: bool = False) -> tuple[FlyerSheet, RenderedFlyer] | None:
        """The chosen flyer rendered for output, once the person has agreed to any doubts."""
        if self.event_id is None:
            return None
        self._prepare()
        try:
            sheet = flyers.flyer_sheet(
                self.runner.store, self.event_id, version=self.which.currentData()
            )
            rendered = render(sheet, mark_overflow=False, two_up=two_up and sheet.a5)
            reasons = [self.sign_off_reason(), essentials_warning(sheet)]
        except OrganiserError as exc:
            self.runner.show_error(str(exc))
            return None
        if rendered.overflow:
            reasons.append(
                "Some text does not fit on the page and would be cut off: "
                f"{overflow_words(rendered.overflow)}."
            )
        reasons = [r for r in reasons if r]
        if reasons:
            answer = QMessageBox.question(
                self,
                f"{verb} the flyer",
                "\n\n".join([*reasons, f"{verb} anyway? Choose No to go back to the flyer."]),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
        return sheet, rendered

    def _suggested(self, suffix: str, extra: str = "") -> str:
        assert self.event_id is not None
        title = events.get_event(self.runner.store, self.event_id).title
        number = self.which.currentData()
        version = f" version {number}" if number else ""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return str(Path(folder) / f"{safe_name(title)} - flyer{version}{extra}{suffix}")

    def _save(self, what: str, data: bytes, suffix: str, file_filter: str, extra: str = "") -> None:
        picked, _ = QFileDialog.getSaveFileName(
            self, f"Save the {what}", self._suggested(suffix, extra), file_filter
        )
        if not picked:
            return
        path = Path(picked)
        if not path.suffix:
            path = path.with_suffix(suffix)
        try:
            atomic_write(path, data)
        except OrganiserError as exc:
            self.runner.show_error(str(exc))
            return
        tell(self, f"The {what} is saved to {path}")

    def export_pdf(self) -> None:
        """Save the chosen flyer as a PDF (written whole, or not at all)."""
        ready = self._ready("Export")
        if ready is not None:
            self._save("flyer", ready[1].pdf, ".pdf", "PDF (*.pdf)")

    def save_image(self) -> None:
        """Save the flyer's first page as a PNG 1080 pixels wide, for social media."""
        ready = self._ready("Save")
        if ready is None:
            return
        try:
            pdf = LoadedPdf(ready[1].pdf)
            try:
                data = png_bytes(page_image(pdf, SOCIAL_WIDTH))
            finally:
                pdf.close()
        except OrganiserError as exc:
            self.runner.show_error(str(exc))
            return
        self._save("flyer picture", data, ".png", "PNG image (*.png)", " for social media")

    def print_flyer(self) -> None:
        """Print through the system's dialog (copies; an A5 handout two to an A4 sheet)."""
        ready = self._ready("Print", two_up=True)
        if ready is None:
            return
        sheet, rendered = ready
        name = Path(self._suggested("")).name
        try:
            if not print_pdf(rendered.pdf, self, title="Print the flyer", name=name):
                return
        except OrganiserError as exc:
            self.runner.show_error(str(exc))
            return
        two_up = " (two to a sheet of A4)" if sheet.a5 else ""
        tell(self, f"The flyer is sent to the printer{two_up}.")
