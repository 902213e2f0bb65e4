"""`organiser export flyer [--template T] [--version N]`, run in-process through
organiser.app.main on the example event (two saved versions and a draft)."""

from __future__ import annotations

import datetime as dt
import io
import os
import tempfile
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from pypdf import PdfReader

from organiser.app import main
from organiser.core.db import Store
from organiser.core.demo import add_demo_event
from organiser.core.events import service as events
from organiser.core.flyer import service as flyers
from organiser.core.opening import open_store
from organiser.core.paths import default_database_url

TITLE = "Move, Breathe and Connect: a Pilates and wellbeing morning"
ONLY_IN_VERSION_1 = "Local support: health coaching, yoga and walking groups"
ONLY_IN_VERSION_2 = "Babies are welcome in the session too"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run `organiser ARGV` in this process; return (exit code, stdout, stderr)."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def export(
    capsys: pytest.CaptureFixture[str], out: Path, event: str, *options: str
) -> tuple[int, str, str]:
    return run(capsys, "export", "flyer", "--event", event, "--out", str(out), *options)


def read(path: Path) -> tuple[tuple[int, int], str]:
    """The page size in points and the words of a one-page PDF."""
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    (page,) = reader.pages
    size = round(float(page.mediabox.width)), round(float(page.mediabox.height))
    return size, " ".join(page.extract_text().split())


def one_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("organiser: ")
    assert "Traceback" not in err
    return lines[0]


@pytest.fixture
def default_store(private_data_folder: Path) -> Iterator[Store]:
    """The default database ($ORGANISER_DATABASE) that every command below opens."""
    with closing(open_store(default_database_url(), daily_backup=False)) as opened:
        yield opened


@pytest.fixture
def demo(default_store: Store) -> str:
    """The example event's id, as text."""
    return str(add_demo_event(default_store, today=dt.date(2027, 2, 1)))


@pytest.mark.parametrize(
    ("template", "size", "left_off"),
    [
        ("a4-poster", (595, 842), ""),
        # The example's words at 14 pt are more than an A5 page or large print holds: the
        # export says so in one line, and still writes what fits.
        ("a5-handout", (420, 595), "what to expect, hear from"),
        ("large-print", (595, 842), "hear from"),
    ],
)
def test_each_template_exports_a_private_pdf(
    capsys: pytest.CaptureFixture[str],
    demo: str,
    tmp_path: Path,
    template: str,
    size: tuple[int, int],
    left_off: str,
) -> None:
    target = tmp_path / f"{template}.pdf"
    code, out, err = export(capsys, target, demo, "--template", template)
    assert (code, out) == (0, f"{target}\n")
    page_size, text = read(target)
    assert page_size == size
    assert text.startswith(TITLE)
    assert "Does not fit" not in text, "the marker is for the preview, not for print"
    if left_off:
        line = one_line(err)
        assert line.startswith("organiser: Left off the flyer because it does not fit")
        assert left_off in line
    else:
        assert err == ""
    assert os.stat(target).st_mode & 0o777 == 0o600


def test_the_default_is_the_latest_version_not_the_draft(
    capsys: pytest.CaptureFixture[str], default_store: Store, demo: str, tmp_path: Path
) -> None:
    flyers.update_flyer(
        default_store, event_id=int(demo), values={"title": "A draft nobody has saved"}
    )
    target = tmp_path / "flyer.pdf"
    assert export(capsys, target, demo) == (0, f"{target}\n", "")
    size, text = read(target)
    assert size == (595, 842)
    assert text.startswith(TITLE)
    assert ONLY_IN_VERSION_2 in text
    assert ONLY_IN_VERSION_1 not in text


def test_version_1_on_request(
    capsys: pytest.CaptureFixture[str], demo: str, tmp_path: Path
) -> None:
    target = tmp_path / "first.pdf"
    assert export(capsys, target, demo, "--version", "1") == (0, f"{target}\n", "")
    _size, text = read(target)
    assert ONLY_IN_VERSION_1 in text
    assert ONLY_IN_VERSION_2 not in text


def test_an_event_without_versions_exports_its_draft(
    capsys: pytest.CaptureFixture[str], default_store: Store, tmp_path: Path
) -> None:
    event_id = events.create_event(default_store, title="Walk and talk").created_id
    target = tmp_path / "draft.pdf"
    code, out, err = export(capsys, target, "walk and talk")
    assert (code, out) == (0, f"{target}\n"), "exported all the same"
    # The window asks about the checklist's missing essentials; the command line says them.
    assert one_line(err) == (
        "organiser: warning: The flyer does not say everything people need to know. "
        "Missing: when, where, cost, how to book and access."
    )
    assert event_id is not None
    _size, text = read(target)
    assert text == "Walk and talk", (
        "nothing printed that nobody entered (no “Free”, no “Date to be set”)"
    )


@pytest.mark.parametrize(
    ("options", "says"),
    [
        (("--template", "a3-banner"), "There is no flyer template “a3-banner”; choose a4-poster"),
        (("--version", "9"), "This flyer has no version 9."),
        (("--version", "two"), "--version takes a version's number, such as 2, not “two”."),
    ],
)
def test_a_bad_template_or_version_is_one_line_and_writes_nothing(
    capsys: pytest.CaptureFixture[str],
    demo: str,
    tmp_path: Path,
    options: tuple[str, ...],
    says: str,
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    code, out, err = export(capsys, folder / "flyer.pdf", demo, *options)
    assert (code, out) == (1, "")
    assert says in one_line(err)
    assert list(folder.iterdir()) == []


def test_flyer_options_are_refused_for_other_kinds(
    capsys: pytest.CaptureFixture[str], demo: str, tmp_path: Path
) -> None:
    both = "flyer or flyer-two-languages"
    for option, value, kinds in (
        ("--template", "a4-poster", "flyer"),
        ("--version", "1", both),
        ("--language", "Arabic", f"{both} or feedback-form or sign-in"),
    ):
        argv = ("export", "programme", "--event", demo, "--out", str(tmp_path / "p.pdf"))
        code, out, err = run(capsys, *argv, option, value)
        assert (code, out) == (1, "")
        assert one_line(err) == f"organiser: {option} goes with {kinds}, not programme."
    assert not (tmp_path / "p.pdf").exists()


def test_an_unwritable_folder_is_one_readable_line(
    capsys: pytest.CaptureFixture[str], demo: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o500)
    if os.geteuid() == 0:  # root writes anywhere: make the folder refuse as it would for a user

        def refuse(*args: object, **kwargs: object) -> object:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(tempfile, "mkstemp", refuse)
    try:
        code, out, err = export(capsys, folder / "flyer.pdf", demo)
    finally:
        folder.chmod(0o700)
    assert (code, out) == (1, "")
    line = one_line(err)
    assert line.startswith(f"organiser: Cannot save to {folder / 'flyer.pdf'}")
    assert "Permission denied" in line
    assert list(folder.iterdir()) == []


def test_help_shows_the_flyer_options(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["export", "--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert "--template a4-poster|a5-handout|large-print" in out
    assert "--version N" in out
    assert "  flyer " in out


def test_a_character_no_font_has_is_named_and_the_paper_still_written(
    capsys: pytest.CaptureFixture[str], default_store: Store, tmp_path: Path
) -> None:
    event_id = events.create_event(default_store, title="Baby café 🌼 and 中文 lessons").created_id
    for kind in ("programme", "flyer"):
        target = tmp_path / f"{kind}.pdf"
        code, out, err = run(capsys, "export", kind, "--event", str(event_id), "--out", str(target))
        assert (code, out) == (0, f"{target}\n")
        assert (
            "organiser: The emoji 🌼 and the Chinese or Japanese characters 中文 cannot be "
            "printed: each shows as an empty box. Use words instead."
        ) in err.splitlines()
        assert target.stat().st_size > 1000
    plain = events.create_event(default_store, title="Zoë’s مرحبا morning").created_id
    code, _out, err = run(
        capsys, "export", "programme", "--event", str(plain), "--out", str(tmp_path / "p.pdf")
    )
    assert (code, err) == (0, "")


def test_the_example_flyer_prints_in_arabic_and_beside_the_english(
    capsys: pytest.CaptureFixture[str], demo: str, tmp_path: Path
) -> None:
    target = tmp_path / "arabic.pdf"
    code, out, err = export(capsys, target, demo, "--language", "arabic")
    assert (code, out) == (0, f"{target}\n")
    assert err.splitlines() == [
        "organiser: warning: not yet in Arabic, so printed in English: date and time, venue, "
        "hear from, how to book, funder or partner credit.",
        "organiser: warning: the Arabic version has not been checked by a member yet.",
    ]
    size, text = read(target)
    assert size == (595, 842) and "Monday" in text  # the date stays English
    target = tmp_path / "both.pdf"
    code, out, err = run(
        capsys,
        "export",
        "flyer-two-languages",
        "--event",
        demo,
        "--out",
        str(target),
        "--language",
        "Polish",
    )
    assert (code, out) == (0, f"{target}\n")
    assert "the Polish version has not been checked" not in err  # Łucja checked it
    size, text = read(target)
    assert size == (842, 595)
    assert TITLE.split(":")[0] in text and "Ruch, oddech i kontakt" in text
    code, _out, err = export(capsys, tmp_path / "x.pdf", demo, "--language", "Somali")
    assert (code, one_line(err)) == (1, "organiser: This flyer has no Somali version.")
