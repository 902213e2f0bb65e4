"""The booking import dialog and the booking list export, driven like a person would."""

from __future__ import annotations

import codecs
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from PySide6.QtWidgets import QFileDialog, QWidget

from organiser.core.creche.service import list_bookings
from organiser.core.db import Store
from organiser.ui.creche import csv_actions
from organiser.ui.creche.import_dialog import NOT_IN_FILE, ImportDialog
from organiser.ui.ops import OpRunner

HEADER = (
    "Order #,Order Date,First Name,Last Name,Email,Quantity,Ticket Type,Attendee #,Attendee Status"
)
GOOD = [
    "1001,2027-01-10 09:12,Siobhán,Ó Briain,siobhan@example.ie,1,General admission,5001,Attending",
    "1001,2027-01-10 09:12,Siobhán,Ó Briain,siobhan@example.ie,1,General admission,5002,Attending",
    "1002,2027-01-11 18:30,Zoë,Brontë,zoe@example.co.uk,1,General admission,5003,Checked In",
    "1003,2027-01-12 08:00,Ama,Mensah,ama@example.com,2,General admission,5004,Attending",
]


@pytest.fixture
def runner(qtbot: Any, store: Store) -> OpRunner:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    qtbot.waitExposed(parent)
    return OpRunner(store, parent)


@pytest.fixture
def pick(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Callable[[bytes], Path]:
    """`pick(data)`: the file dialog answers with a file holding these bytes."""

    def _pick(data: bytes) -> Path:
        path = tmp_path / "attendees.csv"
        path.write_bytes(data)
        monkeypatch.setattr(
            QFileDialog, "getOpenFileName", staticmethod(lambda *_a: (str(path), "CSV files"))
        )
        return path

    return _pick


def open_dialog(runner: OpRunner, event_id: int) -> ImportDialog:
    parent = runner.parent()
    assert isinstance(parent, QWidget)
    dialog = csv_actions.import_bookings(parent, runner, event_id)
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_a_bad_row_is_shown_and_nothing_can_be_imported_until_it_is_fixed(
    runner: OpRunner,
    store: Store,
    create_event: Callable[..., int],
    pick: Callable[[bytes], Path],
    person: Any,
) -> None:
    event_id = create_event()
    bad = GOOD[3].replace(",2,General", ",two,General")
    pick(("\r\n".join([HEADER, *GOOD[:3], bad]) + "\r\n").encode("cp1252"))
    dialog = open_dialog(runner, event_id)
    assert "attendees.csv: Read as Windows Western (cp1252), separated by commas" in (
        dialog.source.text()
    )
    assert dialog.combos["adults"].currentText() == "Quantity"
    assert person.column(dialog.preview, "Name") == ["Siobhán Ó Briain", "Zoë Brontë", "Ama Mensah"]
    assert person.column(dialog.preview, "Row") == ["2, 3", "4", "⚠ 5"]
    assert dialog.errors.isVisible()
    assert dialog.errors.toPlainText() == (
        "Row 5: the quantity “two” is not a whole number; write it in figures, such as 2"
    )
    assert dialog.summary.text() == (
        "⚠ 2 bookings to add, 1 row merged into its order, 1 row refused."
    )
    assert not dialog.import_button.isEnabled()
    dialog.do_import()  # even if asked, nothing happens
    assert list_bookings(store, event_id) == []
    person.choose(dialog.combos["adults"], NOT_IN_FILE)  # the mapping fixes it: one adult each
    assert not dialog.errors.isVisible()
    assert person.column(dialog.preview, "Adults") == ["2", "1", "1"]  # the order's two rows
    assert dialog.import_button.isEnabled()
    assert dialog.import_button.text() == "&Import 3 bookings"
    dialog.reject()
    assert list_bookings(store, event_id) == []


def test_a_good_file_imports_in_one_undoable_step(
    runner: OpRunner,
    store: Store,
    create_event: Callable[..., int],
    pick: Callable[[bytes], Path],
    person: Any,
    qtbot: Any,
) -> None:
    event_id = create_event(capacity=3)
    pick(codecs.BOM_UTF8 + ("\r\n".join([HEADER, *GOOD]) + "\r\n").encode())
    dialog = open_dialog(runner, event_id)
    assert person.column(dialog.preview, "Status") == ["Booked", "Attended", "Waiting list"]
    assert dialog.summary.text() == (
        "3 bookings to add (1 on the waiting list), 1 row merged into its order."
    )
    applied: list[Any] = []
    runner.changes_applied.connect(applied.append)
    with qtbot.waitSignal(dialog.finished):
        person.click(dialog.import_button)
    rows = list_bookings(store, event_id)
    assert [(r.name, r.status) for r in rows] == [
        ("Siobhán Ó Briain", "Booked"),
        ("Zoë Brontë", "Attended"),
        ("Ama Mensah", "Waiting list"),
    ]
    assert len(applied) == 1
    stack = runner.undo_stack
    assert stack.undoText() == "Import 3 bookings"
    stack.undo()
    assert list_bookings(store, event_id) == []
    stack.redo()
    assert list_bookings(store, event_id) == rows
    again = open_dialog(runner, event_id)  # the same file again adds nothing
    assert again.summary.text() == "0 bookings to add, 3 already imported."
    assert not again.import_button.isEnabled()
    again.reject()


def test_wrong_letters_are_fixed_by_choosing_the_encoding(
    runner: OpRunner, create_event: Callable[..., int], pick: Callable[[bytes], Path], person: Any
) -> None:
    event_id = create_event()
    pick("Name,Quantity\r\nŁucja Wiśniewska,1\r\n".encode("cp1250"))
    dialog = open_dialog(runner, event_id)
    dialog.encoding.setCurrentIndex(dialog.encoding.findData("cp1252"))
    assert person.column(dialog.preview, "Name") == ["£ucja Wiœniewska"]
    dialog.encoding.setCurrentIndex(dialog.encoding.findData("cp1250"))
    assert person.column(dialog.preview, "Name") == ["Łucja Wiśniewska"]
    assert dialog.combos["full_name"].currentText() == "Name"  # the choices are kept
    dialog.reject()


def test_choices_are_kept_when_the_encoding_changes_even_not_in_the_file(
    runner: OpRunner, create_event: Callable[..., int], pick: Callable[[bytes], Path], person: Any
) -> None:
    event_id = create_event()
    bad = GOOD[3].replace(",2,General", ",two,General")
    pick(("\r\n".join([HEADER, *GOOD[:3], bad]) + "\r\n").encode("cp1252"))
    dialog = open_dialog(runner, event_id)
    person.choose(dialog.combos["adults"], NOT_IN_FILE)  # the bad quantity is not used
    person.choose(dialog.combos["notes"], "Ticket Type")
    assert dialog.import_button.isEnabled()
    dialog.encoding.setCurrentIndex(dialog.encoding.findData("cp1250"))
    assert dialog.combos["adults"].currentText() == NOT_IN_FILE
    assert dialog.combos["notes"].currentText() == "Ticket Type"
    assert dialog.combos["email"].currentText() == "Email"  # guessed again
    assert not dialog.errors.isVisible()
    assert dialog.import_button.isEnabled()
    dialog.reject()


def test_a_creche_question_is_offered_and_read_as_yes_no_and_ages(
    runner: OpRunner, create_event: Callable[..., int], pick: Callable[[bytes], Path], person: Any
) -> None:
    event_id = create_event()
    question = "Do you need a creche place? (ages)"
    pick(
        (
            f'Name,Email,"{question}"\r\n'
            'Zoë Brontë,zoe@example.co.uk,"Yes – 2 and 4"\r\n'
            "Ama Mensah,ama@example.com,No\r\n"
        ).encode()
    )
    dialog = open_dialog(runner, event_id)
    combo = dialog.combos["creche_answer"]
    assert combo.accessibleName() == "Creche question (yes/no or ages)"
    assert combo.currentText() == question
    assert dialog.combos["children"].currentText() == NOT_IN_FILE
    assert person.column(dialog.preview, "Children") == ["2", "0"]
    assert person.column(dialog.preview, "Notes") == ["Creche: Yes – 2 and 4", ""]
    person.choose(combo, NOT_IN_FILE)
    assert person.column(dialog.preview, "Children") == ["0", "0"]
    dialog.reject()


def test_an_excel_export_is_offered_and_imports(
    runner: OpRunner,
    store: Store,
    create_event: Callable[..., int],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    person: Any,
    qtbot: Any,
) -> None:
    event_id = create_event()
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for line in [HEADER, *GOOD]:
        sheet.append([int(c) if c.isdigit() else c for c in line.split(",")])
    path = tmp_path / "attendees.xlsx"
    book.save(path)
    asked: list[str] = []

    def answer(*args: Any) -> tuple[str, str]:
        asked.append(args[3])
        return str(path), "Booking exports"

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(answer))
    dialog = open_dialog(runner, event_id)
    assert "*.xlsx" in asked[0].split(";;")[0]
    assert dialog.source.text().startswith("attendees.xlsx: Read the sheet")
    assert not dialog.encoding.isEnabled()
    assert person.column(dialog.preview, "Reference") == ["1001", "1002", "1003"]
    with qtbot.waitSignal(dialog.finished):
        person.click(dialog.import_button)
    assert [r.name for r in list_bookings(store, event_id)] == [
        "Siobhán Ó Briain",
        "Zoë Brontë",
        "Ama Mensah",
    ]


def test_a_file_that_is_not_csv_is_refused_in_a_message(
    runner: OpRunner,
    dialogs: Any,
    create_event: Callable[..., int],
    pick: Callable[[bytes], Path],
) -> None:
    event_id = create_event()
    dialogs.warnings_expected = True
    pick(b"Name,Quantity\r\nZo\x00e,1\r\n")
    parent = runner.parent()
    assert isinstance(parent, QWidget)
    assert csv_actions.import_bookings(parent, runner, event_id) is None
    assert len(dialogs.warnings) == 1
    assert dialogs.warnings[0].startswith("Cannot import attendees.csv. This file contains NUL")


def test_the_booking_list_exports_and_a_bad_folder_is_a_message(
    runner: OpRunner,
    dialogs: Any,
    store: Store,
    create_event: Callable[..., int],
    add_booking: Callable[..., int],
    tmp_path: Path,
) -> None:
    event_id = create_event(title="Pilates: wellbeing?")
    add_booking(event_id, name="Zoë Brontë", notes="=1+1")
    parent = runner.parent()
    assert isinstance(parent, QWidget)
    dialogs.save_path = str(tmp_path / "list")
    saved = csv_actions.export_bookings(parent, runner, event_id)
    assert saved == tmp_path / "list.csv"
    assert dialogs.save_suggestions[0].endswith("Pilates wellbeing - bookings.csv")
    text = saved.read_bytes().decode("utf-8-sig")
    assert text.splitlines()[1].startswith("Zoë Brontë,") and ",'=1+1," in text
    dialogs.warnings_expected = True
    dialogs.save_path = str(tmp_path / "gone" / "list.csv")
    assert csv_actions.export_bookings(parent, runner, event_id) is None
    assert len(dialogs.warnings) == 1 and "does not exist" in dialogs.warnings[0]


def test_a_bad_ticket_flags_its_whole_order_and_the_refused_count_says_so(
    runner: OpRunner,
    store: Store,
    create_event: Callable[..., int],
    pick: Callable[[bytes], Path],
    person: Any,
    qtbot: Any,
) -> None:
    event_id = create_event()
    bad = GOOD[1].replace(",1,General", ",two,General")  # the second ticket of order 1001
    pick(("\r\n".join([HEADER, GOOD[0], bad, *GOOD[2:]]) + "\r\n").encode())
    dialog = open_dialog(runner, event_id)
    assert person.column(dialog.preview, "Row") == ["⚠ 2, 3", "4", "5"]
    assert dialog.errors.toPlainText().splitlines() == [
        "Row 2: left out with row 3: the same order (1001) has a row that is refused",
        "Row 3: the quantity “two” is not a whole number; write it in figures, such as 2",
    ]
    assert dialog.summary.text() == "⚠ 2 bookings to add, 2 rows refused."
    with qtbot.waitSignal(dialog.finished):
        person.click(dialog.import_good)
    assert [b.name for b in list_bookings(store, event_id)] == ["Zoë Brontë", "Ama Mensah"]
