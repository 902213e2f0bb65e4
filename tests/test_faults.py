"""Faults a person can meet, run as real processes: a newer database, a corrupt file."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from organiser.core.opening import open_store
from organiser.core.paths import database_url

ROOT = Path(__file__).resolve().parent.parent


def organiser(*argv: str) -> subprocess.CompletedProcess[str]:
    """Run `python -m organiser ARGV` as its own process."""
    return subprocess.run(
        [sys.executable, "-m", "organiser", *argv],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _sidecars(path: Path) -> list[str]:
    return [p.name for p in path.parent.iterdir() if p.name != path.name]


def test_newer_database_is_refused_and_left_untouched(
    tmp_path: Path, file_hash: Callable[[Path], str]
) -> None:
    path = tmp_path / "newer.sqlite"
    open_store(database_url(str(path)), daily_backup=False).close()
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099'")
        connection.commit()
    before = file_hash(path)

    result = organiser("events", "--database", str(path))

    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0] == (
        "organiser: newer.sqlite was saved by a newer version of Organiser; "
        "update Organiser to open it. The file was not changed."
    )
    assert file_hash(path) == before
    assert _sidecars(path) == []  # no -wal, -shm, backups folder or lock


def test_corrupt_file_given_to_check_gets_a_readable_line(
    tmp_path: Path, file_hash: Callable[[Path], str]
) -> None:
    path = tmp_path / "organiser.sqlite"
    store = open_store(database_url(str(path)), daily_backup=False)
    store.close()
    data = bytearray(path.read_bytes())
    data[4096:] = b"\xde\xad\xbe\xef" * ((len(data) - 4096) // 4)
    path.write_bytes(bytes(data))
    before = file_hash(path)

    result = organiser("check", "--database", str(path))

    assert result.returncode == 1
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("organiser: organiser.sqlite is damaged (")
    assert file_hash(path) == before
    assert _sidecars(path) == []


def test_random_bytes_given_to_check(tmp_path: Path) -> None:
    path = tmp_path / "photo.sqlite"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(2048))
    result = organiser("check", "--database", str(path))
    assert result.returncode == 1
    assert result.stderr == (
        "organiser: photo.sqlite is not an Organiser database (it is a PNG picture). "
        "Nothing was changed.\n"
    )
