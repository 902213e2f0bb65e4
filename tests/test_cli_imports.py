"""A command loads only what it needs, checked with Python's -X importtime (each module is a
moment on an old laptop with antivirus reading every file):

- `organiser events` (and `check`) import neither Qt, ReportLab, the window, the reports, the
  example event's data nor Alembic, and of the models only the event's and the change feed's;
- `organiser export flyer` imports ReportLab and the flyer, but neither Qt, the window, the
  example event, Alembic, Markdown nor any model the flyer does not print from;
- `organiser export summary` imports neither Qt, the window, the example event nor Alembic.
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest

NEVER = (
    "PySide6",
    "shiboken6",
    "reportlab",
    "alembic",
    "organiser.ui",
    "organiser.reports",
    "organiser.core.demo",
    "organiser.core.team.offline",
)
# What no export needs: the window, the example event, migrations, working offline.
EXPORT_NEVER = tuple(m for m in NEVER if m not in ("reportlab", "organiser.reports"))
# Opening the database writes to the change feed; listing reads the events.
READ_MODELS = {"organiser.core.events.models", "organiser.core.team.models"}


def imported(*argv: str, home: Path) -> set[str]:
    """The modules `organiser ARGV` imports, from -X importtime's report on stderr."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ORGANISER_")}
    env["ORGANISER_DATA_DIR"] = str(home)
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "organiser", *argv],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return {
        line.rsplit("|", 1)[1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }


def models(modules: set[str]) -> set[str]:
    """The ORM model modules among `modules`, and the module that imports them all."""
    return {
        m
        for m in modules
        if m == "organiser.core.relations"
        or (m.startswith("organiser.core.") and m.endswith(".models"))
    }


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A database with the example event: (its path, the event's id)."""
    folder = tmp_path_factory.mktemp("cli-imports")
    env = {k: v for k, v in os.environ.items() if not k.startswith("ORGANISER_")}
    env["ORGANISER_DATA_DIR"] = str(folder)
    database = folder / "organiser.sqlite"
    done = subprocess.run(
        [sys.executable, "-m", "organiser", "--database", str(database), "demo"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=120,
    )
    return database, done.stdout.strip().splitlines()[-1]


@pytest.mark.parametrize("command", [["events"], ["events", "--all"], ["check"]])
def test_a_command_that_reads_loads_no_window_reports_or_example_data(
    demo: tuple[Path, str], command: list[str]
) -> None:
    database, _event = demo
    modules = imported("--database", str(database), *command, home=database.parent)
    assert "organiser.core.events.reading" in modules, "the report was read"
    loaded = sorted(m for m in modules if m.startswith(NEVER))
    assert loaded == [], f"`organiser {' '.join(command)}` imported {loaded[:5]}"
    assert models(modules) <= READ_MODELS, sorted(models(modules) - READ_MODELS)


def exported(demo: tuple[Path, str], kind: str, out: Path) -> set[str]:
    """The modules `organiser export KIND` imports; the PDF it wrote is checked first."""
    database, event = demo
    modules = imported(
        "--database",
        str(database),
        *("export", kind, "--event", event, "--out", str(out)),
        home=database.parent,
    )
    assert out.read_bytes().startswith(b"%PDF")
    return modules


def test_exporting_the_flyer_loads_the_flyer_and_nothing_of_the_window(
    demo: tuple[Path, str], tmp_path: Path
) -> None:
    modules = exported(demo, "flyer", tmp_path / "flyer.pdf")
    assert {"organiser.reports.flyer", "reportlab.pdfgen.canvas"} <= modules
    loaded = sorted(m for m in modules if m.startswith((*EXPORT_NEVER, "markdown_it")))
    assert loaded == [], f"`organiser export flyer` imported {loaded[:5]}"
    wanted = READ_MODELS | {"organiser.core.flyer.models"}
    assert models(modules) <= wanted, sorted(models(modules) - wanted)


def test_exporting_the_summary_loads_nothing_of_the_window(
    demo: tuple[Path, str], tmp_path: Path
) -> None:
    modules = exported(demo, "summary", tmp_path / "summary.pdf")
    assert "organiser.reports.summary" in modules, "the report was read"
    loaded = sorted(m for m in modules if m.startswith(EXPORT_NEVER))
    assert loaded == [], f"`organiser export summary` imported {loaded[:5]}"


def test_a_command_run_in_process_leaves_garbage_collection_as_it_found_it(
    demo: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    # A brief command turns collection off while it imports; a program (or a test) that
    # runs it in its own process must get it back on.
    from organiser.app import main

    database, _event = demo
    assert gc.isenabled()
    assert main(["--database", str(database), "events"]) == 0
    assert gc.isenabled()
    assert capsys.readouterr().out.count("\n") >= 1
