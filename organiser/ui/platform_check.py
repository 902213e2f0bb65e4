"""Can Qt open a window here? Said in one line, before Qt aborts with a cryptic message."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo

# Libraries Qt's xcb platform plugin may need, and the Debian/Ubuntu packages that hold them.
XCB_LIBRARIES = {
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
    "xcb-image": "libxcb-image0",
    "xcb-render-util": "libxcb-render-util0",
    "xcb-xinerama": "libxcb-xinerama0",
    "xcb-xkb": "libxcb-xkb1",
    "xkbcommon-x11": "libxkbcommon-x11-0",
    "xcb-shape": "libxcb-shape0",
    "xcb-randr": "libxcb-randr0",
}
# The platform plugin each desktop's window needs.
PLATFORM_PLUGINS = {"linux": "libqxcb.so", "win32": "qwindows.dll", "darwin": "libqcocoa.dylib"}


def platform_plugin() -> Path:
    """This desktop's platform plugin, where Qt (or the bundle's Qt) keeps it."""
    name = next((p for key, p in PLATFORM_PLUGINS.items() if sys.platform.startswith(key)), "")
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms" / name


def load_problem(plugin: Path) -> str | None:
    """Why the plugin cannot load (a library it needs is missing), or None when it loads.

    On Linux it is loaded now, every symbol resolved, just as Qt will load it; elsewhere the
    file must be there.
    """
    if not plugin.is_file():
        return f"Qt's platform plugin {plugin.name} is missing from {plugin.parent}"
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(str(plugin), mode=os.RTLD_NOW | os.RTLD_LOCAL)
        except OSError as exc:
            return str(exc)
    return None


def _has_library(name: str) -> bool:
    """Whether the system has lib<name>, or a bundle (PyInstaller) brought its own copy."""
    bundled = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundled and any(Path(bundled).glob(f"lib{name}.so*")):
        return True
    return ctypes.util.find_library(name) is not None


def platform_problem() -> str | None:
    """Say, in one line, what Qt would fail on before it aborts with a cryptic message."""
    if not sys.platform.startswith("linux"):
        return None
    chosen = os.environ.get("QT_QPA_PLATFORM", "")
    if chosen and not chosen.startswith("xcb"):
        return None
    if not chosen and os.environ.get("WAYLAND_DISPLAY"):
        return None
    if not os.environ.get("DISPLAY"):
        return (
            "No display found: start Organiser from a desktop session "
            "(scripts can use the headless commands; see organiser --help)."
        )
    error = load_problem(platform_plugin())
    if error is None:
        return None
    missing = [pkg for lib, pkg in XCB_LIBRARIES.items() if not _has_library(lib)]
    named = [pkg for lib, pkg in XCB_LIBRARIES.items() if f"lib{lib}.so" in error]
    missing = [pkg for pkg in XCB_LIBRARIES.values() if pkg in missing or pkg in named]
    if missing:
        return (
            "Qt cannot open a window because system libraries are missing; install them with: "
            f"sudo apt install {' '.join(missing)}"
        )
    return f"Qt cannot open a window: {error.splitlines()[0]}"
