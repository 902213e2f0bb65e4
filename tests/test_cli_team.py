"""`organiser copy` and `organiser offline take|list|bring-back`, run in-process."""

from __future__ import annotations

import getpass
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import select

from organiser.app import main
from organiser.core.demo import DEMO_TITLE
from organiser.core.meetings.models import Meeting
from organiser.core.meetings.service import save_notes
from organiser.core.opening import open_store
from organiser.core.paths import database_url
from organiser.core.team.offline import held_by
from tests.team_logins import Logins, login_url


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run `organiser ARGV` in this process; return (exit code, stdout, stderr)."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _one_error_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("organiser: "), err
    assert "Traceback" not in err
    return lines[0]


@pytest.fixture
def team_file(tmp_path: Path) -> Path:
    """A team database (a SQLite file here; the same commands take a PostgreSQL URL)."""
    return tmp_path / "team" / "organiser.sqlite"


def _titles(capsys: pytest.CaptureFixture[str], database: Path | None = None) -> list[str]:
    argv = ["--database", str(database)] if database else []
    code, out, _err = run(capsys, *argv, "events", "--all")
    assert code == 0
    return [line.split("\t")[2] for line in out.splitlines()]


def test_copy_sends_every_event_and_says_what_it_copied(
    capsys: pytest.CaptureFixture[str], team_file: Path
) -> None:
    assert run(capsys, "demo")[0] == 0
    code, out, err = run(capsys, "copy", "--to", str(team_file))
    assert (code, err) == (0, "")
    assert out.startswith("Copied 1 event (") and out.rstrip().endswith(
        f"rows) to {team_file}; ids kept"
    )
    assert _titles(capsys, team_file) == [DEMO_TITLE]


def test_copy_chosen_events_and_refuse_a_second_copy(
    capsys: pytest.CaptureFixture[str], team_file: Path
) -> None:
    run(capsys, "demo")
    run(capsys, "demo")
    code, out, err = run(capsys, "copy", "--to", str(team_file), "--event", "2")
    assert (code, err) == (0, "")
    assert out.startswith("Copied 1 event")
    code, out, err = run(capsys, "copy", "--to", str(team_file), "--event", "2", "--event", "1")
    assert code == 1 and out == ""
    assert "is already in" in _one_error_line(err)
    assert _titles(capsys, team_file) == [DEMO_TITLE]  # the refused copy wrote nothing
    code, _out, err = run(capsys, "copy", "--to", str(team_file), "--event", "No such event")
    assert code == 1 and "No event has the id or title" in _one_error_line(err)


def _notes_on_both_sides(team_file: Path, local_file: Path) -> None:
    for path, text in ((team_file, "Team notes"), (local_file, "Offline notes")):
        with closing(open_store(database_url(str(path)), daily_backup=False)) as store:
            with store.begin() as s:
                meeting = s.scalar(select(Meeting.id).where(Meeting.title == "First ideas"))
            assert meeting is not None
            save_notes(store, meeting_id=meeting, text=text)


def test_take_offline_list_and_bring_back_with_a_choice(
    capsys: pytest.CaptureFixture[str], team_file: Path, private_data_folder: Path
) -> None:
    assert run(capsys, "--database", str(team_file), "demo")[0] == 0
    code, out, err = run(
        capsys, "offline", "take", "--team", str(team_file), "--event", DEMO_TITLE, "--who", "Amira"
    )
    assert (code, err) == (0, "")
    assert out.startswith(f"Took “{DEMO_TITLE}” offline from {team_file}: it is event 1 here")
    code, out, err = run(capsys, "offline", "list")
    [line] = out.splitlines()
    assert line.split("\t")[:3] == ["1", DEMO_TITLE, f"from {team_file} (event 1)"]
    assert line.split("\t")[3].startswith("taken by Amira ")

    _notes_on_both_sides(team_file, private_data_folder / "organiser.sqlite")
    back = ("offline", "bring-back", "--event", "1", "--team", str(team_file))
    code, out, err = run(capsys, *back, "--dry-run")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    clash = next(line for line in lines if "\tclash\t" in line)
    key = clash.split("\t")[0]
    assert key.startswith("meeting:") and key.endswith(":notes")
    assert "offline “Offline notes”, team “Team notes”" in clash
    assert lines[-1].endswith("1 clash to decide")

    code, out, err = run(capsys, *back)
    assert code == 1 and out == ""
    assert "--choose KEY=offline|team|both" in _one_error_line(err)
    code, out, err = run(capsys, *back, "--choose", "nonsense")
    assert code == 1 and "--choose takes KEY=offline" in _one_error_line(err)

    code, out, err = run(capsys, *back, "--choose", f"{key}=team")
    assert (code, err) == (0, "")
    assert out.startswith(f"Brought “{DEMO_TITLE}” back to {team_file}: ")
    assert "1 clash decided" in out
    assert run(capsys, "offline", "list")[1] == ""
    with closing(open_store(database_url(str(team_file)), daily_backup=False)) as team:
        assert held_by(team, 1) == ("", None)
        with team.begin() as s:
            notes = s.scalar(select(Meeting.notes).where(Meeting.title == "First ideas"))
    assert notes == "Team notes"


def test_take_offline_is_in_your_name_by_default(
    capsys: pytest.CaptureFixture[str], team_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(capsys, "--database", str(team_file), "demo")
    monkeypatch.setattr(getpass, "getuser", lambda: "lee")
    code, out, err = run(capsys, "offline", "take", "--team", str(team_file), "--event", "1")
    assert (code, err) == (0, "")
    assert "the team sees lee has it" in out
    code, out, err = run(capsys, "offline", "take", "--team", str(team_file), "--event", "1")
    assert code == 1 and "already taken offline" in _one_error_line(err)


def test_copy_to_the_same_database_is_refused(
    capsys: pytest.CaptureFixture[str], private_data_folder: Path
) -> None:
    run(capsys, "demo")
    code, _out, err = run(capsys, "copy", "--to", str(private_data_folder / "organiser.sqlite"))
    assert code == 1 and "another one" in _one_error_line(err)


def test_a_second_person_takes_it_as_well_and_a_hold_is_released(
    capsys: pytest.CaptureFixture[str], team_file: Path, tmp_path: Path
) -> None:
    run(capsys, "--database", str(team_file), "demo")
    take = ("offline", "take", "--team", str(team_file), "--event", "1")
    assert run(capsys, *take, "--who", "Amira Hassan")[0] == 0
    other = ("--database", str(tmp_path / "laptop-two" / "organiser.sqlite"))
    code, out, err = run(capsys, *other, *take, "--who", "Zoë Marsh")
    assert code == 1 and out == ""
    line = _one_error_line(err)
    assert "already taken offline by Amira Hassan (since " in line and "--also" in line
    code, out, err = run(capsys, *other, *take, "--who", "Zoë Marsh", "--also")
    assert (code, err) == (0, "")
    assert "the team sees Amira Hassan, Zoë Marsh have it" in out

    release = ("offline", "release", "--team", str(team_file), "--event", DEMO_TITLE)
    code, out, err = run(capsys, *release, "--who", "Amira Hassan")
    assert (code, err) == (0, "")
    assert (
        out.strip() == f"Amira Hassan no longer has “{DEMO_TITLE}” offline; Zoë Marsh still has it."
    )
    code, out, err = run(capsys, *release, "--who", "Dev Okafor")
    assert code == 1 and "Zoë Marsh" in _one_error_line(err)
    code, out, err = run(capsys, *release)
    assert (code, err) == (0, "")
    assert out.strip() == f"Nobody has “{DEMO_TITLE}” offline now."
    with closing(open_store(database_url(str(team_file)), daily_backup=False)) as team:
        assert held_by(team, 1) == ("", None)


def test_a_volunteer_cannot_export_the_register_and_a_creche_lead_is_recorded(
    capsys: pytest.CaptureFixture[str], team: tuple[str, Logins], tmp_path: Path
) -> None:
    from organiser.core.team import record
    from organiser.core.team.roles import TeamRole

    url, logins = team
    out = tmp_path / "register.pdf"
    volunteer = login_url(url, logins[TeamRole.VOLUNTEER])
    code, _out, err = run(
        capsys,
        "--database",
        volunteer,
        "export",
        "register",
        "--event",
        DEMO_TITLE,
        "--out",
        str(out),
    )
    assert code != 0 and not out.exists()
    assert _one_error_line(err) == (
        "organiser: The creche register is for organisers and creche leads: you are "
        "connected to the team database as a volunteer."
    )
    lead = login_url(url, logins[TeamRole.CRECHE_LEAD])
    code, _out, err = run(
        capsys, "--database", lead, "export", "register", "--event", DEMO_TITLE, "--out", str(out)
    )
    assert code == 0, err
    assert out.read_bytes().startswith(b"%PDF")
    with closing(open_store(url, daily_backup=False)) as owner:
        lines = record.read(owner)
    assert [(r.who, r.what, r.how) for r in lines] == [
        (logins[TeamRole.CRECHE_LEAD], "creche register", "saved")
    ]
