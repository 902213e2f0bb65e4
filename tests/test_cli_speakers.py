"""`organiser export briefing|speakers`, run in-process through organiser.app.main."""

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
from organiser.core.events import service as events
from organiser.core.opening import open_store
from organiser.core.paths import default_database_url
from organiser.core.speakers.invitations import add_invitation, make_slot, update_invitation
from organiser.core.speakers.service import add_speaker

NAMES = "Zoë Łucja Siobhán Nguyễn"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run `organiser ARGV` in this process; return (exit code, stdout, stderr)."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def export(
    capsys: pytest.CaptureFixture[str], kind: str, out: Path, event: str
) -> tuple[int, str, str]:
    return run(capsys, "export", kind, "--event", event, "--out", str(out))


def pages(path: Path) -> list[str]:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


@pytest.fixture
def default_store(private_data_folder: Path) -> Iterator[Store]:
    """The default database ($ORGANISER_DATABASE) that every command below opens."""
    with closing(open_store(default_database_url(), daily_backup=False)) as opened:
        yield opened


def speak(store: Store, event_id: int, name: str, status: str, start: dt.time | None) -> None:
    speaker = add_speaker(store, values={"name": name, "email": "hello@example.org"}).created_id
    values = {"speaker_id": speaker, "talk_title": f"Talk by {name}", "length_minutes": 25}
    invitation = add_invitation(store, event_id=event_id, values=values).created_id
    assert invitation is not None
    if start is not None:
        make_slot(store, invitation_id=invitation, start=start)
    update_invitation(store, invitation_id=invitation, values={"status": status})


@pytest.fixture
def event(default_store: Store) -> str:
    """An event with two confirmed speakers and one invited; returns its id as text."""
    event_id = events.create_event(default_store, title="Pilates and wellbeing morning").created_id
    assert event_id is not None
    details = {"venue_name": "Harbourside Family Centre", "step_free": True}
    events.update_event(default_store, event_id=event_id, values=details)
    speak(default_store, event_id, "Priya Shah", "confirmed", dt.time(11))
    speak(default_store, event_id, NAMES, "confirmed", dt.time(10, 15))
    speak(default_store, event_id, "Tom Reed", "invited", None)
    return str(event_id)


def test_briefing_export_has_a_page_per_confirmed_speaker(
    capsys: pytest.CaptureFixture[str], event: str, tmp_path: Path
) -> None:
    target = tmp_path / "briefing.pdf"
    assert export(capsys, "briefing", target, event) == (0, f"{target}\n", "")
    texts = pages(target)
    assert len(texts) == 2
    head = "Speaker briefing: Pilates and wellbeing morning"
    assert texts[0].startswith(f"{head} {NAMES} Your talk")
    assert texts[1].startswith(f"{head} Priya Shah Your talk")
    assert "Your slot 10:15 to 10:40" in texts[0] and "Your slot 11:00 to 11:25" in texts[1]
    assert all("Access Step-free access" in t for t in texts)
    assert not any("Tom Reed" in t for t in texts)
    assert os.stat(target).st_mode & 0o777 == 0o600


def test_speakers_export_is_the_schedule(
    capsys: pytest.CaptureFixture[str], event: str, tmp_path: Path
) -> None:
    target = tmp_path / "speakers.pdf"
    code, _, err = export(capsys, "speakers", target, "Pilates and wellbeing morning")
    assert (code, err) == (0, "")
    [text] = pages(target)
    assert "Speaker schedule Pilates and wellbeing morning" in text
    assert text.index(NAMES) < text.index("Priya Shah") < text.index("Tom Reed")
    assert "10:15–10:40" in text and "No slot yet" in text and "Invited, not yet confirmed" in text


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("briefing", "“Quiet event” has no confirmed or invited speakers yet"),
        ("speakers", "“Quiet event” has no speakers invited yet"),
    ],
)
def test_an_event_without_speakers_is_one_line_and_writes_nothing(
    capsys: pytest.CaptureFixture[str],
    default_store: Store,
    tmp_path: Path,
    kind: str,
    message: str,
) -> None:
    events.create_event(default_store, title="Quiet event")
    folder = tmp_path / "out"
    folder.mkdir()
    code, out, err = export(capsys, kind, folder / "out.pdf", "Quiet event")
    assert (code, out) == (1, "")
    [line] = err.splitlines()
    assert line.startswith("organiser: ") and message in line
    assert list(folder.iterdir()) == []
