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


def protection_pngs(app: QApplication, work: Path, out: Path) -> None:
    """protect.png and recovery-key.png: File ▸ Password protection… before and after, at
    100% and 200% text (…-200.png)."""
    from organiser.core import protection
    from organiser.ui.protect_dialog import ProtectionDialog

    for suffix, zoom in (("", 1.0), ("-200", 2.0)):
        url = f"sqlite:///{work / f'protected{suffix}' / 'organiser.sqlite'}"
        settings = QSettings(str(work / f"protect{suffix}.ini"), QSettings.Format.IniFormat)
        settings.setValue("view/zoom", zoom)
        store = open_store(url)
        add_demo_event(store)
        window = MainWindow(store, settings)
        window.resize(1366, 768)
        window.show()
        dialog = ProtectionDialog(window)
        dialog.show()
        for name in ("protect", "recovery-key"):
            for _ in range(10):
                app.processEvents()
            dialog.grab().save(str(out / f"{name}{suffix}.png"))
            print(out / f"{name}{suffix}.png")
            if name == "protect":
                dialog.new.setText("an example password")
                dialog.again.setText("an example password")
                dialog.protect()
        dialog.close()
        window.close()
        window.store.close()
        protection.forget(window.store.path or Path())
    apply_zoom(app, 1.0)
