"""`organiser import bookings|feedback FILE --event …`: the window's plan, headless; the exit
status says whether anything was refused."""

from __future__ import annotations

import codecs
import csv
import io
import shlex
from collections.abc import Iterator, Sequence
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from organiser.app import main
from organiser.core.creche.service import list_bookings
from organiser.core.db import Store
from organiser.core.events.service import create_event
from organiser.core.opening import open_store
from organiser.core.paths import default_database_url

HEADER = (
    "Order #",
    "Order Date",
    "First Name",
    "Last Name",
    "Email",
    "Quantity",
    "Attendee Status",
)
ROWS = (
    ("6001", "2027-01-14 10:22:31", "Siobhán", "Ó Briain", "siobhan@example.ie", "2", "Attending"),
    ("6002", "14/01/2027 18:30", "Zoë", "Brontë", "zoe@example.co.uk", "1", "Checked In"),
    ("6003", "2027-01-15 08:00:00", "Renée", "Dubois", "renee@example.fr", "two", "Attending"),
)


def write(path: Path, header: Sequence[str], rows: Sequence[Sequence[str]]) -> Path:
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows([header, *rows])
    path.write_bytes(codecs.BOM_UTF8 + out.getvalue().encode())
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def default_store(private_data_folder: Path) -> Iterator[Store]:
    with closing(open_store(default_database_url(), daily_backup=False)) as opened:
        yield opened


@pytest.fixture
def event(default_store: Store) -> str:
    changes = create_event(default_store, title="Pilates for parents")
    return str(changes.created_id)


def names(store: Store, event_id: str) -> list[str]:
    return sorted(b.name for b in list_bookings(store, int(event_id)))


def test_a_dry_run_shows_the_plan_and_imports_nothing(
    capsys: pytest.CaptureFixture[str], default_store: Store, event: str, tmp_path: Path
) -> None:
    path = write(tmp_path / "attendees.csv", HEADER, ROWS[:2])
    code, out, err = run(capsys, "import", "bookings", str(path), "--event", event, "--dry-run")
    assert (code, err) == (0, "")
    assert "“Order #” → Order number or reference (e.g. “6001”, “6002”)" in out
    assert "2 bookings to add" in out
    assert out.rstrip().endswith("Dry run: nothing was imported.")
    assert names(default_store, event) == []


def test_an_import_adds_the_bookings_and_a_second_adds_nothing(
    capsys: pytest.CaptureFixture[str], default_store: Store, event: str, tmp_path: Path
) -> None:
    path = write(tmp_path / "attendees.csv", HEADER, ROWS[:2])
    code, out, _err = run(capsys, "import", "bookings", str(path), "--event", "Pilates for parents")
    assert code == 0
    assert out.rstrip().endswith("Imported 2 bookings.")
    assert names(default_store, event) == ["Siobhán Ó Briain", "Zoë Brontë"]
    code, out, _err = run(capsys, "import", "bookings", str(path), "--event", event)
    assert code == 0
    assert "2 already imported" in out
    assert out.rstrip().endswith("Imported 0 bookings.")
    assert len(names(default_store, event)) == 2


def test_a_refused_row_imports_nothing_unless_the_others_are_asked_for(
    capsys: pytest.CaptureFixture[str], default_store: Store, event: str, tmp_path: Path
) -> None:
    path = write(tmp_path / "attendees.csv", HEADER, ROWS)
    refused = tmp_path / "to fix.csv"
    code, out, err = run(
        capsys, "import", "bookings", str(path), "--event", event, "--refused", str(refused)
    )
    assert code == 1
    assert "Refused:\n  Row 4: the quantity “two” is not a whole number" in out
    assert "Renée" not in out + err, "a refusal names the row, never the person"
    assert err.count("\n") == 1 and "--leave-out-refused" in err
    assert names(default_store, event) == []
    written = list(csv.reader(io.StringIO(refused.read_bytes().decode("utf-8-sig"))))
    assert written[0] == [*HEADER, "Why it was refused"]
    assert written[1][:6] == list(ROWS[2][:6]) and "whole number" in written[1][-1]
    code, out, _err = run(
        capsys, "import", "bookings", str(path), "--event", event, "--leave-out-refused"
    )
    assert code == 1, "still says something was refused"
    assert out.rstrip().endswith("Imported 2 bookings.")
    assert names(default_store, event) == ["Siobhán Ó Briain", "Zoë Brontë"]


def test_map_says_what_a_column_holds(
    capsys: pytest.CaptureFixture[str], default_store: Store, event: str, tmp_path: Path
) -> None:
    header = ("Ref", "Parent", "Adults")
    path = write(tmp_path / "sheet.csv", header, [("A1", "Amira Khan", "2")])
    code, out, _err = run(
        capsys,
        "import", "bookings", str(path), "--event", event,
        "--map", "Ref=reference", "--map", "Parent=Full name (when not split)",
    )  # fmt: skip
    assert code == 0, out
    assert names(default_store, event) == ["Amira Khan"]
    code, _out, err = run(
        capsys, "import", "bookings", str(path), "--event", event, "--map", "Ref=shoe size"
    )
    assert code == 1
    assert err.startswith("organiser: --map Ref=shoe size: ") and err.count("\n") == 1


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--event", "No such event"], "No event"),
        (["--event", "1", "--add-choices"], "--add-choices goes with feedback"),
        (["--event", "1", "--map", "nothing"], "--map takes COLUMN=FIELD"),
    ],
)
def test_a_wrong_command_is_one_readable_line(
    capsys: pytest.CaptureFixture[str],
    default_store: Store,
    event: str,
    tmp_path: Path,
    argv: list[str],
    words: str,
) -> None:
    path = write(tmp_path / "attendees.csv", HEADER, ROWS[:1])
    code, out, err = run(capsys, "import", "bookings", str(path), *argv)
    assert code == 1 and out == ""
    assert err.startswith("organiser: ") and words in err and err.count("\n") == 1


def test_a_missing_file_or_a_wrong_file_is_said(
    capsys: pytest.CaptureFixture[str], default_store: Store, event: str, tmp_path: Path
) -> None:
    code, _out, err = run(
        capsys, "import", "bookings", str(tmp_path / "gone.csv"), "--event", event
    )
    assert code == 1 and "There is no file at" in err
    pdf = tmp_path / "flyer.csv"
    pdf.write_bytes(b"%PDF-1.4 not a table")
    code, _out, err = run(capsys, "import", "bookings", str(pdf), "--event", event)
    assert code == 1 and "is a PDF, not a CSV file" in err


EXAMPLES = Path(__file__).resolve().parent.parent / "docs" / "examples"


def test_the_example_google_form_imports_once_its_answers_are_added_as_choices(
    capsys: pytest.CaptureFixture[str], default_store: Store, event: str
) -> None:
    from organiser.core.feedback.responses import list_responses

    path = str(EXAMPLES / "google-forms-responses.csv")
    code, out, err = run(capsys, "import", "feedback", path, "--event", event)
    assert code == 1
    assert (
        "has no choices yet: add “Health visitors”, “Library”, “Baby bank”, “Citizens Advice” from"
        in out
    )
    assert "()" not in out
    assert "--add-choices" in err and err.count("\n") == 1
    assert list_responses(default_store, int(event)) == []
    code, out, _err = run(capsys, "import", "feedback", path, "--event", event, "--add-choices")
    assert code == 0, out
    assert "\nAdded 4 choices from the file to the form.\n" in out
    assert out.rstrip().endswith("Imported 4 responses.")
    assert len(list_responses(default_store, int(event))) == 4
    code, out, _err = run(capsys, "import", "feedback", path, "--event", event, "--dry-run")
    assert code == 0 and "4 already imported" in out


def test_the_example_eventbrite_report_imports_with_no_column_named(
    capsys: pytest.CaptureFixture[str], default_store: Store, event: str
) -> None:
    path = str(EXAMPLES / "eventbrite-attendees.csv")
    code, out, _err = run(capsys, "import", "bookings", path, "--event", event)
    assert code == 0, out
    assert "3 bookings want the creche for 4 children" in out
    assert out.rstrip().endswith("Imported 6 bookings.")
    assert len(names(default_store, event)) == 6
    code, out, _err = run(capsys, "import", "bookings", path, "--event", event)
    assert code == 0 and "6 already imported" in out
    assert "creche for" not in out, "nothing to add: no word about who wants the creche"


def test_choices_are_added_only_with_an_import_that_goes_ahead(
    capsys: pytest.CaptureFixture[str], default_store: Store, event: str, tmp_path: Path
) -> None:
    from organiser.core.feedback.form import list_questions

    lines = (EXAMPLES / "google-forms-responses.csv").read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].replace(",Good,", ",Excellent,")  # not on the Friends and Family scale
    path = tmp_path / "responses.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    def choices() -> list[tuple[str, ...]]:
        return [q.choices for q in list_questions(default_store, int(event))]

    before = choices()
    code, out, err = run(capsys, "import", "feedback", str(path), "--event", event, "--add-choices")
    assert code == 1 and "Row 3: “Excellent” is not one of the answers" in out
    assert "Added" not in out and "--leave-out-refused" in err
    assert choices() == before, "the form is as it was: nothing was imported"
    code, out, _err = run(
        capsys,
        "import", "feedback", str(path), "--event", event, "--add-choices", "--leave-out-refused",
    )  # fmt: skip
    assert code == 1 and out.rstrip().endswith("Imported 3 responses.")
    assert choices() != before


def test_a_file_whose_names_cannot_be_found_says_to_map_them(
    capsys: pytest.CaptureFixture[str], default_store: Store, event: str, tmp_path: Path
) -> None:
    path = write(tmp_path / "sheet.csv", ("Ref", "Who", "Adults"), [("A1", "Amira Khan", "2")])
    code, out, err = run(capsys, "import", "bookings", str(path), "--event", event)
    assert code == 1
    assert "“Who” → Not imported" in out
    assert err == (
        "organiser: nothing was imported: choose the column that holds the name (or the first "
        "and last name). Say which with --map COLUMN=FIELD.\n"
    )


def test_the_readme_import_examples_run_as_written(
    capsys: pytest.CaptureFixture[str], default_store: Store, event: str, monkeypatch: Any
) -> None:
    readme = (EXAMPLES.parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Import bookings and feedback") :]
    block = section[section.index("```\n") + 4 : section.index("```", section.index("```\n") + 4)]
    lines = [shlex.split(line) for line in block.splitlines() if line.strip()]
    assert [line[:2] for line in lines] == [["organiser", "import"]] * 2
    assert event == "1", "the examples name event 1: the first event of a fresh database"
    monkeypatch.chdir(EXAMPLES.parent.parent)
    for line in lines:
        code, out, err = run(capsys, *line[1:])
        assert (code, err) == (0, ""), out
    assert len(names(default_store, event)) == 0, "the bookings line is a dry run"


def test_a_dry_run_with_add_choices_shows_the_plan_with_them_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], default_store: Store, event: str
) -> None:
    from organiser.core.feedback.form import list_questions

    before = [q.choices for q in list_questions(default_store, int(event))]
    path = str(EXAMPLES / "google-forms-responses.csv")
    code, out, err = run(
        capsys, "import", "feedback", path, "--event", event, "--add-choices", "--dry-run"
    )
    assert (code, err) == (0, ""), out
    assert "4 responses to add." in out
    assert "With --add-choices, 4 choices would be added to the form first." in out
    assert [q.choices for q in list_questions(default_store, int(event))] == before


def test_refused_rows_are_listed_two_hundred_at_most(
    capsys: pytest.CaptureFixture[str], default_store: Store, event: str, tmp_path: Path
) -> None:
    rows = [(str(7000 + n), "", "Ann", f"Lee{n}", "", "lots", "Attending") for n in range(250)]
    path = write(tmp_path / "attendees.csv", HEADER, rows)
    code, out, _err = run(capsys, "import", "bookings", str(path), "--event", event, "--dry-run")
    assert code == 1
    assert out.count("\n  Row ") == 200
    assert "  … and 50 more (--refused FILE writes every refused row, with why)" in out


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        (["--encoding", "nonsense"], "--encoding nonsense is not a text encoding"),
        (["--refused", "SOURCE"], "--refused names the file being imported"),
        (["--refused", "/no/such/folder/r.csv"], "the folder /no/such/folder does not exist"),
    ],
)
def test_options_that_cannot_work_are_said_before_anything_changes(
    capsys: pytest.CaptureFixture[str],
    default_store: Store,
    event: str,
    tmp_path: Path,
    extra: list[str],
    words: str,
) -> None:
    path = write(tmp_path / "attendees.csv", HEADER, ROWS)
    extra = [str(path) if e == "SOURCE" else e for e in extra]
    code, out, err = run(capsys, "import", "bookings", str(path), "--event", event, *extra)
    assert code == 1 and out == "" and words in err and err.count("\n") == 1
    assert path.read_bytes().startswith(codecs.BOM_UTF8 + b"Order #"), "the file is untouched"
    code, _out, err = run(capsys, "import", "bookings", str(tmp_path), "--event", event)
    assert code == 1 and "is a folder" in err


def test_a_dry_run_works_on_a_database_that_can_only_be_read(
    capsys: pytest.CaptureFixture[str],
    default_store: Store,
    event: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import organiser.core.opening

    path = write(tmp_path / "attendees.csv", HEADER, ROWS[:2])
    monkeypatch.setattr(
        organiser.core.opening, "why_not_writable", lambda p: f"{p.name} is read-only"
    )
    code, out, err = run(capsys, "import", "bookings", str(path), "--event", event, "--dry-run")
    assert (code, err) == (0, ""), out
    assert "2 bookings to add." in out
    code, out, err = run(capsys, "import", "bookings", str(path), "--event", event)
    assert code == 1 and out == "" and "read-only" in err
