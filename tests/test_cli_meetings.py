"""`organiser export minutes|actions|poll|ics`, run in-process through organiser.app.main."""

from __future__ import annotations

import datetime as dt
import io
import os
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from organiser.app import main
from organiser.core.crud import add_row
from organiser.core.db import Store
from organiser.core.events import service as events
from organiser.core.meetings.service import save_notes, set_attendees
from organiser.core.opening import open_store
from organiser.core.paths import default_database_url
from organiser.core.polls.service import set_answer
from organiser.core.row_kinds import RowKind
from organiser.documents import DOCUMENTS

NAMES = "Zoë Łucja Siobhán Nguyễn"


@dataclass(frozen=True)
class Ids:
    """What the `data` fixture created."""

    event: int
    other_event: int
    held: int
    held_no_notes: int
    coming: int
    undated: int
    old_poll: int
    new_poll: int
    other_meeting: int
    due: dt.date  # the overdue action's: the command line prints as of the real today


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run `organiser ARGV` in this process; return (exit code, stdout, stderr)."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _add(store: Store, section: RowKind, parent: int, **values: object) -> int:
    created = add_row(store, kind=section, parent_id=parent, values=values).created_id
    assert created is not None
    return created


@pytest.fixture
def default_store(private_data_folder: Path) -> Iterator[Store]:
    """The default database ($ORGANISER_DATABASE) that every command below opens."""
    with closing(open_store(default_database_url(), daily_backup=False)) as opened:
        yield opened


@pytest.fixture
def data(default_store: Store) -> Ids:
    """An event with members, meetings (held, coming, undated), actions and two polls."""
    store = default_store
    today = dt.date.today()  # on the day the test runs, not the day the suite started
    event = events.create_event(store, title="Pilates and wellbeing morning").created_id
    other = events.create_event(store, title="Summer picnic").created_id
    assert event is not None and other is not None
    zoe = _add(store, RowKind.MEMBERS, event, name=NAMES)
    dev = _add(store, RowKind.MEMBERS, event, name="Dev Okafor")

    def meeting(title: str, days: int | None, **values: object) -> int:
        when = None if days is None else today + dt.timedelta(days=days)
        return _add(store, RowKind.MEETINGS, event, title=title, date=when, **values)

    held = meeting("Venue meeting", -20, start=dt.time(10), end=dt.time(11), place="Library")
    held_no_notes = meeting("Catch-up", -5)
    coming = meeting("Budget meeting", 7, start=dt.time(18), place="Harbourside")
    undated = meeting("Someday meeting", None)
    set_attendees(store, meeting_id=held, member_ids=[zoe, dev])
    save_notes(store, meeting_id=held, text="# Venue\n\nWe chose **Harbourside**.")
    save_notes(store, meeting_id=coming, text="Notes written ahead of time.")
    _add(store, RowKind.DECISIONS, held, text="Hold it at Harbourside.")
    overdue = today - dt.timedelta(days=3)
    _add(
        store,
        RowKind.ACTIONS,
        event,
        text="Book the hall",
        owner_id=zoe,
        due=overdue,
        meeting_id=held,
    )
    _add(store, RowKind.ACTIONS, event, text="Order pastries", done=True)
    old_poll = _add(store, RowKind.POLLS, event, title="Which hall?")
    new_poll = _add(store, RowKind.POLLS, event, title="When do we meet?")
    for poll in (old_poll, new_poll):
        place, day = f"Hall for poll {poll}", today + dt.timedelta(days=30)
        window = {"start": dt.time(10), "end": dt.time(12)}
        option = _add(store, RowKind.POLL_OPTIONS, poll, date=day, place=place, **window)
        set_answer(store, option_id=option, member_id=zoe, answer="yes")
    other_meeting = _add(store, RowKind.MEETINGS, other, title="Picnic meeting")
    return Ids(
        event,
        other,
        held,
        held_no_notes,
        coming,
        undated,
        old_poll,
        new_poll,
        other_meeting,
        overdue,
    )


def pdf_text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def export(
    capsys: pytest.CaptureFixture[str], kind: str, out: Path, *options: str, event: str = "1"
) -> tuple[int, str, str]:
    return run(capsys, "export", kind, "--event", event, "--out", str(out), *options)


def one_error_line(code: int, out: str, err: str) -> str:
    assert code == 1
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("organiser: ")
    return lines[0]


def test_minutes_default_to_the_latest_meeting_held_with_notes(
    capsys: pytest.CaptureFixture[str], data: Ids, tmp_path: Path
) -> None:
    target = tmp_path / "minutes.pdf"
    assert export(capsys, "minutes", target) == (0, f"{target}\n", "")
    text = pdf_text(target)
    assert "Minutes: Pilates and wellbeing morning Venue meeting" in text
    assert f"Present {NAMES}, Dev Okafor" in text
    assert "Venue We chose Harbourside." in text
    assert "1. Hold it at Harbourside." in text
    late = (dt.date.today() - data.due).days  # 3, or 4 once midnight passed since the fixture
    assert "Book the hall" in text and f"Overdue by {late} days" in text
    assert os.stat(target).st_mode & 0o777 == 0o600


def test_minutes_of_a_chosen_meeting_by_title_or_id(
    capsys: pytest.CaptureFixture[str], data: Ids, tmp_path: Path
) -> None:
    target = tmp_path / "minutes.pdf"
    code, _, err = export(capsys, "minutes", target, "--meeting", "BUDGET MEETING")
    assert (code, err) == (0, "")
    assert "Budget meeting" in pdf_text(target)
    code, _, err = export(capsys, "minutes", target, "--meeting", str(data.held_no_notes))
    assert (code, err) == (0, "")
    text = pdf_text(target)
    assert "Catch-up" in text and "No notes were taken." in text


def test_actions_export(capsys: pytest.CaptureFixture[str], data: Ids, tmp_path: Path) -> None:
    target = tmp_path / "actions.pdf"
    assert export(capsys, "actions", target, event="Pilates and wellbeing morning")[0] == 0
    text = pdf_text(target)
    assert "1 open (1 overdue), 1 done." in text
    assert text.index("Book the hall") < text.index("Order pastries")


def test_poll_export_defaults_to_the_newest_poll(
    capsys: pytest.CaptureFixture[str], data: Ids, tmp_path: Path
) -> None:
    target = tmp_path / "poll.pdf"
    assert export(capsys, "poll", target)[0] == 0
    text = pdf_text(target)
    assert "When do we meet?" in text and f"Hall for poll {data.new_poll}" in text
    assert "Y = yes" in text
    assert export(capsys, "poll", target, "--poll", "which hall?")[0] == 0
    assert f"Hall for poll {data.old_poll}" in pdf_text(target)


def test_ics_export_of_the_event_and_of_one_meeting(
    capsys: pytest.CaptureFixture[str], data: Ids, tmp_path: Path
) -> None:
    target = tmp_path / "event.ics"
    assert export(capsys, "ics", target) == (0, f"{target}\n", "")
    calendar = Calendar.from_ical(target.read_bytes())
    # The event has no date yet; the three dated meetings go in, the undated one does not.
    uids = sorted(str(e["UID"]) for e in calendar.walk("VEVENT"))
    assert uids == sorted(
        f"meeting-{m}@organiser" for m in (data.held, data.held_no_notes, data.coming)
    )
    assert export(capsys, "ics", target, "--meeting", str(data.coming))[0] == 0
    [entry] = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert str(entry["UID"]) == f"meeting-{data.coming}@organiser"
    assert str(entry["LOCATION"]) == "Harbourside"


@pytest.mark.parametrize(
    ("kind", "options", "message"),
    [
        ("minutes", ("--meeting", "Nothing like it"), "has no meeting with the id or title"),
        ("minutes", ("--meeting", "9999"), "has no meeting with the id or title “9999”"),
        ("ics", ("--meeting", "Someday meeting"), "“Someday meeting” has no date yet"),
        ("poll", ("--poll", "Nope"), "has no poll with the id or title “Nope”"),
        ("minutes", ("--poll", "Which hall?"), "--poll goes with poll, not minutes"),
        ("actions", ("--meeting", "Catch-up"), "--meeting goes with minutes or ics, not actions"),
    ],
)
def test_mistakes_are_one_line_and_write_nothing(
    capsys: pytest.CaptureFixture[str],
    data: Ids,
    tmp_path: Path,
    kind: str,
    options: tuple[str, ...],
    message: str,
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    line = one_error_line(*export(capsys, kind, folder / "out.file", *options))
    assert message in line
    assert list(folder.iterdir()) == []


def test_a_meeting_of_another_event_is_refused(
    capsys: pytest.CaptureFixture[str], data: Ids, tmp_path: Path
) -> None:
    target = tmp_path / "minutes.pdf"
    line = one_error_line(*export(capsys, "minutes", target, "--meeting", str(data.other_meeting)))
    assert f"Meeting {data.other_meeting} is not one of the meetings of “Pilates" in line
    poll = str(data.old_poll)
    line = one_error_line(*export(capsys, "poll", target, "--poll", poll, event="Summer picnic"))
    assert f"Poll {poll} is not one of the polls of “Summer picnic”" in line
    assert not target.exists()


def test_an_event_without_meetings_or_polls(
    capsys: pytest.CaptureFixture[str], default_store: Store, tmp_path: Path
) -> None:
    events.create_event(default_store, title="Quiet event")
    target = tmp_path / "x.pdf"
    line = one_error_line(*export(capsys, "minutes", target))
    assert "“Quiet event” has no meetings yet." in line
    line = one_error_line(*export(capsys, "poll", target))
    assert "“Quiet event” has no availability polls yet." in line
    line = one_error_line(*export(capsys, "ics", target))
    assert "“Quiet event” and its meetings have no dates yet" in line
    assert not target.exists()
    # An action list with nothing on it is still a document.
    assert export(capsys, "actions", target)[0] == 0
    assert "No action items yet" in pdf_text(target)


def test_help_names_every_kind(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["export", "--help"])
    assert caught.value.code == 0
    out = capsys.readouterr().out
    for kind, document in DOCUMENTS.items():
        assert f"  {kind.ljust(len(max(DOCUMENTS, key=len)))} {document.help}\n" in out
    assert "--meeting ID|TITLE" in out and "--poll ID|TITLE" in out
