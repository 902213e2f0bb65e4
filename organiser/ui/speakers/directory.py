"""The Directory page: every speaker, searchable, with an editor, merging and past events."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from organiser.core.changes import Changes, Touched
from organiser.core.db import Store
from organiser.core.errors import Conflict, OrganiserError
from organiser.core.parsing import format_date
from organiser.core.planning import service as planning
from organiser.core.speakers import service as speakers
from organiser.core.speakers.service import BIO_ADVICE, SpeakerRow
from organiser.ui.ops import OpRunner
from organiser.ui.speakers.undo import merge_inverse, speaker_inverse
from organiser.ui.table_model import Column
from organiser.ui.widgets.fields import Field, Kind, set_choices
from organiser.ui.widgets.flow import FlowLayout
from organiser.ui.widgets.row_section import EVERY_EVENT, RowSection
from organiser.ui.widgets.row_verbs import Verbs

FIELDS = (
    Field("name", "Name", hint="For example: Amira Haddad"),
    Field("organisation", "Organisation", Kind.COMBO_TEXT, hint="Choose or type a new one"),
    Field("role_title", "Role or title", hint="For example: Perinatal mental health nurse"),
    Field("topics", "Topics", hint="What they talk about, for example: sleep, pelvic health"),
    Field("bio", "Bio for flyers", Kind.TEXT, hint="Two or three sentences about them"),
    Field("email", "Email"),
    Field("phone", "Phone"),
    Field("access_needs", "Access needs", Kind.TEXT, hint="For example: step-free access"),
    Field("equipment", "Equipment needs", Kind.TEXT, hint="For example: projector, mats"),
    Field("usual_fee_pence", "Usual fee (£)", Kind.OPTIONAL_MONEY, hint="Blank if none"),
    Field("photo_consent", "Happy to be photographed", Kind.CHECK),
    Field("credit_consent", "Happy to be named on flyers", Kind.CHECK),
    Field("notes", "Notes", Kind.TEXT),
)


def _name(row: SpeakerRow) -> str:
    return f"{row.name} (archived)" if row.archived else row.name


COLUMNS = (
    Column("Name", _name, stretch=True),
    Column("Organisation", lambda r: r.organisation),
    Column("Role or title", lambda r: r.role_title),
    Column("Topics", lambda r: r.topics, stretch=True),
    Column("Events", lambda r: str(r.events), align_right=True),
)


def speaker_values(row: SpeakerRow) -> dict[str, Any]:
    """A speaker as the editor's fields."""
    return {f.key: getattr(row, f.key) for f in FIELDS}


def bio_count(text: str) -> str:
    """How long a bio is against what fits a flyer, in words."""
    count = len(text)
    unit = "character" if count == 1 else "characters"
    if count > BIO_ADVICE:
        return f"⚠ {count} {unit}: about {BIO_ADVICE} fit a flyer, so it may be cut short"
    return f"{count} {unit}; about {BIO_ADVICE} fit a flyer"


def _haystack(row: SpeakerRow) -> str:
    return f"{row.name}\n{row.organisation}\n{row.topics}".casefold()


def _choice_label(row: SpeakerRow) -> str:
    return f"{row.name} — {row.organisation}" if row.organisation else row.name


class DirectoryPage(QWidget):
    """Speakers shared by all events: search, edit, archive, merge duplicates."""

    # Events' titles and dates too: a speaker's past events are listed by them.
    SEES = (
        Touched.SPEAKERS
        | Touched.ORGANISATIONS
        | Touched.INVITATIONS
        | Touched.DETAILS
        | Touched.EVENTS
    )
    ANY_EVENT = True  # the speakers of every event

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.event_id: int | None = None
        self.search = QLineEdit(self)
        self.search.setObjectName("speaker_search")
        self.search.setAccessibleName("Search speakers")
        self.search.setPlaceholderText("Name, organisation or topic")
        self.search.setClearButtonEnabled(True)
        search_label = QLabel("&Search speakers", self)
        search_label.setBuddy(self.search)
        self.show_archived = QCheckBox("Show archived", self)
        self.show_archived.setObjectName("show_archived_speakers")
        self.pane = RowSection(
            runner,
            noun="speaker",
            title="Speakers directory (shared by all events)",
            columns=COLUMNS,
            fields=FIELDS,
            verbs=Verbs(
                name="speaker",
                add=lambda _every_event, values: speakers.add_speaker(self._store(), values=values),
                update=self._update,
                delete=lambda speaker_id: speakers.delete_speaker(
                    self._store(), speaker_id=speaker_id
                ),
                version=lambda speaker_id: speakers.speaker_version(self._store(), speaker_id),
                inverse=lambda: speaker_inverse(self._store),
            ),
            load_rows=lambda _every_event: self._load_rows(),
            row_values=speaker_values,
            haystack=_haystack,
            parent=self,
        )
        self.search.textChanged.connect(self.pane.proxy.set_text)
        self.show_archived.toggled.connect(lambda _on: self.reload())
        search_row = QHBoxLayout()
        search_row.addWidget(search_label)
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.show_archived)
        self.pane.list_layout.addLayout(search_row)
        self.pane.delete_button.clicked.disconnect()
        self.pane.delete_button.clicked.connect(self.delete_current)
        self.archive_button = QPushButton("Archive speaker", self)
        self.archive_button.setObjectName("archive_speaker")
        self.archive_button.setToolTip("Hide from the directory, keeping their invitations")
        self.archive_button.clicked.connect(self.toggle_archived)
        self.pane.add_button_beside(self.archive_button)
        # Three fifths for the list, two for the editor: the search row would take more.
        self.pane.splitter.setSizes([600, 400])
        more = FlowLayout()
        self.member_button = QPushButton("Add a working-group member as speaker…", self)
        self.member_button.setObjectName("speaker_from_member")
        self.member_button.clicked.connect(self.add_member)
        self.merge_button = QPushButton("Merge duplicates…", self)
        self.merge_button.setObjectName("merge_speakers")
        self.merge_button.setToolTip("Fold another entry for the same person into this one")
        self.merge_button.clicked.connect(self.merge)
        more.addWidget(self.member_button)
        more.addWidget(self.merge_button)
        more.addStretch()
        self.pane.list_layout.addLayout(more)
        self.bio_count = QLabel(self)
        self.bio_count.setObjectName("bio_count")
        self.bio_count.setWordWrap(True)
        organisation = self.pane.form.inputs["organisation"]
        assert isinstance(organisation, QComboBox)
        # Long organisation names show their start rather than widen the editor off screen.
        organisation.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        organisation.setMinimumContentsLength(12)
        bio = self.pane.form.inputs["bio"]
        assert isinstance(bio, QPlainTextEdit)
        bio.textChanged.connect(lambda: self._count(bio.toPlainText()))
        holder = bio.parentWidget()
        bio_box = holder.layout() if holder is not None else None
        assert bio_box is not None
        bio_box.addWidget(self.bio_count)
        self.past = QListWidget(self)
        self.past.setObjectName("past_events")
        self.past.setAccessibleName("Past events")
        self.past.setMaximumHeight(self.past.fontMetrics().lineSpacing() * 6 + 12)
        past_label = QLabel("&Past events", self)
        past_label.setProperty("role", "subheading")
        past_label.setBuddy(self.past)
        self.pane.editor_layout.addWidget(past_label)
        self.pane.editor_layout.addWidget(self.past)
        self.pane.current_changed.connect(lambda _id: self._chosen())
        self.pane.rows_changed.connect(self._chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pane)
        self._loaded_from: Store | None = None
        self._count("")
        self._chosen()

    def _store(self) -> Store:
        return self.runner.store

    # Loading.

    def reload(self) -> None:
        """Reload the speakers and the organisations offered, the chosen one kept chosen."""
        self._load_organisations()
        self.pane.refresh()

    def _load_organisations(self) -> None:
        set_choices(
            self.pane.form.inputs["organisation"], planning.list_organisations(self._store())
        )

    def refresh(self, _changes: Changes) -> None:
        """Reload when speakers, organisations or invitations (event counts) changed."""
        self.reload()

    def flush(self) -> None:
        """Save a speaker still being typed."""
        self.pane.flush()

    def _load_rows(self) -> list[SpeakerRow]:
        return speakers.list_speakers(
            self._store(), include_archived=self.show_archived.isChecked()
        )

    def _count(self, text: str) -> None:
        self.bio_count.setText(bio_count(text))
        self.bio_count.setProperty("role", "warning" if len(text) > BIO_ADVICE else "")
        self.bio_count.style().unpolish(self.bio_count)
        self.bio_count.style().polish(self.bio_count)

    def _chosen(self) -> None:
        row = self.pane.current_row()
        self.archive_button.setEnabled(row is not None)
        self.merge_button.setEnabled(row is not None)
        self.archive_button.setText(
            "Unarchive speaker" if row is not None and row.archived else "Archive speaker"
        )
        self.past.clear()
        if row is None:
            return
        found = speakers.past_events(self._store(), row.id)
        for past in found:
            when = format_date(past.date) or "No date"
            talk = f": {past.talk}" if past.talk else ""
            self.past.addItem(f"{when} — {past.title}{talk} ({past.status})")
        if not found:
            self.past.addItem("Not invited to any event yet")

    # Verbs.

    def _update(
        self, speaker_id: int, values: dict[str, Any], base: dict[str, Any], version: int
    ) -> Changes:
        """An edit against the version shown: someone else's change is kept or a clash."""
        return speakers.update_speaker(
            self._store(),
            speaker_id=speaker_id,
            values=values,
            base=base,
            expected_version=version,
        )

    def delete_current(self) -> None:
        """Delete the chosen speaker; one with invitations is offered archiving instead."""
        row = self.pane.current_row()
        if row is None:
            return
        store, inverse = self._store(), speaker_inverse(self._store)
        try:
            self.runner.push(
                "Delete speaker",
                lambda: speakers.delete_speaker(store, speaker_id=row.id),
                inverse,
                quiet=True,
            )
        except Conflict as exc:
            answer = QMessageBox.question(self, "Organiser", f"{exc}\n\nArchive {row.name} now?")
            if answer == QMessageBox.StandardButton.Yes:
                self.set_archived(row.id, archived=True)
        except OrganiserError as exc:
            self.runner.show_error(str(exc))

    def set_archived(self, speaker_id: int, *, archived: bool) -> None:
        """Hide a speaker from the directory (their invitations stay), or show them again."""
        store = self._store()
        self.runner.push(
            "Archive speaker" if archived else "Unarchive speaker",
            lambda: speakers.update_speaker(
                store, speaker_id=speaker_id, values={"archived": archived}
            ),
            speaker_inverse(self._store),
        )

    def toggle_archived(self) -> None:
        """Archive the chosen speaker, or bring an archived one back."""
        row = self.pane.current_row()
        if row is not None:
            self.pane.flush()
            self.set_archived(row.id, archived=not row.archived)

    def set_event(self, event_id: int | None) -> None:
        """The open event (its working group can be added as speakers)."""
        self.event_id = event_id
        self.member_button.setEnabled(event_id is not None)
        if self.pane.parent_id is None or self._loaded_from is not self._store():
            # The speakers are every event's: read once, and again on another database only.
            self._loaded_from = self._store()
            self._load_organisations()
            self.pane.set_parent(EVERY_EVENT)

    def add_member(self) -> None:
        """Choose a member of the open event's working group and add them as a speaker."""
        if self.event_id is None:
            return
        members = planning.list_members(self._store(), self.event_id)
        if not members:
            self.runner.show_error("This event’s working group has no members yet.")
            return
        labels = [f"{m.name} — {m.organisation}" if m.organisation else m.name for m in members]
        chosen, ok = QInputDialog.getItem(
            self, "Add a member as speaker", "Working-group member:", labels, 0, False
        )
        if not ok or chosen not in labels:
            return
        member_id = members[labels.index(chosen)].id
        store = self._store()
        changes = self.runner.push(
            "Add member as speaker",
            lambda: speakers.speaker_from_member(store, member_id=member_id),
            speaker_inverse(self._store),
        )
        if changes is not None and changes.created_id is not None:
            self.show_speaker(changes.created_id)

    def merge(self) -> None:
        """Fold a duplicate entry into the chosen speaker (Ctrl+Z separates them again)."""
        keep = self.pane.current_row()
        if keep is None:
            return
        self.pane.flush()
        others = [
            r
            for r in speakers.list_speakers(self._store(), include_archived=True)
            if r.id != keep.id
        ]
        labels = [f"{_choice_label(r)} (#{r.id})" for r in others]
        chosen, ok = QInputDialog.getItem(
            self,
            "Merge duplicates",
            f"Which entry is the same person as {keep.name}? Its invitations move to "
            f"{keep.name} and it is removed.",
            labels,
            0,
            False,
        )
        if not ok or chosen not in labels:
            return
        merge_id, keep_id, store = others[labels.index(chosen)].id, keep.id, self._store()
        self.runner.push(
            "Merge speakers",
            lambda: speakers.merge_speakers(store, keep_id=keep_id, merge_id=merge_id),
            merge_inverse(self._store),
        )

    def show_speaker(self, speaker_id: int) -> None:
        """Choose a speaker in the list (clearing a search that hides them)."""
        if self.pane.model.row_of(speaker_id) is None:
            self.show_archived.setChecked(True)
        self.search.clear()
        self.pane.choose(speaker_id)
