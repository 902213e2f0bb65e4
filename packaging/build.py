"""Build this platform's bundle into dist/ with PyInstaller, then its installer or archive.

    python packaging/build.py [all|bundle|installer]
                (make bundle runs it in build/bundle-venv, then the smoke test)

Linux: dist/organiser/ and dist/organiser-VERSION-linux-ARCH.tar.gz (with a .desktop file, the
icon and install.sh). macOS: dist/Organiser.app and dist/Organiser-VERSION-macos.dmg. Windows:
dist/organiser/ and, where Inno Setup's ISCC is on the PATH, dist/Organiser-VERSION-setup.exe.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
DIST = ROOT / "dist"
BUNDLE = DIST / "organiser"
MIB = 1024 * 1024
# The Linux bundle's budget (issue 14): unpacked, stripped; and its archive.
LINUX_MAX_UNPACKED = 230 * MIB
LINUX_MAX_ARCHIVE = 100 * MIB


def version() -> str:
    text = (ROOT / "organiser" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'__version__ = "([^"]+)"', text)
    assert found, "organiser/__init__.py names its version"
    return found.group(1)


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def glibc_baseline(folder: Path) -> str:
    """The newest glibc symbol version any bundled binary asks for: the oldest glibc it runs on."""
    newest = (2, 0)
    pattern = re.compile(rb"GLIBC_2\.(\d+)(?:\.(\d+))?\x00")
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) != b"\x7fELF":
                    continue
                for minor, _patch in pattern.findall(handle.read()):
                    newest = max(newest, (2, int(minor)))
    return f"{newest[0]}.{newest[1]}"


def pyinstaller() -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            str(PACKAGING / "organiser.spec"),
            "--noconfirm",
            "--clean",
            "--log-level=WARN",
            f"--distpath={DIST}",
            f"--workpath={ROOT / 'build' / 'pyinstaller'}",
        ],
        check=True,
        cwd=ROOT,
    )


def linux(name: str) -> Path:
    for extra in ("linux/organiser.desktop", "linux/install.sh"):
        shutil.copy2(PACKAGING / extra, BUNDLE / Path(extra).name)
    shutil.copy2(ROOT / "resources" / "organiser.png", BUNDLE / "organiser.png")
    archive = DIST / f"{name}-linux-{platform.machine()}.tar.gz"
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(BUNDLE, arcname=name)
    unpacked = folder_size(BUNDLE)
    print(f"bundle: {unpacked / MIB:.0f} MiB unpacked (at most {LINUX_MAX_UNPACKED // MIB})")
    print(f"archive: {archive.name}, {archive.stat().st_size / MIB:.0f} MiB (under 100)")
    print(f"glibc baseline: {glibc_baseline(BUNDLE)} (runs on that glibc and newer)")
    if unpacked > LINUX_MAX_UNPACKED or archive.stat().st_size >= LINUX_MAX_ARCHIVE:
        raise SystemExit("build: the bundle is over its size budget")
    return archive


def macos(name: str) -> Path:
    staging = DIST / "dmg"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    shutil.copytree(DIST / "Organiser.app", staging / "Organiser.app", symlinks=True)
    (staging / "Applications").symlink_to("/Applications")
    image = DIST / f"{name.capitalize()}-macos.dmg"
    image.unlink(missing_ok=True)
    subprocess.run(
        [
            *("hdiutil", "create", "-volname", "Organiser", "-srcfolder", str(staging)),
            *("-ov", "-format", "UDZO", str(image)),
        ],
        check=True,
    )
    shutil.rmtree(staging)
    return image


def windows(name: str) -> Path | None:
    iscc = shutil.which("iscc") or shutil.which(r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe")
    if iscc is None:
        print("installer: Inno Setup (ISCC) not found; the folder dist/organiser is built")
        return None
    subprocess.run(
        [
            *(iscc, f"/DAppVersion={version()}", f"/DBundleDir={BUNDLE}", f"/O{DIST}"),
            str(PACKAGING / "windows" / "organiser.iss"),
        ],
        check=True,
    )
    return DIST / f"{name.capitalize()}-setup.exe"


def installer(name: str) -> Path | None:
    """This platform's archive or installer of the bundle already in dist/."""
    if sys.platform.startswith("linux"):
        return linux(name)
    if sys.platform == "darwin":
        return macos(name)
    return windows(name)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "step",
        nargs="?",
        choices=("all", "bundle", "installer"),
        default="all",
        help="bundle: PyInstaller only; installer: package the bundle in dist/ (so the "
        "executables can be signed in between); all: both (default)",
    )
    step = parser.parse_args().step
    started = time.perf_counter()
    if step in ("all", "bundle"):
        for old in DIST.glob("*"):
            shutil.rmtree(old) if old.is_dir() and not old.is_symlink() else old.unlink()
        pyinstaller()
    if step in ("all", "installer"):
        made = installer(f"organiser-{version()}")
        if made is not None:
            print(f"made: {made.relative_to(ROOT)}")
    print(f"build: {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    os.chdir(ROOT)
    raise SystemExit(main())
