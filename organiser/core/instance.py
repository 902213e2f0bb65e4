"""Is a running Organiser window holding this database? (reads the window's lock file)"""

from __future__ import annotations

import os
from pathlib import Path


def lock_path(database: Path) -> Path:
    """The lock file the window keeps beside its database."""
    return database.with_name(database.name + ".lock")


def held_by_running_app(database: Path, *, other_than_me: bool = False) -> bool:
    """True when the lock file names a process that is still alive (`other_than_me`: one
    that is not this process)."""
    try:
        first = lock_path(database).read_text(encoding="utf-8", errors="replace").split()[0]
        pid = int(first)
    except (OSError, IndexError, ValueError):
        return False
    if other_than_me and pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
