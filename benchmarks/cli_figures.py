"""The command line against its references, whole processes measured side by side in one run:

- `organiser events` and `organiser export flyer` against a bare Python process that imports
  SQLAlchemy's ORM and ReportLab and writes a one-paragraph PDF (goal ≤ 1.3×);
- `organiser export summary` against LibreOffice converting the same report's .docx to PDF
  (goal: at least 2× faster), where `soffice` is installed;
- `organiser events` on a PostgreSQL server, when one is named (as benchmarks/postgres.py).

`python -m benchmarks.cli_figures` runs these alone.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

RUNS = 7
BARE_PDF = """\
import sys

import sqlalchemy.orm  # noqa: F401
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate

document = SimpleDocTemplate(sys.argv[1], pagesize=A4)
document.build([Paragraph("A one-paragraph PDF.", getSampleStyleSheet()["Normal"])])
"""
Command = Sequence[str]


def _organiser(database: str, *args: str) -> list[str]:
    return [sys.executable, "-m", "organiser", "--database", database, *args]


def _run(command: Command, env: dict[str, str]) -> float:
    """One whole process, in ms; a failure stops the bench with the command's own words."""
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    elapsed = (time.perf_counter() - started) * 1000
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed: {done.stderr.strip()[-500:]}")
    return elapsed


def _medians(commands: dict[str, Command], env: dict[str, str]) -> dict[str, float]:
    """Median ms of each command, run in turns so a busy moment hits them all alike."""
    for command in commands.values():
        _run(command, env)  # warm the file cache; the first open makes the daily backup
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(RUNS):
        for name, command in commands.items():
            times[name].append(_run(command, env))
    return {name: statistics.median(found) for name, found in times.items()}


def _against_bare(what: str, app: float, bare: float) -> str:
    return (
        f"{what}: {app / bare:.2f}× a bare ORM + ReportLab PDF process "
        f"({app:.0f} ms, bare {bare:.0f} ms; goal ≤ 1.3×)"
    )


def _soffice(work: Path, docx: Path) -> list[str] | None:
    found = shutil.which("soffice")
    if found is None:
        return None
    # A profile of its own, made by the warm-up run: the user's is never touched.
    profile = (work / "soffice-profile").as_uri()
    out = work / "soffice-out"
    out.mkdir(exist_ok=True)
    return [
        found,
        f"-env:UserInstallation={profile}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(out),
        str(docx),
    ]


def _postgres_events(env: dict[str, str], bare: Command) -> None:
    """`organiser events` on the named PostgreSQL server, against the bare PDF process."""
    # Imported here: benchmarks.postgres loads Qt for its other figures.
    from benchmarks.postgres import BENCH_ENV, server_url, throwaway_schema

    server = server_url()
    if not server:
        print(f"organiser events on PostgreSQL: not measured (set {BENCH_ENV})")
        return
    try:
        with throwaway_schema(server) as url:
            done = subprocess.run(
                _organiser(url, "demo"), capture_output=True, text=True, env=env, check=False
            )
            if done.returncode != 0:
                raise RuntimeError(done.stderr.strip().splitlines()[-1])
            found = _medians({"bare": bare, "events": _organiser(url, "events")}, env)
    except Exception as exc:  # a server that cannot be reached: said, not a failed bench
        reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        print(f"organiser events on PostgreSQL: not measured ({reason})")
        return
    print(_against_bare("organiser events on PostgreSQL", found["events"], found["bare"]))


def cli_figures(work: Path) -> None:
    """Print the command line's figures beside their goals (and say which were skipped)."""
    folder = work / "cli-figures"
    folder.mkdir()
    # HOME kept: a PostgreSQL password may be in ~/.pgpass.
    env = {**os.environ, "ORGANISER_DATA_DIR": str(folder)}
    database = str(folder / "demo.sqlite")
    made = subprocess.run(
        _organiser(database, "demo"), capture_output=True, text=True, env=env, check=True
    )
    event = made.stdout.strip().splitlines()[-1]
    script = folder / "bare_pdf.py"
    script.write_text(BARE_PDF, encoding="utf-8")

    def export(kind: str, out: str) -> list[str]:
        return _organiser(database, "export", kind, "--event", event, "--out", str(folder / out))

    docx = folder / "summary.docx"
    _run(export("summary-docx", docx.name), env)
    bare = [sys.executable, str(script), str(folder / "bare.pdf")]
    commands: dict[str, Command] = {
        "bare": bare,
        "events": _organiser(database, "events"),
        "flyer": export("flyer", "flyer.pdf"),
        "summary": export("summary", "summary.pdf"),
    }
    soffice = _soffice(folder, docx)
    if soffice is not None:
        commands["soffice"] = soffice
    found = _medians(commands, env)
    print(_against_bare("organiser events (demo database)", found["events"], found["bare"]))
    print(_against_bare("organiser export flyer", found["flyer"], found["bare"]))
    summary = found["summary"]
    if soffice is None:
        print(
            f"organiser export summary: {summary:.0f} ms; the comparison with LibreOffice was "
            "skipped: soffice is not on PATH (goal: at least 2× faster than soffice "
            "converting the report's .docx to PDF)"
        )
    else:
        print(
            f"organiser export summary: {found['soffice'] / summary:.2f}× faster than "
            f"LibreOffice converting its .docx to PDF ({summary:.0f} ms, soffice "
            f"{found['soffice']:.0f} ms; goal ≥ 2×)"
        )
    _postgres_events(env, bare)


def main() -> int:
    """Only the command line's figures, with compiled bytecode as a real install has it."""
    from benchmarks.bytecode import compile_bytecode

    compile_bytecode()
    with tempfile.TemporaryDirectory(prefix="organiser-bench-") as folder:
        cli_figures(Path(folder))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
