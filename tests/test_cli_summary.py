"""`organiser export summary|summary-docx|series-summary`, run in-process through
organiser.app.main on the example event."""

from __future__ import annotations

import datetime as dt
import io
import os
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from organiser.app import main
from organiser.core.db import Store
from organiser.core.demo import add_demo_event
from organiser.core.events.service import duplicate_event
from organiser.core.opening import open_store
from organiser.core.paths import default_database_url

KINDS = ("summary", "summary-docx", "series-summary")
UNCONSENTED = "Knowing the creche staff were qualified."


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run `organiser ARGV` in this process; return (exit code, stdout, stderr)."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def export(
    capsys: pytest.CaptureFixture[str], kind: str, out: Path, event: str
) -> tuple[int, str, str]:
    return run(capsys, "export", kind, "--event", event, "--out", str(out))


def words_of(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".docx":
        document = Document(io.BytesIO(data))
        cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
        return " ".join(" ".join([p.text for p in document.paragraphs] + cells).split())
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


@pytest.fixture
def default_store(private_data_folder: Path) -> Iterator[Store]:
    """The default database ($ORGANISER_DATABASE) that every command below opens."""
    with closing(open_store(default_database_url(), daily_backup=False)) as opened:
        yield opened


@pytest.fixture
def demo(default_store: Store) -> str:
    """The example event's id, as text, with a second session in its series."""
    event_id = add_demo_event(default_store, today=dt.date(2027, 2, 1))
    duplicate_event(default_store, event_id=event_id)
    return str(event_id)


@pytest.mark.parametrize(
    ("kind", "suffix", "starts", "present"),
    [
        (
            "summary",
            ".pdf",
            "Summary report Move, Breathe and Connect",
            ["“Relaxing breathing at the end.” Hannah", "Flyer and publicity: consultation"],
        ),
        (
            "summary-docx",
            ".docx",
            "Summary report Move, Breathe and Connect",
            ["“Relaxing breathing at the end.” Hannah", "Flyer and publicity: consultation"],
        ),
        (
            "series-summary",
            ".pdf",
            "Series report Move, Breathe and Connect",
            ["2 sessions", "Repeat attenders", "Lessons carried forward"],
        ),
    ],
)
def test_each_summary_exports_as_a_private_file(
    capsys: pytest.CaptureFixture[str],
    demo: str,
    tmp_path: Path,
    kind: str,
    suffix: str,
    starts: str,
    present: list[str],
) -> None:
    target = tmp_path / f"{kind}{suffix}"
    assert export(capsys, kind, target, demo) == (0, f"{target}\n", "")
    words = words_of(target)
    assert words.startswith(starts)
    assert all(part in words for part in present)
    assert UNCONSENTED not in words
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


def test_export_help_names_the_summaries(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["export", "--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    for kind in KINDS:
        assert f"  {kind} " in out
