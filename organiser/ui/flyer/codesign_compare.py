"""Compare two versions: the fields that changed (named, in bold, with "changed" in words, the
text before and after) and both printed flyers side by side."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QSizePolicy,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from organiser.core.db import Store
from organiser.core.errors import OrganiserError
from organiser.core.flyer import versions as flyer_versions
from organiser.core.flyer.kinds import LABELS
from organiser.core.flyer.service import flyer_sheet
from organiser.core.flyer.versions import VersionRow
from organiser.ui.creche.common import wrapped
from organiser.ui.ops import OpRunner
from organiser.ui.read_only import keeps_working
from organiser.ui.widgets.flow import FlowLayout
from organiser.ui.widgets.row_table import when

NOT_AVAILABLE = "Preview not available"


def render_version(store: Store, event_id: int, number: int) -> bytes | str:
    """A version printed as PDF bytes, or why it cannot be shown (words)."""
    try:
        # Imported here so this page works (without previews) before the renderer exists.
        from organiser.reports.flyer import render_flyer
    except ImportError:
        return f"{NOT_AVAILABLE}: the flyer printer is not installed in this copy."
    try:
        sheet = flyer_sheet(store, event_id, version=number)
        rendered = render_flyer(sheet, mark_overflow=True)
    except OrganiserError as exc:
        return f"{NOT_AVAILABLE}: {exc}"
    return bytes(rendered.pdf)


def _shown(key: str, value: Any) -> str:
    if key == "image_id":
        return f"Image no. {value}" if value else "No image"
    text = str(value if value is not None else "").strip()
    return text or "(empty)"


def _paragraph(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


class PreviewPane(QWidget):
    """One version's printed flyer, read from PDF bytes held in memory."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = wrapped(self, f"{name}_title", role="subheading")
        self.message = wrapped(self, f"{name}_message", role="warning")
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName(name)
        self.view.setAccessibleName("Preview of the printed flyer")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.SinglePage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.title.setBuddy(self.view)
        # QPdfDocument reads from the buffer while it shows the pages: it must outlive the load.
        self.buffer: QBuffer | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)

    def show_pdf(self, title: str, pdf: bytes | str) -> None:
        """Show the PDF bytes, or say in words why there is no preview."""
        self.title.setText(title)
        self.view.setAccessibleName(f"Preview of {title.lower()}")
        self.document.close()
        old, self.buffer = self.buffer, None
        if isinstance(pdf, str):
            self.message.setText(pdf)
            self.message.show()
            self.view.hide()
        else:
            self.message.hide()
            self.view.show()
            self.buffer = QBuffer(self)
            self.buffer.setData(QByteArray(pdf))
            self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            self.document.load(self.buffer)
        if old is not None:
            old.close()
            old.deleteLater()


class ComparePanel(QWidget):
    """Two version choosers, what changed between them, and both previews."""

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.event_id: int | None = None
        self.versions: list[VersionRow] = []
        self.changed: list[tuple[str, str]] = []
        self._pdfs: dict[int, bytes | str] = {}
        self._stale = False
        self._chosen_by_person = False
        self.first = QComboBox(self)
        self.first.setObjectName("compare_first")
        self.first.setAccessibleName("Compare version")
        self.second = QComboBox(self)
        keeps_working(self.first, self.second)
        self.second.setObjectName("compare_second")
        self.second.setAccessibleName("with version")
        for combo in (self.first, self.second):
            # A long note is cut short in the box (the open list shows it whole).
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            combo.activated.connect(self._person_chose)
        self.changes = QTextBrowser(self)
        self.changes.setObjectName("compare_changes")
        self.changes.setAccessibleName("What changed between the two versions")
        self.changes.setOpenLinks(False)
        self.left = PreviewPane("compare_preview_first", self)
        self.right = PreviewPane("compare_preview_second", self)
        self._build()

    def _build(self) -> None:
        first_label = QLabel("Co&mpare version:", self)
        first_label.setBuddy(self.first)
        second_label = QLabel("&with version:", self)
        second_label.setBuddy(self.second)
        choosers = FlowLayout()  # wraps onto a second line when narrow
        for widget in (first_label, self.first, second_label, self.second):
            choosers.addWidget(widget)
        changes_box = QWidget(self)
        changes_layout = QVBoxLayout(changes_box)
        changes_layout.setContentsMargins(0, 0, 0, 0)
        changes_label = QLabel("What &changed:", self)
        changes_label.setProperty("role", "subheading")
        changes_label.setBuddy(self.changes)
        changes_layout.addWidget(changes_label)
        changes_layout.addWidget(self.changes, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(changes_box)
        splitter.addWidget(self.left)
        splitter.addWidget(self.right)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([340, 330, 330])
        layout = QVBoxLayout(self)
        layout.addLayout(choosers)
        layout.addWidget(splitter, 1)

    def set_event(self, event_id: int | None) -> None:
        """Another event: forget its choices and previews."""
        self.event_id = event_id
        self._pdfs.clear()
        self._chosen_by_person = False

    def show_versions(self, versions: Sequence[VersionRow]) -> None:
        """Offer these versions (newest first); compare now if shown, else when next shown."""
        keep = (self.first.currentData(), self.second.currentData())
        self.versions = list(versions)
        ids = [v.id for v in self.versions]
        if not (self._chosen_by_person and keep[0] in ids and keep[1] in ids):
            self._chosen_by_person = False
            newest = ids[:2]
            keep = (newest[-1], newest[0]) if newest else (None, None)
        for combo, chosen in zip((self.first, self.second), keep, strict=True):
            combo.blockSignals(True)
            combo.clear()
            for version in self.versions:
                combo.addItem(self._name(version), version.id)
            combo.setCurrentIndex(max(combo.findData(chosen), 0) if self.versions else -1)
            combo.setEnabled(bool(self.versions))
            combo.blockSignals(False)
        self._stale = True
        if self.isVisible():
            self.compare()

    def choose(self, first: int, second: int) -> None:
        """Compare version numbers `first` and `second`, as choosing them in the lists would."""
        for combo, number in ((self.first, first), (self.second, second)):
            found = next(i for i, v in enumerate(self.versions) if v.number == number)
            combo.setCurrentIndex(found)
        self._person_chose()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.compare()

    def _person_chose(self, *_args: Any) -> None:
        self._chosen_by_person = True
        self.compare()

    @staticmethod
    def _name(version: VersionRow) -> str:
        note = f" — {version.note}" if version.note else ""
        return f"Version {version.number}{note}"

    def _version(self, combo: QComboBox) -> VersionRow | None:
        return next((v for v in self.versions if v.id == combo.currentData()), None)

    def compare(self) -> None:
        """List what changed between the chosen versions and show both printed."""
        self._stale = False
        a, b = self._version(self.first), self._version(self.second)
        if a is None or b is None or self.event_id is None:
            self.changed = []
            self.changes.setPlainText("Save two versions of the flyer to compare them.")
            for pane in (self.left, self.right):
                pane.show_pdf("No version", "Nothing to show yet.")
            return
        store = self.runner.store
        older = flyer_versions.version_content(store, a.id)
        newer = flyer_versions.version_content(store, b.id)
        self.changed = flyer_versions.changed_fields(older, newer)
        self.changes.setHtml(self._changes_html(a, b, older, newer))
        for pane, version in ((self.left, a), (self.right, b)):
            if version.id not in self._pdfs:
                self._pdfs[version.id] = render_version(store, self.event_id, version.number)
            saved = f", saved {when(version.saved_at)}"
            pane.show_pdf(f"Version {version.number}{saved}", self._pdfs[version.id])

    def _changes_html(
        self, a: VersionRow, b: VersionRow, older: dict[str, Any], newer: dict[str, Any]
    ) -> str:
        if a.id == b.id:
            return f"<p>Both lists show version {a.number}: choose two different versions.</p>"
        if not self.changed:
            return f"<p>Nothing changed between version {a.number} and version {b.number}.</p>"
        count = len(self.changed)
        parts = [
            f"<p>{count} field{'s' if count != 1 else ''} changed between version {a.number} "
            f"and version {b.number}:</p>"
        ]
        for key, label in self.changed:
            parts.append(f"<p style='margin-top:12px'><b>✎ {html.escape(label)} — changed</b></p>")
            for version, content in ((a, older), (b, newer)):
                parts.append(
                    f"<p style='margin-left:12px'>In version {version.number}:</p>"
                    f"<p style='margin-left:28px'>{_paragraph(_shown(key, content.get(key)))}</p>"
                )
        unchanged = [LABELS[k] for k in LABELS if k not in dict(self.changed)]
        parts.append(
            f"<p style='margin-top:12px'>The same in both: {html.escape(', '.join(unchanged))}.</p>"
        )
        return "".join(parts)
