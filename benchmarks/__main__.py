"""`make bench`: each figure as a ratio measured side by side in one run, plus absolute values."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.data import fill
from organiser.core.opening import open_store

RUNS = 7


def _child(args: list[str], env: dict[str, str]) -> tuple[float, int]:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.startup", *args],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    elapsed = time.perf_counter() - started
    return elapsed, int(done.stdout.strip().splitlines()[-1])


def cold_start(work: Path) -> None:
    """The app on a large database against a bare PySide6 window with five tabs."""
    database = work / "large.sqlite"
    store = open_store(f"sqlite:///{database}")
    fill(store)
    store.close()
    env = {**os.environ, "ORGANISER_DATA_DIR": str(work), "HOME": str(work)}
    app_times, bare_times, app_mem, bare_mem = [], [], [], []
    _child(["app", str(database)], env)  # first run makes the daily backup; not timed
    for _ in range(RUNS):
        seconds, memory = _child(["bare"], env)
        bare_times.append(seconds)
        bare_mem.append(memory)
        seconds, memory = _child(["app", str(database)], env)
        app_times.append(seconds)
        app_mem.append(memory)
    app, bare = statistics.median(app_times), statistics.median(bare_times)
    print(
        f"cold start to window shown (50 events): {app / bare:.2f}× a bare window "
        f"(app {app * 1000:.0f} ms, bare {bare * 1000:.0f} ms; goal ≤ 1.5×)"
    )
    peak, bare_peak = max(app_mem), max(bare_mem)
    print(
        f"peak memory: {peak / bare_peak:.2f}× a bare window "
        f"(app {peak / 1024:.0f} MiB, bare {bare_peak / 1024:.0f} MiB)"
    )


def main() -> int:
    """Run every benchmark and print one line per figure."""
    from benchmarks.inprocess import run_inprocess
    from benchmarks.kills import main as kills
    from benchmarks.postgres import postgres_figures

    with tempfile.TemporaryDirectory(prefix="organiser-bench-") as folder:
        work = Path(folder)
        cold_start(work)
        run_inprocess(work)
        postgres_figures(work)  # a team database beside SQLite, when a server is named
    kills()  # kill -9 while typing and while writing: what is lost
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
