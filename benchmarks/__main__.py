"""`make bench`: each figure as a ratio measured side by side in one run, plus absolute values."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    """Run every benchmark and print one line per figure."""
    from benchmarks.bytecode import compile_bytecode
    from benchmarks.cli_figures import cli_figures
    from benchmarks.inprocess import run_inprocess
    from benchmarks.kills import main as kills
    from benchmarks.phones import phone_figures
    from benchmarks.postgres import postgres_figures
    from benchmarks.protection import protection_figures
    from benchmarks.roles import roles_figures
    from benchmarks.window_start import window_start

    compile_bytecode()
    with tempfile.TemporaryDirectory(prefix="organiser-bench-") as folder:
        work = Path(folder)
        window_start(work)
        cli_figures(work)
        run_inprocess(work)
        phone_figures(work)  # feedback on phones: Send to shown, and a room of 50 at once
        protection_figures(work)  # a database protected with a password, against plain
        postgres_figures(work)  # a team database beside SQLite, when a server is named
        roles_figures(work)  # reading through a team role's views, against an organiser
    kills()  # kill -9 while typing and while writing: what is lost
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
