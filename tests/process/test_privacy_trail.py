"""A child's name and allergy reach no log, temporary file or crash report, and after the
purge not the database file either (QUALITY.md, Privacy)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
PLANTED = ("Oluwaseun Vantongeren", "Xanthippe-Quorra", "kumquat-zest")


def _encodings(text: str) -> list[bytes]:
    return [text.encode("utf-8"), text.encode("utf-16-le"), text.upper().encode("utf-8")]


def test_planted_personal_data_leaves_no_trace(tmp_path: Path) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    database = tmp_path / "data" / "events.sqlite"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "ORGANISER_DATA_DIR": str(tmp_path / "data"),
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "XDG_DATA_HOME": str(tmp_path / "share"),
        "TMPDIR": str(temp),
    }
    done = subprocess.run(
        [sys.executable, str(HERE / "privacy_app.py"), "--database", str(database)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    out = done.stdout + done.stderr
    assert done.returncode == 0, out
    assert "refused: True" in out  # the impossible date was refused next to its field
    assert "children: 1" in out
    assert "crash dialog: Organiser: Something went wrong" in out
    assert "unexpected RuntimeError" in done.stderr  # the log says what and where, not who
    assert "finished" in out
    for planted in PLANTED:
        assert planted not in out, f"{planted} in the program's output"
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert database in files
    for path in files:
        data = path.read_bytes()
        for planted in PLANTED:
            for encoded in _encodings(planted):
                assert encoded not in data, f"{planted} found in {path.relative_to(tmp_path)}"
