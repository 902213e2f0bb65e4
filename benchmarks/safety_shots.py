"""Screenshots of a database that can only be read: the banner, at 100% and 200% text."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from organiser.core.demo import add_demo_event
from organiser.core.opening import open_store
from organiser.ui.main_window import MainWindow
from organiser.ui.style import apply_zoom

REASON = "the disk or stick that holds organiser.sqlite can only be read"
SHOTS = (("read-only", (1366, 768), 1.0), ("read-only-200", (1920, 1080), 2.0))


def read_only_pngs(app: QApplication, work: Path, out: Path) -> None:
    """read-only.png (1366×768) and read-only-200.png (1920×1080 at 200% text)."""
    url = f"sqlite:///{work / 'stick' / 'organiser.sqlite'}"
    with closing(open_store(url)) as writable:
        add_demo_event(writable)
    with closing(open_store(url, read_only_ok=True, force_read_only=REASON)) as store:
        for name, size, zoom in (
            ("read-only", (1366, 768), 1.0),
            ("read-only-200", (1920, 1080), 2.0),
        ):
            settings = QSettings(str(work / f"{name}.ini"), QSettings.Format.IniFormat)
            settings.setValue("view/zoom", zoom)
            window = MainWindow(store, settings)
            window.resize(*size)
            window.planning.show_section("details")
            window.show()
            for _ in range(5):
                app.processEvents()
            window.grab().save(str(out / f"{name}.png"))
            print(out / f"{name}.png")
            window.close()
            window.deleteLater()
            app.processEvents()
        apply_zoom(app, 1.0)
