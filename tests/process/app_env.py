"""The environment of a real Organiser process started by a test: offscreen, with its data
folder, home and settings in the test's own folder, never the person's."""

from __future__ import annotations

import os
from pathlib import Path


def app_env(folder: Path, **more: str) -> dict[str, str]:
    """os.environ with Organiser's data, home and settings under `folder`, plus `more`."""
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "ORGANISER_DATA_DIR": str(folder / "data"),
        "HOME": str(folder),
        "XDG_CONFIG_HOME": str(folder / "config"),
        **more,
    }
