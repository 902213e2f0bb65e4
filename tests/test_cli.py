"""The command line, run in-process through organiser.app.main (plus one real subprocess)."""

from __future__ import annotations

import io
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from pypdf import PdfReader

from organiser.app import main
from organiser.core import backup
from organiser.core.demo import DEMO_TITLE
from organiser.core.integrity import quick_check, stored_revision
from organiser.core.migrate import head_revision

HashOf = Callable[[Path], str]
ROOT = Path(__file__).resolve().parent.parent


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run `organiser ARGV` in this process; return (exit code, stdout, stderr)."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _assert_one_error_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("organiser: ")
    assert "Traceback" not in err
    return lines[0]


@pytest.fixture
def database(private_data_folder: Path) -> Path:
    """The default database ($ORGANISER_DATABASE) of every command below."""
    return private_data_folder / "organiser.sqlite"


@pytest.fixture
def demo_id(capsys: pytest.CaptureFixture[str], database: Path) -> int:
    """Run `organiser demo` on the default database; return the id it prints."""
    code, out, err = run(capsys, "demo")
    assert (code, err) == (0, "")
    return int(out.strip())


def _titles(path: Path) -> list[str]:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
        return [row[0] for row in connection.execute("SELECT title FROM event ORDER BY id")]


def test_demo_prints_the_new_events_id(capsys: pytest.CaptureFixture[str], database: Path) -> None:
    code, out, err = run(capsys, "demo")
    assert code == 0
    assert err == ""
    assert out.strip().isdigit()
    assert _titles(database) == [DEMO_TITLE]
    code, out, _ = run(capsys, "demo")
    assert out.strip() == "2"


def test_events_lists_id_date_title_status(
    capsys: pytest.CaptureFixture[str], demo_id: int, database: Path
) -> None:
    code, out, err = run(capsys, "events")
    assert (code, err) == (0, "")
    [line] = out.splitlines()
    fields = line.split("\t")
    assert fields[0] == str(demo_id)
    assert len(fields[1]) == 10 and fields[1][2] == "/" and fields[1][5] == "/"
    assert fields[2:] == [DEMO_TITLE, "Confirmed"]
    # The command closed its store: SQLite removed the -wal and -shm on the last close.
    assert sorted(p.name for p in database.parent.iterdir()) == ["backups", "organiser.sqlite"]


def test_events_all_includes_archived(capsys: pytest.CaptureFixture[str], demo_id: int) -> None:
    from organiser.core.events.service import set_archived
    from organiser.core.opening import open_store
    from organiser.core.paths import default_database_url

    store = open_store(default_database_url())
    set_archived(store, event_id=demo_id, archived=True)
    store.close()
    assert run(capsys, "events") == (0, "", "")
    code, out, _ = run(capsys, "events", "--all")
    assert code == 0
    assert out.rstrip("\n").endswith("Confirmed  (archived)")


def test_database_option_before_or_after_the_command(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, database: Path
) -> None:
    other = tmp_path / "other.sqlite"
    run(capsys, "--database", str(other), "demo")
    code, out, _ = run(capsys, "events", "--database", str(other))
    assert code == 0 and DEMO_TITLE in out
    assert not database.exists()


def test_export_programme_writes_a_pdf(
    capsys: pytest.CaptureFixture[str], demo_id: int, tmp_path: Path
) -> None:
    out_file = tmp_path / "running order.pdf"
    code, out, err = run(
        capsys, "export", "programme", "--event", str(demo_id), "--out", str(out_file)
    )
    assert (code, err) == (0, "")
    assert out.strip() == str(out_file)
    data = out_file.read_bytes()
    assert data.startswith(b"%PDF")
    assert os.stat(out_file).st_mode & 0o777 == 0o600
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert "Gentle Pilates" in " ".join(text.split())
    # No temporary file is left beside it.
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_export_finds_the_event_by_title(
    capsys: pytest.CaptureFixture[str], demo_id: int, tmp_path: Path
) -> None:
    out_file = tmp_path / "programme.pdf"
    code, _, err = run(
        capsys, "export", "programme", "--event", DEMO_TITLE.upper(), "--out", str(out_file)
    )
    assert (code, err) == (0, "")
    assert out_file.read_bytes().startswith(b"%PDF")


def test_unknown_event_is_one_line_on_stderr(
    capsys: pytest.CaptureFixture[str], demo_id: int, tmp_path: Path
) -> None:
    code, out, err = run(
        capsys, "export", "programme", "--event", "999", "--out", str(tmp_path / "x.pdf")
    )
    assert code == 1
    assert out == ""
    line = _assert_one_error_line(err)
    assert "No event has the id or title “999”" in line
    assert not (tmp_path / "x.pdf").exists()


def test_missing_output_folder_fails_and_changes_nothing(
    capsys: pytest.CaptureFixture[str],
    demo_id: int,
    database: Path,
    tmp_path: Path,
    file_hash: HashOf,
) -> None:
    before = file_hash(database)
    target = tmp_path / "no such folder" / "x.pdf"
    code, out, err = run(
        capsys, "export", "programme", "--event", str(demo_id), "--out", str(target)
    )
    assert code == 1
    assert out == ""
    line = _assert_one_error_line(err)
    assert "does not exist" in line
    assert file_hash(database) == before
    assert not target.parent.exists()


def test_unwritable_output_folder_fails_and_changes_nothing(
    capsys: pytest.CaptureFixture[str],
    demo_id: int,
    database: Path,
    tmp_path: Path,
    file_hash: HashOf,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path / "read-only"
    folder.mkdir()
    (folder / "x.pdf").write_bytes(b"the old file")
    folder.chmod(0o500)
    if os.geteuid() == 0:  # root writes anywhere: make the folder refuse as it would for a user
        import tempfile

        def refuse(*args: object, **kwargs: object) -> object:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(tempfile, "mkstemp", refuse)
    before = file_hash(database)
    try:
        code, out, err = run(
            capsys, "export", "programme", "--event", str(demo_id), "--out", str(folder / "x.pdf")
        )
    finally:
        folder.chmod(0o700)
    assert code == 1
    assert out == ""
    line = _assert_one_error_line(err)
    assert "Permission denied" in line
    assert (folder / "x.pdf").read_bytes() == b"the old file"
    assert file_hash(database) == before
    assert [p.name for p in folder.iterdir()] == ["x.pdf"]


def test_backup_to_the_backups_folder(
    capsys: pytest.CaptureFixture[str], demo_id: int, database: Path
) -> None:
    code, out, err = run(capsys, "backup")
    assert (code, err) == (0, "")
    made = Path(out.strip())
    assert made.parent == database.parent / "backups"
    assert made.name.endswith("-manual.sqlite")
    assert quick_check(made) == "ok"
    assert _titles(made) == [DEMO_TITLE]
    assert [b.path for b in backup.list_backups(database)] == [made]


def test_backup_out_to_a_chosen_file(
    capsys: pytest.CaptureFixture[str], demo_id: int, tmp_path: Path
) -> None:
    out_file = tmp_path / "keep" / "copy.sqlite"
    out_file.parent.mkdir()
    code, out, err = run(capsys, "backup", "--out", str(out_file))
    assert (code, err) == (0, "")
    assert out.strip() == str(out_file)
    assert _titles(out_file) == [DEMO_TITLE]
    assert os.stat(out_file).st_mode & 0o777 == 0o600


def test_backup_of_no_database(capsys: pytest.CaptureFixture[str], database: Path) -> None:
    code, _, err = run(capsys, "backup")
    assert code == 1
    assert "There is no database" in _assert_one_error_line(err)


def test_backup_refuses_a_server_database(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "backup", "--database", "postgresql://localhost/organiser")
    assert code == 1
    assert "pg_dump" in _assert_one_error_line(err)


def test_the_commands_work_on_a_server_database(
    capsys: pytest.CaptureFixture[str],
    postgres_url: str,
    private_data_folder: Path,
    tmp_path: Path,
) -> None:
    url = postgres_url
    code, out, err = run(capsys, "demo", "--database", url)
    assert (code, err) == (0, "")
    event_id = out.strip()
    code, out, err = run(capsys, "events", "--database", url)
    assert (code, err) == (0, "")
    assert out.startswith(f"{event_id}\t") and DEMO_TITLE in out
    code, out, err = run(capsys, "check", "--database", url)
    assert (code, err) == (0, "")
    assert out.startswith("ok: postgresql+psycopg://") and out.endswith(" (1 event)\n")
    for kind in ("programme", "summary", "feedback-summary", "register"):
        made = tmp_path / f"{kind}.pdf"
        code, out, err = run(
            capsys, "export", kind, "--event", event_id, "--out", str(made), "--database", url
        )
        assert (code, err) == (0, ""), kind
        assert PdfReader(made).pages, kind
    for command in (["backup"], ["restore", str(tmp_path / "saved.sqlite")]):
        code, _, err = run(capsys, *command, "--database", url)
        assert code == 1
        assert "works on SQLite files; use your server's tools" in _assert_one_error_line(err)
    assert not private_data_folder.exists() or not any(private_data_folder.iterdir())


def test_check_ok(capsys: pytest.CaptureFixture[str], demo_id: int, database: Path) -> None:
    code, out, err = run(capsys, "check")
    assert (code, err) == (0, "")
    assert out.strip() == f"ok: {database} (1 event)"


def test_check_on_a_garbage_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, file_hash: HashOf
) -> None:
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(os.urandom(64) * 100)
    before = file_hash(garbage)
    code, out, err = run(capsys, "check", "--database", str(garbage))
    assert code == 1
    assert out == ""
    assert "garbage.sqlite is not an Organiser database" in _assert_one_error_line(err)
    assert file_hash(garbage) == before


def test_check_on_a_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "check", "--database", str(tmp_path / "none.sqlite"))
    assert code == 1
    assert "There is no database" in _assert_one_error_line(err)
    assert not (tmp_path / "none.sqlite").exists()


def test_restore_puts_a_backup_back(
    capsys: pytest.CaptureFixture[str], demo_id: int, database: Path, tmp_path: Path
) -> None:
    saved = tmp_path / "saved.sqlite"
    assert run(capsys, "backup", "--out", str(saved))[0] == 0
    run(capsys, "demo")
    assert _titles(database) == [DEMO_TITLE, DEMO_TITLE]

    code, out, err = run(capsys, "restore", str(saved))
    assert (code, err) == (0, "")
    assert out.strip() == f"Restored {database} from {saved}"
    assert _titles(database) == [DEMO_TITLE]
    reasons = [b.reason for b in backup.list_backups(database)]
    assert "before-restore" in reasons
    code, out, _ = run(capsys, "events")
    assert len(out.splitlines()) == 1


def test_restore_refuses_a_damaged_backup(
    capsys: pytest.CaptureFixture[str], demo_id: int, database: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"not a database" * 500)
    code, _, err = run(capsys, "restore", str(bad))
    assert code == 1
    assert "bad.sqlite" in _assert_one_error_line(err)
    assert _titles(database) == [DEMO_TITLE]


@pytest.mark.parametrize("kind", ["empty", "missing", "foreign"])
def test_restore_refuses_what_is_not_an_organiser_backup(
    capsys: pytest.CaptureFixture[str],
    demo_id: int,
    database: Path,
    tmp_path: Path,
    file_hash: HashOf,
    kind: str,
) -> None:
    source = tmp_path / "chosen.sqlite"
    if kind == "empty":
        source.touch()
    elif kind == "foreign":
        with closing(sqlite3.connect(source)) as connection:
            connection.execute("CREATE TABLE photos (name TEXT)")
            connection.commit()
    before = file_hash(database)
    code, _, err = run(capsys, "restore", str(source))
    assert code == 1
    assert "chosen.sqlite" in _assert_one_error_line(err)
    assert file_hash(database) == before
    assert backup.list_backups(database) == []


def test_restore_refuses_a_backup_from_a_newer_version(
    capsys: pytest.CaptureFixture[str], demo_id: int, database: Path, tmp_path: Path
) -> None:
    newer = tmp_path / "newer.sqlite"
    assert run(capsys, "backup", "--out", str(newer))[0] == 0
    with closing(sqlite3.connect(newer)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
        connection.commit()
    code, _, err = run(capsys, "restore", str(newer))
    assert code == 1
    assert "newer version of Organiser" in _assert_one_error_line(err)
    assert stored_revision(database)[0] == head_revision()
    assert _titles(database) == [DEMO_TITLE]


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out.startswith("organiser ")


def test_the_entry_point_runs_as_a_real_process(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, private_data_folder: Path
) -> None:
    path = tmp_path / "real.sqlite"
    run(capsys, "--database", str(path), "demo")
    result = subprocess.run(
        [sys.executable, "-m", "organiser", "events", "--database", str(path)],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.startswith("1\t")
    assert DEMO_TITLE in result.stdout


def test_backup_out_refuses_a_folder_a_missing_folder_and_the_database_itself(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "events.sqlite"
    assert main(["demo", "--database", str(database)]) == 0
    for out, words in (
        (tmp_path, "is a folder"),
        (tmp_path / "missing" / "b.sqlite", "does not exist"),
        (database, "cannot replace the database"),
    ):
        capsys.readouterr()
        assert main(["backup", "--database", str(database), "--out", str(out)]) == 1
        err = capsys.readouterr().err
        assert words in err and err.count("\n") == 1
