"""The feedback import dialog and the responses export, driven like a person would."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QWidget

from organiser.core.db import Store
from organiser.core.feedback.export import local_time
from organiser.core.feedback.form import add_question, list_questions
from organiser.core.feedback.kinds import FFT_QUESTION, Kind
from organiser.core.feedback.responses import list_responses
from organiser.ui.feedback import csv_actions
from organiser.ui.feedback.import_dialog import DO_NOT_IMPORT, WHEN_SENT, ImportDialog
from organiser.ui.ops import OpRunner

ACTIVITIES = "Which activities did you try?"
HEADER = [
    "Timestamp",
    "Email address",
    FFT_QUESTION,
    "What did you enjoy most?",
    ACTIVITIES,
    "Favourite biscuit",
]
ROWS = [
    ["2027/03/01 10:15:32 AM GMT", "siobhan@example.ie", "Very good", "The crèche", "Pilates", ""],
    ["2027/03/01 10:20:05 AM GMT", "", "Good", "Zoë’s smile", "Pilates, Tea, cake and chat", ""],
    ["2027/03/01 11:02:45 AM GMT", "", "Excellent", "Everything", "", "Bourbon"],
]


def google(rows: Sequence[Sequence[str]] = ROWS, header: Sequence[str] = HEADER) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return codecs.BOM_UTF8 + out.getvalue().encode()


@pytest.fixture
def event_id(store: Store, create_event: Callable[..., int]) -> int:
    created = create_event()
    add_question(
        store,
        event_id=created,
        values={
            "text": ACTIVITIES,
            "kind": Kind.MULTIPLE.value,
            "choices": "Pilates\nBaby massage\nTea, cake and chat",
        },
    )
    return created


@pytest.fixture
def runner(qtbot: Any, store: Store) -> OpRunner:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    qtbot.waitExposed(parent)
    return OpRunner(store, parent)


@pytest.fixture
def pick(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Callable[..., Path]:
    """`pick(data, name)`: the file dialog answers with a file holding these bytes."""

    def _pick(data: bytes, name: str = "Feedback (Responses).csv") -> Path:
        path = tmp_path / name
        path.write_bytes(data)
        monkeypatch.setattr(
            QFileDialog, "getOpenFileName", staticmethod(lambda *_a: (str(path), "Form exports"))
        )
        return path

    return _pick


def open_dialog(runner: OpRunner, event_id: int) -> ImportDialog:
    parent = runner.parent()
    assert isinstance(parent, QWidget)
    dialog = csv_actions.import_responses(parent, runner, event_id)
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_a_rating_outside_the_scale_is_shown_and_nothing_is_imported_until_fixed(
    runner: OpRunner,
    store: Store,
    event_id: int,
    pick: Callable[..., Path],
    person: Any,
    qtbot: Any,
) -> None:
    pick(google())
    dialog = open_dialog(runner, event_id)
    assert dialog.source.text() == (
        "Feedback (Responses).csv: Read as Unicode (UTF-8), separated by commas: 3 rows and 6 "
        "columns. This looks like a Google Forms export. The column choices are guesses from the "
        "headings: check them."
    )
    assert dialog.encoding.isVisible()
    person.focus(dialog.encoding)  # Tab goes down the page: the encoding, each column, …
    for column in HEADER:
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        assert dialog.focusWidget() is dialog.combos[column]
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.pages.tabBar(), "then the pages' tabs"
    assert dialog.pages.currentWidget() is dialog.pages.refused, "turned to the refused rows"
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.errors, "then the page shown"
    assert dialog.combos["Timestamp"].currentText() == WHEN_SENT
    assert dialog.combos["Email address"].currentText() == DO_NOT_IMPORT
    assert dialog.combos[FFT_QUESTION].currentText() == FFT_QUESTION
    assert dialog.combos["Favourite biscuit"].currentText() == DO_NOT_IMPORT
    assert dialog.errors.isVisible()
    assert dialog.errors.toPlainText() == (
        f"Row 4: “Excellent” is not one of the answers to “{FFT_QUESTION}” "
        "(Very good / Good / Neither good nor poor / Poor / Very poor / Don't know)"
    )
    assert dialog.summary.text() == ("⚠ 2 responses to add, 1 row refused.")
    assert dialog.notes.text() == "Not imported: Email address, Favourite biscuit."
    assert person.column(dialog.preview, "Row") == ["2", "3"]
    assert person.column(dialog.preview, ACTIVITIES) == ["Pilates", "Pilates; Tea, cake and chat"]
    assert not dialog.import_button.isEnabled()
    dialog.do_import()  # even if asked, nothing happens
    assert list_responses(store, event_id) == []
    person.choose(dialog.combos[FFT_QUESTION], DO_NOT_IMPORT)  # the ratings are left out
    assert not dialog.errors.isVisible()
    assert dialog.summary.text() == "3 responses to add."
    assert dialog.import_button.isEnabled()
    assert dialog.import_button.text() == "&Import 3 responses"
    dialog.reject()
    assert list_responses(store, event_id) == []


def test_a_good_file_imports_in_one_undoable_step_and_is_remembered(
    runner: OpRunner,
    store: Store,
    event_id: int,
    pick: Callable[..., Path],
    person: Any,
    qtbot: Any,
) -> None:
    pick(google(ROWS[:2]))
    dialog = open_dialog(runner, event_id)
    better = "What could have been better?"
    person.choose(dialog.combos["Favourite biscuit"], better)
    shown = [local_time(dt.datetime(2027, 3, 1, 10, m, s)) for m, s in ((15, 32), (20, 5))]
    assert person.column(dialog.preview, "Received") == shown  # sent in GMT, shown here
    applied: list[Any] = []
    runner.changes_applied.connect(applied.append)
    with qtbot.waitSignal(dialog.finished):
        person.click(dialog.import_button)
    rows = list_responses(store, event_id)
    assert len(rows) == 2 and len(applied) == 1
    stack = runner.undo_stack
    assert stack.undoText() == "Import 2 feedback responses"
    stack.undo()
    assert list_responses(store, event_id) == []
    stack.redo()
    assert list_responses(store, event_id) == rows
    pick(google())  # a later export of the same form: one more row
    again = open_dialog(runner, event_id)
    assert again.source.text().endswith(
        "The column choices from the last import of this form are filled in."
    )
    assert again.combos["Favourite biscuit"].currentText() == better
    person.choose(again.combos[FFT_QUESTION], DO_NOT_IMPORT)
    assert again.summary.text() == "1 response to add, 2 already imported."
    with qtbot.waitSignal(again.finished):
        person.click(again.import_button)
    assert stack.undoText() == "Import 1 feedback response"
    assert len(list_responses(store, event_id)) == 3
    stack.undo()
    assert list_responses(store, event_id) == rows


def test_a_microsoft_forms_workbook_offers_contact_columns_only_contact_questions(
    runner: OpRunner,
    store: Store,
    event_id: int,
    pick: Callable[..., Path],
    person: Any,
    qtbot: Any,
) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["ID", "Start time", "Completion time", "Email", "Name", FFT_QUESTION, ACTIVITIES])
    sheet.append(
        [
            1,
            dt.datetime(2027, 3, 1, 10, 0),
            dt.datetime(2027, 3, 1, 10, 2),
            "anonymous",
            None,
            "Very good",
            "Pilates;Baby massage;",
        ]
    )
    out = io.BytesIO()
    book.save(out)
    pick(out.getvalue(), "Feedback(1-1).xlsx")
    dialog = open_dialog(runner, event_id)
    assert "Read the sheet “Sheet”: 1 row and 7 columns" in dialog.source.text()
    assert "Microsoft Forms export" in dialog.source.text()
    assert not dialog.encoding.isVisible()
    assert [dialog.combos[c].currentText() for c in ("ID", "Start time", "Email", "Name")] == [
        DO_NOT_IMPORT
    ] * 4
    assert dialog.combos["Completion time"].currentText() == WHEN_SENT
    email = dialog.combos["Email"]
    offered = [email.itemText(i) for i in range(email.count())]
    assert offered == [
        DO_NOT_IMPORT,
        WHEN_SENT,
        "Your first name (only if we may use it)",
        "If yes, your email or phone number",
    ]
    assert dialog.combos["ID"].count() == 2 + len(list_questions(store, event_id))
    assert person.column(dialog.preview, ACTIVITIES) == ["Pilates; Baby massage"]
    with qtbot.waitSignal(dialog.finished):
        person.click(dialog.import_button)
    (response,) = list_responses(store, event_id)
    assert response.source == "Microsoft Forms (Feedback(1-1).xlsx)"


def test_a_long_file_previews_its_first_rows(
    runner: OpRunner, event_id: int, pick: Callable[..., Path], person: Any, qtbot: Any
) -> None:
    start = dt.datetime(2027, 3, 1, 9, 0)
    rows = [
        [f"{start + dt.timedelta(minutes=n):%Y/%m/%d %I:%M:%S %p} GMT", "", "Good", f"Tea {n}"]
        for n in range(1_500)
    ]
    pick(google(rows, HEADER[:4]))
    dialog = open_dialog(runner, event_id)
    assert dialog.pages.tabText(0) == "&Preview (200 of 1,500)"
    assert dialog.preview.model().rowCount() == 200
    assert dialog.import_button.text() == "&Import 1,500 responses"
    with qtbot.waitSignal(dialog.finished):
        person.click(dialog.import_button)
    assert runner.undo_stack.undoText() == "Import 1,500 feedback responses"


def test_wrong_letters_are_fixed_by_choosing_the_encoding(
    runner: OpRunner, event_id: int, pick: Callable[..., Path], person: Any
) -> None:
    header = ["Timestamp", "What did you enjoy most?"]
    pick(
        "\r\n".join([",".join(header), "2027/03/01 10:15:32 AM GMT,Łucja's first class"]).encode(
            "cp1250"
        )
    )
    dialog = open_dialog(runner, event_id)
    column = "What did you enjoy most?"
    dialog.encoding.setCurrentIndex(dialog.encoding.findData("cp1252"))
    assert person.column(dialog.preview, column) == ["£ucja's first class"]
    dialog.encoding.setCurrentIndex(dialog.encoding.findData("cp1250"))
    assert person.column(dialog.preview, column) == ["Łucja's first class"]
    assert dialog.combos["Timestamp"].currentText() == WHEN_SENT  # the choices are kept
    dialog.reject()


def test_a_file_matching_no_question_says_so(
    runner: OpRunner, event_id: int, pick: Callable[..., Path]
) -> None:
    pick(google([["2027/03/01 10:15:32 AM GMT", "Bourbon"]], ["Timestamp", "Favourite biscuit"]))
    dialog = open_dialog(runner, event_id)
    assert dialog.summary.text().startswith(
        "⚠ None of this file's columns matches a question on the form"
    )
    assert not dialog.import_button.isEnabled()
    dialog.reject()


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
            + b"\0" * 600
            + "EncryptedPackage".encode("utf-16-le"),
            "Cannot import form.xlsx. This spreadsheet is protected with a password",
        ),
        (b"PK\x03\x04broken", "Cannot import form.xlsx. form.xlsx cannot be read as an Excel"),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_in_a_message(
    runner: OpRunner,
    dialogs: Any,
    event_id: int,
    pick: Callable[..., Path],
    data: bytes,
    said: str,
) -> None:
    dialogs.warnings_expected = True
    pick(data, "form.xlsx")
    parent = runner.parent()
    assert isinstance(parent, QWidget)
    assert csv_actions.import_responses(parent, runner, event_id) is None
    assert len(dialogs.warnings) == 1
    assert dialogs.warnings[0].startswith(said)


def test_the_responses_export_and_a_bad_folder_is_a_message(
    runner: OpRunner,
    dialogs: Any,
    store: Store,
    create_event: Callable[..., int],
    pick: Callable[..., Path],
    tmp_path: Path,
    qtbot: Any,
    person: Any,
) -> None:
    event_id = create_event(title="Pilates: wellbeing?")
    pick(google([["2027/03/01 10:15:32 AM GMT", "", "Good", "=1+1", "", ""]]))
    dialog = open_dialog(runner, event_id)
    with qtbot.waitSignal(dialog.finished):
        person.click(dialog.import_button)
    parent = runner.parent()
    assert isinstance(parent, QWidget)
    dialogs.save_path = str(tmp_path / "responses")
    saved = csv_actions.export_responses(parent, runner, event_id)
    assert saved == tmp_path / "responses.csv"
    assert dialogs.save_suggestions[0].endswith("Pilates wellbeing - feedback responses.csv")
    lines = saved.read_bytes().decode("utf-8-sig").splitlines()
    assert lines[0].startswith(f'Received,"{FFT_QUESTION}",What did you enjoy most?,')
    sent = local_time(dt.datetime(2027, 3, 1, 10, 15, 32))
    assert lines[1].startswith(f"{sent},Good,'=1+1,")
    dialogs.warnings_expected = True
    dialogs.save_path = str(tmp_path / "gone" / "responses.csv")
    assert csv_actions.export_responses(parent, runner, event_id) is None
    assert len(dialogs.warnings) == 1 and "does not exist" in dialogs.warnings[0]


SERVICES = "Which services did you find out about today?"


def test_the_files_answers_become_choices_in_one_click_then_the_rows_import(
    runner: OpRunner,
    store: Store,
    create_event: Callable[..., int],
    pick: Callable[..., Path],
    person: Any,
    qtbot: Any,
) -> None:
    fresh = create_event(title="Wellbeing morning")  # its services question has no choices yet
    header = ["Timestamp", FFT_QUESTION, SERVICES]
    rows = [
        ["2027/03/01 10:15:32 AM GMT", "Very good", "Health visitors, Library"],
        ["2027/03/01 10:20:05 AM GMT", "Good", "Baby bank"],
        ["2027/03/01 10:25:00 AM GMT", "Good", ""],
    ]
    pick(google(rows, header))
    dialog = open_dialog(runner, fresh)
    assert dialog.errors.toPlainText().splitlines() == [
        f"Row 2: “Health visitors” and 1 more are not among the answers to “{SERVICES}”, which "
        "has no choices yet: add the file's answers as choices",
        f"Row 3: “Baby bank” is not one of the answers to “{SERVICES}”, which has no choices "
        "yet: add the file's answers as choices",
    ]
    assert (
        f"“{SERVICES}” has no choices yet: add “Health visitors”, “Library”, “Baby bank” "
        "from the file." in dialog.notes.text()
    )
    assert dialog.add_choices.isVisible()
    assert dialog.add_choices.text() == "Add the file's &answers as choices (3)"
    assert not dialog.import_button.isEnabled()
    person.click(dialog.add_choices)
    stack = runner.undo_stack
    assert stack.undoText() == "Add 3 choices from Feedback (Responses).csv"
    services = next(q for q in list_questions(store, fresh) if q.text == SERVICES)
    assert services.choices == ("Health visitors", "Library", "Baby bank")
    assert not dialog.add_choices.isVisible() and not dialog.errors.isVisible()
    assert dialog.summary.text() == "3 responses to add."
    with qtbot.waitSignal(dialog.finished):
        person.click(dialog.import_button)
    assert len(list_responses(store, fresh)) == 3
    stack.undo()  # the import
    assert list_responses(store, fresh) == []
    stack.undo()  # the choices
    assert next(q for q in list_questions(store, fresh) if q.text == SERVICES).choices == ()
    stack.redo()
    assert next(q for q in list_questions(store, fresh) if q.text == SERVICES).choices == (
        "Health visitors",
        "Library",
        "Baby bank",
    )


def test_a_surveymonkey_export_shows_one_column_per_answer_and_grid_rows_say_so(
    runner: OpRunner,
    store: Store,
    event_id: int,
    pick: Callable[..., Path],
    person: Any,
    qtbot: Any,
) -> None:
    parts = "How was each part of the morning?"
    header = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address"]
    header += [FFT_QUESTION, ACTIVITIES, "", "", parts, ""]
    labels = ["", "", "", "", "", "Response", "Pilates", "Baby massage", "Tea, cake and chat"]
    labels += ["The Pilates", "The talks"]
    sent = ["1143278965", "4051", "03/01/2027 10:02 AM", "03/01/2027 10:05 AM", "81.2.69.160"]
    rows = [[*sent, "Very good", "Pilates", "", "Tea, cake and chat", "Good", "Poor"]]
    pick(google([labels, *rows], header), "Wellbeing morning.csv")
    dialog = open_dialog(runner, event_id)
    assert "This looks like a SurveyMonkey export." in dialog.source.text()
    assert list(dialog.combos) == [
        *header[:7],
        f"{parts} [The Pilates]",
        f"{parts} [The talks]",
    ]
    label = dialog.grid.itemAtPosition(7, 0).widget()
    assert label.toolTip() == f"“The Pilates”, a row of “{parts}”"
    assert dialog.combos["End Date"].currentText() == WHEN_SENT
    assert person.column(dialog.preview, ACTIVITIES) == ["Pilates; Tea, cake and chat"]
    shown = dialog.pages.readings_model
    readings = {shown.row_at(i).column: shown.row_at(i) for i in range(shown.rowCount())}
    assert readings["IP Address"].examples == ("(contact details)",)
    with qtbot.waitSignal(dialog.finished):
        person.click(dialog.import_button)
    (response,) = list_responses(store, event_id)
    assert response.source == "SurveyMonkey (Wellbeing morning.csv)"


def test_the_good_rows_import_leaving_the_refused_out_in_one_step(
    runner: OpRunner,
    store: Store,
    event_id: int,
    pick: Callable[..., Path],
    person: Any,
    qtbot: Any,
) -> None:
    pick(google())  # row 4 says "Excellent", not on the scale
    dialog = open_dialog(runner, event_id)
    assert not dialog.import_button.isEnabled()
    assert dialog.import_good.isVisible()
    with qtbot.waitSignal(dialog.finished):
        person.click(dialog.import_good)
    assert len(list_responses(store, event_id)) == 2
    assert runner.undo_stack.undoText() == "Import 2 feedback responses"
    runner.undo_stack.undo()
    assert list_responses(store, event_id) == []


def test_a_column_named_with_an_ampersand_shows_it_and_takes_no_alt_key(
    runner: OpRunner, event_id: int, pick: Callable[..., Path]
) -> None:
    header = [*HEADER[:3], "Q&A session: was it useful?"]
    pick(google([[*row[:3], "Yes"] for row in ROWS], header))
    dialog = open_dialog(runner, event_id)
    combo = dialog.combos["Q&A session: was it useful?"]
    label = next(w for w in dialog.columns_box.findChildren(QLabel) if w.buddy() is combo)
    assert label.text() == "Q&&A session: was it useful?"  # drawn as "Q&A", no Alt+A
    dialog.reject()
