"""Where the main window opens: within the screen it is on, at the size and place it had there
last time (remembered per screen), never larger than the screen's free area."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSettings
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

# Room for the title bar the window manager draws above the window (unknown before showing).
TITLE_BAR = 32
# Where earlier versions kept the window's place (one for every screen).
LEGACY_KEY = "window/geometry"
# The size a first start opens at, where the screen has room for it.
FIRST_SIZE = (1280, 800)


def screen_key(screen: QScreen) -> str:
    """The setting that remembers the window on one screen (a laptop's own, or a projector)."""
    free = screen.availableGeometry()
    name = "".join(c if c.isalnum() else "-" for c in screen.name()) or "screen"
    return f"window/geometry/{name}-{free.width()}x{free.height()}"


def within(rect: QRect, free: QRect, title: int = TITLE_BAR) -> QRect:
    """A window's rectangle moved, and shrunk if need be, to lie within the free area."""
    room = free.adjusted(0, min(title, free.height() // 4), 0, 0)
    width, height = min(rect.width(), room.width()), min(rect.height(), room.height())
    x = min(max(rect.x(), room.x()), room.x() + room.width() - width)
    y = min(max(rect.y(), room.y()), room.y() + room.height() - height)
    return QRect(x, y, width, height)


def first_place(free: QRect) -> QRect:
    """A first start: the usual size where it fits, centred on the screen."""
    size = QRect(0, 0, *FIRST_SIZE)
    fitted = within(size, free)
    fitted.moveCenter(free.center())
    return within(fitted, free)


def _screen(window: QWidget) -> QScreen | None:
    return window.screen() or QGuiApplication.primaryScreen()


def restore(window: QWidget, settings: QSettings) -> None:
    """Open the window where it was on this screen (or where it was before Organiser kept a
    place per screen), or fresh; always within the screen it lands on."""
    screen = _screen(window)
    if screen is None:
        window.resize(*FIRST_SIZE)
        return
    saved = settings.value(screen_key(screen), settings.value(LEGACY_KEY))
    if isinstance(saved, QByteArray) and not saved.isEmpty() and window.restoreGeometry(saved):
        if not window.isMaximized() and not window.isFullScreen():
            landed = QGuiApplication.screenAt(window.geometry().center()) or screen
            window.setGeometry(within(window.geometry(), landed.availableGeometry()))
    else:
        window.setGeometry(first_place(screen.availableGeometry()))


def remember(window: QWidget, settings: QSettings) -> None:
    """Keep the window's size and place for the screen it is on."""
    if (screen := _screen(window)) is not None:
        settings.setValue(screen_key(screen), window.saveGeometry())


def keep_on_screen(window: QWidget) -> None:
    """Shrink or move the window back within its screen (after the text size changed)."""
    screen = _screen(window)
    if screen is None or window.isMaximized() or window.isFullScreen():
        return
    # Shown now: the title bar's real height, where the window manager draws one.
    title = window.geometry().y() - window.frameGeometry().y()
    fitted = within(window.geometry(), screen.availableGeometry(), title if title > 0 else 0)
    if fitted != window.geometry():
        window.setGeometry(fitted)
