"""Start-up as a person sees it, each figure against a bare PySide6 window with five empty tabs
started alternately in the same run: launch → the first window drawn, and launch → the last
event's overview drawn (the title names the event), on the example event, on a large database
(50 events, 10,000 bookings, 200 meetings with long notes) and, where a server is named, on a
team database holding the same large data; peak memory at the first window."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from contextlib import ExitStack, closing
from dataclasses import dataclass
from pathlib import Path

from benchmarks.creche import add_bookings
from benchmarks.data import fill
from benchmarks.postgres import server_url, throwaway_schema, why_unreachable
from organiser.core.demo import add_demo_event
from organiser.core.events.service import list_events
from organiser.core.opening import open_store

RUNS = 7


@dataclass
class Start:
    """One launch: milliseconds to the first frame and to the event's overview, peak KiB."""

    first_ms: float
    event_ms: float
    first_kib: int


def launch(args: list[str], env: dict[str, str]) -> Start:
    """Start benchmarks.startup in a fresh process, timed from this process's clock."""
    started = time.time()
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.startup", *args],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=120,
    )
    first, event, first_kib, _event_kib = done.stdout.split()[-4:]
    return Start((float(first) - started) * 1000, (float(event) - started) * 1000, int(first_kib))


def _large(url: str) -> None:
    """50 events with 200 meetings, and 10,000 bookings on the event the window opens first."""
    with closing(open_store(url, daily_backup=False)) as store:
        fill(store)
        add_bookings(store, list_events(store)[0].id)


def _databases(work: Path, stack: ExitStack) -> dict[str, str]:
    """What is opened: the example event, the large database, the large team database."""
    example = f"sqlite:///{work / 'example.sqlite'}"
    with closing(open_store(example, daily_backup=False)) as store:
        add_demo_event(store)
    urls = {"the example event": example, "a large database": f"sqlite:///{work / 'large.sqlite'}"}
    _large(urls["a large database"])
    server = server_url()
    why_not = why_unreachable(server) if server else "no server named"
    if server and why_not is None:
        urls["a large team database (PostgreSQL)"] = team = stack.enter_context(
            throwaway_schema(server)
        )
        _large(team)
    else:
        print(f"  event open on PostgreSQL: not measured ({why_not})")
    return urls


def window_start(work: Path) -> None:
    """Print the start-up figures, each beside its goal."""
    with ExitStack() as stack:
        urls = _databases(work, stack)
        # Settings in the bench's folder, HOME kept (a team database may need ~/.pgpass).
        env = {
            **os.environ,
            "ORGANISER_DATA_DIR": str(work / "data"),
            "XDG_CONFIG_HOME": str(work / "config"),
        }
        for url in urls.values():
            launch(["app", url], env)  # the first start makes the daily backup; not timed
        bare: list[Start] = []
        app: dict[str, list[Start]] = {name: [] for name in urls}
        for _ in range(RUNS):  # alternating, so a busy moment of the machine hits all alike
            bare.append(launch(["bare"], env))
            for name, url in urls.items():
                app[name].append(launch(["app", url], env))
    bare_ms = statistics.median(s.first_ms for s in bare)
    everything = [s for starts in app.values() for s in starts]
    first = statistics.median(s.first_ms for s in everything)
    print(
        f"first window: {first / bare_ms:.2f}× a bare five-tab window "
        f"({first:.0f} ms against {bare_ms:.0f} ms; goal ≤ 1.5×)"
    )
    for name, starts in app.items():
        event = statistics.median(s.event_ms for s in starts)
        print(
            f"last event's overview shown, {name}: {event / bare_ms:.2f}× a bare window "
            f"({event:.0f} ms; goal ≤ 3.5×)"
        )
    peak, bare_peak = max(s.first_kib for s in everything), max(s.first_kib for s in bare)
    print(
        f"peak memory at the first window: {peak / bare_peak:.2f}× a bare window "
        f"({peak / 1024:.0f} MiB against {bare_peak / 1024:.0f} MiB; goal ≤ 1.2×)"
    )


if __name__ == "__main__":  # these figures alone: python -m benchmarks.window_start
    import tempfile

    with tempfile.TemporaryDirectory(prefix="organiser-bench-") as folder:
        window_start(Path(folder))
