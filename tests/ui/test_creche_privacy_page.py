"""Privacy in the Creche tab: retention said in words, the purge end to end through the
window, the backups made before it, and one person's data exported on request."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from organiser.core.backup import make_backup
from organiser.core.events import service as events
from organiser.ui.main_window import MainWindow

PLANTED_CHILD = "Xanthippe-Quorra"
PLANTED_PARENT = "Oluwaseun Vantongeren"


def page(window: MainWindow, key: str) -> Any:
    window.tabs.setCurrentWidget(window.creche)
    window.creche.show_section(key)
    return window.creche.page(key)


def planted_event(
    window: MainWindow, new_event: Any, add_booking: Any, add_child: Any, *, days: int
) -> int:
    """An event `days` from today (negative: in the past) with two households."""
    event_id = new_event("Pilates and wellbeing morning")
    store = window.store
    when = dt.date.today() + dt.timedelta(days=days)
    window.runner.call(lambda: events.update_event(store, event_id=event_id, values={"date": when}))
    planted = add_booking(event_id, name=PLANTED_PARENT, children=1, contact="o.v@example.org")
    add_child(planted, first_name=PLANTED_CHILD, allergies="kumquat", collection_password="owl")
    kept = add_booking(event_id, name="Zoë Hartley", contact_consent=True, status="Attended")
    add_child(kept, first_name="Milo", age_months=41)
    return event_id


def test_the_retention_date_passing_is_said_on_both_pages(
    window: MainWindow, new_event: Any, add_booking: Any, add_child: Any
) -> None:
    planted_event(window, new_event, add_booking, add_child, days=-45)
    privacy = page(window, "privacy")
    passed = (dt.date.today() - dt.timedelta(days=15)).strftime("%d/%m/%Y")
    assert privacy.status.text() == (
        f"⚠ The retention date ({passed}, 30 days after the event) has passed: remove the "
        "personal data now."
    )
    assert privacy.held.text() == (
        "Held now: 2 bookings with names (1 agreed to hear about future sessions), "
        "2 children with names, 0 creche staff members."
    )
    settings = page(window, "creche")
    assert settings.warning_texts()[0] == (
        f"The retention date ({passed}) has passed: remove the personal data of bookings "
        "and children."
    )
    settings.warnings.linkActivated.emit("privacy")
    assert window.creche.current_key() == "privacy"


def test_before_the_retention_date_the_page_says_how_long_is_left(
    window: MainWindow, new_event: Any, add_booking: Any, add_child: Any
) -> None:
    planted_event(window, new_event, add_booking, add_child, days=10)
    privacy = page(window, "privacy")
    until = (dt.date.today() + dt.timedelta(days=40)).strftime("%d/%m/%Y")
    assert privacy.status.text() == (
        f"Personal data is kept until {until} (30 days after the event): 40 days from now."
    )


def test_the_purge_end_to_end_removes_names_clears_undo_and_offers_the_backups(
    window: MainWindow,
    new_event: Any,
    add_booking: Any,
    add_child: Any,
    person: Any,
    dialogs: Any,
) -> None:
    planted_event(window, new_event, add_booking, add_child, days=-45)
    bookings = page(window, "bookings")
    assert PLANTED_PARENT in person.column(bookings.bookings.table, "Name")
    # An edit that could be undone: afterwards it must not bring the old name back.
    person.choose_row(bookings.bookings.table, 0)
    person.fill(bookings.bookings.form.inputs["heard_from"], "A friend")
    assert window.runner.undo_stack.count() > 0
    assert window.store.path is not None
    old = make_backup(window.store.path, reason="manual")

    privacy = page(window, "privacy")
    person.click(privacy.purge_button)
    dialog = privacy.dialog
    assert dialog is not None and dialog.isVisible()
    text = dialog.text.text()
    assert "the names, contact details, access needs and notes of 2 bookings" in text
    assert "collection passwords of 2 children" in text
    assert "It keeps, for the report" in text and "age band" in text
    assert "This cannot be undone" in text
    assert dialog.keep.text() == (
        "Keep the names and contacts of the 1 household who agreed to hear about future sessions"
    )
    assert dialog.keep.isChecked()
    person.click(dialog.remove)

    assert window.runner.undo_stack.count() == 0
    assert privacy.result.text() == (
        "✓ Removed the personal data of 1 booking, 2 children and 0 staff members. Kept the "
        "names and contacts of 1 household who agreed to hear about future sessions."
    )
    assert privacy.status.text().startswith("Personal data was removed on ")
    assert privacy.held.text() == (
        "Held now: 1 booking with names (1 agreed to hear about future sessions), "
        "0 children with names, 0 creche staff members."
    )
    assert privacy.backup_list.isVisible()
    assert privacy.backup_heading.text().startswith(
        "⚠ 1 backup was made before the personal data was removed, and still holds it."
    )
    assert [privacy.backup_list.item(n).text() for n in range(privacy.backup_list.count())] == [
        f"{old.name} — made {privacy.backups[0].made:%d/%m/%Y %H:%M} (manual)"
    ]

    dialogs.answer = QMessageBox.StandardButton.Yes
    person.click(privacy.delete_backups_button)
    assert "made before the personal data was removed" in dialogs.questions[-1]
    assert not old.exists()
    assert not privacy.backup_list.isVisible()
    assert privacy.backup_heading.text() == "No backups made before the removal are left."

    bookings = page(window, "bookings")
    names = person.column(bookings.bookings.table, "Name")
    assert PLANTED_PARENT not in " ".join(names)
    assert names == ["Household 1", "Zoë Hartley"]
    tip = bookings.bookings.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "Personal data removed; counts and attendance kept"
    children = page(window, "children")
    assert person.column(children.table, "Name") == ["Child 1", "Child 2"]
    assert person.column(children.table, "Age band") == ["Aged 2", "3 and over"]
    settings = page(window, "creche")
    assert settings.retention.text().startswith("Personal data was removed on ")
    assert not any("retention date" in text for text in settings.warning_texts())


def test_cancelling_the_purge_changes_nothing(
    window: MainWindow, new_event: Any, add_booking: Any, add_child: Any, person: Any
) -> None:
    planted_event(window, new_event, add_booking, add_child, days=-45)
    privacy = page(window, "privacy")
    person.click(privacy.purge_button)
    assert privacy.dialog is not None
    privacy.dialog.reject()
    assert privacy.status.text().startswith("⚠ The retention date")
    children = page(window, "children")
    assert PLANTED_CHILD in person.column(children.table, "Name")


def test_one_persons_data_is_saved_as_a_readable_file(
    window: MainWindow,
    new_event: Any,
    add_booking: Any,
    add_child: Any,
    person: Any,
    dialogs: Any,
    tmp_path: Path,
) -> None:
    planted_event(window, new_event, add_booking, add_child, days=10)
    bookings = page(window, "bookings")
    assert not bookings.person_button.isEnabled()
    person.choose_row(bookings.bookings.table, 0)
    out = tmp_path / "out" / "person.txt"
    out.parent.mkdir()
    dialogs.save_path = str(out)
    person.click(bookings.person_button)
    assert dialogs.save_suggestions[-1].endswith(f"{PLANTED_PARENT} - personal data.txt")
    text = out.read_text(encoding="utf-8")
    assert f"Personal data held by Organiser for {PLANTED_PARENT}" in text
    assert f"Child: {PLANTED_CHILD}" in text
    assert "Allergies: kumquat" in text
    assert "owl" not in text
    assert str(out) in window.statusBar().currentMessage()


def test_at_start_events_past_their_retention_date_are_named_and_one_opened(
    window: MainWindow, new_event: Any, add_booking: Any, add_child: Any, dialogs: Any
) -> None:
    from organiser.ui.creche.retention import ask_about_retention

    overdue = planted_event(window, new_event, add_booking, add_child, days=-45)
    planted_event(window, new_event, add_booking, add_child, days=10)  # not yet due
    window.open_event(None)
    dialogs.answer = QMessageBox.StandardButton.Yes
    assert ask_about_retention(window)
    (asked,) = dialogs.questions
    assert asked.count("• Pilates and wellbeing morning (kept until") == 1
    assert window.event_id == overdue
    assert window.creche.current_key() == "privacy"
    window.creche.privacy.ask_to_purge()
    window.creche.privacy.dialog.accept()
    dialogs.questions.clear()
    assert not ask_about_retention(window)  # purged: nothing to ask
    assert dialogs.questions == []
