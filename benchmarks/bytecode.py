"""Compiled bytecode before anything is timed, as a real install has it: these machines set
PYTHONDONTWRITEBYTECODE, so every start would otherwise compile every module again."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
from pathlib import Path


def compile_bytecode() -> None:
    """Compile Organiser, the benchmarks and the environment's packages."""
    root = Path(__file__).resolve().parent.parent
    packages = sysconfig.get_paths()["purelib"]
    subprocess.run(
        [
            *(sys.executable, "-m", "compileall", "-q", "-j", "0"),
            *(str(root / "organiser"), str(root / "benchmarks"), packages),
        ],
        check=False,  # a package's own broken test file must not stop the bench
        stdout=subprocess.DEVNULL,
    )
