"""The main window: event switcher, tabs, menus, undo, zoom."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTime, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from organiser import __version__
from organiser.core.changes import Changes, Touched
from organiser.core.errors import OrganiserError
from organiser.ui import keyboard, menus, window_place
from organiser.ui.creche.tab import CrecheTab
from organiser.ui.events_panel import EventsPanel
from organiser.ui.feedback.tab import FeedbackTab
from organiser.ui.flyer.tab import FlyerTab
from organiser.ui.help.tips import watch as explain_words
from organiser.ui.ops import OpRunner
from organiser.ui.planning.tab import PlanningTab
from organiser.ui.speakers.tab import SpeakersTab
from organiser.ui.style import apply_zoom, next_zoom
from organiser.ui.team.address import describe
from organiser.ui.widgets.lazy_tab import LazyTab

if TYPE_CHECKING:
    from organiser.core.db import Store
    from organiser.ui.new_day import NewDay
    from organiser.ui.read_only import ReadOnlyGuard
    from organiser.ui.report.summary_dialog import SummaryReportDialog
    from organiser.ui.team.live import LiveUpdates


class MainWindow(QMainWindow):
    """Events on the left, the open event's tabs on the right.

    Made in two steps, so a window is on screen at once: the frame (menus, tabs, the event
    list) needs no database, and `fill` then opens the last event. Given a store, it fills at
    once.
    """

    filled = Signal()  # the database is open and the last event shown

    def __init__(
        self, store: Store | None, settings: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.settings = settings
        # Text size first: changing the application font later re-polishes every widget.
        self.zoom = float(settings.value("view/zoom", 1.0))  # type: ignore[arg-type]
        apply_zoom(self._app(), self.zoom)
        self.runner = OpRunner(None, self)
        self.home_url: str | None = None  # File ▸ Use this computer's database goes back here
        self.runner.changes_applied.connect(self._apply)
        self.runner.failed.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.event_id: int | None = None
        self.summary_dialog: SummaryReportDialog | None = None
        self.live: LiveUpdates | None = None
        self.new_day: NewDay | None = None
        self.read_only: ReadOnlyGuard | None = None
        self.menu_actions = menus.build(self)
        self.menu_actions.event_open(False)
        self._add_tabs()
        self.panel = EventsPanel(self.menu_actions.event_actions, self)
        self.panel.chosen.connect(self.open_event)
        self.panel.show_archived_changed.connect(lambda _on: self.reload_events())
        self.dock = QDockWidget("Events", self)
        self.dock.setObjectName("events_dock")
        self.dock.setWidget(self.panel)
        self.dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)
        window_place.restore(self, self.settings)
        self._waiting: list[Callable[[], object]] = []
        if store is not None:
            self.fill(store)

    def _add_tabs(self) -> None:
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tabs")
        self.planning = PlanningTab(self.runner, self)
        self.planning.print_programme.connect(lambda: self._print("export_programme", self))
        self.planning.print_minutes.connect(
            lambda meeting: self._print("export_meeting", self, "minutes", meeting)
        )
        self.planning.export_calendar.connect(
            lambda meeting: self._print("export_meeting", self, "ics", meeting)
        )
        self.planning.print_poll.connect(
            lambda poll: self._print("save_document", self, "poll", chosen=poll)
        )
        self.tabs.addTab(self.planning, "Planning")
        self.speakers = SpeakersTab(self.runner, self)
        self.tabs.addTab(self.speakers, "Speakers")
        self.speakers.print_briefing_requested.connect(
            lambda: self._print("save_document", self, "briefing")
        )
        self.speakers.print_schedule_requested.connect(
            lambda: self._print("save_document", self, "speakers")
        )
        self.speakers.letter_requested.connect(self.show_letter)
        self.creche = CrecheTab(self.runner, self)
        self.tabs.addTab(self.creche, "Creche")
        self.creche.print_requested.connect(lambda kind: self._print("save_document", self, kind))
        self.flyer = FlyerTab(self.runner, self)
        self.tabs.addTab(self.flyer, "Flyer")
        self.feedback = FeedbackTab(self.runner, self)
        self.tabs.addTab(self.feedback, "Feedback")
        self.feedback.print_requested.connect(lambda kind: self._print("save_document", self, kind))
        self.feedback.summary_requested.connect(self.show_summary_report)
        self.planning.open_tab.connect(self.show_tab)
        self.planning.event_requested.connect(self.open_event)
        self.tabs.currentChanged.connect(lambda _index: self.flush())
        self.setCentralWidget(self.tabs)
        explain_words(self.tabs.tabBar())  # "Creche": the glossary's tooltip

    @staticmethod
    def _print(name: str, *args: object, **kwargs: object) -> None:
        from organiser.ui import printing  # with the documents' list, on first use

        getattr(printing, name)(*args, **kwargs)

    @property
    def is_filled(self) -> bool:
        """Whether the database is open in the window (`fill` has run)."""
        return hasattr(self.runner, "store")

    def fill(self, store: Store, *, first: Callable[[], object] | None = None) -> None:
        """Open the database in the window: the last event, the event list, live updates.
        Then `first` (the example event, with --demo), then what was chosen from the menus
        meanwhile."""
        from organiser.ui.new_day import NewDay
        from organiser.ui.team.live import LiveUpdates

        self.runner.store = store
        self.home_url = store.url if store.path is not None else None
        self._open_last_event()
        for tab in self._tabs():  # the page on show is built, for the event just opened
            tab.start()
        self.live = LiveUpdates(self)
        self.new_day = NewDay(self)
        self.menu_actions.store_open(is_local=store.path is not None)
        self.statusBar().showMessage("Ready")
        self._guard_edits()  # "Read only: why" in the status bar, where it is so
        self.filled.emit()
        if first is not None:
            first()
        waiting, self._waiting = self._waiting, []
        for action in waiting:
            action()

    def when_filled(self, action: Callable[[], object]) -> None:
        """Run a menu command now, or once the database is open if the window is still filling."""
        if self.is_filled:
            action()
        else:
            self._waiting.append(action)

    def _unguard(self) -> None:
        if self.read_only is not None:
            self.read_only.remove()
            self.read_only = None

    def _guard_edits(self) -> None:
        """Lock editing (with a banner saying why) while the database can only be read."""
        from organiser.ui.read_only import ReadOnlyGuard
        from organiser.ui.team.role_view import show_for_role

        self._unguard()
        self.read_only = show_for_role(self, self.store.role)  # a team role: its pages, why
        if self.read_only is None and self.store.read_only is not None:
            self.read_only = ReadOnlyGuard(self, self.store.read_only)

    @property
    def store(self) -> Store:
        """The open database."""
        return self.runner.store

    def _tabs(self) -> tuple[LazyTab, ...]:
        return (self.planning, self.speakers, self.creche, self.flyer, self.feedback)

    def _open_last_event(self) -> None:
        from organiser.core.events import service as events

        last = self.settings.value(self._last_event_key())
        rows = events.list_events(self.store)
        ids = [row.id for row in rows]
        wanted = int(last) if last is not None and str(last).isdigit() else None  # type: ignore[arg-type]
        self.reload_events()
        self.open_event(wanted if wanted in ids else (ids[0] if ids else None))

    def _last_event_key(self) -> str:
        return f"events/last/{self.store.display_name}"

    @staticmethod
    def _app() -> QApplication:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        return app

    def reload_events(self) -> None:
        """Refill the event switcher (once the database is open)."""
        if not self.is_filled:
            return
        from organiser.core.events import service as events
        from organiser.core.team.holds import offline_holds

        rows = events.list_events(self.store, include_archived=self.panel.show_archived.isChecked())
        self.panel.set_events(rows, self.event_id, offline_holds(self.store))

    def open_event(self, event_id: int | None) -> None:
        """Make an event the open one on every tab."""
        self.flush()
        self.event_id = event_id
        self.planning.set_event(event_id)
        self.speakers.set_event(event_id)
        self.creche.set_event(event_id)
        self.flyer.set_event(event_id)
        self.feedback.set_event(event_id)
        if self.summary_dialog is not None:
            self.summary_dialog.set_event(event_id)
        self.panel.select(event_id)
        if event_id is not None:
            self.settings.setValue(self._last_event_key(), event_id)
        self._update_title()
        self.menu_actions.event_open(event_id is not None)

    def _update_title(self) -> None:
        from organiser.core.events import service as events

        title = "Organiser"
        if self.event_id is not None and events.event_exists(self.store, self.event_id):
            details = events.get_event(self.store, self.event_id)
            title = f"{details.title} — Organiser"
            self.menu_actions.archive.setText(
                "Un&archive event" if details.archived else "&Archive event"
            )
        where = self.store.display_name if self.store.path else describe(self.store.url)
        self.setWindowTitle(f"{title} — {where}")

    def _apply(self, changes: Changes) -> None:
        """The window's own part of a change: the event list, the open event, the title (each
        page follows the changes it shows itself)."""
        from organiser.core.events import service as events

        if changes.touched & Touched.EVENTS:
            self.reload_events()
        # Only a change to events can take the open one away (no read after every keystroke).
        gone = (
            bool(changes.touched & Touched.EVENTS)
            and self.event_id is not None
            and not events.event_exists(self.store, self.event_id)
        )
        if gone:
            remaining = events.list_events(self.store)
            self.open_event(remaining[0].id if remaining else None)
            self.reload_events()
            return
        if (
            self.event_id is None
            and changes.event_id is not None
            and events.event_exists(self.store, changes.event_id)
        ):  # an event came back (undo of a delete) while none was open: show it
            self.open_event(changes.event_id)
            return
        if changes.touched & (Touched.EVENTS | Touched.DETAILS):
            self._update_title()
        if changes.touched:
            self.statusBar().showMessage(f"Saved {QTime.currentTime().toString('HH:mm:ss')}")

    def tab_of(self, key: str) -> LazyTab:
        """A tab by its key ("creche")."""
        found = self._tab(key)
        assert found is not None
        return found

    def _tab(self, key: str) -> LazyTab | None:
        tabs: dict[str, LazyTab] = {
            "planning": self.planning,
            "speakers": self.speakers,
            "creche": self.creche,
            "flyer": self.flyer,
            "feedback": self.feedback,
        }
        return tabs.get(key)

    def show_tab(self, key: str) -> None:
        """Bring a tab to the front by its key ("speakers"), as overview lines do."""
        if (tab := self._tab(key)) is not None and self._readable(tab):
            self.tabs.setCurrentWidget(tab)

    def open_page(self, tab: str, page: str) -> None:
        """Bring a tab to the front at one of its pages ("planning", "details")."""
        if (found := self._tab(tab)) is not None and self._readable(found):
            self.tabs.setCurrentWidget(found)
            found.show_section(page)

    def _readable(self, tab: LazyTab) -> bool:
        """Whether the person's team role may read a tab; where not, the status bar says so."""
        if self.tabs.isTabVisible(self.tabs.indexOf(tab)):
            return True
        role = self.store.role
        who = f"a {role.words}" if role is not None else "your role"
        self.statusBar().showMessage(
            f"That is on the Creche tab, which is for the creche lead and organisers: you are "
            f"connected as {who}.",
            8000,
        )
        return False

    def current_page(self) -> str:
        """The page on screen as "tab/page" ("planning/budget"): what F1 explains."""
        tab = self.tabs.currentWidget()
        assert isinstance(tab, LazyTab)
        name = self.tabs.tabText(self.tabs.currentIndex()).replace("&", "").lower()
        return f"{name}/{tab.current_key()}"

    def step_to(self, kind: str, step: int) -> None:
        """Ctrl+PgDown and its kin: the next (1) or previous (-1) tab, page or part."""
        keyboard.move(kind, step, tabs=self.tabs, events=self.panel)

    def flyer_output(self, kind: str) -> None:
        """File ▸ Save flyer as PDF ("pdf") or Print flyer ("print"), from the Draft page."""
        if self.event_id is None:
            return
        self.show_tab("flyer")
        self.flyer.show_section("draft")
        output = self.flyer.draft.output
        if kind == "pdf":
            output.export_pdf()
        else:
            output.print_flyer()

    def show_summary_report(self) -> SummaryReportDialog | None:
        """File ▸ Summary report, or the Feedback tab's button: the report's words for the open
        event, in one window that follows the event switcher."""
        if self.event_id is None:
            return None
        self.flush()
        if self.summary_dialog is None:
            from organiser.ui.report.summary_dialog import SummaryReportDialog

            self.summary_dialog = SummaryReportDialog(self)
            self.summary_dialog.set_event(self.event_id)
        self.summary_dialog.show()
        self.summary_dialog.raise_()
        self.summary_dialog.activateWindow()
        return self.summary_dialog

    def show_letter(self, invitation_id: int, kind: str) -> None:
        """An invitation or confirmation letter to copy or open in the mail program."""
        from organiser.ui.letters import LetterDialog

        self.flush()
        try:
            dialog = LetterDialog(self.runner, invitation_id, kind, self)
        except OrganiserError as exc:
            self.runner.show_error(str(exc))
            return
        dialog.open()

    def change_zoom(self, step: int) -> None:
        """Make all text bigger (1), smaller (-1) or its usual size (0)."""
        self.zoom = 1.0 if step == 0 else next_zoom(self.zoom, step)
        apply_zoom(self._app(), self.zoom)
        self.settings.setValue("view/zoom", self.zoom)
        self.statusBar().showMessage(f"Text size {round(self.zoom * 100)}%")
        window_place.keep_on_screen(self)

    def flush(self) -> None:
        """Save whatever is still being typed."""
        self.planning.flush()
        self.speakers.flush()
        self.creche.flush()
        self.flyer.flush()
        self.feedback.flush()
        if self.summary_dialog is not None:
            self.summary_dialog.flush()

    def swap_store(self, store: Store) -> None:
        """Continue on another database (after a restore, or switching to or from a team
        database): history and views start afresh."""
        from organiser.ui.widgets.versioned_edits import VersionedEdits

        for edits in self.findChildren(VersionedEdits):  # lists, Details, notes, speakers
            edits.abandon()
        self.runner.undo_stack.clear()
        self._unguard()  # the window's own state first; locked again below if need be
        self.runner.store = store
        if self.live is not None:
            self.live.restart()
        self.event_id = None
        self._open_last_event()
        self.menu_actions.store_open(is_local=store.path is not None)
        self._guard_edits()

    def unsaved_work(self) -> list[str]:
        """What cannot be saved yet (a half-typed new row, a clash to settle), in words."""
        from organiser.ui.widgets.row_section import RowSection
        from organiser.ui.widgets.versioned_edits import VersionedEdits

        problems = [p for s in self.findChildren(RowSection) if (p := s.unsaved_new_row())]
        problems += [p for e in self.findChildren(VersionedEdits) if (p := e.unsaved())]
        if half_typed := self.feedback.unsaved():
            problems.append(half_typed)
        return problems

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save what is typed, remember the window, then close (asking first if a half-typed
        new row cannot be saved, so nothing is lost without a word)."""
        if not self.is_filled:  # closed while opening (a damaged database, a SIGTERM)
            self._waiting.clear()  # nothing chosen meanwhile runs on a closed window
            window_place.remember(self, self.settings)
            super().closeEvent(event)
            return
        from organiser.ui.meetings import unsaved as unsaved_notes
        from organiser.ui.meetings.notes import NotesEditor

        self.flush()
        if not unsaved_notes.may_close(self, self.findChildren(NotesEditor)):
            event.ignore()
            return
        problems = self.unsaved_work()
        if problems:
            answer = QMessageBox.question(
                self,
                "Not saved",
                "\n".join(problems) + "\n\nClose anyway? Choose No to go back and finish it.",
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        if self.live is not None:
            self.live.stop()
        if self.new_day is not None:
            self.new_day.stop()
        window_place.remember(self, self.settings)
        self.settings.sync()
        if self.summary_dialog is not None:
            self.summary_dialog.close()
        super().closeEvent(event)

    def about_text(self) -> str:
        """What Help ▸ About says."""
        return (
            f"Organiser {__version__}\n\nPlan, run and report small co-produced community "
            f"events.\n\nDatabase: {self.store.display_name}"
        )
