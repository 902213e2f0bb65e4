"""Before Qt aborts with "could not load the Qt platform plugin": one line that says why."""

from __future__ import annotations

from pathlib import Path

import pytest

from organiser.ui import platform_check

CURSOR_MISSING = "libxcb-cursor.so.0: cannot open shared object file: No such file or directory"


@pytest.fixture
def desktop(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """A Linux desktop session on X."""
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setattr(platform_check.sys, "platform", "linux")
    return monkeypatch


def test_a_plugin_that_loads_needs_nothing_more(desktop: pytest.MonkeyPatch) -> None:
    # xinerama is not found, but Qt 6's plugin does not need it: the plugin loading decides.
    desktop.setattr(platform_check, "load_problem", lambda plugin: None)
    desktop.setattr(platform_check.ctypes.util, "find_library", lambda name: None)
    assert platform_check.platform_problem() is None


def test_the_missing_packages_are_named(desktop: pytest.MonkeyPatch) -> None:
    desktop.setattr(platform_check, "load_problem", lambda plugin: CURSOR_MISSING)
    desktop.setattr(
        platform_check.ctypes.util,
        "find_library",
        lambda name: None if name == "xcb-cursor" else name,
    )
    problem = platform_check.platform_problem()
    assert problem == (
        "Qt cannot open a window because system libraries are missing; install them with: "
        "sudo apt install libxcb-cursor0"
    )


def test_a_bundle_is_asked_only_for_what_it_does_not_bring(
    desktop: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    desktop.setattr(platform_check.ctypes.util, "find_library", lambda name: None)
    for name in platform_check.XCB_LIBRARIES:
        if name != "xcb-cursor":
            (tmp_path / f"lib{name}.so.0").write_bytes(b"")
    desktop.setattr(platform_check.sys, "frozen", True, raising=False)
    desktop.setattr(platform_check.sys, "_MEIPASS", str(tmp_path), raising=False)
    desktop.setattr(platform_check, "load_problem", lambda plugin: CURSOR_MISSING)
    assert platform_check.platform_problem() == (
        "Qt cannot open a window because system libraries are missing; install them with: "
        "sudo apt install libxcb-cursor0"
    )


def test_another_missing_library_is_said_in_the_loaders_words(
    desktop: pytest.MonkeyPatch,
) -> None:
    desktop.setattr(platform_check.ctypes.util, "find_library", lambda name: name)
    desktop.setattr(platform_check, "load_problem", lambda plugin: "libEGL.so.1: cannot open")
    assert platform_check.platform_problem() == "Qt cannot open a window: libEGL.so.1: cannot open"


def test_a_missing_plugin_file_is_named(tmp_path: Path) -> None:
    problem = platform_check.load_problem(tmp_path / "platforms" / "libqxcb.so")
    assert problem == f"Qt's platform plugin libqxcb.so is missing from {tmp_path / 'platforms'}"


def test_a_plugin_that_cannot_be_loaded_says_why(tmp_path: Path) -> None:
    broken = tmp_path / "libqxcb.so"
    broken.write_bytes(b"\x7fELF not really a library")
    problem = platform_check.load_problem(broken)
    assert problem is not None and "libqxcb.so" in problem


def test_no_display_is_said_in_one_line(desktop: pytest.MonkeyPatch) -> None:
    desktop.delenv("DISPLAY")
    assert "No display found" in (platform_check.platform_problem() or "")
