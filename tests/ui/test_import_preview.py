"""What every import dialog shares, through the booking import: how each column was read, what
else to know, importing the good rows while leaving out the refused, and the refused rows saved
as a CSV to fix."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from organiser.core.creche.service import list_bookings
from organiser.core.db import Store
from organiser.ui.ops import OpRunner
from tests.ui.test_booking_import_dialog import GOOD, HEADER, open_dialog, pick, runner

__all__ = ["pick", "runner"]  # fixtures shared with the booking import's tests

BAD = GOOD[3].replace(",2,General", ",two,General")


def test_each_column_is_shown_with_what_it_was_read_as_and_two_examples(
    runner: OpRunner, create_event: Callable[..., int], pick: Callable[[bytes], Path], person: Any
) -> None:
    event_id = create_event()
    pick(codecs.BOM_UTF8 + ("\r\n".join([HEADER, *GOOD]) + "\r\n").encode())
    dialog = open_dialog(runner, event_id)
    assert dialog.pages.tabText(1) == "How each &column was read"
    assert dialog.pages.tabText(0) == "&Preview (3 bookings)"
    assert person.column(dialog.readings, "Column in the file")[:3] == [
        "Order #",
        "Order Date",
        "First Name",
    ]
    read_as = dict(
        zip(
            person.column(dialog.readings, "Column in the file"),
            zip(
                person.column(dialog.readings, "Read as"),
                person.column(dialog.readings, "For example"),
                strict=True,
            ),
            strict=True,
        )
    )
    assert read_as["Quantity"] == ("Adults (quantity)", "“1”, “2”")
    assert read_as["First Name"] == ("First name", "“Siobhán”, “Zoë”")
    assert dialog.notes.isVisible()
    assert "Rows 2–3 (order 1001)" in dialog.notes.text()
    dialog.reject()


def test_the_good_rows_import_in_one_step_and_the_refused_are_left_out(
    runner: OpRunner,
    store: Store,
    create_event: Callable[..., int],
    pick: Callable[[bytes], Path],
    person: Any,
    qtbot: Any,
) -> None:
    event_id = create_event()
    pick(("\r\n".join([HEADER, *GOOD[:3], BAD]) + "\r\n").encode())
    dialog = open_dialog(runner, event_id)
    assert not dialog.import_button.isEnabled()
    assert dialog.import_good.isVisible()
    assert dialog.import_good.text() == "Import the 2 &other bookings, leave out the refused rows"
    with qtbot.waitSignal(dialog.finished):
        person.click(dialog.import_good)
    assert sorted(b.name for b in list_bookings(store, event_id)) == [
        "Siobhán Ó Briain",
        "Zoë Brontë",
    ]
    assert runner.undo_stack.undoText() == "Import 2 bookings"
    runner.undo_stack.undo()
    assert list_bookings(store, event_id) == []


def test_a_clean_file_offers_no_leaving_out(
    runner: OpRunner, create_event: Callable[..., int], pick: Callable[[bytes], Path]
) -> None:
    pick(("\r\n".join([HEADER, *GOOD]) + "\r\n").encode())
    dialog = open_dialog(runner, create_event())
    assert dialog.import_button.isEnabled()
    assert not dialog.import_good.isVisible()
    assert not dialog.save_refused.isVisible()
    dialog.reject()


def test_the_refused_rows_are_saved_as_they_were_with_why(
    runner: OpRunner,
    create_event: Callable[..., int],
    pick: Callable[[bytes], Path],
    person: Any,
    dialogs: Any,
    tmp_path: Path,
) -> None:
    pick(("\r\n".join([HEADER, *GOOD[:3], BAD]) + "\r\n").encode())
    dialog = open_dialog(runner, create_event())
    assert dialog.save_refused.isVisible()
    dialogs.save_path = str(tmp_path / "to fix")
    person.click(dialog.save_refused)
    saved = tmp_path / "to fix.csv"
    assert dialogs.save_suggestions[-1].endswith("attendees - refused rows.csv")
    rows = list(csv.reader(io.StringIO(saved.read_bytes().decode("utf-8-sig"))))
    assert rows[0] == [*HEADER.split(","), "Why it was refused"]
    assert rows[1][:-1] == BAD.split(",")
    assert rows[1][-1].startswith("the quantity “two” is not a whole number")
    assert len(rows) == 2
    assert dialog.summary.text().startswith("1 refused row saved to ")
    assert saved.stat().st_mode & 0o077 == 0, "the file holds people's details: private"
    dialog.reject()


def test_the_refused_rows_page_comes_and_goes_with_them(
    runner: OpRunner,
    create_event: Callable[..., int],
    pick: Callable[[bytes], Path],
    person: Any,
    qtbot: Any,
) -> None:
    from organiser.ui.creche.import_dialog import NOT_IN_FILE

    pick(("\r\n".join([HEADER, *GOOD[:3], BAD]) + "\r\n").encode())
    dialog = open_dialog(runner, create_event())
    assert dialog.pages.currentWidget() is dialog.pages.refused, "turned to when they appear"
    assert dialog.pages.tabText(2) == "&Refused rows (1)"
    person.choose(dialog.combos["adults"], NOT_IN_FILE)  # the mapping fixes it
    assert not dialog.pages.isTabVisible(2)
    assert dialog.pages.currentWidget() is dialog.preview, "back to the rows as they will be"
    # Enter in a column's choice is the Import button's, never "Save the refused rows"
    assert dialog.import_button.isDefault()
    assert not dialog.save_refused.autoDefault() and not dialog.import_good.autoDefault()
    dialog.reject()


def test_contact_columns_show_no_values(
    runner: OpRunner, create_event: Callable[..., int], pick: Callable[[bytes], Path], person: Any
) -> None:
    pick(("\r\n".join([HEADER, *GOOD]) + "\r\n").encode())
    dialog = open_dialog(runner, create_event())
    shown = dict(
        zip(
            person.column(dialog.readings, "Column in the file"),
            person.column(dialog.readings, "For example"),
            strict=True,
        )
    )
    assert shown["Email"] == "(contact details, not shown)"
    assert "@" not in " ".join(shown.values())
    dialog.reject()
