"""Render each tab (and each Planning section) of the example event into PNG files."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ["QT_QPA_PLATFORM"] == "offscreen":  # a 1366×768 laptop's screen, not 800×800
    LAPTOP = Path(__file__).resolve().parent.parent / "tests" / "laptop-screen.json"
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={LAPTOP}"

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from benchmarks.flyer import flyer_pngs, pdf_png
from benchmarks.import_shots import import_pngs
from benchmarks.phone_shots import card_png, dialog_png, phone_pngs
from benchmarks.report import summary_pngs
from benchmarks.roles_shots import roles_pngs
from benchmarks.safety_shots import protection_pngs, read_only_pngs
from benchmarks.team_shots import team_pngs
from organiser.core.db import Store
from organiser.core.demo import add_demo_event
from organiser.core.opening import open_store
from organiser.core.planning.service import programme_sheet
from organiser.documents import DOCUMENTS
from organiser.reports.programme import render_programme
from organiser.ui.creche.tab import SECTIONS as CRECHE_PAGES
from organiser.ui.main_window import MainWindow
from organiser.ui.planning.tab import SECTIONS
from organiser.ui.print_chooser import choose_and_print
from organiser.ui.printing import printable
from organiser.ui.style import apply_style, apply_zoom


def _settle(app: QApplication, ready: Callable[[], bool], seconds: float = 5.0) -> None:
    """Process events until `ready` (a render on a worker thread), then let QtPdf draw."""
    deadline = time.monotonic() + seconds
    while not ready() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    for _ in range(30):
        app.processEvents()
        time.sleep(0.01)


def _tab_pngs(
    app: QApplication, store: Store, settings: QSettings, event_id: int, out: Path, suffix: str
) -> MainWindow:
    """A window on a 1366×768 laptop screen, and a PNG of every page of every tab."""
    out.mkdir(parents=True, exist_ok=True)
    window = MainWindow(store, settings)
    window.resize(1366, 768)
    window.open_event(event_id)
    window.show()
    for key, _label in SECTIONS:
        window.planning.show_section(key)
        if key == "programme":
            window.planning.programme.section.table.selectRow(3)
        if key == "meetings":  # the meeting with notes, decisions and actions
            window.planning.meetings.meetings.table.selectRow(1)
        if key == "coproduction":  # the flyer: a gap, its reasons and the data's suggestion
            window.planning.coproduction.choose("Flyer and publicity")
        if key == "lessons":
            window.planning.lessons.lessons.table.selectRow(0)
        app.processEvents()
        window.grab().save(str(out / f"planning-{key}{suffix}.png"))
        print(out / f"planning-{key}{suffix}.png")
    window.tabs.setCurrentWidget(window.speakers)
    for name in ("invitations", "directory"):
        window.speakers.show_section(name)
        app.processEvents()
        window.grab().save(str(out / f"speakers-{name}{suffix}.png"))
        print(out / f"speakers-{name}{suffix}.png")
    window.tabs.setCurrentWidget(window.creche)
    for key, _label in CRECHE_PAGES:
        window.creche.show_section(key)
        if key == "bookings":  # a family with two children, one with a peanut allergy
            window.creche.bookings.bookings.table.selectRow(0)
            window.creche.bookings.children_section.table.selectRow(1)
        if key == "checkin":
            window.creche.checkin.table.selectRow(0)
        if key == "staff":
            window.creche.staff.section.table.selectRow(0)
        app.processEvents()
        window.grab().save(str(out / f"creche-{key}{suffix}.png"))
        print(out / f"creche-{key}{suffix}.png")
    window.tabs.setCurrentWidget(window.flyer)
    _settle(app, lambda: window.flyer.draft.preview.renders >= 1)
    window.grab().save(str(out / f"flyer-draft{suffix}.png"))
    print(out / f"flyer-draft{suffix}.png")
    window.flyer.show_section("languages")
    _settle(app, lambda: window.flyer.languages.preview.renders >= 1)
    window.grab().save(str(out / f"flyer-languages{suffix}.png"))
    print(out / f"flyer-languages{suffix}.png")
    window.tabs.setCurrentWidget(window.feedback)
    for key in ("figures", "entry", "languages"):
        window.feedback.show_section(key)
        if key == "entry":
            window.feedback.entry.answers.focus_first()
        _settle(app, lambda: True, 0)
        window.grab().save(str(out / f"feedback-{key}{suffix}.png"))
        print(out / f"feedback-{key}{suffix}.png")
    window.feedback.show_section("entry")  # a Polish paper being typed in
    entry = window.feedback.entry
    entry.paper.setCurrentIndex(entry.paper.findText("Polish"))
    _settle(app, lambda: True, 0)
    window.grab().save(str(out / f"feedback-entry-polish{suffix}.png"))
    print(out / f"feedback-entry-polish{suffix}.png")
    entry.paper.setCurrentIndex(0)
    return window


def main(out: Path) -> int:
    """Write a PNG for every Planning section, Speakers part, Creche page, the flyer draft,
    the Feedback figures, paper-form entry (English and Polish) and languages, the Summary
    report window; programme.pdf, creche-register.pdf, booking-list.pdf, feedback-form.pdf
    (and in Polish, with a PNG), the sign-in sheet in Polish (PDF and PNG),
    feedback-summary.pdf and summary.pdf (with its first two pages as PNGs); Collect on
    phones, the feedback card and the form on a phone (in Polish, its error summary, thanks);
    the team database's Connect dialog, a clash and a bring back; a database open read-only;
    the team roles (on a PostgreSQL server, when one is named); and the import dialogs on the
    example files in docs/examples, at 100% and 200% text."""
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="organiser-shots-"))
    app = QApplication(sys.argv[:1])
    apply_style(app)
    store = open_store(f"sqlite:///{work / 'demo.sqlite'}")
    event_id = add_demo_event(store)
    settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
    window = _tab_pngs(app, store, settings, event_id, out, "")
    summary = window.show_summary_report()  # the report's words, as the data writes them
    assert summary is not None
    _settle(app, lambda: True, 0)
    summary.grab().save(str(out / "summary-dialog.png"))
    print(out / "summary-dialog.png")
    summary.close()
    chooser = choose_and_print(window)  # File ▸ Print…
    assert chooser is not None
    chooser.documents.setCurrentRow(list(printable()).index("register"))
    _settle(app, lambda: True, 0)
    chooser.grab().save(str(out / "print-chooser.png"))
    print(out / "print-chooser.png")
    chooser.close()
    (out / "programme.pdf").write_bytes(render_programme(programme_sheet(store, event_id)))
    for kind, name in (
        ("register", "creche-register.pdf"),
        ("bookings", "booking-list.pdf"),
        ("feedback-form", "feedback-form.pdf"),
        ("feedback-summary", "feedback-summary.pdf"),
    ):
        (out / name).write_bytes(DOCUMENTS[kind].render(store, event_id, None))
    polish = DOCUMENTS["feedback-form"].render(store, event_id, None, language="Polish")
    (out / "feedback-form-polish.pdf").write_bytes(polish)
    pdf_png(app, polish, out / "feedback-form-polish.png")
    door = DOCUMENTS["sign-in"].render(store, event_id, None, language="Polish")
    (out / "sign-in-polish.pdf").write_bytes(door)
    pdf_png(app, door, out / "sign-in-polish.png")
    dialog_png(app, window, out, "")
    card_png(app, store, event_id, out)
    flyer_pngs(app, store, event_id, out)
    summary_pngs(app, store, event_id, out)
    team_pngs(app, work, out)
    window.close()
    # The same pages at 200% text: nothing cut off, the window no larger than the screen.
    settings.setValue("view/zoom", 2.0)
    zoomed = _tab_pngs(app, store, settings, event_id, out / "200", "-200")
    dialog_png(app, zoomed, out / "200", "-200")
    zoomed.close()
    apply_zoom(app, 1.0)
    settings.setValue("view/zoom", 1.0)
    read_only_pngs(app, work, out)
    protection_pngs(app, work, out)
    roles_pngs(app, work, out)
    import_pngs(app, work, out)
    phone_pngs(store, event_id, out)  # last: it stores the phone's answers
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
