"""Run the real app and use it the way staff would with a child's details, mistakes included:
type a booking and a child with an allergy, enter an impossible date of birth, meet an
unexpected error, then remove the personal data and delete the backups made before.

The crash dialog is replaced by one that prints what it would have shown, so the test can
check that text too. The last line printed is "finished".
"""

from __future__ import annotations

import datetime as dt
import sys
from typing import Any

from filled import when_filled
from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from organiser.app import main

PLANTED_PARENT = "Oluwaseun Vantongeren"
PLANTED_CHILD = "Xanthippe-Quorra"
PLANTED_ALLERGY = "kumquat-zest"
_exec = QApplication.exec


def _critical(_parent: Any, title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
    print(f"crash dialog: {title}: {text}", flush=True)
    return QMessageBox.StandardButton.Ok


def _yes(*_args: Any) -> QMessageBox.StandardButton:
    return QMessageBox.StandardButton.Yes


QMessageBox.critical = _critical  # type: ignore[method-assign,assignment]
QMessageBox.question = _yes  # type: ignore[method-assign,assignment]


def _type(form: Any, key: str, text: str) -> None:
    widget = form.inputs[key]
    widget.setFocus()
    widget.clear()
    QTest.keyClicks(widget, text)


def _script(app: QApplication, window: Any) -> None:
    from organiser.core.events import service as events

    store = window.store
    made = window.runner.call(lambda: events.create_event(store, title="Autumn wellbeing morning"))
    event_id = made.created_id
    long_ago = dt.date.today() - dt.timedelta(days=45)
    window.runner.call(
        lambda: events.update_event(store, event_id=event_id, values={"date": long_ago})
    )
    window.open_event(event_id)
    window.tabs.setCurrentWidget(window.creche)
    window.creche.show_section("bookings")
    page = window.creche.page("bookings")
    page.bookings.start_new()
    _type(page.bookings.form, "name", PLANTED_PARENT)
    _type(page.bookings.form, "children", "1")
    page.bookings.flush()
    page.children_section.start_new()
    _type(page.children_section.form, "first_name", PLANTED_CHILD)
    _type(page.children_section.form, "allergies", PLANTED_ALLERGY)
    _type(page.children_section.form, "date_of_birth", "31/02/2024")  # no such day
    page.children_section.flush()
    refused = page.children_section.form.messages["date_of_birth"].text()
    print(f"refused: {bool(refused)}", flush=True)
    _type(page.children_section.form, "date_of_birth", "03/04/2024")
    page.children_section.flush()
    print(f"children: {page.children_section.model.rowCount()}", flush=True)
    # A bug whose message carries the child's name reaches the crash handler.
    QTimer.singleShot(0, lambda: _fail(PLANTED_CHILD))
    QTimer.singleShot(200, lambda: _purge(app, window))


def _fail(name: str) -> None:
    raise RuntimeError(f"could not place {name}")


def _purge(app: QApplication, window: Any) -> None:
    window.creche.show_section("privacy")
    privacy = window.creche.page("privacy")
    privacy.ask_to_purge()
    privacy.dialog.keep.setChecked(False)
    privacy.dialog.accept()
    print(f"backups before the purge: {len(privacy.backups)}", flush=True)
    privacy.delete_backups()
    print("finished", flush=True)
    app.closeAllWindows()


def _exec_with_script(app: QApplication) -> int:
    when_filled(app, lambda window: _script(app, window))
    return _exec()


QApplication.exec = _exec_with_script  # type: ignore[method-assign]
raise SystemExit(main(sys.argv[1:]))
