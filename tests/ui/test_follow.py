"""Each page follows the changes it shows by itself: refreshed while on screen, caught up once
when shown after being hidden, deaf to what it does not show and to other events."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from page_walk import every_page
from PySide6.QtWidgets import QWidget

from organiser.core.changes import Changes, Touched
from organiser.core.crud import add_row
from organiser.core.row_kinds import RowKind
from organiser.core.speakers import service as speakers
from organiser.ui.main_window import MainWindow
from organiser.ui.ops import OpRunner
from organiser.ui.widgets.lazy_tab import Follow, LazyTab


class BookingsLike(QWidget):
    """A page that shows bookings, and notes what it was asked to do."""

    SEES = Touched.BOOKINGS

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heard: list[str] = []

    def set_event(self, event_id: int | None) -> None:
        self.heard.append(f"set_event {event_id}")

    def refresh(self, changes: Changes) -> None:
        self.heard.append(f"refresh {changes.touched.name}")

    def flush(self) -> None:
        """Nothing is typed here."""


class SpeakersLike(BookingsLike):
    SEES = Touched.SPEAKERS | Touched.INVITATIONS
    ANY_EVENT = True


def followed(kind: type[BookingsLike], window: MainWindow, qtbot: Any) -> tuple[Any, Follow]:
    """A page of `kind` on screen, following the window's changes for event 7."""
    shown = kind(window.runner)
    qtbot.addWidget(shown)
    follow = Follow(shown, window.runner)
    shown.show()
    qtbot.waitExposed(shown)
    follow.show_event(7)
    return shown, follow


@pytest.fixture
def page(window: MainWindow, qtbot: Any) -> tuple[BookingsLike, Follow]:
    shown, follow = followed(BookingsLike, window, qtbot)
    shown.heard.clear()
    return shown, follow


def test_a_page_on_screen_refreshes_only_for_what_it_shows(
    window: MainWindow, page: tuple[BookingsLike, Follow]
) -> None:
    shown, _follow = page
    window.runner.announce(Changes(Touched.FEEDBACK, event_id=7))
    assert shown.heard == []
    window.runner.announce(Changes(Touched.BOOKINGS | Touched.FEEDBACK, event_id=7))
    assert shown.heard == ["refresh BOOKINGS|FEEDBACK"]


def test_another_events_change_passes_by_unless_it_is_shared(
    window: MainWindow, page: tuple[BookingsLike, Follow]
) -> None:
    shown, _follow = page
    window.runner.announce(Changes(Touched.BOOKINGS, event_id=8))
    assert shown.heard == []
    window.runner.announce(Changes(Touched.BOOKINGS, event_id=None))
    assert shown.heard == ["refresh BOOKINGS"]


def test_a_hidden_page_is_stale_and_reloads_once_when_shown(
    window: MainWindow, page: tuple[BookingsLike, Follow], qtbot: Any
) -> None:
    shown, follow = page
    shown.hide()
    window.runner.announce(Changes(Touched.BOOKINGS, event_id=7))
    window.runner.announce(Changes(Touched.BOOKINGS, event_id=7))
    assert shown.heard == [] and follow.stale
    shown.show()
    qtbot.waitExposed(shown)
    assert shown.heard == ["refresh BOOKINGS"] and not follow.stale


def test_a_hidden_page_that_heard_nothing_it_shows_is_not_reloaded(
    window: MainWindow, page: tuple[BookingsLike, Follow], qtbot: Any
) -> None:
    shown, follow = page
    shown.hide()
    window.runner.announce(Changes(Touched.DETAILS | Touched.FEEDBACK, event_id=7))
    shown.show()
    qtbot.waitExposed(shown)
    assert shown.heard == [] and not follow.stale


def test_a_page_of_every_event_hears_any_events_change(window: MainWindow, qtbot: Any) -> None:
    shown, _follow = followed(SpeakersLike, window, qtbot)
    window.runner.announce(Changes(Touched.INVITATIONS, event_id=8))
    assert shown.heard == ["set_event 7", "refresh INVITATIONS"]


def test_a_change_says_who_started_it(window: MainWindow) -> None:
    heard: list[Changes] = []
    window.runner.changes_applied.connect(heard.append)
    starter = object()
    window.runner.call(lambda: Changes(Touched.BOOKINGS, event_id=1), origin=starter)
    window.runner.call(lambda: Changes(Touched.BOOKINGS, event_id=1))
    assert heard[0].origin is starter and heard[1].origin is None
    assert heard[0] == heard[1]  # who started it is not part of what changed


def test_a_lazy_tab_builds_a_page_when_opened_and_it_follows_from_then(
    window: MainWindow, qtbot: Any
) -> None:
    tab = LazyTab(
        window.runner,
        {"one": ("One", BookingsLike), "two": ("Two", BookingsLike)},
        name="Test",
    )
    qtbot.addWidget(tab)
    tab.set_event(3)
    tab.show()
    qtbot.waitExposed(tab)
    one = tab.page("one")
    assert one.heard == ["set_event 3"]
    assert "two" not in tab._built  # not opened yet: not built
    tab.show_section("two")
    two = tab.page("two")
    window.runner.announce(Changes(Touched.BOOKINGS, event_id=3))
    assert two.heard == ["set_event 3", "refresh BOOKINGS"]
    assert one.heard == ["set_event 3"]  # hidden: stale, not reloaded
    tab.show_section("one")
    assert one.heard == ["set_event 3", "refresh BOOKINGS"]  # what it missed, once
    tab.show_section("two")
    tab.set_event(4)  # another event while "one" is hidden: all of it afresh when shown
    window.runner.announce(Changes(Touched.BOOKINGS, event_id=4))
    tab.show_section("one")
    assert one.heard == ["set_event 3", "refresh BOOKINGS", "set_event 4"]


def test_every_page_of_every_tab_says_what_it_shows(window: MainWindow) -> None:
    for shown in every_page(window):
        page = shown.tab.page(shown.key)
        assert isinstance(page.SEES, Touched) and page.SEES, f"{shown.where} says what it shows"


def test_a_list_page_reloaded_when_shown_again_keeps_its_chosen_row(
    window: MainWindow, new_event: Any, add_member: Any, person: Any
) -> None:
    event_id = new_event("Coffee morning")
    add_member(event_id, name="Zoë Marsh")
    dev = add_member(event_id, name="Dev Okafor")
    window.tabs.setCurrentWidget(window.planning)
    window.planning.show_section("members")
    section = window.planning.members.section
    person.choose_row(section.table, section.model.row_of(dev))
    window.planning.show_section("details")
    add_member(event_id, name="Siobhán Kelly")
    window.runner.announce(Changes(Touched.MEMBERS, event_id=event_id))
    window.planning.show_section("members")
    assert sorted(person.column(section.table, "Name")) == [
        "Dev Okafor",
        "Siobhán Kelly",
        "Zoë Marsh",
    ]
    assert section.current_id == dev
    assert person.shown(section.form.inputs["name"]) == "Dev Okafor"


def test_the_chosen_meeting_is_still_shown_after_another_page_changed_members(
    window: MainWindow, new_event: Any, add_member: Any, store: Any, person: Any
) -> None:
    event_id = new_event("Coffee morning")
    for title, days in (("First ideas", -7), ("Final check", 3)):
        add_row(
            store,
            kind=RowKind.MEETINGS,
            parent_id=event_id,
            values={"title": title, "date": dt.date.today() + dt.timedelta(days=days)},
        )
    window.tabs.setCurrentWidget(window.planning)
    window.planning.show_section("meetings")
    page = window.planning.meetings
    person.choose_row(page.meetings.table, 0)
    chosen = page.meeting_id
    assert page.heading.text().startswith("First ideas")
    window.planning.show_section("members")
    add_member(event_id, name="Zoë Marsh")
    window.runner.announce(Changes(Touched.MEMBERS, event_id=event_id))
    window.planning.show_section("meetings")
    assert page.meeting_id == chosen
    assert page.heading.text().startswith("First ideas")
    window.open_event(event_id)  # the same event afresh (as after a restore)
    assert page.meeting_id == chosen
    assert page.heading.text().startswith("First ideas")


def test_a_new_speaker_half_typed_keeps_what_was_typed_across_parts(
    window: MainWindow, new_event: Any, person: Any
) -> None:
    new_event("Coffee morning")
    window.tabs.setCurrentWidget(window.speakers)
    window.speakers.show_section("directory")
    pane = window.speakers.directory.pane
    person.click(pane.new_button)
    person.type(pane.form.inputs["name"], "Amira Haddad")
    person.type(pane.form.inputs["role_title"], "Sleep nurse")  # the cursor stays here
    window.speakers.show_section("invitations")
    window.speakers.show_section("directory")
    assert person.shown(pane.form.inputs["role_title"]) == "Sleep nurse"
    person.type(pane.form.inputs["topics"], "sleep")
    pane.flush()
    saved = next(r for r in speakers.list_speakers(window.store) if r.name == "Amira Haddad")
    assert (saved.role_title, saved.topics) == ("Sleep nurse", "sleep")


def test_the_chosen_bookings_children_are_read_again_when_the_page_is_shown(
    window: MainWindow, new_event: Any, add_booking: Any, add_child: Any, person: Any
) -> None:
    event_id = new_event("Coffee morning")
    booking = add_booking(event_id, name="Siobhán Kelly", children=2)
    add_child(booking, first_name="Niamh")
    window.tabs.setCurrentWidget(window.creche)
    window.creche.show_section("bookings")
    page = window.creche.bookings
    person.choose_row(page.bookings.table, 0)
    assert person.column(page.children_section.table, "Name") == ["Niamh"]
    window.creche.show_section("staff")
    add_child(booking, first_name="Oisín")
    window.runner.announce(Changes(Touched.BOOKINGS, event_id=event_id))
    window.creche.show_section("bookings")
    assert page.bookings.current_id == booking
    assert sorted(person.column(page.children_section.table, "Name")) == ["Niamh", "Oisín"]
    add_child(booking, first_name="Aoife")  # unannounced: read when the event is shown afresh
    window.open_event(event_id)  # the same event afresh (as after a restore)
    assert page.bookings.current_id == booking
    names = sorted(person.column(page.children_section.table, "Name"))
    assert names == ["Aoife", "Niamh", "Oisín"]
