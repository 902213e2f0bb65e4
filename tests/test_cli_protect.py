"""Protecting a database with a password from the command line: protect (the recovery key
printed, the plain copy kept until removed), every command asking for the password (here
ORGANISER_PASSWORD, as a script gives it), a wrong one refused in one line, change-password,
restore of an encrypted backup, unprotect; and SQLCipher's own error lines never reach the
terminal (a real process)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from organiser.app import main
from organiser.core import backup, protection
from organiser.core.demo import DEMO_TITLE

PASSWORD = "correct horse battery"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "organiser.sqlite"
    assert run(capsys, "--database", str(path), "demo")[0] == 0
    return path


def test_protect_then_every_command_asks_for_the_password(
    database: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = ("--database", str(database))
    monkeypatch.setenv("ORGANISER_PASSWORD", PASSWORD)
    sheet = database.parent / "recovery.pdf"
    code, out, _err = run(capsys, *db, "protect", "--recovery-sheet", str(sheet))
    assert code == 0 and "Its recovery key: " in out and sheet.exists()
    recovery = out.split("Its recovery key: ")[1].split()[0]
    assert "--remove-plain-copy" in out and protection.plain_copy_path(database).exists()
    assert run(capsys, *db, "protect", "--remove-plain-copy")[0] == 0
    assert not protection.plain_copy_path(database).exists()
    assert DEMO_TITLE.encode() not in database.read_bytes()
    protection._UNLOCKED.clear()
    code, out, _err = run(capsys, *db, "events")
    assert code == 0 and DEMO_TITLE in out
    protection._UNLOCKED.clear()
    monkeypatch.setenv("ORGANISER_PASSWORD", "not the password")
    code, _out, err = run(capsys, *db, "events")
    assert code == 1 and err.count("\n") == 1 and "That password does not open" in err
    protection._UNLOCKED.clear()
    monkeypatch.setenv("ORGANISER_PASSWORD", recovery)
    assert run(capsys, *db, "check")[0] == 0, "the recovery key opens it as well"


def test_no_password_in_a_script_is_said_in_one_line(
    database: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    protection.protect_database(database, PASSWORD)
    protection._UNLOCKED.clear()
    monkeypatch.delenv("ORGANISER_PASSWORD", raising=False)
    code, _out, err = run(capsys, "--database", str(database), "events")
    assert code == 1 and "set ORGANISER_PASSWORD" in err and err.count("\n") == 1


def test_change_password_restore_and_unprotect(
    database: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = ("--database", str(database))
    monkeypatch.setenv("ORGANISER_PASSWORD", PASSWORD)
    assert run(capsys, *db, "protect")[0] == 0
    assert run(capsys, *db, "backup")[0] == 0
    made = backup.list_backups(database)[0].path
    assert DEMO_TITLE.encode() not in made.read_bytes(), "the backup is encrypted too"
    protection._UNLOCKED.clear()
    monkeypatch.setenv("ORGANISER_NEW_PASSWORD", "a different long one")
    assert run(capsys, *db, "change-password")[0] == 0
    protection._UNLOCKED.clear()
    monkeypatch.setenv("ORGANISER_PASSWORD", "a different long one")
    code, out, _err = run(capsys, *db, "restore", str(made))
    assert code == 0 and "Restored" in out
    protection._UNLOCKED.clear()
    code, out, _err = run(capsys, *db, "unprotect")
    assert code == 0 and "no longer protected" in out
    monkeypatch.delenv("ORGANISER_PASSWORD")
    protection._UNLOCKED.clear()
    code, out, _err = run(capsys, *db, "events")
    assert code == 0 and DEMO_TITLE in out


def test_a_wrong_password_prints_no_sqlcipher_lines(database: Path) -> None:
    protection.protect_database(database, PASSWORD)
    # A wrong key shaped like a recovery key is tried on the file itself: SQLCipher fails to
    # decrypt its first page, and would print its own "ERROR CORE" lines if let.
    wrong = protection.new_key().recovery
    environment = {**os.environ, "ORGANISER_PASSWORD": wrong}
    done = subprocess.run(
        [sys.executable, "-m", "organiser", "--database", str(database), "events"],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "organiser: That password does not open organiser.sqlite. Type it again, or the "
        "recovery key from its recovery sheet. Nothing was changed."
    ]


def test_the_recovery_sheet_can_be_printed_again_with_the_password(
    database: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from pypdf import PdfReader

    key = protection.protect_database(database, PASSWORD).key  # its key shown to nobody
    protection._UNLOCKED.clear()
    sheet = database.parent / "again.pdf"
    monkeypatch.setenv("ORGANISER_PASSWORD", "not the password")
    code, _out, err = run(
        capsys, "--database", str(database), "protect", "--recovery-sheet", str(sheet)
    )
    assert code == 1 and "That password does not open" in err and not sheet.exists()
    monkeypatch.setenv("ORGANISER_PASSWORD", PASSWORD)
    code, out, _err = run(
        capsys, "--database", str(database), "protect", "--recovery-sheet", str(sheet)
    )
    assert code == 0 and "Recovery sheet saved" in out
    assert key.recovery.split("-")[0] in PdfReader(sheet).pages[0].extract_text()
