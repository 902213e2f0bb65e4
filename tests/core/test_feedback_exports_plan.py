"""A feedback import's plan: answers not among the choices become choices when asked (undoable),
a response edited since it was imported replaces the earlier one (undoable, in the same step),
the good rows import without the refused ones when asked, and the command line chooses columns
in words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from test_feedback_exports import (
    ENJOYED,
    GOOGLE_HEADER,
    GOOGLE_ROWS,
    JOTFORM_HEADER,
    REGULAR,
    SERVICES,
    answers,
    by_text,
    csv_bytes,
    no_empty_lists,
    planned,
    xlsx_bytes,
)

from organiser.core.changes import Touched
from organiser.core.db import Store
from organiser.core.errors import OrganiserError, ValidationError
from organiser.core.feedback import themes
from organiser.core.feedback.form import list_questions
from organiser.core.feedback.import_columns import RECEIVED
from organiser.core.feedback.import_mapping import choose, suggest_mapping
from organiser.core.feedback.importing import (
    add_choices,
    apply_import,
    remove_choices,
    remove_imported,
    restore_imported,
)
from organiser.core.feedback.kinds import FFT_QUESTION
from organiser.core.feedback.responses import list_responses, set_starred
from organiser.core.import_plans import refused_csv
from organiser.core.tables import read_table

MS_HEADER = ["ID", "Start time", "Completion time", "Email", "Name", FFT_QUESTION, ENJOYED]


def ms(*rows: tuple[int, int, str, str]) -> bytes:
    """A Microsoft Forms workbook: (ID, minute sent, overall, enjoyed) per response."""
    return xlsx_bytes(
        [
            MS_HEADER,
            *(
                [
                    number,
                    dt.datetime(2027, 3, 1, 10, minute),
                    dt.datetime(2027, 3, 1, 10, minute, 40),
                    "anonymous",
                    None,
                    fft,
                    enjoyed,
                ]
                for number, minute, fft, enjoyed in rows
            ),
        ]
    )


@pytest.fixture
def fresh(create_event: Callable[..., int]) -> int:
    return create_event(title="Wellbeing morning")


def test_a_response_edited_since_it_was_imported_replaces_it_and_undo_puts_it_back(
    store: Store, fresh: int
) -> None:
    first = ms((1, 0, "Good", "The tea"), (2, 5, "Poor", "The chairs were hard"))
    apply_import(store, fresh, planned(store, fresh, first, "Feedback(1-2).xlsx"))
    kept = list_responses(store, fresh)
    edited_id = kept[1].id
    answer_id = kept[1].answer_ids[by_text(store, fresh)[ENJOYED].id]
    set_starred(store, answer_id=answer_id, starred=True)
    theme = themes.list_themes(store, fresh)[0]
    themes.tag(store, answer_id=answer_id, theme_id=theme.id, on=True)
    before = list_responses(store, fresh)
    # A later export: response 2 was edited (a new time, a new overall answer), 3 is new.
    later = ms(
        (1, 0, "Good", "The tea"),
        (2, 40, "Very good", "The chairs were hard"),
        (3, 50, "Good", "Everything"),
    )
    plan = planned(store, fresh, later, "Feedback(1-3).xlsx")
    assert plan.summary() == "1 response to add, 1 edited response to update, 1 already imported."
    assert [(r.row, r.updates) for r in plan.rows] == [(3, edited_id), (4, None)]
    assert (
        "Edited since the last import (the same response ID, new answers): row 3. Each "
        "replaces the response imported before." in plan.notes()
    )
    assert plan.good_count() == 2
    changes = apply_import(store, fresh, plan)
    assert changes.touched == Touched.FEEDBACK and len(changes.previous["created_ids"]) == 1
    after = {r.id: r for r in list_responses(store, fresh)}
    assert len(after) == 3
    edited = after[edited_id]
    assert edited.answers[by_text(store, fresh)[FFT_QUESTION].id] == "Very good"
    assert edited.received_at == dt.datetime(2027, 3, 1, 10, 40, 40).astimezone().astimezone(
        dt.UTC
    ).replace(tzinfo=None)
    assert answer_id in edited.starred  # the unchanged answer keeps its star and its theme
    assert theme.id in themes.themes_of(store, fresh).get(answer_id, set())
    assert edited.source == "Microsoft Forms (Feedback(1-3).xlsx)"
    undone = remove_imported(
        store,
        event_id=fresh,
        response_ids=changes.previous["created_ids"],
        updated=changes.previous["updated"],
    )
    assert list_responses(store, fresh) == before
    assert theme.id in themes.themes_of(store, fresh).get(answer_id, set())
    redone = restore_imported(store, snapshot=undone.snapshot or {})
    assert {r.id: r.answers for r in list_responses(store, fresh)} == {
        i: r.answers for i, r in after.items()
    }
    again = planned(store, fresh, later, "Feedback(1-3).xlsx")
    assert again.summary() == "0 responses to add, 3 already imported."
    remove_imported(
        store,
        event_id=fresh,
        response_ids=redone.previous["created_ids"],
        updated=redone.previous["updated"],
    )
    assert list_responses(store, fresh) == before


def test_two_microsoft_forms_numbering_from_1_never_replace_each_others_responses(
    store: Store, fresh: int
) -> None:
    morning = ms((1, 0, "Good", "The tea"))
    apply_import(store, fresh, planned(store, fresh, morning, "Morning(1-1).xlsx"))
    started, sent = dt.datetime(2027, 3, 1, 14), dt.datetime(2027, 3, 1, 14, 5)
    afternoon = xlsx_bytes(
        [
            [*MS_HEADER, "Which activities did you try?"],
            [1, started, sent, "anonymous", None, "Poor", "The quiet", None],
        ]
    )
    plan = planned(store, fresh, afternoon, "Afternoon(1-1).xlsx")
    assert plan.summary() == "1 response to add."
    apply_import(store, fresh, plan)
    assert [a[ENJOYED] for a in answers(store, fresh)] == ["The tea", "The quiet"]


def test_an_edited_submission_in_a_jotform_csv_updates_and_a_repeated_id_counts_once(
    store: Store, fresh: int
) -> None:
    def jotform(*rows: tuple[str, str, str]) -> bytes:
        return csv_bytes(
            [
                JOTFORM_HEADER,
                *([when, fft, "", "Yes", "", number, ""] for when, fft, number in rows),
            ]
        )

    apply_import(
        store, fresh, planned(store, fresh, jotform(("2027-03-01 10:00:00", "Good", "58")), "j.csv")
    )
    # The same submission twice in one file (two exports pasted together): the later is kept.
    file = jotform(
        ("2027-03-01 10:00:00", "Good", "58"),
        ("2027-03-01 11:00:00", "Poor", "58"),
        ("2027-03-01 12:00:00", "Very good", "59"),
    )
    plan = planned(store, fresh, file, "j2.csv")
    assert plan.superseded == ((2, 3),)
    assert plan.summary() == (
        "1 response to add, 1 edited response to update, 1 earlier version left out."
    )
    assert (
        "Row 2 is an earlier version of row 3 (the same response ID), so only row 3 is imported."
        in plan.notes()
    )
    apply_import(store, fresh, plan)
    fft = by_text(store, fresh)[FFT_QUESTION].id
    assert [r.answers[fft] for r in list_responses(store, fresh)] == ["Poor", "Very good"]


def test_google_forms_says_an_edit_comes_in_as_a_new_response(store: Store, fresh: int) -> None:
    header = ["Timestamp", FFT_QUESTION]
    apply_import(
        store,
        fresh,
        planned(store, fresh, csv_bytes([header, ["2027/03/01 10:00:00 AM GMT", "Good"]]), "g"),
    )
    later = csv_bytes(
        [header, ["2027/03/01 10:00:00 AM GMT", "Good"], ["2027/03/01 11:00:00 AM GMT", "Poor"]]
    )
    plan = planned(store, fresh, later, "g")
    assert plan.summary() == "1 response to add, 1 already imported."
    assert plan.notes()[-1].startswith("Google Forms gives no response ID, so a response edited")


def test_choices_added_from_a_file_are_one_step_undone_exactly(store: Store, fresh: int) -> None:
    plan = planned(store, fresh, csv_bytes([GOOGLE_HEADER, *GOOGLE_ROWS]), "r.csv")
    services = by_text(store, fresh)[SERVICES].id
    added = add_choices(store, event_id=fresh, additions=plan.choices_to_add)
    assert added.touched == Touched.FEEDBACK
    assert added.previous == {"added": {services: ["Health visitors", "Library", "Baby bank"]}}
    assert by_text(store, fresh)[SERVICES].choices == ("Health visitors", "Library", "Baby bank")
    # Adding again adds nothing (told apart case-blind); undo takes off exactly those.
    repeat = add_choices(store, event_id=fresh, additions={services: ["library", "Crèche"]})
    assert repeat.previous == {"added": {services: ["Crèche"]}}
    removed = remove_choices(store, event_id=fresh, removals=added.previous["added"])
    assert by_text(store, fresh)[SERVICES].choices == ("Crèche",)
    add_choices(store, event_id=fresh, additions=removed.previous["removed"])
    assert by_text(store, fresh)[SERVICES].choices == (
        "Crèche",
        "Health visitors",
        "Library",
        "Baby bank",
    )
    regular = by_text(store, fresh)[REGULAR].id
    with pytest.raises(ValidationError, match="takes no new choices"):
        add_choices(store, event_id=fresh, additions={regular: ["Perhaps"]})


def test_a_fixed_scale_is_never_offered_new_choices_nor_too_many_answers(
    store: Store, fresh: int
) -> None:
    header = ["Timestamp", REGULAR, SERVICES]
    rows = [[f"2027/03/01 10:{n:02}:00 AM GMT", "Yes", f"Service {n}"] for n in range(40)]
    rows[0][1] = "Perhaps"
    plan = planned(store, fresh, csv_bytes([header, *rows]), "r.csv")
    assert plan.choices_to_add == {}
    assert plan.errors[0].words() == (
        f"Row 2: “Perhaps” is not one of the answers to “{REGULAR}” (Yes / Maybe / No)"
    )
    assert plan.errors[1].words() == (
        f"Row 2: “Service 0” is not one of the answers to “{SERVICES}”, which has no choices yet"
    )
    assert (
        f"“{SERVICES}” has 40 answers in the file that are not among its choices, too many to "
        f"add as choices: check that the column “{SERVICES}” answers it, or leave the column out."
        in plan.notes()
    )
    no_empty_lists(plan)


def test_the_good_rows_import_without_the_refused_ones_when_asked(store: Store, fresh: int) -> None:
    header = ["Timestamp", FFT_QUESTION, ENJOYED]
    rows = [
        ["2027/03/01 10:00:00 AM GMT", "Good", "Tea"],
        ["2027/03/01 10:05:00 AM GMT", "Excellent", "Cake"],
        ["next Tuesday", "Poor", "Chairs"],
        ["2027/03/01 10:15:00 AM GMT", "Very good", "Pilates"],
    ]
    data = csv_bytes([header, *rows])
    plan = planned(store, fresh, data, "r.csv")
    assert not plan.ok and plan.good_count() == 2
    assert plan.summary() == ("2 responses to add, 2 rows refused.")
    with pytest.raises(OrganiserError) as refused:
        apply_import(store, fresh, plan)
    assert str(refused.value) == (
        "Nothing was imported: 2 rows of the file cannot be used. Fix the file or the column "
        "choices, or import the other rows leaving out the refused ones."
    )
    assert list_responses(store, fresh) == []
    changes = apply_import(store, fresh, plan, leave_out_refused=True)
    assert [a[ENJOYED] for a in answers(store, fresh)] == ["Tea", "Pilates"]
    refused = read_table(refused_csv(plan.table, plan.errors))
    assert [cells[2] for _n, cells in refused.rows] == ["Cake", "Chairs"]
    remove_imported(store, event_id=fresh, response_ids=changes.previous["created_ids"])
    assert list_responses(store, fresh) == []


def test_the_command_line_chooses_a_columns_question_in_words(store: Store, fresh: int) -> None:
    table = read_table(
        csv_bytes([["Timestamp", "Biscuits", "Overall", "Email"], ["x", "", "", ""]])
    )
    mapping, _ = suggest_mapping(store, fresh, table)
    questions = list_questions(store, fresh)
    ids = {q.text: q.id for q in questions}
    assert mapping == {
        "Timestamp": RECEIVED,
        "Biscuits": None,
        "Overall": ids[FFT_QUESTION],
        "Email": None,
    }
    assert choose(mapping, "biscuits", "2", questions)["Biscuits"] == ids[ENJOYED]
    assert (
        choose(mapping, "Biscuits", "what could have BEEN better", questions)["Biscuits"]
        == (ids["What could have been better?"])
    )
    moved = choose(mapping, "Biscuits", "overall how", questions)  # a unique start
    assert moved["Biscuits"] == ids[FFT_QUESTION] and moved["Overall"] is None
    assert choose(mapping, "Biscuits", "When sent", questions)["Biscuits"] == RECEIVED
    assert choose(mapping, "Overall", "none", questions)["Overall"] is None
    assert choose(mapping, "Overall", "", questions)["Overall"] is None
    with pytest.raises(ValidationError) as unknown:
        choose(mapping, "Biscuits", "Favourite biscuit", questions)
    assert str(unknown.value).startswith(
        "“Favourite biscuit” is not a question on the form. Choose a question's number or "
        f"words (1 “{FFT_QUESTION}”, 2 “{ENJOYED}”,"
    )
    with pytest.raises(ValidationError, match=r"“may we” could be 2 questions \(7 “May we quote"):
        choose(mapping, "Biscuits", "may we", questions)
    with pytest.raises(ValidationError, match="The form has questions 1 to 10"):
        choose(mapping, "Biscuits", "11", questions)
    with pytest.raises(ValidationError, match="This file has no column “Cake”"):
        choose(mapping, "Cake", "1", questions)
    with pytest.raises(ValidationError, match="holds contact details"):
        choose(mapping, "Email", "1", questions)
    assert (
        choose(mapping, "Email", "10", questions)["Email"]
        == ids["If yes, your email or phone number"]
    )


def test_a_microsoft_forms_edit_updates_when_the_form_adds_its_last_modified_column(
    store: Store, fresh: int
) -> None:
    apply_import(
        store, fresh, planned(store, fresh, ms((1, 0, "Good", "The tea")), "Feedback(1-1).xlsx")
    )
    # Once someone edits a response, Microsoft Forms adds "Last modified time" to the export.
    edited = xlsx_bytes(
        [
            [*MS_HEADER[:5], "Last modified time", *MS_HEADER[5:]],
            [
                1,
                dt.datetime(2027, 3, 1, 10, 0),
                dt.datetime(2027, 3, 1, 10, 0, 40),
                "anonymous",
                None,
                dt.datetime(2027, 3, 2, 9, 0),
                "Very good",
                "The tea",
            ],
        ]
    )
    plan = planned(store, fresh, edited, "Feedback(1-1) (1).xlsx")
    assert plan.summary() == "0 responses to add, 1 edited response to update."
    apply_import(store, fresh, plan)
    assert [a[FFT_QUESTION] for a in answers(store, fresh)] == ["Very good"]
