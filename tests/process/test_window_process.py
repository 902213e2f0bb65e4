"""The window as a real process: SIGTERM keeps what was typed, a second instance is told."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from app_env import app_env

from organiser.core.events.service import get_event, list_events
from organiser.core.opening import open_store

HERE = Path(__file__).parent


def _wait_for_line(process: subprocess.Popen[str], stream: str, text: str) -> str:
    deadline = time.monotonic() + 30
    pipe = process.stdout if stream == "stdout" else process.stderr
    assert pipe is not None
    while time.monotonic() < deadline:
        line = pipe.readline()
        if text in line:
            return line
        if not line and process.poll() is not None:
            break
    raise AssertionError(f"{text!r} never appeared on {stream}")


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "events.sqlite"
    store = open_store(f"sqlite:///{path}")
    from organiser.core.demo import add_demo_event

    add_demo_event(store)
    store.close()
    return path


def test_sigterm_saves_typing_still_inside_the_autosave_delay(
    tmp_path: Path, database: Path
) -> None:
    app = subprocess.Popen(
        [sys.executable, str(HERE / "typing_app.py"), "--database", str(database)],
        env=app_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _wait_for_line(app, "stdout", "typed")
        app.send_signal(signal.SIGTERM)  # well inside the 700 ms autosave delay
        assert app.wait(timeout=20) == 0
    finally:
        app.kill()
        app.communicate()
    store = open_store(f"sqlite:///{database}", daily_backup=False)
    try:
        event_id = list_events(store)[0].id
        assert "Zoë’s notes" in get_event(store, event_id).purpose
    finally:
        store.close()


def test_second_window_on_the_same_database_is_told_so(tmp_path: Path, database: Path) -> None:
    env = app_env(tmp_path)
    first = subprocess.Popen(
        [sys.executable, str(HERE / "typing_app.py"), "--database", str(database)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    second = None
    try:
        _wait_for_line(first, "stdout", "typed")
        second = subprocess.Popen(
            [sys.executable, "-m", "organiser", "--database", str(database)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        line = _wait_for_line(second, "stderr", "already open")
        assert line.startswith("organiser: events.sqlite is already open in another")
        assert first.poll() is None, "the first window must keep running"
        first.send_signal(signal.SIGTERM)
        assert first.wait(timeout=20) == 0
    finally:
        for process in (first, second):
            if process is not None:
                process.kill()
                process.communicate()
