"""Meeting notes typed into the real app survive its end: SIGKILL loses at most the last
second of typing, SIGTERM loses nothing."""

from __future__ import annotations

import datetime as dt
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from app_env import app_env

from organiser.core.crud import add_row
from organiser.core.events.service import create_event
from organiser.core.meetings.service import get_meeting
from organiser.core.opening import open_store
from organiser.core.row_kinds import RowKind

HERE = Path(__file__).parent
TYPING_SECONDS = 3.0
LOSS_LIMIT = 1.0  # seconds of typing a SIGKILL may cost (QUALITY.md)


@dataclass(frozen=True)
class Word:
    typed_at: float
    text: str


@pytest.fixture
def meeting(tmp_path: Path) -> tuple[Path, int]:
    """A database with one event and one meeting with empty notes."""
    path = tmp_path / "events.sqlite"
    store = open_store(f"sqlite:///{path}", daily_backup=False)
    try:
        event_id = create_event(store, title="Coffee and conversation").created_id
        assert event_id is not None
        meeting_id = add_row(
            store,
            kind=RowKind.MEETINGS,
            parent_id=event_id,
            values={"title": "Final check", "date": dt.date.today(), "place": "online"},
        ).created_id
        assert meeting_id is not None
    finally:
        store.close()
    return path, meeting_id


def _start(tmp_path: Path, database: Path, meeting_id: int) -> subprocess.Popen[str]:
    env = app_env(tmp_path, NOTES_APP_MEETING=str(meeting_id))
    return subprocess.Popen(
        [sys.executable, str(HERE / "notes_app.py"), "--database", str(database)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _parse(line: str) -> Word | None:
    if not line.startswith("typed "):
        return None
    _, moment, text = line.rstrip("\n").split(" ", 2)
    return Word(float(moment), text)


def _type_for(app: subprocess.Popen[str], seconds: float) -> list[Word]:
    """Read what the app types until it has typed for `seconds`."""
    assert app.stdout is not None
    words: list[Word] = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = app.stdout.readline()
        if not line and app.poll() is not None:
            raise AssertionError(f"the app stopped: {app.communicate()[1][-2000:]}")
        word = _parse(line)
        if word is not None:
            words.append(word)
            if word.typed_at - words[0].typed_at >= seconds:
                return words
    raise AssertionError("the app never typed for long enough")


def _saved_words(database: Path, meeting_id: int) -> list[str]:
    store = open_store(f"sqlite:///{database}", daily_backup=False)
    try:
        return get_meeting(store, meeting_id).notes.split()
    finally:
        store.close()


def _rest(app: subprocess.Popen[str]) -> list[Word]:
    out, _err = app.communicate(timeout=30)
    return [w for w in map(_parse, out.splitlines()) if w is not None]


def test_sigkill_mid_typing_loses_at_most_the_last_second(
    tmp_path: Path, meeting: tuple[Path, int]
) -> None:
    database, meeting_id = meeting
    app = _start(tmp_path, database, meeting_id)
    try:
        words = _type_for(app, TYPING_SECONDS)
        killed_at = time.monotonic()
        app.send_signal(signal.SIGKILL)
        app.wait(timeout=20)
        words += _rest(app)
    finally:
        app.kill()
    typed = [w.text for w in words]
    saved = _saved_words(database, meeting_id)

    assert saved, "nothing was saved in three seconds of typing"
    assert saved == typed[: len(saved)], "what was saved is exactly what was typed, in order"
    lost = words[len(saved) :]
    oldest = min((w.typed_at for w in lost), default=killed_at)
    assert killed_at - oldest <= LOSS_LIMIT, (
        f"lost {len(lost)} words typed from {killed_at - oldest:.2f} s before the kill"
    )


def test_sigterm_mid_typing_loses_nothing(tmp_path: Path, meeting: tuple[Path, int]) -> None:
    database, meeting_id = meeting
    app = _start(tmp_path, database, meeting_id)
    try:
        words = _type_for(app, TYPING_SECONDS / 2)
        app.send_signal(signal.SIGTERM)
        assert app.wait(timeout=20) == 0
        words += _rest(app)
    finally:
        app.kill()
    saved = _saved_words(database, meeting_id)
    assert saved == [w.text for w in words]
