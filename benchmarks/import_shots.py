"""Screenshots of the import dialogs on the example files in docs/examples, as a person first
sees them: the bookings as they will be stored, how each column was read, and the feedback
responses; at 100% text on a 1366×768 laptop and at 200%."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog, QWidget

from organiser.core.events.service import create_event
from organiser.core.opening import open_store
from organiser.core.tables import read_table
from organiser.ui.creche.import_dialog import ImportDialog as BookingImport
from organiser.ui.feedback.import_dialog import ImportDialog as FeedbackImport
from organiser.ui.ops import OpRunner
from organiser.ui.style import apply_zoom

EXAMPLES = Path(__file__).resolve().parent.parent / "docs" / "examples"
BOOKINGS = EXAMPLES / "eventbrite-attendees.csv"
RESPONSES = EXAMPLES / "google-forms-responses.csv"


def _save(app: QApplication, dialog: QDialog, path: Path) -> None:
    for _ in range(5):
        app.processEvents()
    dialog.grab().save(str(path))
    print(path)


def import_pngs(app: QApplication, work: Path, out: Path) -> None:
    """import-bookings.png, import-bookings-columns.png and import-feedback.png, and the same
    at 200% text (in out/200)."""
    with closing(open_store(f"sqlite:///{work / 'imports.sqlite'}")) as store:
        event_id = create_event(store, title="Pilates for parents").created_id
        assert event_id is not None
        parent = QWidget()
        parent.resize(1366, 768)
        runner = OpRunner(store, parent)
        for zoom, folder, suffix in ((1.0, out, ""), (2.0, out / "200", "-200")):
            apply_zoom(app, zoom)
            folder.mkdir(parents=True, exist_ok=True)
            data = BOOKINGS.read_bytes()
            table = read_table(data, BOOKINGS.name)
            bookings = BookingImport(runner, event_id, BOOKINGS.name, data, table, parent)
            bookings.show()
            _save(app, bookings, folder / f"import-bookings{suffix}.png")
            bookings.pages.setCurrentIndex(1)
            _save(app, bookings, folder / f"import-bookings-columns{suffix}.png")
            bookings.reject()
            data = RESPONSES.read_bytes()
            feedback = FeedbackImport(runner, event_id, data, read_table(data, RESPONSES.name))
            feedback.show()
            _save(app, feedback, folder / f"import-feedback{suffix}.png")
            feedback.reject()
        apply_zoom(app, 1.0)
        parent.deleteLater()
