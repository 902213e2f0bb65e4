"""`organiser self-test`: every lazily loaded part tried in a temporary folder, one line each."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from organiser.app import main
from organiser.core import migrate
from organiser.documents import DOCUMENTS
from organiser.reports import flyer_art

PARTS = (
    "database",
    "example event",
    *(f"document {kind}" for kind in DOCUMENTS),
    "print fonts",
    "every script",
    "chart",
    "QR code",
    "team database driver",
    "protected database",
    "window parts",
)


def test_every_part_is_tried_and_nothing_of_the_persons_is_touched(tmp_path: Path) -> None:
    data = tmp_path / "data"  # not there yet: self-test must not make it
    given = tmp_path / "mine.sqlite"
    given.write_bytes(b"not opened")
    env = {
        **os.environ,
        "ORGANISER_DATA_DIR": str(data),
        "XDG_DATA_HOME": str(tmp_path / "share"),
        "ORGANISER_DATABASE": str(given),
        "TMPDIR": str(tmp_path / "tmp"),
    }
    (tmp_path / "tmp").mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "organiser", "self-test", "--database", str(given)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert [line.split(":")[0] for line in lines[1:-1]] == list(PARTS)
    assert all(": ok (" in line for line in lines[1:-1]), done.stdout
    assert lines[-1].startswith(f"All {len(PARTS)} parts work")
    assert "document flyer: ok (PDF" in done.stdout
    assert "document summary-docx: ok (Word document" in done.stdout
    assert "document ics: ok (calendar" in done.stdout
    assert not data.exists() and not (tmp_path / "share").exists()
    assert given.read_bytes() == b"not opened"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.sqlite", "tmp"]
    assert list((tmp_path / "tmp").iterdir()) == []  # its temporary folder is removed


def test_a_missing_part_is_named_in_words_and_fails_the_run(
    qapp: object,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    # As in a bundle built without the migrations as files, and without ReportLab's QR code.
    monkeypatch.setattr(migrate, "MIGRATIONS", tmp_path / "missing")
    monkeypatch.setattr(flyer_art, "qr_modules", lambda value: None)
    migrate._revisions.cache_clear()
    try:
        assert main(["self-test"]) == 1
    finally:
        migrate._revisions.cache_clear()
    out, err = capsys.readouterr()
    assert "database: FAILED — StoreError: This copy of Organiser is incomplete: its " in out
    assert "QR code: FAILED — RuntimeError: no QR code was made" in out
    # The parts that do not need the database are still tried.
    assert "chart: ok (SVG" in out and "window parts: ok" in out
    assert "document flyer" not in out
    assert "protected database: FAILED" in out, "it needs the database's schema too"
    assert err.strip().startswith("3 of ") and "parts failed" in err
    assert "Traceback" not in out + err
