"""The Privacy page: how long personal data is kept, removing it after the event (keeping
counts, age bands and attendance), and the backups that still hold it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from organiser.core.backup import BackupFile
from organiser.core.changes import Changes, Touched
from organiser.core.creche import privacy
from organiser.core.creche import service as creche
from organiser.core.creche.privacy import PurgeResult
from organiser.core.creche.rows import CrecheSettings
from organiser.core.errors import OrganiserError
from organiser.core.events import service as events
from organiser.core.parsing import format_date, local_moment
from organiser.ui.creche.common import button, row_of, set_role, tell, wrapped
from organiser.ui.ops import OpRunner


def _n(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


class PurgeDialog(QDialog):
    """Says exactly what is removed and what is kept, and asks once."""

    def __init__(
        self, parent: QWidget, title: str, held: tuple[int, int, int], consented: int
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Remove personal data")
        bookings, children, staff = held
        self.text = QLabel(
            f"<p>For “{title}” this removes:</p><ul>"
            f"<li>the names, contact details, access needs and notes of "
            f"{_n(bookings, 'booking', 'bookings')};</li>"
            f"<li>the names, dates of birth, allergies, dietary and medical notes, photo "
            f"consent, who may collect and collection passwords of "
            f"{_n(children, 'child', 'children')};</li>"
            f"<li>the names, notes, DBS and first aid dates of "
            f"{_n(staff, 'creche staff member', 'creche staff members')}.</li></ul>"
            "<p>It keeps, for the report: how many adults and children were booked, each "
            "booking's status (who came), each child's age in months and age band, and staff "
            "roles and qualification levels.</p>"
            "<p>The database is then cleaned so the removed text cannot be recovered. "
            "<b>This cannot be undone</b>, and the Undo history is cleared.</p>",
            self,
        )
        self.text.setObjectName("purge_text")
        self.text.setWordWrap(True)
        self.keep = QCheckBox(
            f"Keep the names and contacts of the {_n(consented, 'household', 'households')} "
            "who agreed to hear about future sessions",
            self,
        )
        self.keep.setObjectName("keep_consented")
        self.keep.setChecked(True)
        self.keep.setEnabled(consented > 0)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.remove = self.buttons.addButton(
            "Remove personal data", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.remove.setObjectName("confirm_purge")
        self.remove.setAutoDefault(False)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.keep)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())
        cancel.setFocus()


class PrivacyPage(QWidget):
    """The retention date, the purge, and the backups made before it."""

    SEES = Touched.BOOKINGS | Touched.CRECHE | Touched.DETAILS

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.event_id: int | None = None
        self.dialog: PurgeDialog | None = None
        self.backups: list[BackupFile] = []
        self.status = wrapped(self, "privacy_status", role="subheading")
        self.held = wrapped(self, "privacy_held")
        self.result = wrapped(self, "purge_result")
        self.purge_button = button(
            self,
            "Remove personal data…",
            "purge",
            "Anonymise the bookings, children and creche staff of this event",
        )
        self.purge_button.clicked.connect(self.ask_to_purge)
        self.backup_heading = wrapped(self, "backups_heading")
        self.backup_list = QListWidget(self)
        self.backup_list.setObjectName("backups_before_purge")
        self.backup_list.setAccessibleName("Backups made before the purge")
        self.backup_list.setMaximumHeight(self.backup_list.fontMetrics().lineSpacing() * 7)
        self.backup_heading.setBuddy(self.backup_list)
        self.delete_backups_button = button(self, "Delete these backups…", "delete_backups")
        self.delete_backups_button.clicked.connect(self.delete_backups)
        about = QLabel(
            "Children's allergies and medical notes are health data. Keep personal data only "
            "as long as it is needed: after the retention date, remove it here. The numbers "
            "for the summary report stay.",
            self,
        )
        about.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.held)
        layout.addLayout(row_of(self.purge_button))
        layout.addWidget(self.result)
        layout.addWidget(self.backup_heading)
        layout.addWidget(self.backup_list)
        layout.addLayout(row_of(self.delete_backups_button))
        layout.addWidget(about)
        layout.addStretch()

    def set_event(self, event_id: int | None) -> None:
        """Show another event's retention and purge."""
        self.event_id = event_id
        self.result.setText("")
        self.result.hide()
        self._load()

    def refresh(self, _changes: Changes) -> None:
        """Reload when bookings, the creche or the event's date changed."""
        self._load()

    def flush(self) -> None:
        """Nothing is typed here."""

    def _counts(self) -> tuple[int, int, int, int]:
        assert self.event_id is not None
        store = self.runner.store
        bookings = [b for b in creche.list_bookings(store, self.event_id) if not b.anonymised]
        children = [c for c in creche.list_children(store, self.event_id) if not c.anonymised]
        staff = creche.list_staff(store, self.event_id)
        consented = sum(b.contact_consent for b in bookings)
        return len(bookings), len(children), len(staff), consented

    def _load(self) -> None:
        self.setEnabled(self.event_id is not None)
        if self.event_id is None:
            self.status.setText("Choose or create an event.")
            self.held.setText("")
            self._show_backups(None)
            return
        settings = creche.get_creche(self.runner.store, self.event_id)
        bookings, children, staff, consented = self._counts()
        remains = bool(bookings or children)
        text, warn = status_words(settings, remains, dt.date.today())
        self.status.setText(text)
        set_role(self.status, "warning" if warn else "subheading")
        self.held.setText(
            f"Held now: {_n(bookings, 'booking', 'bookings')} with names "
            f"({consented} agreed to hear about future sessions), "
            f"{_n(children, 'child', 'children')} with names, "
            f"{_n(staff, 'creche staff member', 'creche staff members')}."
        )
        self.purge_button.setEnabled(bool(bookings or children or staff))
        self._show_backups(settings.purged_at)

    def _show_backups(self, purged_at: dt.datetime | None) -> None:
        self.backups = (
            privacy.backups_before(self.runner.store, purged_at) if purged_at is not None else []
        )
        self.backup_list.clear()
        for backup in self.backups:
            self.backup_list.addItem(
                f"{backup.path.name} — made {backup.made:%d/%m/%Y %H:%M} ({backup.reason})"
            )
        shown = purged_at is not None
        self.backup_heading.setVisible(shown)
        self.backup_list.setVisible(bool(self.backups))
        self.delete_backups_button.setVisible(bool(self.backups))
        if self.backups:
            one = len(self.backups) == 1
            self.backup_heading.setText(
                f"⚠ {_n(len(self.backups), 'backup was', 'backups were')} made before the "
                f"personal data was removed, and still {'holds' if one else 'hold'} it. Delete "
                f"{'it' if one else 'them'} unless you need {'it' if one else 'them'}:"
            )
            set_role(self.backup_heading, "warning")
        else:
            self.backup_heading.setText("No backups made before the removal are left.")
            set_role(self.backup_heading, "")

    def ask_to_purge(self) -> None:
        """Open the confirmation that says what is removed and kept."""
        if self.event_id is None:
            return
        bookings, children, staff, consented = self._counts()
        title = events.get_event(self.runner.store, self.event_id).title
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = PurgeDialog(self, title, (bookings, children, staff), consented)
        self.dialog.accepted.connect(self._purge)
        self.dialog.open()

    def _purge(self) -> None:
        dialog, event_id = self.dialog, self.event_id
        if dialog is None or event_id is None:
            return
        keep = dialog.keep.isChecked() and dialog.keep.isEnabled()
        store = self.runner.store
        done: list[PurgeResult] = []

        def run() -> Changes:
            result, changes = privacy.purge_personal_data(store, event_id, keep_consented=keep)
            done.append(result)
            return changes

        try:
            finished = self.runner.call(run) is not None and bool(done)
        finally:
            # Earlier undo steps hold the removed names: they must never bring them back, even
            # when the names went but cleaning the file did not finish.
            self.runner.undo_stack.clear()
        if not finished:
            # The names may be gone although the file was not cleaned: show what is there now.
            self.runner.announce(Changes(Touched.BOOKINGS | Touched.CRECHE, event_id=event_id))
            return
        self.result.setText(f"✓ {done[0].words()}")
        self.result.show()
        tell(self, "Personal data removed.")

    def delete_backups(self) -> None:
        """Delete the backups made before the purge, after asking."""
        if not self.backups:
            return
        answer = QMessageBox.question(
            self,
            "Delete backups",
            f"Delete {_n(len(self.backups), 'backup', 'backups')} made before the personal data "
            "was removed? They cannot be brought back.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            gone = privacy.delete_backups(self.backups)
        except OrganiserError as exc:
            self.runner.show_error(str(exc))
        else:
            tell(self, f"Deleted {_n(gone, 'backup', 'backups')}.")
        self._load()


def status_words(settings: CrecheSettings, remains: bool, today: dt.date) -> tuple[str, bool]:
    """What the page says about retention, and whether it is a warning."""
    if settings.purged_at is not None:
        when = local_moment(settings.purged_at)
        return (
            f"Personal data was removed on {when:%d/%m/%Y} at {when:%H:%M}. Counts, age bands "
            "and attendance are kept for the report.",
            False,
        )
    retention = settings.retention
    if retention is None:
        return "Personal data is kept until 30 days after the event, once it has a date.", False
    why = "set on Settings and checks" if settings.retention_date else "30 days after the event"
    date = format_date(retention)
    if today > retention and remains:
        return (
            f"⚠ The retention date ({date}, {why}) has passed: remove the personal data now.",
            True,
        )
    if today > retention:
        return f"The retention date ({date}) has passed; no personal data is held.", False
    days = (retention - today).days
    left = "the last day" if days == 0 else f"{_n(days, 'day', 'days')} from now"
    return f"Personal data is kept until {date} ({why}): {left}.", False
