"""`organiser export feedback-form|feedback-summary`, run in-process through organiser.app.main
on the example event."""

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
from organiser.core.opening import open_store
from organiser.core.paths import default_database_url

KINDS = ("feedback-form", "feedback-summary")


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
            "feedback-form",
            "Feedback form",
            ["1. Overall, how was your experience of our service?", "Tick all that apply."],
            ["Amara"],
        ),
        (
            "feedback-summary",
            "Feedback summary",
            ["85% (17 of 20)", "“Relaxing breathing at the end.” Hannah"],
            ["Knowing the creche staff were qualified."],
        ),
    ],
)
def test_each_feedback_paper_exports_as_a_private_pdf(
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
    assert text.startswith(heading)
    assert "Move, Breathe and Connect" in text
    assert all(part in text for part in present)
    assert not any(part in text for part in absent)
    assert os.stat(target).st_mode & 0o777 == 0o600


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


def test_export_help_names_the_feedback_papers(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["export", "--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    for kind in KINDS:
        assert f"  {kind} " in out
    assert "the quotes people agreed to share" in out
