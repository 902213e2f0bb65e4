"""Smoke test of a built bundle: run it as a person would, with nothing else to lean on.

    python packaging/smoke.py [BUNDLE] [--compare-venv .venv] [--window-seconds 5]

BUNDLE is the folder PyInstaller made (default: dist/organiser; on macOS the .app's
Contents/MacOS). Each check prints one line, ok or FAILED and why; the exit code is the number
of failed checks. With --compare-venv, the same version run from that virtual environment is
the reference: its messages for wrong files must be the bundle's, and the time each takes to
show its window is printed side by side (both with compiled bytecode).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WINDOWS = sys.platform == "win32"
LINUX = sys.platform.startswith("linux")
# What must never reach a person's terminal from a working window.
BAD_OUTPUT = re.compile(
    r"Traceback|qt\.qpa\.plugin|Could not load the Qt platform plugin|This application failed "
    r"to start|No module named|unexpected \w+Error|cannot open shared object"
)
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8


class Failed(Exception):
    """A check's failure, in words."""


class Smoke:
    """The bundle under test, a private home for it, and the checks' results."""

    def __init__(self, command: list[str], work: Path) -> None:
        self.command = command
        self.work = work
        self.failed = 0
        self.checks = 0
        home = work / "home"
        home.mkdir()
        self.data = work / "data-folder"
        # Nothing of the real user's: a home, data, config and cache of its own.
        self.env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("ORGANISER_", "PYTHON", "QT_"))
        }
        self.env.update(
            HOME=str(home),
            USERPROFILE=str(home),
            APPDATA=str(home / "AppData" / "Roaming"),
            LOCALAPPDATA=str(home / "AppData" / "Local"),
            XDG_DATA_HOME=str(home / ".local" / "share"),
            XDG_CONFIG_HOME=str(home / ".config"),
            XDG_CACHE_HOME=str(home / ".cache"),
            ORGANISER_DATA_DIR=str(self.data),
        )
        self.database = work / "organiser.sqlite"

    def run(self, *args: str, command: list[str] | None = None) -> subprocess.CompletedProcess:
        """One headless command, with a minute to answer."""
        return subprocess.run(
            [*(command or self.command), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            env=self.env,
            timeout=120,
            check=False,
        )

    def ok(self, *args: str) -> str:
        """A command that must succeed: its standard output."""
        done = self.run(*args)
        if done.returncode != 0:
            said = (done.stderr.strip() or done.stdout.strip()).splitlines()[-3:]
            raise Failed(f"exit {done.returncode}: {' / '.join(said)}")
        if BAD_OUTPUT.search(done.stderr):
            raise Failed(f"printed {BAD_OUTPUT.search(done.stderr).group(0)!r}")
        return done.stdout

    def check(self, name: str, test: Callable[[], str]) -> None:
        self.checks += 1
        try:
            found = test()
        except Exception as exc:  # any failure is this check's answer; the others still run
            self.failed += 1
            words = str(exc) if isinstance(exc, Failed) else f"{type(exc).__name__}: {exc}"
            print(f"{name}: FAILED — {words}", flush=True)
        else:
            print(f"{name}: ok ({found})", flush=True)


def expected_version() -> str:
    text = (ROOT / "organiser" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'__version__ = "([^"]+)"', text)
    return found.group(1) if found else "?"


def check_version(smoke: Smoke) -> str:
    said = smoke.ok("--version").strip()
    if said != f"organiser {expected_version()}":
        raise Failed(f"said {said!r}, expected organiser {expected_version()}")
    return said


def check_self_test_untouched(smoke: Smoke) -> str:
    """self-test passes, and writes neither the data folder nor a database it was given."""
    given = smoke.work / "given.sqlite"
    given.write_bytes(b"")
    done = smoke.run("--database", str(given), "self-test")
    if done.returncode != 0 or "FAILED" in done.stdout:
        lines = [line for line in done.stdout.splitlines() if "FAILED" in line]
        raise Failed("; ".join(lines) or done.stderr.strip() or f"exit {done.returncode}")
    if smoke.data.exists():
        raise Failed(f"it created the data folder {smoke.data}")
    data_home = Path(smoke.env["XDG_DATA_HOME"])
    if data_home.exists() and any(data_home.rglob("*")):
        raise Failed(f"it wrote to {data_home}")
    if given.read_bytes() != b"" or len(list(smoke.work.glob("given.sqlite*"))) != 1:
        raise Failed("it wrote to the database named by --database")
    return done.stdout.strip().splitlines()[-1]


def check_demo(smoke: Smoke) -> str:
    said = smoke.ok("demo", "--database", str(smoke.database)).strip()
    if not said.isdigit():
        raise Failed(f"printed {said!r}, not an event id")
    listed = smoke.ok("events", "--database", str(smoke.database))
    if not listed.startswith(f"{said}\t"):
        raise Failed(f"events does not list event {said}: {listed!r}")
    return f"event {said}: {listed.split(chr(9))[2]}"


def check_flyer(smoke: Smoke) -> str:
    from pypdf import PdfReader

    out = smoke.work / "flyer.pdf"
    args = ("export", "flyer", "--database", str(smoke.database), "--event", "1")
    smoke.ok(*args, "--out", str(out))
    reader = PdfReader(out)
    embedded = set()
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            for descendant in font.get("/DescendantFonts", [font]):
                descriptor = descendant.get_object().get("/FontDescriptor")
                if descriptor and "/FontFile2" in descriptor.get_object():
                    embedded.add(str(font["/BaseFont"]).split("+")[-1])
    if not any(name.startswith("AtkinsonHyperlegible") for name in embedded):
        raise Failed(f"Atkinson Hyperlegible is not embedded (fonts: {sorted(embedded)})")
    text = reader.pages[0].extract_text()
    if "Pilates" not in text:
        raise Failed("the example event's title is not on the flyer")
    return f"{len(reader.pages)} page, embeds {', '.join(sorted(embedded))}"


def check_docx(smoke: Smoke) -> str:
    out = smoke.work / "summary.docx"
    args = ("export", "summary-docx", "--database", str(smoke.database), "--event", "1")
    smoke.ok(*args, "--out", str(out))
    with zipfile.ZipFile(out) as docx:
        if docx.testzip() is not None:
            raise Failed("the .docx is a damaged zip")
        body = docx.read("word/document.xml").decode("utf-8")
    if "Pilates" not in body:
        raise Failed("the example event's title is not in the document")
    return f"a valid Word file, {out.stat().st_size / 1024:.0f} KB"


def check_import(smoke: Smoke) -> str:
    """A dry run of each import on what people export: the example Eventbrite report as it is
    and as cp1252, the same as an Excel workbook (openpyxl, loaded only to import), and a
    Chinese file (charset-normalizer, loaded only for such files) — all bundled."""
    from openpyxl import Workbook

    example = ROOT / "docs" / "examples" / "eventbrite-attendees.csv"
    text = example.read_bytes().decode("utf-8-sig")
    windows = smoke.work / "attendees-windows.csv"
    windows.write_bytes(text.replace("Ł", "L").replace("ś", "s").encode("cp1252"))
    book = Workbook()
    for row in csv.reader(io.StringIO(text)):
        book.active.append(row)
    excel = smoke.work / "attendees.xlsx"
    book.save(excel)
    chinese = smoke.work / "names-gb18030.csv"
    chinese.write_bytes("Name,Adults\n王秀英,1\n李明,2\n张伟,1\n".encode("gb18030"))
    for path, wanted in ((example, "6 bookings to add"), (windows, "Windows Western"),
                         (excel, "6 bookings to add"), (chinese, "王秀英")):  # fmt: skip
        args = ("import", "bookings", str(path), "--event", "1", "--dry-run")
        out = smoke.ok(*args, "--database", str(smoke.database))
        if wanted not in out:
            raise Failed(f"{path.name}: {wanted!r} is not in what it printed")
    return "Eventbrite CSV in UTF-8 and cp1252, Excel, and a Chinese CSV: planned as expected"


def _wrong_files(work: Path, database: Path) -> dict[str, Path]:
    """A picture, a damaged database and one from a newer Organiser."""
    folder = work / "wrong"
    folder.mkdir(exist_ok=True)
    picture = folder / "photo.png"
    picture.write_bytes(PNG)
    damaged = folder / "damaged.sqlite"
    data = bytearray(database.read_bytes())
    data[4096 : 4096 * 3] = b"\xff" * (4096 * 2)
    damaged.write_bytes(bytes(data))
    newer = folder / "newer.sqlite"
    shutil.copyfile(database, newer)
    with contextlib.closing(sqlite3.connect(newer)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    return {"picture": picture, "damaged": damaged, "newer": newer}


def _answer(smoke: Smoke, command: list[str] | None, path: Path, work: Path) -> tuple:
    done = smoke.run("events", "--database", str(path), command=command)
    words = done.stderr.replace(str(work), "WORK").strip()
    return done.returncode, words


def check_wrong_files(smoke: Smoke, reference: list[str] | None) -> str:
    """Wrong files are refused with one line, left byte for byte, as the venv does."""
    smoke.run("backup", "--database", str(smoke.database))  # settle the WAL into the file
    for name, path in _wrong_files(smoke.work, smoke.database).items():
        before = path.read_bytes()
        siblings = sorted(path.parent.iterdir())
        code, words = _answer(smoke, None, path, smoke.work)
        if code == 0 or len(words.splitlines()) != 1 or "Traceback" in words:
            raise Failed(f"{name}: exit {code}, said {words!r}")
        if path.read_bytes() != before or sorted(path.parent.iterdir()) != siblings:
            raise Failed(f"{name}: the file or its folder was changed")
        if reference is not None:
            theirs = _answer(smoke, reference, path, smoke.work)
            if theirs != (code, words):
                raise Failed(f"{name}: the bundle said {words!r}, the venv {theirs[1]!r}")
    return "a picture, a damaged and a newer file: refused in one line, unchanged" + (
        ", as the venv says" if reference else ""
    )


@contextlib.contextmanager
def virtual_screen(env: dict[str, str]) -> Iterator[None]:
    """On Linux with no display, an Xvfb screen of 1366×768 for the window's checks."""
    if not LINUX or env.get("DISPLAY"):
        yield
        return
    if shutil.which("Xvfb") is None:
        raise Failed("no display and no Xvfb (apt-get install xvfb)")
    read, write = os.pipe()
    # -noreset: by default Xvfb resets when its last client leaves, and a window started
    # during that reset cannot connect ("no Qt platform plugin could be initialized").
    screen = ["-screen", "0", "1366x768x24", "-nolisten", "tcp", "-noreset"]
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), *screen],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as answer:
        number = answer.readline().strip()
    env["DISPLAY"] = f":{number}"
    try:
        yield
    finally:
        server.terminate()
        server.wait(10)
        del env["DISPLAY"]


def _window_shown(pid: int, env: dict[str, str]) -> bool:
    """Whether the process has a visible top-level window (X through xdotool; Windows)."""
    if WINDOWS:
        return _windows_window_shown(pid)
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--pid", str(pid)],
        capture_output=True,
        env=env,
        check=False,
    )
    return found.returncode == 0 and bool(found.stdout.strip())


def _windows_window_shown(pid: int) -> bool:
    import ctypes
    from ctypes import wintypes

    user32 = ctypes.windll.user32  # type: ignore[attr-defined]
    seen = []

    @ctypes.WINFUNCTYPE(wintypes.BOOL, wintypes.HWND, wintypes.LPARAM)
    def each(hwnd: int, _param: int) -> bool:
        owner = wintypes.DWORD()
        user32.GetWindowThreadProcessId(hwnd, ctypes.byref(owner))
        if owner.value == pid and user32.IsWindowVisible(hwnd):
            seen.append(hwnd)
        return True

    user32.EnumWindows(each, 0)
    return bool(seen)


def can_see_windows() -> bool:
    """Whether this machine can tell that a window was shown (macOS cannot, here)."""
    return WINDOWS or (LINUX and shutil.which("xdotool") is not None)


def open_window(smoke: Smoke, command: list[str], seconds: float) -> float | None:
    """Start the window; it must stay up `seconds` without an error, then close on SIGTERM.

    Returns the seconds until its window was mapped, where xdotool can tell.
    """
    with tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace") as errors:
        started = time.perf_counter()
        process = subprocess.Popen(
            [*command, "--database", str(smoke.database)],
            stdout=subprocess.DEVNULL,
            stderr=errors,
            env=smoke.env,
        )
        shown = None
        timed = can_see_windows()
        # Up for `seconds`, and (where it can be seen) until its window is shown, within 60 s.
        while process.poll() is None:
            elapsed = time.perf_counter() - started
            if elapsed >= seconds and (shown is not None or not timed or elapsed > 60):
                break
            if timed and shown is None and _window_shown(process.pid, smoke.env):
                shown = time.perf_counter() - started
            time.sleep(0.02 if shown is None else 0.2)
        alive = process.poll() is None
        if alive:
            process.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(20)
            if process.poll() is None:
                process.kill()
        errors.seek(0)
        said = errors.read()
    if not alive:
        raise Failed(f"the window closed by itself (exit {process.returncode}): {said[-300:]!r}")
    if said.strip():  # a window that opened cleanly says nothing (a start-up problem does)
        raise Failed(f"it printed: {said.strip()[-300:]!r}")
    if timed and shown is None:
        raise Failed("no window appeared")
    if not WINDOWS and process.returncode != 0:  # Windows has no SIGTERM: terminate() kills
        raise Failed(f"it did not close cleanly on SIGTERM (exit {process.returncode})")
    return shown


def check_window(smoke: Smoke, seconds: float) -> str:
    if LINUX and shutil.which("xdotool") is None:
        raise Failed("cannot see whether a window opened: apt-get install xdotool")
    shown = open_window(smoke, window_command(smoke.command), seconds)
    when = f"shown after {shown:.2f} s, " if shown is not None else ""
    return f"{when}up {seconds:.0f} s with no error, closed cleanly"


def compiled_venv(venv: Path) -> list[str]:
    """The venv's organiser, with its packages and Organiser compiled to bytecode as an
    installed copy would be (this machine's PYTHONDONTWRITEBYTECODE would hide that)."""
    python = venv / ("Scripts/python.exe" if WINDOWS else "bin/python")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(
        [str(python), "-m", "compileall", "-q", "-j0", str(venv), str(ROOT / "organiser")],
        env=env,
        capture_output=True,
        check=False,
    )
    return [str(python), "-m", "organiser"]


def check_start_time(smoke: Smoke, reference: list[str], runs: int) -> str:
    """Time to the window shown: the bundle against the venv, side by side (a figure to
    report, never a failure: a shared machine's noise is not a broken bundle)."""
    if not can_see_windows():
        return "not measured: this machine cannot see windows"
    bundle: list[float] = []
    venv: list[float] = []
    missed = ""
    for _ in range(runs):
        shown = open_window(smoke, window_command(smoke.command), 0.5)
        bundle.append(shown if shown is not None else float("nan"))
        try:
            shown = open_window(smoke, reference, 0.5)
        except Failed as exc:  # the venv's trouble is not the bundle's: fewer figures, said
            missed = f"; a venv run failed: {str(exc)[:80]}"
            continue
        venv.append(shown if shown is not None else float("nan"))
    if not venv:
        return f"not measured: the venv's window did not start{missed}"
    ours, theirs = statistics.median(bundle), statistics.median(venv)
    verdict = f"{ours / theirs:.2f}× the venv (bundle {ours * 1000:.0f} ms, "
    return verdict + f"venv {theirs * 1000:.0f} ms, median of {runs}; goal ≤ 1.00×){missed}"


def window_command(command: list[str]) -> list[str]:
    """What a person starts: on Windows the windowed organiser.exe, not the console twin."""
    if WINDOWS:
        return [str(Path(command[0]).with_name("organiser.exe"))]
    return command


def executable(bundle: Path) -> list[str]:
    """The bundle's command-line executable."""
    if (bundle / "Contents" / "MacOS").is_dir():
        bundle = bundle / "Contents" / "MacOS"
    name = "organiser-cli.exe" if WINDOWS else "organiser"
    path = bundle / name
    if not path.is_file():
        raise SystemExit(f"smoke: no {name} in {bundle}; build it with make bundle")
    return [str(path)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bundle", nargs="?", default=str(ROOT / "dist" / "organiser"))
    parser.add_argument("--compare-venv", metavar="VENV", help="the venv to compare with")
    parser.add_argument("--window-seconds", type=float, default=5.0)
    parser.add_argument("--runs", type=int, default=5, help="start-time runs of each")
    args = parser.parse_args()
    command = executable(Path(args.bundle))
    reference = compiled_venv(Path(args.compare_venv)) if args.compare_venv else None
    print(f"smoke test of {command[0]}", flush=True)
    with tempfile.TemporaryDirectory(prefix="organiser-smoke-") as name:
        smoke = Smoke(command, Path(name))
        smoke.check("--version", lambda: check_version(smoke))
        smoke.check("self-test", lambda: check_self_test_untouched(smoke))
        smoke.check("demo and events", lambda: check_demo(smoke))
        smoke.check("export flyer", lambda: check_flyer(smoke))
        smoke.check("export summary-docx", lambda: check_docx(smoke))
        smoke.check("wrong files", lambda: check_wrong_files(smoke, reference))
        smoke.check("import", lambda: check_import(smoke))
        try:
            with virtual_screen(smoke.env):
                smoke.check("window", lambda: check_window(smoke, args.window_seconds))
                if reference is not None:
                    smoke.check(
                        "window start time",
                        lambda: check_start_time(smoke, reference, args.runs),
                    )
        except Failed as exc:
            smoke.checks += 1
            smoke.failed += 1
            print(f"window: FAILED — {exc}", flush=True)
    # The plain closing line CI reads as a count of tests.
    print(f"smoke: {smoke.checks - smoke.failed} passed, {smoke.failed} failed")
    return min(smoke.failed, 100)


if __name__ == "__main__":
    raise SystemExit(main())
