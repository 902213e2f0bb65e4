"""`organiser self-test`: try every part Organiser loads only when it is first used.

A bundle or an install that lacks a file (the migrations, a font, ReportLab's barcode modules,
python-docx's templates, a Qt plugin) works until the day that feature is used. This tries
each of them in a temporary folder, one line per part, and never opens the person's own
database or data folder.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from organiser import __version__


@dataclass
class Outcome:
    """What the parts said: one line each, and how many failed."""

    lines: list[str] = field(default_factory=list)
    failed: int = 0

    def part(self, name: str, check: Callable[[], str]) -> str | None:
        """Run one part; its line says ok and what it found, or the error in words."""
        try:
            found = check()
        except Exception as exc:  # any failure is this part's answer, not a crash
            self.failed += 1
            words = str(exc).strip().splitlines()
            self._say(f"{name}: FAILED — {type(exc).__name__}: {words[0] if words else ''}")
            return None
        self._say(f"{name}: ok ({found})")
        return found

    def _say(self, line: str) -> None:
        self.lines.append(line)
        print(line, flush=True)


@contextmanager
def _folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="organiser-self-test-") as name:
        yield Path(name)


def _kind(data: bytes, suffix: str) -> str:
    """Check a document's bytes are what its suffix says, and say so."""
    size = f"{len(data) / 1024:,.0f} KB"
    if suffix == ".pdf" and data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:]:
        return f"PDF, {size}"
    if suffix == ".docx" and data.startswith(b"PK\x03\x04"):
        import io
        import zipfile

        with zipfile.ZipFile(io.BytesIO(data)) as docx:
            if docx.testzip() is None and "word/document.xml" in docx.namelist():
                return f"Word document, {size}"
    if suffix == ".ics" and data.startswith(b"BEGIN:VCALENDAR"):
        return f"calendar, {size}"
    raise ValueError(f"not a valid {suffix} file ({data[:16]!r}…)")


def run_self_test() -> int:
    """Try each part; exit 0 when every one works."""
    frozen = "bundle" if getattr(sys, "frozen", False) else f"Python {sys.version.split()[0]}"
    print(f"organiser {__version__} self-test ({frozen}), in a temporary folder", flush=True)
    started = time.perf_counter()
    outcome = Outcome()
    with _folder() as folder:
        _parts(outcome, folder)
    took = time.perf_counter() - started
    total = len(outcome.lines)
    if outcome.failed:
        print(f"{outcome.failed} of {total} parts failed ({took:.1f} s).", file=sys.stderr)
        return 1
    print(f"All {total} parts work ({took:.1f} s).")
    return 0


def _parts(outcome: Outcome, folder: Path) -> None:
    pdf: dict[str, bytes] = {}
    _database_parts(outcome, folder, pdf)
    outcome.part("print fonts", _fonts)
    outcome.part("every script", _scripts)
    svg: list[bytes] = []
    outcome.part("chart", lambda: _chart(svg))
    outcome.part("QR code", _qr)
    outcome.part("team database driver", _driver)
    outcome.part("protected database", lambda: _protected(folder))

    def window() -> str:
        from organiser.ui.selftest import check_window_parts

        return check_window_parts(pdf.get("flyer"), svg[0] if svg else None)

    outcome.part("window parts", window)


def _database_parts(outcome: Outcome, folder: Path, pdf: dict[str, bytes]) -> None:
    """A new database, migrated; the example event in it; every document printed from it."""
    from organiser.core.db import Store
    from organiser.core.demo import add_demo_event
    from organiser.core.opening import open_store
    from organiser.core.paths import database_url
    from organiser.documents import DOCUMENTS

    opened: list[Store] = []

    def database() -> str:
        from organiser.core import migrate

        opened.append(open_store(database_url(str(folder / "self-test.sqlite"))))
        return f"created and migrated to revision {migrate.head_revision()}"

    if outcome.part("database", database) is None:
        return
    with closing(opened[0]) as store:
        event: list[int] = []

        def example() -> str:
            event.append(add_demo_event(store))
            return f"event {event[0]} added"

        if outcome.part("example event", example) is None:
            return
        for kind, document in DOCUMENTS.items():

            def render(kind: str = kind, suffix: str = document.suffix) -> str:
                options: dict[str, object] = dict.fromkeys(DOCUMENTS[kind].options)
                options.update(DOCUMENTS[kind].sample)
                if DOCUMENTS[kind].warns:
                    options["warn"] = lambda _message: None
                data = DOCUMENTS[kind].render(store, event[0], None, **options)
                pdf[kind] = data
                return _kind(data, suffix)

            outcome.part(f"document {kind}", render)


def _fonts() -> str:
    from reportlab.pdfbase import pdfmetrics

    from organiser.reports.fonts import BOLD, FALLBACK, REGULAR, register_fonts

    register_fonts()
    names = [pdfmetrics.getFont(name).face.name for name in (REGULAR, BOLD, FALLBACK)]
    return ", ".join(n.decode() if isinstance(n, bytes) else str(n) for n in names)


def _scripts() -> str:
    """A line in each community script, printed in its font and shaped."""
    from reportlab.lib.pagesizes import A4

    from organiser.reports.fonts import SCRIPTS, font_runs
    from organiser.reports.pages import build_pdf, para
    from organiser.reports.styles import BODY

    samples = {
        "Arabic": "مرحبا بكم",
        "Bengali": "স্বাগতম",
        "Devanagari": "स्वागत है",
        "Gujarati": "સ્વાગત છે",
        "Gurmukhi": "ਜੀ ਆਇਆਂ ਨੂੰ",
        "Tamil": "வரவேற்கிறோம்",
    }
    fonts = {script: name for name, (script, _path, _blocks) in SCRIPTS.items()}
    for script, text in samples.items():
        used = {name for name, run in font_runs(text) if run.strip()}
        if used != {fonts[script]}:
            raise RuntimeError(f"{script} prints in {', '.join(sorted(used))}")
    pdf = build_pdf([para(t, BODY) for t in samples.values()], pagesize=A4, title="t", subject="s")
    missing = [s for s in samples if fonts[s].encode() not in pdf]
    if missing:
        raise RuntimeError(f"not printed in its font: {', '.join(missing)}")
    if "uharfbuzz._harfbuzz" not in sys.modules:
        raise RuntimeError("not shaped: HarfBuzz (uharfbuzz) could not be loaded")
    return f"{len(samples)} scripts shaped ({', '.join(samples)}), {len(pdf) // 1024} KB"


def _chart(svg: list[bytes]) -> str:
    from xml.dom import minidom

    from organiser.core.feedback.documents import Chart
    from organiser.reports.charts import distribution_chart, to_svg

    chart = Chart(question="Self-test", counts=(("Yes", 3), ("No", 1)), answered=4, note="")
    data = to_svg(distribution_chart(chart, width=400))
    minidom.parseString(data)
    svg.append(data)
    return f"SVG, {len(data) / 1024:,.0f} KB"


def _qr() -> str:
    from organiser.reports.flyer_art import qr_modules

    modules = qr_modules("https://example.org/book")
    if not modules:
        raise RuntimeError("no QR code was made")
    return f"{len(modules)}×{len(modules)} modules"


def _protected(folder: Path) -> str:
    """A database protected with a password, written and read back through SQLCipher, and
    none of its words left readable in the file."""
    from organiser.core import protection
    from organiser.core.events.reading import list_events
    from organiser.core.events.service import create_event
    from organiser.core.opening import open_store
    from organiser.core.paths import database_url

    path = folder / "protected.sqlite"
    url = database_url(str(path))
    with closing(open_store(url, daily_backup=False)) as store:
        create_event(store, title="Self-test protected event")
    key = protection.protect_database(path, "self-test password").key
    protection.remove_plain_copy(path)
    protection.forget(path)
    protection.remember(path, protection.unlock(path, "self-test password"))
    with closing(open_store(url, daily_backup=False)) as store:
        titles = [e.title for e in list_events(store)]
    if titles != ["Self-test protected event"] or b"Self-test" in path.read_bytes():
        raise ValueError("the protected database did not read back as written")
    if protection.unlock(path, key.recovery) != key:
        raise ValueError("the recovery key did not open it")
    return f"SQLCipher {protection.cipher_version()}: written, read back, no words in the file"


def _driver() -> str:
    try:
        import psycopg
    except ImportError:
        if getattr(sys, "frozen", False):
            raise
        return "not installed: pip install 'organiser[postgres]' for a team database"
    from sqlalchemy.dialects.postgresql import psycopg as _dialect  # noqa: F401

    return f"psycopg {psycopg.__version__}, {psycopg.pq.__impl__} implementation"
