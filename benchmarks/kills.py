"""kill -9 while a person types and while rows are written: what is lost.

    python -m benchmarks.kills      (part of make bench)

Typing: the real window types a word every 40 ms into a meeting's notes and is killed after
1.5-3 s, ten times; the characters typed but not saved are counted (the autosave promise: at
most the last second). Writes: a process adds events one committed transaction at a time and
is killed at a random moment, fifty times; every row it said was committed must be there, and
the file must pass SQLite's integrity check.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

from organiser.core.crud import add_row
from organiser.core.events.service import create_event, list_events
from organiser.core.integrity import quick_check
from organiser.core.meetings.service import get_meeting
from organiser.core.opening import open_store
from organiser.core.row_kinds import RowKind

ROOT = Path(__file__).resolve().parent.parent
NOTES_APP = ROOT / "tests" / "process" / "notes_app.py"
TYPING_RUNS = 10
WRITE_KILLS = 50


def _env(work: Path, **more: str) -> dict[str, str]:
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "ORGANISER_DATA_DIR": str(work / "data"),
        "HOME": str(work),
        "XDG_CONFIG_HOME": str(work / "config"),
        **more,
    }


def _meeting(path: Path) -> int:
    with closing(open_store(f"sqlite:///{path}", daily_backup=False)) as store:
        event_id = create_event(store, title="Coffee and conversation").created_id
        assert event_id is not None
        meeting_id = add_row(
            store,
            kind=RowKind.MEETINGS,
            parent_id=event_id,
            values={"title": "Final check", "date": dt.date.today(), "place": "online"},
        ).created_id
        assert meeting_id is not None
        return meeting_id


def typing_lost(work: Path, rng: random.Random) -> tuple[int, int]:
    """(words, characters) typed but not saved when the window is killed mid-typing."""
    database = work / f"typing-{rng.random():.6f}.sqlite"
    meeting_id = _meeting(database)
    app = subprocess.Popen(
        [sys.executable, str(NOTES_APP), "--database", str(database)],
        env=_env(work, NOTES_APP_MEETING=str(meeting_id)),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert app.stdout is not None
    typed: list[str] = []
    started = None
    for line in app.stdout:
        if line.startswith("typed "):
            typed.append(line.rstrip("\n").split(" ", 2)[2])
            started = started or time.monotonic()
            if time.monotonic() - started > rng.uniform(1.5, 3.0):
                break
    app.send_signal(signal.SIGKILL)
    rest, _ = app.communicate(timeout=30)
    typed += [line.split(" ", 2)[2] for line in rest.splitlines() if line.startswith("typed ")]
    with closing(open_store(f"sqlite:///{database}", daily_backup=False)) as store:
        saved = get_meeting(store, meeting_id).notes.split()
    assert saved == typed[: len(saved)], "what was saved is what was typed, in order"
    return len(typed) - len(saved), len(" ".join(typed)) - len(" ".join(saved))


def writer(database: str) -> None:
    """Child: add events one committed transaction at a time, saying each once committed."""
    with closing(open_store(f"sqlite:///{database}", daily_backup=False)) as store:
        number = 0
        while True:
            number += 1
            create_event(store, title=f"row {number} {os.getpid()}")
            print(f"committed row {number} {os.getpid()}", flush=True)


def writes_lost(database: Path, rng: random.Random) -> int:
    """Rows a killed writer had said were committed that are not in the file."""
    child = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.kills", "writer", str(database)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
    )
    assert child.stdout is not None
    first = child.stdout.readline()
    assert first.startswith("committed"), "the writer started"
    time.sleep(rng.uniform(0.0, 0.4))
    child.send_signal(signal.SIGKILL)
    rest, _ = child.communicate(timeout=30)
    said = {line.removeprefix("committed ").strip() for line in [first, *rest.splitlines()]}
    with closing(open_store(f"sqlite:///{database}", daily_backup=False)) as store:
        there = {row.title for row in list_events(store, include_archived=True)}
    assert quick_check(database) == "ok"
    return len({s for s in said if s} - there)


def main() -> int:
    rng = random.Random(20261206)
    with tempfile.TemporaryDirectory(prefix="organiser-kills-") as name:
        work = Path(name)
        runs = [typing_lost(work, rng) for _ in range(TYPING_RUNS)]
        for number, what in enumerate(("words", "characters")):
            lost = [run[number] for run in runs]
            print(
                f"kill -9 while typing: {what} lost min {min(lost)} / median "
                f"{statistics.median(lost):g} / max {max(lost)} over {TYPING_RUNS} runs "
                "(a word every 40 ms; the promise: at most the last second)"
            )
        database = work / "writes.sqlite"
        open_store(f"sqlite:///{database}", daily_backup=False).close()
        rows = sum(writes_lost(database, rng) for _ in range(WRITE_KILLS))
        print(f"kill -9 while writing: {rows} committed rows lost over {WRITE_KILLS} kills")
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["writer"]:
        writer(sys.argv[2])
    raise SystemExit(main())
