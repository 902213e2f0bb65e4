"""A command that only lists or reads loads only what it needs: `organiser events` imports neither
Qt, ReportLab, the window, the reports, the example event's data nor Alembic (each is a moment
on an old laptop with antivirus reading every file), checked with Python's -X importtime."""

from __future__ import annotations

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


@pytest.mark.parametrize("command", [["events"], ["events", "--all"], ["check"]])
def test_a_command_that_reads_loads_no_window_reports_or_example_data(
    tmp_path: Path, command: list[str]
) -> None:
    database = tmp_path / "organiser.sqlite"
    subprocess.run(
        [sys.executable, "-m", "organiser", "--database", str(database), "demo"],
        capture_output=True,
        check=True,
        timeout=120,
    )
    modules = imported("--database", str(database), *command, home=tmp_path)
    assert "organiser.core.events.service" in modules, "the report was read"
    loaded = sorted(m for m in modules if m.startswith(NEVER))
    assert loaded == [], f"`organiser {' '.join(command)}` imported {loaded[:5]}"
