"""The window's own lazily loaded parts, for `organiser self-test`: Qt's plugins and fonts.

Drawn offscreen, so it needs no display: the check is that the files are there and load.
"""

from __future__ import annotations

import sys
from importlib.resources import files
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QFontDatabase, QGuiApplication, QIcon
from PySide6.QtPdf import QPdfDocument
from PySide6.QtSvg import QSvgRenderer

from organiser.reports.charts import SCREEN_FONTS
from organiser.ui.platform_check import load_problem, platform_plugin


def _platform_plugin() -> str:
    plugin = platform_plugin()
    problem = load_problem(plugin)
    if problem is not None:
        raise RuntimeError(f"the window's platform plugin does not load: {problem}")
    return plugin.name


def check_window_parts(flyer_pdf: bytes | None, chart_svg: bytes | None) -> str:
    """Load the platform plugin's file, the SVG icon, a chart, the flyer preview and the fonts
    (the chart and the flyer when the parts that make them worked)."""
    checked = [f"platform plugin {_platform_plugin()}", "icon"]
    # Kept in a name for as long as the checks run: Qt needs its application object.
    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0], "-platform", "offscreen"])
    icon = QIcon(str(files("organiser") / "resources" / "organiser.svg"))
    if icon.pixmap(QSize(64, 64)).isNull():
        raise RuntimeError("the window's icon (SVG) does not load")
    if chart_svg is not None:
        if not QSvgRenderer(QByteArray(chart_svg)).isValid():
            raise RuntimeError("a chart (SVG) does not load")
        checked.append("chart")
    if flyer_pdf is not None:
        _preview(flyer_pdf)
        checked.append("flyer preview")
    for font in SCREEN_FONTS:
        if QFontDatabase.addApplicationFont(font) < 0:
            raise RuntimeError(f"the screen font {Path(font).name} does not load")
    return ", ".join([*checked, f"{len(SCREEN_FONTS)} fonts"])


def _preview(flyer_pdf: bytes) -> None:
    buffer = QBuffer()
    buffer.setData(QByteArray(flyer_pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.pageCount() < 1 or document.render(0, QSize(210, 297)).isNull():
        raise RuntimeError(f"the flyer preview (PDF) does not load: {document.error().name}")
