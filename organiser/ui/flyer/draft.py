"""The Draft page: the editor on the left, the live preview in the middle, the accessibility
checklist on the right, and printing or saving above them."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QScrollArea, QSplitter, QVBoxLayout, QWidget

from organiser.core.changes import Changes, Touched
from organiser.core.errors import OrganiserError
from organiser.core.flyer import service as flyers
from organiser.core.flyer.checklist import check
from organiser.core.flyer.documents import FlyerSheet, RenderedFlyer
from organiser.ui.flyer.checklist_panel import ChecklistPanel
from organiser.ui.flyer.editor import FlyerEditor
from organiser.ui.flyer.output import OutputBar
from organiser.ui.flyer.preview import FlyerPreview
from organiser.ui.ops import OpRunner

PREVIEW_DELAY_MS = 40  # after the last keystroke; with a ~40 ms render, within 100 ms


class DraftPage(QWidget):
    """Edit the flyer and see exactly what will print, as it is typed."""

    SEES = (
        Touched.FLYER
        | Touched.DETAILS
        | Touched.PROGRAMME
        | Touched.INVITATIONS
        | Touched.MEMBERS
        | Touched.EVENTS
    )

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.event_id: int | None = None
        # Made in the order they are shown, so Tab moves through the page as it reads.
        self.output = OutputBar(runner, self._prepare_output, self)
        self.editor = FlyerEditor(runner, self)
        self.preview = FlyerPreview(self)
        self.checklist = ChecklistPanel(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.update_preview)
        self.editor.edited.connect(self._timer.start)
        self.preview.rendered.connect(self._rendered)
        scroll = QScrollArea(self)
        scroll.setObjectName("flyer_editor_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.editor)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setMinimumWidth(300)
        self.preview.setMinimumWidth(240)
        self.checklist.setMinimumWidth(200)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        for part in (scroll, self.preview, self.checklist):
            self.splitter.addWidget(part)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setSizes([430, 390, 260])
        layout = QVBoxLayout(self)
        layout.addWidget(self.output)
        layout.addWidget(self.splitter, 1)

    def set_event(self, event_id: int | None) -> None:
        """Show another event's flyer (saving what was typed first)."""
        self.editor.set_event(event_id)
        self.event_id = event_id
        self.output.set_event(event_id)
        self.update_preview()

    def refresh(self, changes: Changes) -> None:
        """Reload the draft, the versions offered for output, and the preview."""
        if changes.event_id not in (None, self.event_id):
            return
        self.editor.refresh(changes)
        self.output.refresh(changes)
        if changes.touched & Touched.FLYER:
            self._timer.start()

    def flush(self) -> None:
        """Save what is typed now."""
        self.editor.flush()

    def update_preview(self) -> None:
        """Render what the form holds now, saved or not."""
        self._timer.stop()
        if self.event_id is None:
            return
        try:
            sheet = flyers.flyer_sheet(
                self.runner.store, self.event_id, values=self.editor.typed_values()
            )
        except OrganiserError:
            return  # the event went away under us; the window is moving to another
        self.preview.show_sheet(sheet)

    def _rendered(self, sheet: FlyerSheet, result: RenderedFlyer) -> None:
        self.checklist.set_items(check(sheet, result.overflow, result.unprintable))

    def _prepare_output(self) -> None:
        self.flush()
        self.preview.wait()
