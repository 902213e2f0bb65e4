"""Importing feedback responses from Google Forms and Microsoft Forms exports, all rows or none."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from openpyxl import Workbook

from organiser.core.changes import Touched
from organiser.core.db import Store
from organiser.core.errors import OrganiserError
from organiser.core.feedback import export, themes
from organiser.core.feedback.form import Question, add_question, list_questions, remove_question
from organiser.core.feedback.import_columns import RECEIVED, is_contact_column
from organiser.core.feedback.import_file import form_of, parse_received
from organiser.core.feedback.import_mapping import guess_mapping, suggest_mapping
from organiser.core.feedback.importing import (
    ImportPlan,
    apply_import,
    plan_for_event,
    remove_imported,
    restore_imported,
)
from organiser.core.feedback.kinds import FFT_QUESTION, Kind, Standard
from organiser.core.feedback.responses import add_response, list_responses
from organiser.core.tables import Table, read_table

ACTIVITIES = "Which activities did you try?"
USEFUL = "How useful was the information?"
GOOGLE_HEADER = [
    "Timestamp",
    "Email address",
    FFT_QUESTION,
    "What did you enjoy most?",
    "What could have been better?",
    ACTIVITIES,
    "Would you come to regular sessions like this?",
    "How did you hear about today?",
    "May we quote what you wrote in our reports?",
    "Your first name (only if we may use it)",
    "May we contact you about future sessions?",
    "If yes, your email or phone number",
    USEFUL,
]
GOOGLE_ROWS = [
    [
        "2027/03/01 10:15:32 AM GMT",
        "siobhan@example.ie",
        "Very good",
        "Meeting other mums, and the crèche!",
        "",
        "Pilates, Tea, cake and chat",
        "Yes",
        "Health visitor",
        "Yes, with my first name",
        "Siobhán",
        "Yes",
        "siobhan@example.ie",
        "5",
    ],
    [
        "2027/03/01 10:20:05 AM GMT",
        "zoe@example.co.uk",
        "good",
        "Relaxing for an hour — Zoë",
        "More chairs",
        "Baby massage",
        "Maybe",
        "Library noticeboard",
        "Yes, anonymously",
        "Zoë",
        "No",
        "07700 900123",
        "4",
    ],
    [
        "2027/03/01 1:02:45 PM GMT",
        "",
        "Very good",
        "Everything",
        "",
        "",
        "Yes",
        "A friend",
        "No",
        "",
        "",
        "",
        "",
    ],
]


@dataclass(frozen=True)
class Form:
    event_id: int
    questions: dict[str, Question]  # by text

    def id(self, text: str) -> int:
        return self.questions[text].id


def make_form(store: Store, event_id: int) -> Form:
    add_question(
        store,
        event_id=event_id,
        values={
            "text": ACTIVITIES,
            "kind": Kind.MULTIPLE.value,
            "choices": "Pilates\nBaby massage\nTea, cake and chat",
        },
    )
    add_question(
        store,
        event_id=event_id,
        values={"text": USEFUL, "kind": Kind.RATING.value, "choices": "1\n2\n3\n4\n5"},
    )
    return Form(event_id, {q.text: q for q in list_questions(store, event_id)})


@pytest.fixture
def form(store: Store, create_event: Callable[..., int]) -> Form:
    return make_form(store, create_event())


def csv_bytes(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    encoding: str = "utf-8",
    bom: bool = False,
    delimiter: str = ",",
) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    data = out.getvalue().encode(encoding)
    return codecs.BOM_UTF8 + data if bom else data


def google(rows: Sequence[Sequence[str]] = GOOGLE_ROWS, **kw: object) -> bytes:
    return csv_bytes(GOOGLE_HEADER, rows, bom=True, **kw)  # type: ignore[arg-type]


MS_HEADER = (
    "ID",
    "Start time",
    "Completion time",
    "Email",
    "Name",
    FFT_QUESTION,
    ACTIVITIES,
    USEFUL,
    "What did you enjoy most?",
)
MS_ROWS = (
    (
        1,
        dt.datetime(2027, 3, 1, 10, 0, 5),
        dt.datetime(2027, 3, 1, 10, 2, 40),
        "anonymous",
        None,
        "Very good",
        "Pilates;Baby massage;",
        5,
        "Zoë’s first time out with the baby",
    ),
    (
        2,
        dt.datetime(2027, 3, 1, 11, 30, 0),
        dt.datetime(2027, 3, 1, 11, 31, 12),
        "siobhan@example.ie",
        "Siobhán Ó Briain",
        "Neither good nor poor",
        "Tea, cake and chat;",
        3,
        None,
    ),
)


def xlsx_bytes(header: Sequence[object], rows: Sequence[Sequence[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Sheet1"
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def plan(store: Store, event_id: int, data: bytes, name: str = "responses.csv") -> ImportPlan:
    table = read_table(data, name)
    mapping, _remembered = suggest_mapping(store, event_id, table.header)
    return plan_for_event(store, event_id, table, mapping)


def count(store: Store, event_id: int) -> int:
    return len(list_responses(store, event_id))


def local(moment: dt.datetime) -> dt.datetime:
    """A time written without a zone, as stored: this computer's local time in UTC."""
    return moment.astimezone().astimezone(dt.UTC).replace(tzinfo=None)


def test_a_google_forms_export_is_mapped_by_question_text_and_imported(
    store: Store, form: Form
) -> None:
    table = read_table(google(), "responses.csv")
    assert form_of(table) == "Google Forms"
    assert table.description.startswith("Read as Unicode (UTF-8), separated by commas: 3 rows")
    questions = list_questions(store, form.event_id)
    mapping = guess_mapping(table.header, questions)
    assert mapping["Timestamp"] == RECEIVED
    assert mapping["Email address"] is None  # the form's own sign-in column is never guessed
    for text in GOOGLE_HEADER[2:]:
        assert mapping[text] == form.id(text), text
    found = plan_for_event(store, form.event_id, table, mapping)
    assert found.ok
    assert found.summary() == "3 responses to add."
    assert found.notes() == [
        "Not imported: Email address.",
        "1 answer not among a question's choices will be counted as “Other”.",
        "Contact details are left out of 1 response whose person did not agree to be contacted.",
        "First names are left out of 1 response whose person did not agree to be quoted by name.",
    ]
    changes = apply_import(store, form.event_id, found)
    assert changes.touched == Touched.FEEDBACK
    assert len(changes.previous["created_ids"]) == 3
    first, second, third = list_responses(store, form.event_id)
    assert first.source == "Google Forms (responses.csv)"
    assert first.received_at == dt.datetime(2027, 3, 1, 10, 15, 32)
    assert third.received_at == dt.datetime(2027, 3, 1, 13, 2, 45)
    assert first.answers[form.id(ACTIVITIES)] == "Pilates\nTea, cake and chat"
    assert first.answers[form.id("Your first name (only if we may use it)")] == "Siobhán"
    assert first.answers[form.id("If yes, your email or phone number")] == "siobhan@example.ie"
    assert (
        first.answers[form.id("What did you enjoy most?")] == "Meeting other mums, and the crèche!"
    )
    assert second.answers[form.id(FFT_QUESTION)] == "Good"  # matched case-blind
    assert second.answers[form.id("How did you hear about today?")] == "Other"
    assert form.id("If yes, your email or phone number") not in second.answers
    assert form.id("Your first name (only if we may use it)") not in second.answers
    assert second.answers[form.id(USEFUL)] == "4"
    assert form.id(ACTIVITIES) not in third.answers


def test_a_cp1252_export_with_semicolons_keeps_its_accents(store: Store, form: Form) -> None:
    data = csv_bytes(GOOGLE_HEADER, GOOGLE_ROWS[:2], encoding="cp1252", delimiter=";")
    found = plan(store, form.event_id, data)
    assert "Windows Western (cp1252), separated by semicolons" in found.table.description
    apply_import(store, form.event_id, found)
    first, second = list_responses(store, form.event_id)
    assert first.answers[form.id("Your first name (only if we may use it)")] == "Siobhán"
    assert second.answers[form.id("What did you enjoy most?")] == "Relaxing for an hour — Zoë"


def test_a_microsoft_forms_workbook_imports(store: Store, form: Form) -> None:
    table = read_table(xlsx_bytes(MS_HEADER, MS_ROWS), "Feedback(1-2).xlsx")
    assert form_of(table) == "Microsoft Forms"
    assert table.encoding is None
    assert table.description == "Read the sheet “Sheet1”: 2 rows and 9 columns"
    mapping, remembered = suggest_mapping(store, form.event_id, table.header)
    assert not remembered
    assert mapping["Completion time"] == RECEIVED
    assert [mapping[c] for c in ("ID", "Start time", "Email", "Name")] == [None] * 4
    found = plan_for_event(store, form.event_id, table, mapping)
    assert found.summary() == "2 responses to add."
    assert found.notes() == ["Not imported: ID, Start time, Email, Name."]
    apply_import(store, form.event_id, found)
    first, second = list_responses(store, form.event_id)
    assert first.source == "Microsoft Forms (Feedback(1-2).xlsx)"
    assert first.received_at == local(dt.datetime(2027, 3, 1, 10, 2, 40))
    assert first.answers[form.id(ACTIVITIES)] == "Pilates\nBaby massage"
    assert first.answers[form.id(USEFUL)] == "5"  # a number cell matched to the choice "5"
    assert (
        first.answers[form.id("What did you enjoy most?")] == "Zoë’s first time out with the baby"
    )
    assert second.answers[form.id(ACTIVITIES)] == "Tea, cake and chat"
    assert second.answers[form.id(FFT_QUESTION)] == "Neither good nor poor"
    assert all(v != "Siobhán Ó Briain" for r in (first, second) for v in r.answers.values())


def test_a_rating_outside_the_scale_imports_nothing(store: Store, form: Form) -> None:
    add_response(store, event_id=form.event_id, answers={form.id(FFT_QUESTION): "Good"})
    rows = [list(r) for r in GOOGLE_ROWS]
    rows[1][2] = "Excellent"
    rows[2][12] = "7"
    found = plan(store, form.event_id, google(rows))
    assert not found.ok
    assert [e.words() for e in found.errors] == [
        f"Row 3: “Excellent” is not one of the answers to “{FFT_QUESTION}” "
        "(Very good / Good / Neither good nor poor / Poor / Very poor / Don't know)",
        f"Row 4: “7” is not one of the answers to “{USEFUL}” (1 / 2 / 3 / 4 / 5)",
    ]
    assert found.errors[0].column == FFT_QUESTION
    assert found.summary() == ("1 response to add, 2 rows refused.")
    with pytest.raises(OrganiserError, match="Nothing was imported: 2 rows of the file"):
        apply_import(store, form.event_id, found)
    assert count(store, form.event_id) == 1


def test_importing_the_same_file_again_adds_nothing(store: Store, form: Form) -> None:
    apply_import(store, form.event_id, plan(store, form.event_id, google()))
    again = plan(store, form.event_id, google())
    assert again.summary() == "0 responses to add, 3 already imported."
    assert apply_import(store, form.event_id, again).touched == Touched.NONE
    # A later export of the same form, with one more response, adds only that one.
    later = [*GOOGLE_ROWS, ["2027/03/02 9:00:00 AM GMT", "", "Poor", *[""] * 10]]
    found = plan(store, form.event_id, google(later))
    assert found.summary() == "1 response to add, 3 already imported."
    apply_import(store, form.event_id, found)
    assert count(store, form.event_id) == 4


def test_a_plan_made_before_another_import_does_not_add_twice(store: Store, form: Form) -> None:
    first, second = (plan(store, form.event_id, google()) for _ in range(2))
    apply_import(store, form.event_id, first)
    assert apply_import(store, form.event_id, second).touched == Touched.NONE
    assert count(store, form.event_id) == 3


def test_repeated_and_empty_rows_are_counted_once_and_skipped(store: Store, form: Form) -> None:
    empty = ["2027/03/01 2:00:00 PM GMT", "someone@example.com", *[""] * 11]
    rows = [GOOGLE_ROWS[0], GOOGLE_ROWS[1], GOOGLE_ROWS[0], empty, GOOGLE_ROWS[2], GOOGLE_ROWS[0]]
    found = plan(store, form.event_id, google(rows))
    assert found.summary() == (
        "3 responses to add, 2 identical rows counted once, 1 empty row skipped."
    )
    assert found.duplicates == ((4, 2), (7, 2))
    assert "Rows 2, 4 and 7 are identical: counted once." in found.notes()
    assert found.skipped == (5,)
    apply_import(store, form.event_id, found)
    assert count(store, form.event_id) == 3


def test_columns_that_match_nothing_are_listed_and_a_file_matching_nothing_is_refused(
    store: Store, form: Form
) -> None:
    header = ["Timestamp", "Favourite biscuit", FFT_QUESTION, "Column 4"]
    data = csv_bytes(header, [["2027/03/01 10:00:00 AM GMT", "Custard cream", "Good", "x"]])
    found = plan(store, form.event_id, data)
    assert found.summary() == "1 response to add."
    assert found.notes() == ["Not imported: Favourite biscuit, Column 4."]
    apply_import(store, form.event_id, found)
    nothing = csv_bytes(["Timestamp", "Favourite biscuit"], [["2027/03/01", "Bourbon"]])
    refused = plan(store, form.event_id, nothing)
    assert not refused.ok
    assert refused.summary().startswith(
        "None of this file's columns matches a question on the form, so there is nothing to import."
    )
    with pytest.raises(OrganiserError, match="Nothing was imported: None of this file's"):
        apply_import(store, form.event_id, refused)
    assert count(store, form.event_id) == 1


def test_bad_column_choices_are_problems_not_imports(store: Store, form: Form) -> None:
    table = read_table(google(), "responses.csv")
    mapping, _ = suggest_mapping(store, form.event_id, table.header)
    enjoyed = form.id("What did you enjoy most?")
    contact = dict(mapping, **{"Email address": enjoyed, "What did you enjoy most?": None})
    assert plan_for_event(store, form.event_id, table, contact).problems == (
        "The column “Email address” holds contact details, so it can only go to the contact "
        "or first-name question.",
    )
    twice = dict(mapping, **{"What could have been better?": enjoyed})
    assert plan_for_event(store, form.event_id, table, twice).problems == (
        "The columns “What did you enjoy most?” and “What could have been better?” both go to "
        "“What did you enjoy most?”.",
    )
    assert is_contact_column("Email") and is_contact_column("Your first name")
    assert not is_contact_column("What's the name of your children's centre?")


def test_the_column_choices_are_remembered_for_the_same_form_next_time(
    store: Store, form: Form, create_event: Callable[..., int]
) -> None:
    header = ["Timestamp", "Anything we should change?", "Biscuits", FFT_QUESTION]
    data = csv_bytes(header, [["2027/03/01 10:00:00 AM GMT", "More tea", "", "Good"]])
    table = read_table(data, "week1.csv")
    guessed, remembered = suggest_mapping(store, form.event_id, table.header)
    assert not remembered
    better = form.id("What could have been better?")
    assert guessed["Anything we should change?"] == better  # a common phrasing
    chosen = dict(guessed, **{"Anything we should change?": None, "Biscuits": better})
    apply_import(store, form.event_id, plan_for_event(store, form.event_id, table, chosen))
    # Another event with the same online form: the same choices, for its own questions.
    other = make_form(store, create_event(title="Second wellbeing morning"))
    week2 = read_table(csv_bytes(list(reversed(header)), []), "week2.csv")
    offered, remembered = suggest_mapping(store, other.event_id, week2.header)
    assert remembered
    assert offered == {
        FFT_QUESTION: other.id(FFT_QUESTION),
        "Biscuits": other.id("What could have been better?"),
        "Anything we should change?": None,
        "Timestamp": RECEIVED,
    }


def test_ten_thousand_responses_import_in_one_go_and_undo_removes_them_all(
    store: Store, form: Form
) -> None:
    start = dt.datetime(2027, 3, 1, 9, 0, 0)
    scale = ("Very good", "Good", "Poor")
    rows = [
        [
            (start + dt.timedelta(seconds=n)).strftime("%Y/%m/%d %I:%M:%S %p GMT"),
            "",
            scale[n % 3],
            f"Response {n}: the crèche and the tea",
            "",
            "Pilates, Tea, cake and chat" if n % 2 else "Baby massage",
            "Yes",
            "A friend",
            "Yes, anonymously",
            "",
            "No",
            "",
            str(n % 5 + 1),
        ]
        for n in range(10_000)
    ]
    data = google(rows)
    began = time.perf_counter()
    found = plan(store, form.event_id, data)
    planned = time.perf_counter()
    changes = apply_import(store, form.event_id, found)
    applied = time.perf_counter()
    print(
        f"\n10,000 responses: read and planned in {planned - began:.2f} s, "
        f"imported in {applied - planned:.2f} s"
    )
    assert applied - began < 20
    assert found.summary() == "10,000 responses to add."
    assert count(store, form.event_id) == 10_000
    ids = changes.previous["created_ids"]
    answer_id = list_responses(store, form.event_id)[0].answer_ids[form.id(FFT_QUESTION)]
    theme = themes.list_themes(store, form.event_id)[0]
    themes.tag(store, answer_id=answer_id, theme_id=theme.id, on=True)
    began = time.perf_counter()
    removed = remove_imported(store, event_id=form.event_id, response_ids=ids)
    undone = time.perf_counter() - began
    assert count(store, form.event_id) == 0
    began = time.perf_counter()
    restored = restore_imported(store, snapshot=removed.snapshot or {})
    redone = time.perf_counter() - began
    print(f"undo in {undone:.2f} s, redo in {redone:.2f} s")
    assert restored.previous["created_ids"] == sorted(ids)
    assert count(store, form.event_id) == 10_000
    assert theme.id in themes.themes_of(store, form.event_id).get(answer_id, set())
    assert (
        plan(store, form.event_id, data).summary() == "0 responses to add, 10,000 already imported."
    )


def test_errors_never_quote_contact_details_and_nothing_is_logged(
    store: Store, form: Form, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    table = read_table(google(), "responses.csv")
    mapping, _ = suggest_mapping(store, form.event_id, table.header)
    heard = form.id("How did you hear about today?")
    fft = form.id(FFT_QUESTION)
    # A person's mistake: the contact answers chosen for rating questions.
    wrong = dict(
        mapping,
        **{
            "If yes, your email or phone number": None,
            "How did you hear about today?": None,
            "What could have been better?": fft,
            FFT_QUESTION: heard,
        },
    )
    rows = [list(r) for r in GOOGLE_ROWS]
    rows[0][4] = "ring me on 07700 900123"
    rows[1][4] = "zoe@example.co.uk"
    found = plan_for_event(store, form.event_id, read_table(google(rows)), wrong)
    said = [e.words() for e in found.errors]
    assert said[0].startswith("Row 2: the answer is not one of the answers to “Overall")
    assert said[1].startswith("Row 3: the answer is not one of the answers to “Overall")
    with pytest.raises(OrganiserError) as refused:
        apply_import(store, form.event_id, found)
    for text in (*said, found.summary(), str(refused.value), caplog.text):
        for private in ("07700", "@example", "Siobhán", "Zoë"):
            assert private not in text


@pytest.mark.parametrize(
    ("when", "said"),
    [
        ("soon", "the time “soon” is not a date and time; it should look like 2027-03-01 10:15"),
        ("next Tuesday", "the time is not a date and time; it should look like 2027-03-01 10:15"),
        (
            "2027/02/30 10:00",
            "the time “2027/02/30 10:00” is not a date in the calendar; check the day and the "
            "month",
        ),
        (
            "31/02/2027 10:00:00 AM GMT",
            "the time “31/02/2027 10:00:00 AM GMT” is not a date in the calendar; check the day "
            "and the month",
        ),
        ("2027/03/01 25:00", "the time “2027/03/01 25:00” is not a date and time; it should"),
        ("Ring Jo on 07700 900123", "the time is not a date and time; it should look like"),
    ],
)
def test_a_time_that_is_not_a_time_is_a_row_error(
    store: Store, form: Form, when: str, said: str
) -> None:
    rows = [list(r) for r in GOOGLE_ROWS]
    rows[2][0] = when
    found = plan(store, form.event_id, google(rows))
    assert [e.words()[: len(said) + 7] for e in found.errors] == [f"Row 4: {said}"]
    assert parse_received("2027/03/01 1:15:32 PM GMT+1") == dt.datetime(2027, 3, 1, 12, 15, 32)
    assert parse_received("01/03/2027 10:15") == local(dt.datetime(2027, 3, 1, 10, 15))
    assert parse_received("2027-03-01T10:15:32Z") == dt.datetime(2027, 3, 1, 10, 15, 32)
    assert parse_received("") is None


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
            + b"\0" * 600
            + "EncryptedPackage".encode("utf-16-le"),
            "This spreadsheet is protected with a password",
        ),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "This is an old Excel (.xls) file"),
        (b"PK\x03\x04" + b"\x14\x00" * 300, "form.xlsx cannot be read as an Excel workbook"),
        (xlsx_bytes([], []), "This sheet is empty"),
        (b"Timestamp,Overall\r\n2027/03/01,Go\x00od\r\n", "This file contains NUL bytes"),
        (b"", "This file is empty."),
    ],
)
def test_files_that_cannot_be_read_are_refused_in_words(data: bytes, said: str) -> None:
    with pytest.raises(OrganiserError) as refused:
        read_table(data, "form.xlsx")
    assert str(refused.value).startswith(said)
    assert refused.value.__cause__ is None  # no file content travels in a chained error


def test_the_export_is_formula_safe_marks_archived_questions_and_imports_back(
    store: Store, form: Form, create_event: Callable[..., int], tmp_path: Path
) -> None:
    rows = [list(r) for r in GOOGLE_ROWS]
    rows[2][3] = '=HYPERLINK("http://example.com")'
    apply_import(store, form.event_id, plan(store, form.event_id, google(rows)))
    remove_question(store, question_id=form.id(USEFUL))
    path = tmp_path / "responses.csv"
    assert export.export_responses(store, form.event_id, path) == 3
    assert path.stat().st_mode & 0o777 == 0o600
    data = path.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    table = read_table(data, path.name)
    assert table.header[0] == "Received" and table.header[-1] == "Source"
    assert f"{USEFUL} (archived)" in table.header
    raw = data.decode("utf-8-sig")
    assert "'=HYPERLINK" in raw and "Pilates; Tea, cake and chat" in raw
    other = make_form(store, create_event(title="Another morning"))
    found = plan(store, other.event_id, data, path.name)
    assert found.ok and found.summary() == "3 responses to add."
    # The archived question is still on the other event's form, so its column finds it there.
    assert found.mapping[f"{USEFUL} (archived)"] == other.id(USEFUL)
    assert found.unused == ("Source",)
    apply_import(store, other.event_id, found)

    def by_text(event_form: Form) -> list[dict[str, str]]:
        texts = {q.id: text for text, q in event_form.questions.items()}
        return [
            {texts[qid]: value for qid, value in r.answers.items()}
            for r in list_responses(store, event_form.event_id)
        ]

    assert by_text(other) == by_text(form)
    enjoyed = table.header.index("What did you enjoy most?")
    assert table.rows[2][1][enjoyed] == '=HYPERLINK("http://example.com")'  # read back as was


def test_undo_and_redo_of_an_import(store: Store, form: Form) -> None:
    created = apply_import(store, form.event_id, plan(store, form.event_id, google()))
    kept = list_responses(store, form.event_id)
    removed = remove_imported(
        store, event_id=form.event_id, response_ids=created.previous["created_ids"]
    )
    assert removed.touched == Touched.FEEDBACK and removed.event_id == form.event_id
    assert count(store, form.event_id) == 0
    restore_imported(store, snapshot=removed.snapshot or {})
    assert list_responses(store, form.event_id) == kept


def test_the_standard_questions_are_found_from_other_phrasings(store: Store, form: Form) -> None:
    header = [
        "Submitted at",
        "Overall, how would you rate today?",
        "What did you like most?",
        "How could we improve?",
        "Where did you hear about us?",
        "Would you come to a regular session?",
        "Can we keep in touch?",
        "Email",
        "Phone number",
    ]
    mapping = guess_mapping(header, list_questions(store, form.event_id))
    standard = {q.id: q.standard for q in form.questions.values()}
    assert {c: standard.get(t, t) if isinstance(t, int) else t for c, t in mapping.items()} == {
        "Submitted at": RECEIVED,
        "Overall, how would you rate today?": Standard.FFT.value,
        "What did you like most?": Standard.ENJOYED.value,
        "How could we improve?": Standard.BETTER.value,
        "Where did you hear about us?": Standard.HEARD.value,
        "Would you come to a regular session?": Standard.REGULAR.value,
        "Can we keep in touch?": Standard.CONTACT_CONSENT.value,
        "Email": None,
        "Phone number": Standard.CONTACT.value,
    }


def test_a_demo_event_form_takes_a_google_export(store: Store, demo_event: int) -> None:
    services = "Which services did you find out about today?"
    header = ["Timestamp", FFT_QUESTION, services]
    data = csv_bytes(
        header,
        [
            [
                "2027/02/22 12:00:00 PM GMT",
                "Very Good",
                "Stretch Together, Seabrook Medical Practice",
            ]
        ],
    )
    before = count(store, demo_event)
    found = plan(store, demo_event, data)
    assert found.summary() == "1 response to add."
    apply_import(store, demo_event, found)
    assert count(store, demo_event) == before + 1
    newest = max(list_responses(store, demo_event), key=lambda r: r.id)
    assert set(newest.answers.values()) == {
        "Very good",
        "Stretch Together\nSeabrook Medical Practice",
    }


def test_a_table_read_from_a_file_on_disk(tmp_path: Path) -> None:
    from organiser.core.tables import read_file

    path = tmp_path / "Form responses 1.csv"
    path.write_bytes(google())
    table = read_file(path)
    assert isinstance(table, Table)
    assert table.name == "Form responses 1.csv" and len(table.rows) == 3


def test_reading_back_organisers_own_export_adds_nothing(store: Store, demo_event: int) -> None:
    from organiser.core.feedback import export as feedback_export
    from organiser.core.feedback.import_mapping import suggest_mapping
    from organiser.core.feedback.importing import plan_for_event as plan_here
    from organiser.core.tables import read_table

    data = feedback_export.responses_csv(store, demo_event)
    table = read_table(data, "responses.csv")
    mapping, _remembered = suggest_mapping(store, demo_event, table.header)
    plan = plan_here(store, demo_event, table, mapping)
    assert plan.rows == ()
    assert len(plan.already) == 20


def test_many_identical_rows_are_listed_twenty_at_most(store: Store, form: Form) -> None:
    rows = [[f"2027/03/01 10:{n:02}:00 AM GMT", "", "Good", *[""] * 10] for n in range(25)]
    found = plan(store, form.event_id, google([row for row in rows for _copy in range(2)]))
    assert found.summary() == "25 responses to add, 25 identical rows counted once."
    repeats = [n for n in found.notes() if "identical" in n or n.startswith("…")]
    assert repeats[0] == "Rows 2 and 3 are identical: counted once."
    assert repeats[19] == "Rows 40 and 41 are identical: counted once."
    assert repeats[20:] == ["… and 5 more identical rows."]


def test_a_row_repeated_many_times_is_counted_not_listed(store: Store, form: Form) -> None:
    found = plan(store, form.event_id, google([GOOGLE_ROWS[2]] * 8))
    assert found.summary() == "1 response to add, 7 identical rows counted once."
    assert "Row 2 is repeated 7 times: counted once." in found.notes()
