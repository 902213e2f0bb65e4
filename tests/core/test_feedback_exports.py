"""The exports people actually have, in each tool's real columns and value formats, import on a
fresh event's standard form with no column changes: Google Forms (CSV and its sheet as .xlsx),
Microsoft Forms (.xlsx), SurveyMonkey (CSV with two header rows), Jotform (CSV), and a file saved
again from Excel as "Unicode Text" (UTF-16, tabs)."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
from collections.abc import Callable, Sequence

import pytest
from openpyxl import Workbook

from organiser.core.db import Store
from organiser.core.feedback.form import Question, add_question, list_questions
from organiser.core.feedback.import_columns import RECEIVED
from organiser.core.feedback.import_file import form_of, parse_received
from organiser.core.feedback.import_mapping import suggest_mapping
from organiser.core.feedback.importing import (
    ImportPlan,
    add_choices,
    apply_import,
    plan_for_event,
    read_responses,
)
from organiser.core.feedback.kinds import FFT_QUESTION, FFT_SCALE, Kind, Standard
from organiser.core.feedback.responses import list_responses
from organiser.core.import_plans import Plan

SERVICES = "Which services did you find out about today?"
ENJOYED = "What did you enjoy most?"
BETTER = "What could have been better?"
REGULAR = "Would you come to regular sessions like this?"
HEARD = "How did you hear about today?"
QUOTE = "May we quote what you wrote in our reports?"
FIRST_NAME = "Your first name (only if we may use it)"
CONSENT = "May we contact you about future sessions?"
CONTACT = "If yes, your email or phone number"
PARTS = "How was each part of the morning?"


def csv_bytes(rows: Sequence[Sequence[object]], *, bom: bool = False, sep: str = ",") -> bytes:
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=sep, lineterminator="\r\n").writerows(rows)
    data = out.getvalue().encode()
    return codecs.BOM_UTF8 + data if bom else data


def xlsx_bytes(rows: Sequence[Sequence[object]], title: str = "Sheet1") -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def local(moment: dt.datetime) -> dt.datetime:
    """A time written without a zone, as stored: this computer's local time in UTC."""
    return moment.astimezone().astimezone(dt.UTC).replace(tzinfo=None)


def planned(store: Store, event_id: int, data: bytes, name: str) -> ImportPlan:
    """What the window and the command line do: read, suggest the columns, plan."""
    table = read_responses(data, name)
    mapping, _remembered = suggest_mapping(store, event_id, table)
    return plan_for_event(store, event_id, table, mapping)


def by_text(store: Store, event_id: int) -> dict[str, Question]:
    return {q.text: q for q in list_questions(store, event_id)}


def answers(store: Store, event_id: int) -> list[dict[str, str]]:
    """Each response's answers by question text, oldest first."""
    texts = {q.id: q.text for q in list_questions(store, event_id, archived=True)}
    return [
        {texts[qid]: v for qid, v in r.answers.items()} for r in list_responses(store, event_id)
    ]


def no_empty_lists(plan: ImportPlan) -> None:
    for text in (*[e.words() for e in plan.errors], *plan.notes(), plan.summary()):
        assert "()" not in text, text


@pytest.fixture
def fresh(create_event: Callable[..., int]) -> int:
    """A new event: its form is the standard questions, and its services question has no
    choices (no speakers invited yet)."""
    return create_event(title="Wellbeing morning")


@pytest.fixture
def with_grid(store: Store, fresh: int) -> int:
    """A fresh event whose form asks about each part of the morning, one question a part."""
    for text in ("The Pilates", "The talks"):
        add_question(
            store,
            event_id=fresh,
            values={"text": text, "kind": Kind.RATING.value, "choices": "\n".join(FFT_SCALE)},
        )
    return fresh


GOOGLE_HEADER = [
    "Timestamp",
    "Email address",
    FFT_QUESTION,
    ENJOYED,
    SERVICES,
    REGULAR,
    HEARD,
    QUOTE,
    FIRST_NAME,
    CONSENT,
    CONTACT,
]
GOOGLE_ROWS = [
    [
        "2027/03/01 10:15:32 AM GMT",
        "siobhan@example.ie",
        "Very good",
        "Meeting other mums, and the crèche!",
        "Health visitors, Library",
        "Yes",
        "Health visitor",
        "Yes, with my first name",
        "Siobhán",
        "Yes",
        "siobhan@example.ie",
    ],
    [
        "2027/03/01 12:20:05 PM GMT+1",
        "zoe@example.co.uk",
        "Good",
        "Relaxing for an hour",
        "Baby bank, library",
        "Maybe",
        "Flyer",
        "Yes, anonymously",
        "Zoë",
        "No",
        "07700 900123",
    ],
    ["2027/03/01 1:02:45 PM GMT", "", "Very good", "", "", "Yes", "A friend", "No", "", "", ""],
]


def test_a_google_forms_csv_imports_once_the_services_have_choices(
    store: Store, fresh: int
) -> None:
    data = csv_bytes([GOOGLE_HEADER, *GOOGLE_ROWS], bom=True)
    plan = planned(store, fresh, data, "Wellbeing morning (Responses).csv")
    form = by_text(store, fresh)
    services = form[SERVICES]
    assert services.choices == ()  # the bug: each answer was refused with an empty "()"
    assert plan.mapping["Timestamp"] == RECEIVED and plan.mapping["Email address"] is None
    assert all(plan.mapping[t] == form[t].id for t in GOOGLE_HEADER[2:])
    assert plan.choices_to_add == {services.id: ("Health visitors", "Library", "Baby bank")}
    assert (
        f"“{SERVICES}” has no choices yet: add “Health visitors”, “Library”, “Baby bank” "
        "from the file." in plan.notes()
    )
    assert [e.words() for e in plan.errors] == [
        f"Row {row}: “{first}” and 1 more are not among the answers to “{SERVICES}”, which has "
        "no choices yet: add the file's answers as choices"
        for row, first in ((2, "Health visitors"), (3, "Baby bank"))
    ]
    no_empty_lists(plan)
    assert plan.summary() == ("1 response to add, 2 rows refused.")
    add_choices(store, event_id=fresh, additions=plan.choices_to_add)
    again = planned(store, fresh, data, "Wellbeing morning (Responses).csv")
    assert again.ok and again.choices_to_add == {}
    assert again.summary() == "3 responses to add."
    apply_import(store, fresh, again)
    first, second, third = answers(store, fresh)
    assert first[SERVICES] == "Health visitors\nLibrary"
    assert second[SERVICES] == "Baby bank\nLibrary"  # "library" is the choice "Library"
    assert first[CONTACT] == "siobhan@example.ie" and first[FIRST_NAME] == "Siobhán"
    assert CONTACT not in second and FIRST_NAME not in second  # no agreement, not kept
    assert third == {FFT_QUESTION: "Very good", REGULAR: "Yes", HEARD: "A friend", QUOTE: "No"}
    received = [r.received_at for r in list_responses(store, fresh)]
    assert received == [
        dt.datetime(2027, 3, 1, 10, 15, 32),
        dt.datetime(2027, 3, 1, 11, 20, 5),  # GMT+1
        dt.datetime(2027, 3, 1, 13, 2, 45),
    ]


def test_a_google_forms_grid_goes_row_by_row_to_the_forms_questions(
    store: Store, with_grid: int
) -> None:
    header = ["Timestamp", FFT_QUESTION, f"{PARTS} [The Pilates]", f"{PARTS} [The talks]"]
    rows = [["2027/03/01 10:15:32 AM GMT", "Good", "Very good", "Neither good nor poor"]]
    plan = planned(store, with_grid, csv_bytes([header, *rows]), "responses.csv")
    form = by_text(store, with_grid)
    assert plan.mapping[f"{PARTS} [The Pilates]"] == form["The Pilates"].id
    assert plan.mapping[f"{PARTS} [The talks]"] == form["The talks"].id
    meanings = {r.column: r.meaning for r in plan.readings()}
    assert meanings[f"{PARTS} [The talks]"] == (
        f"“The talks” (rating), a row of the grid “{PARTS}”"
    )
    apply_import(store, with_grid, plan)
    assert answers(store, with_grid) == [
        {FFT_QUESTION: "Good", "The Pilates": "Very good", "The talks": "Neither good nor poor"}
    ]


def test_a_google_sheet_saved_as_xlsx_has_real_times_and_a_quiz_score_left_out(
    store: Store, fresh: int
) -> None:
    header = ["Timestamp", "Email Address", "Score", FFT_QUESTION, f"{FFT_QUESTION} [Score]"]
    rows = [
        [dt.datetime(2027, 3, 1, 10, 15, 32), "ama@example.com", 1, "Very good", 1],
        [dt.datetime(2027, 3, 1, 10, 16, 2), "kofi@example.com", 0, "Don't know", 0],
    ]
    plan = planned(store, fresh, xlsx_bytes([header, *rows], "Form responses 1"), "sheet.xlsx")
    assert form_of(plan.table) == "Google Forms"
    assert [plan.mapping[c] for c in header] == [
        RECEIVED,
        None,
        None,
        by_text(store, fresh)[FFT_QUESTION].id,
        None,
    ]
    assert plan.ok and plan.summary() == "2 responses to add."
    apply_import(store, fresh, plan)
    first, second = list_responses(store, fresh)
    assert first.received_at == local(dt.datetime(2027, 3, 1, 10, 15, 32))
    assert set(second.answers.values()) == {"Don't know"}


def test_dates_are_read_day_or_month_first_as_the_file_shows(store: Store, fresh: int) -> None:
    header = ["Timestamp", FFT_QUESTION]
    us = [["3/14/2027 10:15:32", "Good"], ["3/1/2027 9:00:00", "Poor"]]
    plan = planned(store, fresh, csv_bytes([header, *us]), "us.csv")
    assert plan.ok
    assert [r.received_at for r in plan.rows] == [
        local(dt.datetime(2027, 3, 14, 10, 15, 32)),
        local(dt.datetime(2027, 3, 1, 9, 0)),  # 1 March, as the other row shows month first
    ]
    uk = [["14/03/2027 10:15:32", "Good"], ["01/03/2027 09:00:00", "Poor"]]
    plan = planned(store, fresh, csv_bytes([header, *uk]), "uk.csv")
    assert [r.received_at for r in plan.rows][1] == local(dt.datetime(2027, 3, 1, 9, 0))
    assert parse_received("Mar 1, 2027") == local(dt.datetime(2027, 3, 1))
    assert parse_received("1 March 2027 14:05") == local(dt.datetime(2027, 3, 1, 14, 5))
    assert parse_received("2027/03/01 10:15:32 AM BST") == dt.datetime(2027, 3, 1, 9, 15, 32)
    assert parse_received("03/01/2027 10:15:32 AM", day_first=False) == local(
        dt.datetime(2027, 3, 1, 10, 15, 32)
    )


MS_HEADER = [
    "ID",
    "Start time",
    "Completion time",
    "Email",
    "Name",
    "Last modified time",
    FFT_QUESTION,
    SERVICES,
    HEARD,
    "The Pilates",
    "The talks",
    ENJOYED,
]


def ms_row(number: int, minute: int, fft: str, enjoyed: str | None = None) -> list[object]:
    return [
        number,
        dt.datetime(2027, 3, 1, 10, minute),
        dt.datetime(2027, 3, 1, 10, minute + 2, 40),
        "anonymous",
        None,
        None,
        fft,
        "Health visitors;Baby bank;",
        "A friend",
        "Very good",
        "Good",
        enjoyed,
    ]


def test_a_microsoft_forms_workbook_with_likert_statements_imports(
    store: Store, with_grid: int
) -> None:
    data = xlsx_bytes(
        [MS_HEADER, ms_row(1, 0, "Very good", "Zoë’s first time out"), ms_row(2, 30, "Good")]
    )
    plan = planned(store, with_grid, data, "Wellbeing morning(1-2).xlsx")
    form = by_text(store, with_grid)
    assert form_of(plan.table) == "Microsoft Forms"
    own = ("ID", "Start time", "Email", "Name", "Last modified time")
    assert [plan.mapping[c] for c in own] == [None] * 5
    assert plan.mapping["Completion time"] == RECEIVED
    assert plan.mapping["The Pilates"] == form["The Pilates"].id  # a Likert statement
    assert plan.choices_to_add == {form[SERVICES].id: ("Health visitors", "Baby bank")}
    readings = {r.column: r for r in plan.readings()}
    assert readings["ID"].meaning.startswith("Response ID: an edited response replaces")
    assert readings["Email"].examples == ("(contact details)",)
    assert readings[FFT_QUESTION].words() == (
        f"“{FFT_QUESTION}” → “Overall, how was your experience of our service?” (rating) "
        "(e.g. “Very good”, “Good”)"
    )
    add_choices(store, event_id=with_grid, additions=plan.choices_to_add)
    plan = planned(store, with_grid, data, "Wellbeing morning(1-2).xlsx")
    assert plan.ok and plan.summary() == "2 responses to add."
    apply_import(store, with_grid, plan)
    first, second = answers(store, with_grid)
    assert first[SERVICES] == "Health visitors\nBaby bank"
    assert first[ENJOYED] == "Zoë’s first time out" and ENJOYED not in second
    assert second["The talks"] == "Good"


SM_HEADER = [
    "Respondent ID",
    "Collector ID",
    "Start Date",
    "End Date",
    "IP Address",
    "Email Address",
    "First Name",
    "Last Name",
    "Custom Data 1",
    FFT_QUESTION,
    ENJOYED,
    SERVICES,
    "",
    "",
    "",
    PARTS,
    "",
    HEARD,
    "",
]
SM_LABELS = [
    *[""] * 9,
    "Response",
    "Open-Ended Response",
    "Health visitors",
    "Library",
    "Baby bank",
    "Other (please specify)",
    "The Pilates",
    "The talks",
    "Response",
    "Other (please specify)",
]
SM_ROWS = [
    [
        "114327896511",
        "405123456",
        "03/01/2027 10:02:11 AM",
        "03/01/2027 10:05:40 AM",
        "81.2.69.160",
        "",
        "",
        "",
        "",
        "Very good",
        "The crèche",
        "Health visitors",
        "",
        "Baby bank",
        "",
        "Very good",
        "Good",
        "A friend",
        "",
    ],
    [
        "114327896522",
        "405123456",
        "03/01/2027 11:20:00 AM",
        "03/01/2027 11:24:09 AM",
        "81.2.69.161",
        "ama@example.com",
        "Ama",
        "Mensah",
        "ama.mensah@example.com",
        "Good",
        "",
        "",
        "Library",
        "",
        "",
        "Good",
        "",
        "",
        "My aunt",
    ],
]


def test_a_surveymonkey_csv_with_two_header_rows_is_read_as_one(
    store: Store, with_grid: int
) -> None:
    data = csv_bytes([SM_HEADER, SM_LABELS, *SM_ROWS])
    plan = planned(store, with_grid, data, "Wellbeing morning.csv")
    form = by_text(store, with_grid)
    assert form_of(plan.table) == "SurveyMonkey"
    assert plan.table.header == (
        *SM_HEADER[:12],
        f"{PARTS} [The Pilates]",
        f"{PARTS} [The talks]",
        HEARD,
    )
    assert plan.table.description == (
        "Read as Unicode (UTF-8), separated by commas: 2 rows and 15 columns, its two heading "
        "rows read as one (SurveyMonkey) and the tick boxes of 1 question joined"
    )
    assert plan.mapping["End Date"] == RECEIVED
    assert all(plan.mapping[c] is None for c in SM_HEADER[:9] if c != "End Date")
    assert plan.mapping[f"{PARTS} [The Pilates]"] == form["The Pilates"].id
    assert plan.choices_to_add == {form[SERVICES].id: ("Health visitors", "Baby bank", "Library")}
    readings = {r.column: r for r in plan.readings()}
    for private in ("IP Address", "Email Address", "First Name", "Last Name"):
        assert readings[private].meaning == "Not imported"
        assert readings[private].examples in ((), ("(contact details)",))
    assert readings["IP Address"].examples == ("(contact details)",)
    assert readings["Custom Data 1"].examples == ("(contact details)",)
    assert readings["Respondent ID"].meaning.startswith("Response ID")
    add_choices(store, event_id=with_grid, additions=plan.choices_to_add)
    plan = planned(store, with_grid, data, "Wellbeing morning.csv")
    assert plan.ok and plan.summary() == "2 responses to add."
    assert plan.notes()[-1] == "1 answer not among a question's choices will be counted as “Other”."
    apply_import(store, with_grid, plan)
    first, second = answers(store, with_grid)
    assert first == {
        FFT_QUESTION: "Very good",
        ENJOYED: "The crèche",
        SERVICES: "Health visitors\nBaby bank",
        "The Pilates": "Very good",
        "The talks": "Good",
        HEARD: "A friend",
    }
    assert second[HEARD] == "Other" and second[SERVICES] == "Library"
    assert all("Ama" not in v and "@" not in v for v in second.values())
    received = [r.received_at for r in list_responses(store, with_grid)]
    assert received[0] == local(dt.datetime(2027, 3, 1, 10, 5, 40))  # 1 March: month first


JOTFORM_HEADER = [
    "Submission Date",
    FFT_QUESTION,
    SERVICES,
    "Would you come to regular sessions like this?",
    "E-mail",
    "Submission ID",
    "Submission IP",
]


def test_a_jotform_csv_with_choices_on_lines_imports(store: Store, fresh: int) -> None:
    rows = [
        [
            "Mar 1, 2027",
            "Very good",
            "Health visitors\nLibrary",
            "Yes",
            "",
            "5867393421",
            "1.2.3.4",
        ],
        ["2027-03-01 10:15:32", "Poor", "Library", "No", "kofi@example.com", "5867393422", ""],
    ]
    data = csv_bytes([JOTFORM_HEADER, *rows])
    plan = planned(store, fresh, data, "Wellbeing_morning2027-03-02_10_00_01.csv")
    assert form_of(plan.table) == "Jotform"
    assert plan.mapping["Submission Date"] == RECEIVED
    assert [plan.mapping[c] for c in ("E-mail", "Submission ID", "Submission IP")] == [None] * 3
    add_choices(store, event_id=fresh, additions=plan.choices_to_add)
    plan = planned(store, fresh, data, "Wellbeing_morning.csv")
    assert plan.ok and plan.summary() == "2 responses to add."
    apply_import(store, fresh, plan)
    first, second = list_responses(store, fresh)
    assert first.received_at == local(dt.datetime(2027, 3, 1))
    assert set(first.answers.values()) == {"Very good", "Health visitors\nLibrary", "Yes"}
    assert second.received_at == local(dt.datetime(2027, 3, 1, 10, 15, 32))


def test_a_file_saved_again_from_excel_as_unicode_text_imports(store: Store, fresh: int) -> None:
    header = ["Timestamp", FFT_QUESTION, ENJOYED, REGULAR]
    rows = [["2027/03/01 10:15:32 AM GMT", "Very good", "Łucja's first class, and tea", "Yes"]]
    text = "\r\n".join("\t".join(r) for r in [header, *rows]) + "\r\n"
    data = codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    plan = planned(store, fresh, data, "responses.txt")
    assert "separated by tabs" in plan.table.description
    assert plan.ok and plan.summary() == "1 response to add."
    apply_import(store, fresh, plan)
    assert answers(store, fresh) == [
        {FFT_QUESTION: "Very good", ENJOYED: "Łucja's first class, and tea", REGULAR: "Yes"}
    ]


def test_the_plan_has_the_shape_the_preview_and_command_line_show(store: Store, fresh: int) -> None:
    plan: Plan = planned(store, fresh, csv_bytes([GOOGLE_HEADER, *GOOGLE_ROWS]), "r.csv")
    assert [r.column for r in plan.readings()] == GOOGLE_HEADER
    meanings = {r.column: r.meaning for r in plan.readings()}
    assert meanings["Timestamp"] == "When it was sent"
    assert meanings["Email address"] == "Not imported"
    assert meanings[SERVICES] == f"“{SERVICES}” (choices)"
    assert meanings[CONTACT].endswith("(free text)")
    shown = " ".join(r.words() for r in plan.readings())
    for private in ("@example", "07700", "Siobhán", "Zoë"):
        assert private not in shown
    assert plan.good_count() == 1
    standard = {q.standard: q for q in list_questions(store, fresh)}
    assert standard[Standard.SERVICES.value].text == SERVICES


def test_refused_rows_name_the_row_and_the_question_never_the_person(
    store: Store, fresh: int
) -> None:
    rows = [list(r) for r in GOOGLE_ROWS]
    rows[0][5] = "ring 07700 900123"  # someone's number where a choice should be
    plan = planned(store, fresh, csv_bytes([GOOGLE_HEADER, *rows]), "r.csv")
    said = " ".join([*(e.words() for e in plan.errors), *plan.notes(), plan.summary()])
    assert "Row 2: the answer is not one of the answers to “Would you come" in said
    for private in ("07700", "@example", "Siobhán", "Zoë"):
        assert private not in said


def trailing_comma(rows: Sequence[Sequence[object]]) -> bytes:
    """Every line ends with "," (SurveyMonkey's export opened and saved by some programs)."""
    return csv_bytes([[*row, ""] for row in rows])


def test_a_surveymonkey_csv_with_a_comma_at_the_end_of_each_line_keeps_every_answer(
    store: Store, with_grid: int
) -> None:
    plain = read_responses(csv_bytes([SM_HEADER, SM_LABELS, *SM_ROWS]), "w.csv")
    assert read_responses(trailing_comma([SM_HEADER, SM_LABELS, *SM_ROWS]), "w.csv") == plain
    # The last question answered in one column: it keeps its own words as its heading.
    width = SM_HEADER.index(ENJOYED) + 1
    data = trailing_comma([SM_HEADER[:width], SM_LABELS[:width], *(r[:width] for r in SM_ROWS)])
    plan = planned(store, with_grid, data, "Wellbeing morning.csv")
    assert plan.table.header == tuple(SM_HEADER[:width])
    assert not any("[" in column for column in plan.table.header)
    assert plan.mapping[ENJOYED] == by_text(store, with_grid)[ENJOYED].id
    assert ENJOYED not in " ".join(plan.notes())  # not "Not imported"
    apply_import(store, with_grid, plan)
    assert answers(store, with_grid)[0][ENJOYED] == "The crèche"


def test_answers_that_may_name_someone_are_never_quoted(store: Store, fresh: int) -> None:
    header = ["Timestamp", SERVICES, REGULAR]
    rows = [
        ["2027/03/01 10:00:00 AM GMT", "Library", "ask my wife Sue"],
        ["2027/03/01 10:05:00 AM GMT", "Paid by Jo Smith", "Yes"],
        ["2027/03/01 10:10:00 AM GMT", "ask my wife Sue", "Paid by Jo Smith"],
    ]
    plan = planned(store, fresh, csv_bytes([header, *rows]), "r.csv")
    readings = [r.words() for r in plan.readings()]
    said = " ".join([*(e.words() for e in plan.errors), *plan.notes(), plan.summary(), *readings])
    for private in ("Sue", "Jo Smith", "my wife"):
        assert private not in said
    assert readings[0].endswith("(e.g. “2027/03/01 10:00:00 AM GMT”, “2027/03/01 10:05:00 AM GMT”)")
    assert readings[1].endswith("(e.g. “Library”)")
    assert "Row 2: the answer is not one of the answers to “Would you come" in said
    assert f"“{SERVICES}” has no choices yet: add “Library” from the file." in plan.notes()
