"""Write files whole or not at all: a temporary file in the target folder, then os.replace."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from organiser.core.errors import OrganiserError


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to `path` so an existing file is never left half-written (0600)."""
    folder = path.parent
    if not folder.is_dir():
        raise OrganiserError(f"Cannot save to {path}: the folder {folder} does not exist.")
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise OrganiserError(f"Cannot save to {path}: {exc.strerror or exc}.") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OrganiserError(f"Cannot save to {path}: {exc.strerror or exc}.") from exc
