"""`organiser export register|collection-sheet|bookings|allergies`, run in-process through
organiser.app.main on the example event."""

from __future__ import annotations

import datetime as dt
import io
import os
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from pypdf import PdfReader

from organiser.app import main
from organiser.core.db import Store
from organiser.core.demo import add_demo_event
from organiser.core.events import service as events
from organiser.core.opening import open_store
from organiser.core.paths import default_database_url

KINDS = ("register", "collection-sheet", "bookings", "allergies")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run `organiser ARGV` in this process; return (exit code, stdout, stderr)."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def export(
    capsys: pytest.CaptureFixture[str], kind: str, out: Path, event: str
) -> tuple[int, str, str]:
    return run(capsys, "export", kind, "--event", event, "--out", str(out))


def text_of(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


@pytest.fixture
def default_store(private_data_folder: Path) -> Iterator[Store]:
    """The default database ($ORGANISER_DATABASE) that every command below opens."""
    with closing(open_store(default_database_url(), daily_backup=False)) as opened:
        yield opened


@pytest.fixture
def demo(default_store: Store) -> str:
    """The example event's id, as text."""
    return str(add_demo_event(default_store, today=dt.date(2027, 2, 1)))


@pytest.mark.parametrize(
    ("kind", "heading", "present", "absent"),
    [
        (
            "register",
            "Creche register",
            ["Allergy: Peanuts", "Time in Time out Initials", "Zoë Hartley (mother)"],
            ["seagull", "Password"],
        ),
        (
            "collection-sheet",
            "Collection passwords",
            ["Confidential: for creche staff only", "milo-7-seagull", "Ruth Hartley"],
            ["Peanuts"],
        ),
        (
            "bookings",
            "Booking list and check-in",
            ["Siobhán Kelly", "Waiting list, in order", "Daniel Osei"],
            ["Peanuts", "seagull", "Kerry Dawson"],
        ),
        (
            "allergies",
            "Allergy and medical card",
            ["1 child with a peanut allergy", "Carries an adrenaline pen", "Nguyễn Thị Lan"],
            ["seagull"],
        ),
    ],
)
def test_each_creche_paper_exports_as_a_private_pdf(
    capsys: pytest.CaptureFixture[str],
    demo: str,
    tmp_path: Path,
    kind: str,
    heading: str,
    present: list[str],
    absent: list[str],
) -> None:
    target = tmp_path / f"{kind}.pdf"
    assert export(capsys, kind, target, demo) == (0, f"{target}\n", "")
    text = text_of(target)
    assert text.startswith(f"{heading} Move, Breathe and Connect")
    assert all(part in text for part in present)
    assert not any(part in text for part in absent)
    assert os.stat(target).st_mode & 0o777 == 0o600


def test_the_event_can_be_named_by_its_title(
    capsys: pytest.CaptureFixture[str], default_store: Store, tmp_path: Path
) -> None:
    events.create_event(default_store, title="Quiet event")
    target = tmp_path / "register.pdf"
    code, _, err = export(capsys, "register", target, "quiet event")
    assert (code, err) == (0, "")
    assert "No children are booked into the creche yet." in text_of(target)


@pytest.mark.parametrize("kind", KINDS)
def test_an_unknown_event_is_one_line_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], default_store: Store, tmp_path: Path, kind: str
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    code, out, err = export(capsys, kind, folder / "out.pdf", "999")
    assert (code, out) == (1, "")
    [line] = err.splitlines()
    assert line == "organiser: No event has the id or title “999”. `organiser events` lists them."
    assert list(folder.iterdir()) == []


def test_export_help_names_the_creche_papers(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["export", "--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    for kind in KINDS:
        assert f"  {kind} " in out
    assert "collection password" in out
