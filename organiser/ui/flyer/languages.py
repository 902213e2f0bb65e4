"""The Languages page: the flyer in another language, each field typed under its English, the
version's preview and checklist beside it, and a member who reads the language checking it.

A field left empty shows its English in grey and prints in English (the checklist says which).
Edits save as they are typed and are on Edit ▸ Undo; adding and removing a version too.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from organiser.core.changes import Changes, Touched
from organiser.core.errors import OrganiserError
from organiser.core.flyer import languages
from organiser.core.flyer import service as flyers
from organiser.core.flyer.checklist import check, language_items
from organiser.core.flyer.documents import FlyerSheet, RenderedFlyer
from organiser.core.flyer.kinds import ENGLISH_HEADINGS, HEADINGS, LABELS
from organiser.core.planning.service import list_members
from organiser.ui import printing
from organiser.ui.flyer.checklist_panel import ChecklistPanel
from organiser.ui.flyer.editor import HINTS, MULTI_LINE
from organiser.ui.flyer.preview import FlyerPreview
from organiser.ui.ops import Call, OpRunner
from organiser.ui.widgets.fields import Field, Kind
from organiser.ui.widgets.flow import FlowLayout
from organiser.ui.widgets.form import SavedForm
from organiser.ui.widgets.language_version import (
    ask_language,
    checked_words,
    english_rows,
    fill_members,
)
from organiser.ui.widgets.versioned_edits import versioned_edits

PREVIEW_DELAY_MS = 40
HEADING_PARTS = {field: part for field, part, _english in HEADINGS}
FIELDS = tuple(
    Field(key, LABELS[key], Kind.TEXT if key in MULTI_LINE else Kind.LINE, hint=HINTS.get(key, ""))
    for key in languages.TRANSLATED
)


def _inverse(store: Any) -> Any:
    """Undo of an edit: the old words back (the check it took back stays taken back)."""

    def inverse(changes: Changes) -> Call:
        translation_id, previous = changes.row_id, dict(changes.previous)
        assert translation_id is not None
        words = {key: value for key, value in previous.items() if key in languages.TRANSLATED}
        return lambda: languages.edit_translation(
            store, translation_id=translation_id, values=words
        )

    return inverse


def _added_or_removed(store: Any, event_id: int, language: str) -> Any:
    """Undo and redo of adding or removing a version: one added (or brought back) goes, one
    removed comes back whole from its snapshot."""

    def inverse(changes: Changes) -> Call:
        if changes.snapshot is not None:
            saved = changes.snapshot
            return lambda: languages.restore_language(store, event_id=event_id, snapshot=saved)
        return lambda: languages.remove_language(store, event_id=event_id, language=language)

    return inverse


class LanguagesPage(QWidget):
    """The flyer's language versions, one at a time."""

    SEES = Touched.FLYER | Touched.MEMBERS | Touched.EVENTS | Touched.DETAILS

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.event_id: int | None = None
        self.shown: languages.LanguageVersion | None = None
        self.english: FlyerSheet | None = None
        self.choice = QComboBox(self)
        self.choice.setObjectName("language_choice")
        self.choice.setAccessibleName("Language version")
        self.choice.currentIndexChanged.connect(self._chosen)
        self.add_button = QPushButton("&Add a language…", self)
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton("Re&move this language…", self)
        self.remove_button.clicked.connect(self.remove)
        self.export_button = QPushButton("E&xport PDF…", self)
        self.export_button.setToolTip("This language version as a flyer of its own")
        self.export_button.clicked.connect(lambda: self._save("flyer"))
        self.both_button = QPushButton("Export &both on one sheet…", self)
        self.both_button.setToolTip("The English and this version, two A5 halves of an A4 sheet")
        self.both_button.clicked.connect(lambda: self._save("flyer-two-languages"))
        self.empty = QLabel(
            "No language versions yet. Add one to print the flyer in a language the community "
            "reads: its words are typed under the English, and a member who reads the language "
            "checks them.",
            self,
        )
        self.empty.setWordWrap(True)
        self.form = SavedForm(FIELDS, self)
        self.form.save_requested.connect(self.save)
        self.edits = versioned_edits(
            self,
            runner,
            self.form,
            noun="language version",
            action="Edit flyer translation",
            current=lambda: self.shown.id if self.shown else None,
            version_of=languages.translation_version,
            update=languages.edit_translation,
            key="translation_id",
            inverse=_inverse,
        )
        self.english_labels = english_rows(self.form.inputs)
        self.checker = QComboBox(self)
        self.checker.setObjectName("language_checker")
        self.checker.setAccessibleName("Member who checked the translation")
        self.check_button = QPushButton("Mark as &checked", self)
        self.check_button.clicked.connect(self.mark_checked)
        self.check_state = QLabel(self)
        self.check_state.setObjectName("language_checked")
        self.check_state.setWordWrap(True)
        self.preview = FlyerPreview(self)
        self.checklist = ChecklistPanel(self)
        self.preview.rendered.connect(self._rendered)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.update_preview)
        for widget in self.form.inputs.values():
            if isinstance(widget, (QLineEdit, QPlainTextEdit)):
                widget.textChanged.connect(self._timer.start)
        self._build()

    def _build(self) -> None:
        chosen = QLabel("&Language:", self)
        chosen.setBuddy(self.choice)
        bar = FlowLayout()  # wraps onto a second line at large text sizes
        for widget in (
            chosen,
            self.choice,
            self.add_button,
            self.remove_button,
            self.export_button,
            self.both_button,
        ):
            bar.addWidget(widget)
        checked_row = QHBoxLayout()
        checker_label = QLabel("Chec&ked by:", self)
        checker_label.setBuddy(self.checker)
        checked_row.addWidget(checker_label)
        checked_row.addWidget(self.checker, 1)
        checked_row.addWidget(self.check_button)
        editor = QWidget(self)
        column = QVBoxLayout(editor)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.empty)
        column.addWidget(self.form)
        column.addWidget(self.check_state)
        column.addLayout(checked_row)
        column.addStretch(1)
        rows = self.form.layout()
        assert isinstance(rows, QFormLayout)
        rows.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(editor)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setMinimumWidth(300)
        self.preview.setMinimumWidth(240)
        self.checklist.setMinimumWidth(200)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        for part in (scroll, self.preview, self.checklist):
            splitter.addWidget(part)
        splitter.setSizes([430, 390, 260])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

    # Loading.

    def set_event(self, event_id: int | None) -> None:
        """Show another event's language versions (saving what was typed first)."""
        self.form.save_now()
        self.event_id = event_id
        self.shown = None
        self._load(force=True)

    def refresh(self, changes: Changes) -> None:
        if changes.event_id not in (None, self.event_id):
            return
        self._load(force=False)

    def flush(self) -> None:
        """Save what is typed now."""
        self.form.save_now()

    def _load(self, *, force: bool) -> None:
        found: list[languages.LanguageVersion] = []
        if self.event_id is not None:
            try:
                found = languages.list_languages(self.runner.store, self.event_id)
                self.english = flyers.flyer_sheet(self.runner.store, self.event_id)
                members = list_members(self.runner.store, self.event_id)
            except OrganiserError:
                return  # the event went away; the window is moving to another
            fill_members(self.checker, members)
        wanted = self.shown.language if self.shown else None
        self.choice.blockSignals(True)
        self.choice.clear()
        for version in found:
            self.choice.addItem(version.language, version.language)
        index = self.choice.findData(wanted) if wanted else 0
        self.choice.setCurrentIndex(max(index, 0) if found else -1)
        self.choice.blockSignals(False)
        has = bool(found)
        for widget in (self.form, self.check_state):
            widget.setVisible(has)
        self.empty.setVisible(not has)
        for button in (self.remove_button, self.export_button, self.both_button):
            button.setEnabled(has)
        self.checker.setEnabled(has)
        self.check_button.setEnabled(has)
        self.add_button.setEnabled(self.event_id is not None)
        self._show(found[max(index, 0)] if has else None, force=force)

    def _chosen(self, _index: int) -> None:
        self.form.save_now()
        language = self.choice.currentData()
        if self.event_id is None or language is None:
            return
        self._show(languages.get_language(self.runner.store, self.event_id, language), force=True)

    def _show(self, version: languages.LanguageVersion | None, *, force: bool) -> None:
        if version is None:
            self.shown = None
            self.edits.clear()
            self.preview.hide()
            self.checklist.hide()
            return
        if self.shown is None or self.shown.id != version.id:
            force = True
        self.shown = version
        self.preview.show()
        self.checklist.show()
        english = self.english
        for key, label in self.english_labels.items():
            text = self._english_of(english, key)
            label.setText(f"English: {text}" if text else "English: (empty)")
            widget = self.form.inputs[key]
            if isinstance(widget, (QLineEdit, QPlainTextEdit)):
                widget.setPlaceholderText(text)
        version_now = self.edits.version_now(version.id)
        self.form.load(version.values, force=force)
        self.edits.refreshed(version_now)
        self.check_state.setText(
            checked_words(version.language, version.checked_by, version.checked_at)
        )
        self.update_preview()

    @staticmethod
    def _english_of(sheet: FlyerSheet | None, key: str) -> str:
        if key in HEADING_PARTS:
            return ENGLISH_HEADINGS[HEADING_PARTS[key]]
        if sheet is None:
            return ""
        value = getattr(sheet, key)
        return "\n".join(value) if isinstance(value, tuple) else str(value)

    # Preview and checklist.

    def typed(self) -> languages.LanguageVersion | None:
        """The shown version as typed now (saved or not)."""
        if self.shown is None:
            return None
        values, _errors = self.form.read()
        words = {key: str(values.get(key) or "") for key in languages.TRANSLATED}
        return languages.LanguageVersion(
            self.shown.id,
            self.shown.language,
            words,
            self.shown.checked_by,
            self.shown.checked_at,
            self.shown.row_version,
        )

    def update_preview(self) -> None:
        self._timer.stop()
        typed = self.typed()
        if typed is None or self.english is None:
            return
        self.preview.show_sheet(languages.translated_sheet(self.english, typed))

    def _rendered(self, sheet: FlyerSheet, result: RenderedFlyer) -> None:
        typed = self.typed()
        if typed is None:
            return
        items = check(sheet, result.overflow, result.unprintable)
        self.checklist.set_items(
            [*items, *language_items(typed.language, typed.untranslated, typed.checked_by)]
        )

    # Changes.

    def save(self) -> None:
        if self.shown is None:
            return
        values, errors = self.form.read()
        self.edits.save(self.shown.id, values, errors)

    def add(self) -> None:
        """Add a language version (chosen from the common ones, or typed)."""
        if self.event_id is None:
            return
        name = ask_language(self, {self.choice.itemData(i) for i in range(self.choice.count())})
        if name is None:
            return
        self.flush()
        store, event_id = self.runner.store, self.event_id
        changes = self.runner.push(
            f"Add {name.strip()} version of the flyer",
            lambda: languages.add_language(store, event_id=event_id, language=name),
            _added_or_removed(store, event_id, name),
        )
        if changes is not None:
            self.shown = None
            self._load(force=True)
            self.choice.setCurrentIndex(self.choice.count() - 1)

    def remove(self) -> None:
        """Remove the shown version, after asking (Edit ▸ Undo brings it back)."""
        if self.event_id is None or self.shown is None:
            return
        language = self.shown.language
        answer = QMessageBox.question(
            self,
            "Remove a language version",
            f"Remove the {language} version of the flyer and its words?\n\n"
            "Edit ▸ Undo (Ctrl+Z) brings it back.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.flush()
        store, event_id = self.runner.store, self.event_id
        self.runner.push(
            f"Remove {language} version of the flyer",
            lambda: languages.remove_language(store, event_id=event_id, language=language),
            _added_or_removed(store, event_id, language),
        )
        self.shown = None
        self._load(force=True)

    def mark_checked(self) -> None:
        """Record that the chosen member, who reads the language, checked this version."""
        if self.event_id is None or self.shown is None or self.checker.currentData() is None:
            return
        self.flush()
        store, event_id = self.runner.store, self.event_id
        language, member = self.shown.language, self.checker.currentData()
        self.runner.call(
            lambda: languages.check_language(
                store, event_id=event_id, language=language, member_id=member
            )
        )

    def _save(self, kind: str) -> None:
        if self.shown is None:
            return
        self.flush()
        self.preview.wait()
        window = self.window()
        printing.save_document(
            window,  # type: ignore[arg-type]
            kind,
            name=f"{self.english.title if self.english else 'Flyer'} - {self.shown.language}",
            options={"language": self.shown.language},
        )
