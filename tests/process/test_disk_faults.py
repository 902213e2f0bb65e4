"""The real `organiser` (command line and window) on a full disk, a read-only file, folder or
medium, and with files that are not what they should be: what the person sees, and that their
data's bytes are unchanged.

A full disk is a small tmpfs (root may mount one; skipped with the reason elsewhere). Read-only
cases run without root's capabilities, as a person would meet them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from app_env import app_env

from organiser.core.crud import add_row
from organiser.core.events.service import create_event
from organiser.core.opening import open_store
from organiser.core.row_kinds import RowKind

HERE = Path(__file__).parent
AS_A_PERSON = ["setpriv", "--inh-caps=-all", "--bounding-set=-all"]


def organiser(tmp_path: Path, *args: str, person: bool = False) -> subprocess.CompletedProcess[str]:
    """`organiser ARGS` as its own process (without root's powers when `person`)."""
    command = [sys.executable, "-m", "organiser", *args]
    return subprocess.run(
        (AS_A_PERSON if person else []) + command,
        capture_output=True,
        text=True,
        env=app_env(tmp_path),
        timeout=120,
        check=False,
    )


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


class Window:
    """The real window (offscreen), started on a database; it says what it shows."""

    def __init__(self, tmp_path: Path, database: Path, *, person: bool = False) -> None:
        command = [sys.executable, str(HERE / "window_app.py"), "--database", str(database)]
        self.process = subprocess.Popen(
            (AS_A_PERSON if person else []) + command,
            env=app_env(tmp_path),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def shown(self) -> str:
        """The window's line once it is up ("shown read_only=… status=…")."""
        assert self.process.stdout is not None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if line.startswith("shown "):
                return line.strip()
            if not line and self.process.poll() is not None:
                break
        self.process.kill()
        _out, err = self.process.communicate()
        raise AssertionError(f"the window never showed; it said: {err[-2000:]}")

    def close(self) -> tuple[int, str]:
        """SIGTERM, as a logout does; the exit code and what it printed on stderr."""
        self.process.send_signal(signal.SIGTERM)
        try:
            code = self.process.wait(timeout=30)
        finally:
            self.process.kill()
        _out, err = self.process.communicate()
        return code, err

    def said_before_a_dialog(self) -> str:
        """The app's one line on stderr while a (modal) message box is up; then stop it."""
        assert self.process.stderr is not None
        line = self.process.stderr.readline()
        self.process.kill()
        self.process.communicate()
        return line.strip()


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 4 MB disk of its own (a tmpfs), unmounted after the test."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root (CI runs as root)")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m,mode=0777", "tmpfs", str(disk)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def fill(disk: Path, *, leave_kb: int) -> Path:
    """Fill the disk until about `leave_kb` KB are free; returns the filler (delete to free)."""
    filler = disk / "filler"
    free = shutil.disk_usage(disk).free
    with filler.open("ab") as handle:
        handle.write(b"\0" * max(0, free - leave_kb * 1024))
    return filler


@pytest.fixture
def without_root() -> None:
    """Skip where capabilities cannot be dropped (then root would ignore file modes)."""
    if shutil.which("setpriv") is None:
        pytest.skip("setpriv (util-linux) is needed to act without root's powers")
    probe = subprocess.run([*AS_A_PERSON, "true"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip("cannot drop capabilities here")


def demo_database(tmp_path: Path, where: Path) -> Path:
    database = where / "organiser.sqlite"
    made = organiser(tmp_path, "demo", "--database", str(database))
    assert made.returncode == 0, made.stderr
    settled = organiser(tmp_path, "backup", "--database", str(database))  # also settles the WAL
    assert settled.returncode == 0, settled.stderr
    return database


def test_a_nearly_full_disk_is_not_called_damaged(tmp_path: Path, small_disk: Path) -> None:
    database = demo_database(tmp_path, small_disk)
    before = digest(database)
    filler = fill(small_disk, leave_kb=8)
    for _ in range(2):  # the second start must not find a "damaged" file the first one left
        checked = organiser(tmp_path, "check", "--database", str(database))
        assert checked.returncode == 0, checked.stderr
        assert checked.stdout.startswith("ok: ") and "(1 event)" in checked.stdout
        listed = organiser(tmp_path, "events", "--database", str(database))
        assert listed.returncode == 0 and "Move, Breathe and Connect" in listed.stdout
        window = Window(tmp_path, database)
        line = window.shown()
        assert "read_only=the disk that holds organiser.sqlite is full" in line
        code, err = window.close()
        assert code == 0, err
        assert "damaged" not in err.lower() and "Traceback" not in err
    assert not [n for n in names(small_disk) if ".damaged-" in n]
    assert digest(database) == before
    filler.unlink()
    checked = organiser(tmp_path, "check", "--database", str(database))
    assert checked.returncode == 0 and "(1 event)" in checked.stdout


def test_with_no_room_at_all_check_says_so_and_calls_nothing_damaged(
    tmp_path: Path, small_disk: Path
) -> None:
    database = demo_database(tmp_path, small_disk)
    before = digest(database)
    fill(small_disk, leave_kb=0)
    for _ in range(2):
        checked = organiser(tmp_path, "check", "--database", str(database))
        assert "damaged" not in checked.stderr + checked.stdout
        assert checked.returncode == 0 or "full" in checked.stderr, checked.stderr
    assert digest(database) == before
    assert not [n for n in names(small_disk) if ".damaged-" in n]


def test_the_window_starts_when_todays_backup_cannot_be_written(
    tmp_path: Path, small_disk: Path
) -> None:
    database = small_disk / "organiser.sqlite"
    assert organiser(tmp_path, "demo", "--database", str(database)).returncode == 0
    shutil.rmtree(small_disk / "backups", ignore_errors=True)  # no backup yet today
    fill(small_disk, leave_kb=320)  # room to work, not for a copy of the whole database
    window = Window(tmp_path, database)
    line = window.shown()
    assert "read_only=- status=⚠ Today's backup could not be made." in line
    code, err = window.close()
    assert code == 0
    assert "organiser: warning: Today's backup could not be made." in err
    assert "Traceback" not in err


def test_demo_on_a_full_disk_leaves_no_half_made_event(tmp_path: Path, small_disk: Path) -> None:
    database = small_disk / "organiser.sqlite"
    created = organiser(tmp_path, "events", "--database", str(database))
    assert created.returncode == 0
    fill(small_disk, leave_kb=300)  # room to open, not for the whole example event
    failed = organiser(tmp_path, "demo", "--database", str(database))
    assert failed.returncode == 1
    *_warnings, error = failed.stderr.splitlines()
    assert error.startswith("organiser: The change could not be saved") and "full" in error
    (small_disk / "filler").unlink()
    listed = organiser(tmp_path, "events", "--all", "--database", str(database))
    assert (listed.returncode, listed.stdout) == (0, "")


def test_the_window_says_what_a_picture_is_and_changes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "pictures"
    folder.mkdir()
    folder.chmod(0o755)
    picture = folder / "photo.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 16)
    picture.chmod(0o644)
    before = digest(picture)
    window = Window(tmp_path, picture)
    said = window.said_before_a_dialog()
    assert said == (
        "organiser: photo.png is not an Organiser database (it is a PNG picture). "
        "Nothing was changed."
    )
    assert names(folder) == ["photo.png"]
    assert digest(picture) == before
    assert (picture.stat().st_mode & 0o777, folder.stat().st_mode & 0o777) == (0o644, 0o755)


def test_a_read_only_file_is_read_not_made_writable(tmp_path: Path, without_root: None) -> None:
    folder = tmp_path / "events"
    folder.mkdir()
    database = demo_database(tmp_path, folder)
    database.chmod(0o444)
    before = digest(database)
    listed = organiser(tmp_path, "events", "--database", str(database), person=True)
    assert listed.returncode == 0 and "Move, Breathe and Connect" in listed.stdout
    exported = organiser(
        tmp_path,
        *("export", "programme", "--event", "1", "--database", str(database)),
        *("--out", str(tmp_path / "programme.pdf")),
        person=True,
    )
    assert exported.returncode == 0, exported.stderr
    refused = organiser(tmp_path, "demo", "--database", str(database), person=True)
    assert refused.returncode == 1
    assert refused.stderr == (
        "organiser: Cannot change organiser.sqlite: organiser.sqlite is read-only. "
        "Nothing was changed.\n"
    )
    window = Window(tmp_path, database, person=True)
    assert "read_only=organiser.sqlite is read-only status=Read only:" in window.shown()
    code, err = window.close()
    assert (code, err.strip()) == (0, "") or "Traceback" not in err
    assert database.stat().st_mode & 0o777 == 0o444
    assert digest(database) == before


def test_a_read_only_folder_keeps_its_mode_and_opens_read_only(
    tmp_path: Path, without_root: None
) -> None:
    folder = tmp_path / "stick"
    folder.mkdir()
    database = demo_database(tmp_path, folder)
    folder.chmod(0o555)
    before = (digest(database), names(folder))
    try:
        window = Window(tmp_path, database, person=True)
        line = window.shown()
        assert f"read_only=the folder {folder} is read-only" in line
        assert "already open" not in line
        code, _err = window.close()
        assert code == 0
        assert folder.stat().st_mode & 0o777 == 0o555
        assert (digest(database), names(folder)) == before
    finally:
        folder.chmod(0o755)


def test_read_only_media_is_not_another_window(tmp_path: Path, small_disk: Path) -> None:
    database = demo_database(tmp_path, small_disk)
    remount = subprocess.run(
        ["mount", "-o", "remount,ro", str(small_disk)], capture_output=True, check=False
    )
    if remount.returncode != 0:
        pytest.skip(f"cannot make the tmpfs read-only: {remount.stderr.decode().strip()}")
    window = Window(tmp_path, database)
    line = window.shown()
    assert "read_only=the disk or stick that holds organiser.sqlite can only be read" in line
    code, err = window.close()
    assert code == 0 and "already open" not in err
    listed = organiser(tmp_path, "events", "--database", str(database))
    assert listed.returncode == 0 and "Move, Breathe and Connect" in listed.stdout


def test_notes_typed_when_the_disk_fills_are_saved_to_a_file_on_closing(
    tmp_path: Path, small_disk: Path
) -> None:
    database = small_disk / "organiser.sqlite"
    with closing(open_store(f"sqlite:///{database}", daily_backup=False)) as store:
        event_id = create_event(store, title="Coffee and conversation").created_id
        assert event_id is not None
        meeting = add_row(
            store,
            kind=RowKind.MEETINGS,
            parent_id=event_id,
            values={"title": "Final check", "date": dt.date(2027, 3, 4)},
        ).created_id
    elsewhere = tmp_path / "rescued"
    elsewhere.mkdir()
    done = subprocess.run(
        [sys.executable, str(HERE / "full_disk_notes_app.py"), "--database", str(database)],
        env=app_env(tmp_path, NOTES_APP_MEETING=str(meeting), NOTES_APP_FOLDER=str(elsewhere)),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "status ⚠ Not saved:" in done.stdout and "full" in done.stdout, done.stdout + done.stderr
    assert "closed True" in done.stdout
    [rescued] = list(elsewhere.glob("*.md"))
    assert rescued.name == "Notes of Final check 2027-03-04.md"
    assert "Zoë brings the mats" in rescued.read_text(encoding="utf-8")
